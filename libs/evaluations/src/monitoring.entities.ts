import {
  Check,
  Column,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  PrimaryGeneratedColumn,
  VersionColumn,
} from 'typeorm';

import type {
  CommitmentReview,
  DimensionResult,
  Goal,
  GoalResult,
  IncidentKind,
} from './domain/evaluation';

/** What a system must achieve and which quality-of-work indicators to watch, set at intake. */
@Entity('monitoring_plan')
export class MonitoringPlanEntity {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'pk_monitoring_plan' })
  caseId!: string;

  @Column({ type: 'jsonb', default: [] })
  goals!: Goal[];

  /** Dimension keys of the impact assessment (A…L) to watch after go-live. */
  @Column({ type: 'jsonb', default: [] })
  indicators!: string[];

  @Column({ type: 'uuid' })
  updatedBy!: string;

  @Column({ type: 'timestamptz' })
  updatedAt!: Date;

  @VersionColumn()
  version!: number;

  @ManyToOne('AiCaseEntity', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'case_id', foreignKeyConstraintName: 'fk_monitoring_plan__ai_case' })
  readonly aiCase?: never;
}

export type EvaluationStatus = 'scheduled' | 'recorded';

/** One evaluation moment after go-live; recorded once, with the re-rating of the assessment. */
@Entity('evaluation')
@Check('ck_evaluation__status', `status IN ('scheduled', 'recorded')`)
@Index('uq_evaluation__case_seq', ['caseId', 'seq'], { unique: true })
@Index('ix_evaluation__due_on', ['dueOn'], { where: `status = 'scheduled'` })
export class EvaluationEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_evaluation' })
  id!: string;

  @Column({ type: 'uuid' })
  caseId!: string;

  @Column({ type: 'integer' })
  seq!: number;

  @Column({ type: 'date' })
  goLiveOn!: string;

  @Column({ type: 'integer' })
  monthsAfter!: number;

  @Column({ type: 'date' })
  dueOn!: string;

  @Column({ type: 'text' })
  status!: EvaluationStatus;

  @Column({ type: 'timestamptz', nullable: true })
  remindedAt!: Date | null;

  @Column({ type: 'jsonb', default: [] })
  ratings!: DimensionResult[];

  @Column({ type: 'jsonb', default: [] })
  goalResults!: GoalResult[];

  @Column({ type: 'text', default: '' })
  summary!: string;

  /** The case's open commitments as this evaluation found them (issue #19). */
  @Column({ type: 'jsonb', default: [] })
  commitmentReviews!: CommitmentReview[];

  @Column({ type: 'uuid', nullable: true })
  recordedBy!: string | null;

  @Column({ type: 'text', nullable: true })
  recordedSide!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  recordedAt!: Date | null;

  @ManyToOne('AiCaseEntity', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'case_id', foreignKeyConstraintName: 'fk_evaluation__ai_case' })
  readonly aiCase?: never;
}

/** A post-go-live signal: an overseer's override or correction, or a staff report via the council. */
@Entity('monitoring_incident')
@Check(
  'ck_monitoring_incident__kind',
  `kind IN ('override', 'correction', 'staff_report', 'unforeseen_effect')`,
)
@Index('ix_monitoring_incident__case', ['caseId', 'occurredOn'])
export class MonitoringIncidentEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_monitoring_incident' })
  id!: string;

  @Column({ type: 'uuid' })
  caseId!: string;

  @Column({ type: 'text' })
  kind!: IncidentKind;

  @Column({ type: 'text' })
  description!: string;

  @Column({ type: 'date' })
  occurredOn!: string;

  @Column({ type: 'uuid' })
  reportedBy!: string;

  @Column({ type: 'text' })
  reportedSide!: string;

  @Column({ type: 'timestamptz' })
  createdAt!: Date;

  @ManyToOne('AiCaseEntity', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'case_id', foreignKeyConstraintName: 'fk_monitoring_incident__ai_case' })
  readonly aiCase?: never;
}

/** A case opened by a material register change: which case it follows up, and what changed (P5). */
@Entity('case_follow_up')
@Index('ix_case_follow_up__follows', ['followsCaseId'])
export class CaseFollowUpEntity {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'pk_case_follow_up' })
  caseId!: string;

  @Column({ type: 'uuid' })
  followsCaseId!: string;

  @Column({ type: 'uuid' })
  aiSystemId!: string;

  @Column({ type: 'jsonb' })
  fields!: string[];

  @Column({ type: 'timestamptz' })
  openedAt!: Date;

  @ManyToOne('AiCaseEntity', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'case_id', foreignKeyConstraintName: 'fk_case_follow_up__ai_case' })
  readonly aiCase?: never;

  @ManyToOne('AiCaseEntity', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'follows_case_id', foreignKeyConstraintName: 'fk_case_follow_up__follows' })
  readonly follows?: never;
}
