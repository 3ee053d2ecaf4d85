import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * One append-only audit line for a case. Rows are hash-chained per case (each hash covers the
 * previous hash), and a database trigger refuses UPDATE and DELETE.
 */
@Entity('audit_entry')
@Index('uq_audit_entry__case_seq', ['caseId', 'seq'], { unique: true })
export class AuditEntryEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_audit_entry' })
  id!: string;

  @Column({ type: 'uuid' })
  caseId!: string;

  @Column({ type: 'integer' })
  seq!: number;

  @Column({ type: 'uuid', nullable: true })
  actorId!: string | null;

  @Column({ type: 'text' })
  action!: string;

  @Column({ type: 'timestamptz' })
  occurredAt!: Date;

  @Column({ type: 'jsonb', nullable: true })
  before!: Record<string, unknown> | null;

  @Column({ type: 'jsonb', nullable: true })
  after!: Record<string, unknown> | null;

  @Column({ type: 'text' })
  prevHash!: string;

  @Column({ type: 'text' })
  hash!: string;
}
