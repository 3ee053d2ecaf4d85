import {
  Check,
  Column,
  Entity,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  VersionColumn,
} from 'typeorm';

import type { ComplaintProcedure, Overseer, OversightModel } from './domain';

/** The human-oversight arrangement of a case: one per case, edited under optimistic locking. */
@Entity('oversight_arrangement')
@Check('ck_oversight_arrangement__log_retention_months', 'log_retention_months >= 6')
@Check(
  'ck_oversight_arrangement__oversight_model',
  `oversight_model IN ('single_reviewer', 'multiple_reviewers', 'combined_with_other_information', 'documented_no_human_value')`,
)
export class OversightArrangementEntity {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'pk_oversight_arrangement' })
  caseId!: string;

  /** Which decisions or outputs are overseen (monitoring, evaluation, pay, promotion, …). */
  @Column({ type: 'text', default: '' })
  appliesTo!: string;

  @Column({ type: 'text', nullable: true })
  oversightModel!: OversightModel | null;

  @Column({ type: 'jsonb', default: [] })
  overseers!: Overseer[];

  @Column({ type: 'text' })
  knowledgeAndTraining!: string;

  @Column({ type: 'text' })
  escalationPath!: string;

  @Column({ type: 'jsonb' })
  complaintProcedure!: ComplaintProcedure;

  @Column({ type: 'text', default: '' })
  protection!: string;

  // AI Act 26(6): at least six months [E9]
  @Column({ type: 'integer' })
  logRetentionMonths!: number;

  @Column({ type: 'date' })
  reviewDate!: string;

  @Column({ type: 'uuid' })
  updatedBy!: string;

  @VersionColumn()
  version!: number;

  @Column({ type: 'timestamptz' })
  createdAt!: Date;

  @Column({ type: 'timestamptz' })
  updatedAt!: Date;

  @ManyToOne('AiCaseEntity', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'case_id', foreignKeyConstraintName: 'fk_oversight_arrangement__ai_case' })
  readonly aiCase?: never;
}
