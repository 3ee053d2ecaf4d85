import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** Failed logins by source address, for per-IP throttling (per-account state lives on the user). */
@Entity('login_failure')
@Index('ix_login_failure__ip_occurred_at', ['ip', 'occurredAt'])
export class LoginFailureEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_login_failure' })
  id!: string;

  @Column({ type: 'text' })
  ip!: string;

  @Column({ type: 'timestamptz' })
  occurredAt!: Date;
}
