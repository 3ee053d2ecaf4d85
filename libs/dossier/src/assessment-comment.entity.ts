import {
  Check,
  Column,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';

/** A council comment on one question (or dimension, DPIA/FRIA item, the risk register). */
@Entity('assessment_comment')
@Check(
  'ck_assessment_comment__author_side',
  `author_side IN ('council_board', 'council_member', 'expert')`,
)
@Check(
  'ck_assessment_comment__counter_effect',
  `counter_effect IN ('-2', '-1', '0', '1', '2', 'unknown')`,
)
@Index('ix_assessment_comment__case', ['caseId'])
export class AssessmentCommentEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_assessment_comment' })
  id!: string;

  @Column({ type: 'uuid' })
  caseId!: string;

  @Column({ type: 'text' })
  questionId!: string;

  /** The latest submitted version when the comment was written; null before the first. */
  @Column({ type: 'integer', nullable: true })
  versionSeq!: number | null;

  @Column({ type: 'uuid' })
  authorId!: string;

  @Column({ type: 'text' })
  authorSide!: string;

  @Column({ type: 'text' })
  body!: string;

  /** The council's own rating of the expected effect, where it differs (seed-requirements 1.3-1.4). */
  @Column({ type: 'text', nullable: true })
  counterEffect!: string | null;

  @Column({ type: 'timestamptz' })
  createdAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  editedAt!: Date | null;

  @ManyToOne('AiCaseEntity', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'case_id', foreignKeyConstraintName: 'fk_assessment_comment__ai_case' })
  readonly aiCase?: never;
}
