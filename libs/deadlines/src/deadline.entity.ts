import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';

import type { TermLength } from './domain';

export type DeadlineStatus = 'open' | 'met' | 'cancelled';

/** One legal or agreed term on a case, with the rule and source it comes from. */
@Entity('deadline')
@Check('ck_deadline__status', `status IN ('open', 'met', 'cancelled')`)
@Check('ck_deadline__paused_days', `paused_days >= 0`)
@Index('ix_deadline__case', ['caseId'])
@Index('ix_deadline__status_due_at', ['status', 'dueAt'])
export class DeadlineEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_deadline' })
  id!: string;

  @Column({ type: 'uuid', nullable: true })
  caseId!: string | null;

  @Column({ type: 'uuid' })
  organisationId!: string;

  @Column({ type: 'uuid', nullable: true })
  worksCouncilId!: string | null;

  @Column({ type: 'text', nullable: true })
  trackKind!: string | null;

  @Column({ type: 'text' })
  ruleId!: string;

  @Column({ type: 'text' })
  source!: string;

  @Column({ type: 'boolean' })
  statutory!: boolean;

  @Column({ type: 'boolean' })
  fatal!: boolean;

  @Column({ type: 'date' })
  triggerDate!: string;

  /** Binding for reminders, legal-rules (c) and (d)4. */
  @Column({ type: 'date' })
  strictDate!: string;

  /** After the Algemene termijnenwet extension past weekends and holidays. */
  @Column({ type: 'date' })
  extendedDate!: string;

  /** End of the strict day in Europe/Amsterdam. */
  @Column({ type: 'timestamptz' })
  dueAt!: Date;

  @Column({ type: 'text', default: 'open' })
  status!: DeadlineStatus;

  /** The length the term was computed with, so a later convenant does not move a running term. */
  @Column({ type: 'jsonb', nullable: true })
  termLength!: TermLength | null;

  /** The convenant in force at the start said this agreed clock stops while information is open, (d)2. */
  @Column({ type: 'boolean', default: false })
  stopsWhileInformationOpen!: boolean;

  /** Calendar days the clock stood still; already included in the dates. */
  @Column({ type: 'integer', default: 0 })
  pausedDays!: number;

  /** Set while an information request stops the clock; the dates move once it is answered. */
  @Column({ type: 'date', nullable: true })
  clockStoppedSince!: string | null;

  /** An agreed term ending on a weekend, holiday or equated day: not extended, flagged, (e)1. */
  @Column({ type: 'boolean', default: false })
  agreedTermEndsOnNonWorkingDay!: boolean;

  @Column({ type: 'timestamptz', nullable: true })
  closedAt!: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @ManyToOne('AiCaseEntity', { onDelete: 'CASCADE', nullable: true })
  @JoinColumn({ name: 'case_id', foreignKeyConstraintName: 'fk_deadline__ai_case' })
  readonly aiCase?: never;
}
