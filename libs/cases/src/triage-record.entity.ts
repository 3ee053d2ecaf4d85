import {
  Check,
  Column,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';

import { AiCaseEntity } from './ai-case.entity';

/** History of triage answers, of the council contesting them, and of re-triage proposals (issue #14). */
@Entity('triage_record')
@Check(
  'ck_triage_record__kind',
  `kind IN ('triage', 'contest', 'contest_resolved', 'proposal', 'proposal_accepted', 'proposal_contested')`,
)
@Index('ix_triage_record__case', ['caseId'])
export class TriageRecordEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_triage_record' })
  id!: string;

  @Column({ type: 'uuid' })
  caseId!: string;

  @Column({ type: 'text' })
  kind!:
    | 'triage'
    | 'contest'
    | 'contest_resolved'
    | 'proposal'
    | 'proposal_accepted'
    | 'proposal_contested';

  @Column({ type: 'jsonb', nullable: true })
  answers!: Record<string, unknown> | null;

  @Column({ type: 'jsonb', nullable: true })
  outcome!: Record<string, unknown> | null;

  @Column({ type: 'text', nullable: true })
  note!: string | null;

  @Column({ type: 'uuid' })
  recordedBy!: string;

  @Column({ type: 'timestamptz' })
  recordedAt!: Date;

  @ManyToOne(() => AiCaseEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'case_id', foreignKeyConstraintName: 'fk_triage_record__ai_case' })
  readonly aiCase?: never;
}
