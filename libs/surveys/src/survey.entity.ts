import {
  Check,
  Column,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  VersionColumn,
} from 'typeorm';

import type { CouncilQuestion, SurveyResults } from './domain/questions';

export type SurveyStatus = 'open' | 'closed';

/**
 * An anonymous staff survey the council runs on a case (issue #19). Council-internal material
 * until the council attaches it to its position; its results are published in blocks of five
 * responses (`publishedResults`), and nothing is shown below five.
 */
@Entity('survey')
@Check('ck_survey__status', `status IN ('open', 'closed')`)
@Check(
  'ck_survey__counts',
  `invitation_count >= 0 AND response_count >= 0 AND published_response_count >= 0 AND response_count <= invitation_count AND published_response_count <= response_count`,
)
@Index('ix_survey__case', ['caseId'])
export class SurveyEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_survey' })
  id!: string;

  @Column({ type: 'uuid' })
  caseId!: string;

  @Column({ type: 'text' })
  title!: string;

  @Column({ type: 'jsonb' })
  councilQuestions!: CouncilQuestion[];

  @Column({ type: 'text' })
  status!: SurveyStatus;

  @Column({ type: 'integer' })
  invitationCount!: number;

  /** Never shown: below five it would tell how many answered, above it the blocks do. */
  @Column({ type: 'integer' })
  responseCount!: number;

  @Column({ type: 'jsonb', nullable: true })
  publishedResults!: SurveyResults | null;

  @Column({ type: 'integer' })
  publishedResponseCount!: number;

  @Column({ type: 'uuid' })
  createdBy!: string;

  @Column({ type: 'timestamptz' })
  createdAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  closedAt!: Date | null;

  /** When the council attached the results to its position: from then on the employer sees them. */
  @Column({ type: 'timestamptz', nullable: true })
  attachedToPositionAt!: Date | null;

  @Column({ type: 'uuid', nullable: true })
  attachedToPositionBy!: string | null;

  @VersionColumn()
  version!: number;

  @ManyToOne('AiCaseEntity', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'case_id', foreignKeyConstraintName: 'fk_survey__ai_case' })
  readonly aiCase?: never;
}

/**
 * One single-use invitation: the SHA-256 of its token, and whether it was used. Deliberately no
 * address (used to send the e-mail, then forgotten) and no time of use.
 */
@Entity('survey_invitation')
@Index('uq_survey_invitation__token_hash', ['tokenHash'], { unique: true })
@Index('ix_survey_invitation__survey', ['surveyId'])
export class SurveyInvitationEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_survey_invitation' })
  id!: string;

  @Column({ type: 'uuid' })
  surveyId!: string;

  @Column({ type: 'text' })
  tokenHash!: string;

  @Column({ type: 'boolean' })
  used!: boolean;

  /** When its batch was sent: the same for every invitation of the batch. */
  @Column({ type: 'timestamptz' })
  sentAt!: Date;

  @ManyToOne(() => SurveyEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'survey_id', foreignKeyConstraintName: 'fk_survey_invitation__survey' })
  readonly survey?: never;
}

/** One response's answers: no invitation id, no timestamp, a random id. */
@Entity('survey_response')
@Index('ix_survey_response__survey', ['surveyId'])
export class SurveyResponseEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_survey_response' })
  id!: string;

  @Column({ type: 'uuid' })
  surveyId!: string;

  @Column({ type: 'jsonb' })
  answers!: Record<string, string | number>;

  @ManyToOne(() => SurveyEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'survey_id', foreignKeyConstraintName: 'fk_survey_response__survey' })
  readonly survey?: never;
}
