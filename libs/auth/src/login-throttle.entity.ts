import { Check, Column, Entity, PrimaryColumn } from 'typeorm';

export type LoginThrottleScope = 'address_account' | 'account' | 'address';

/**
 * Login attempts within a window, per scope and key (see LoginThrottleRepository). Attempts are
 * reserved before the password is checked and given back on success.
 */
@Entity('login_throttle')
@Check('ck_login_throttle__scope', `scope IN ('address_account', 'account', 'address')`)
@Check('ck_login_throttle__attempts', `attempts >= 0`)
export class LoginThrottleEntity {
  @PrimaryColumn({ type: 'text', primaryKeyConstraintName: 'pk_login_throttle' })
  scope!: LoginThrottleScope;

  @PrimaryColumn({ type: 'text', primaryKeyConstraintName: 'pk_login_throttle' })
  key!: string;

  @Column({ type: 'integer' })
  attempts!: number;

  @Column({ type: 'timestamptz' })
  windowStartedAt!: Date;
}
