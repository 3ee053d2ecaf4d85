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

export type CommitmentStatus = 'open' | 'met' | 'broken' | 'waived';

/**
 * One condition of a conditional advice or consent, followed up as a commitment (issue #19): an
 * owner on the employer side, a due date, evidence, and a status. The employer records evidence
 * and that it is met; only the council declares it broken or waives it.
 */
@Entity('commitment')
@Check('ck_commitment__track', `track IN ('advice', 'consent')`)
@Check('ck_commitment__status', `status IN ('open', 'met', 'broken', 'waived')`)
@Index('uq_commitment__case_track_condition', ['caseId', 'track', 'conditionNo'], { unique: true })
@Index('ix_commitment__status_due_date', ['status', 'dueDate'])
export class CommitmentEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_commitment' })
  id!: string;

  @Column({ type: 'uuid' })
  caseId!: string;

  @Column({ type: 'uuid' })
  organisationId!: string;

  @Column({ type: 'uuid' })
  worksCouncilId!: string;

  @Column({ type: 'text' })
  track!: 'advice' | 'consent';

  /** The condition's place in the council's position, from 1. */
  @Column({ type: 'integer' })
  conditionNo!: number;

  @Column({ type: 'text' })
  condition!: string;

  @Column({ type: 'uuid', nullable: true })
  ownerId!: string | null;

  @Column({ type: 'date', nullable: true })
  dueDate!: string | null;

  @Column({ type: 'text', nullable: true })
  evidence!: string | null;

  @Column({ type: 'uuid', nullable: true })
  evidenceDocumentId!: string | null;

  @Column({ type: 'text' })
  status!: CommitmentStatus;

  @Column({ type: 'text', nullable: true })
  statusNote!: string | null;

  @Column({ type: 'uuid', nullable: true })
  statusChangedBy!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  statusChangedAt!: Date | null;

  /** The due date the owner was last reminded of: a moved date reminds again. */
  @Column({ type: 'date', nullable: true })
  remindedFor!: string | null;

  /** When the council reopened the case (or took the legal step) from this broken commitment. */
  @Column({ type: 'timestamptz', nullable: true })
  reopenedAt!: Date | null;

  @Column({ type: 'timestamptz' })
  createdAt!: Date;

  @VersionColumn()
  version!: number;

  @ManyToOne('AiCaseEntity', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'case_id', foreignKeyConstraintName: 'fk_commitment__ai_case' })
  readonly aiCase?: never;
}
