import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * The newest entry of a case's audit chain, anchored by a database trigger in the transaction of
 * each append (the application role may only read it). Entries missing after the head show that
 * the newest ones were removed.
 */
@Entity('audit_head')
export class AuditHeadEntity {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'pk_audit_head' })
  caseId!: string;

  @Column({ type: 'integer' })
  seq!: number;

  @Column({ type: 'text' })
  hash!: string;
}
