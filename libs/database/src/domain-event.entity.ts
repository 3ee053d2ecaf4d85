import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * The outbox and the per-case event log in one table: written in the same transaction as the
 * change, read by relays after commit, and by reconnecting clients (`after` cursor on case_seq).
 * Payloads carry ids and versions only, never confidential content.
 */
@Entity('domain_event')
@Index('uq_domain_event__case_seq', ['caseId', 'caseSeq'], { unique: true })
@Index('ix_domain_event__occurred_at', ['occurredAt'])
export class DomainEventEntity {
  @PrimaryGeneratedColumn('increment', {
    type: 'bigint',
    primaryKeyConstraintName: 'pk_domain_event',
  })
  id!: string;

  @Column({ type: 'text' })
  type!: string;

  @Column({ type: 'uuid', nullable: true })
  organisationId!: string | null;

  @Column({ type: 'uuid', nullable: true })
  worksCouncilId!: string | null;

  @Column({ type: 'uuid', nullable: true })
  caseId!: string | null;

  /** Position in the case's own event log (1, 2, 3 …), gap-free because the case row is locked. */
  @Column({ type: 'integer', nullable: true })
  caseSeq!: number | null;

  /** For events addressed to one user (notifications). */
  @Column({ type: 'uuid', nullable: true })
  userId!: string | null;

  @Column({ type: 'uuid', nullable: true })
  actorId!: string | null;

  @Column({ type: 'jsonb', default: {} })
  payload!: Record<string, unknown>;

  @Column({ type: 'timestamptz' })
  occurredAt!: Date;

  /** The correlation id of the request that wrote the event, carried into the jobs it causes. */
  @Column({ type: 'text', nullable: true })
  correlationId!: string | null;
}
