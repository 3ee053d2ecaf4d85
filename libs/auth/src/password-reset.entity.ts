import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';

/** A password-reset link sent by e-mail: works once, for an hour. */
@Entity('password_reset')
@Index('uq_password_reset__token_hash', ['tokenHash'], { unique: true })
@Index('ix_password_reset__user', ['userId'])
export class PasswordResetEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_password_reset' })
  id!: string;

  @Column({ type: 'uuid' })
  userId!: string;

  /** SHA-256 of the token; the token itself is only in the e-mail. */
  @Column({ type: 'text' })
  tokenHash!: string;

  @Column({ type: 'timestamptz' })
  expiresAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  usedAt!: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @ManyToOne('AppUserEntity', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'fk_password_reset__user' })
  readonly user?: never;
}
