import {
  Check,
  Column,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';

import type { ApplicableSections, AssessmentContent } from './domain';

/**
 * A submitted version: immutable. The service never updates one, and a database trigger refuses
 * UPDATE and DELETE (except the cascade when the whole case goes).
 */
@Entity('assessment_version')
@Check('ck_assessment_version__seq', 'seq >= 1')
@Index('uq_assessment_version__case_seq', ['caseId', 'seq'], { unique: true })
export class AssessmentVersionEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_assessment_version' })
  id!: string;

  @Column({ type: 'uuid' })
  caseId!: string;

  @Column({ type: 'integer' })
  seq!: number;

  @Column({ type: 'jsonb' })
  content!: AssessmentContent;

  /** The sections the triage required when it was submitted. */
  @Column({ type: 'jsonb' })
  sections!: ApplicableSections;

  @Column({ type: 'uuid' })
  submittedBy!: string;

  @Column({ type: 'timestamptz' })
  submittedAt!: Date;

  @ManyToOne('AiCaseEntity', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'case_id', foreignKeyConstraintName: 'fk_assessment_version__ai_case' })
  readonly aiCase?: never;
}
