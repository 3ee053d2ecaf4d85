import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn, VersionColumn } from 'typeorm';

import type { AnswerContent, DimensionRating, RiskEntry, SectionContent } from './domain';

/** The employer's working draft of a case's impact assessment; submitted versions are separate. */
@Entity('assessment')
export class AssessmentEntity {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'pk_assessment' })
  caseId!: string;

  /** Per question id (A1…L1), the employer's answer. */
  @Column({ type: 'jsonb', default: {} })
  answers!: Record<string, AnswerContent>;

  @Column({ type: 'jsonb', default: {} })
  dimensionRatings!: Record<string, DimensionRating>;

  @Column({ type: 'jsonb', default: [] })
  risks!: RiskEntry[];

  /** Kept even while the triage does not require a DPIA; only shown and submitted when it does. */
  @Column({ type: 'jsonb', nullable: true })
  dpia!: SectionContent | null;

  @Column({ type: 'jsonb', nullable: true })
  fria!: SectionContent | null;

  @Column({ type: 'uuid' })
  updatedBy!: string;

  @VersionColumn()
  version!: number;

  @Column({ type: 'timestamptz' })
  createdAt!: Date;

  @Column({ type: 'timestamptz' })
  updatedAt!: Date;

  @ManyToOne('AiCaseEntity', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'case_id', foreignKeyConstraintName: 'fk_assessment__ai_case' })
  readonly aiCase?: never;
}
