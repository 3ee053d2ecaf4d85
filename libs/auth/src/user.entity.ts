import {
  JoinColumn,
  ManyToOne,
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  PrimaryGeneratedColumn,
} from 'typeorm';

@Entity('app_user')
@Check('ck_app_user__language', `language IN ('nl', 'en')`)
@Index('uq_app_user__email', ['email'], { unique: true })
@Index('uq_app_user__organisation_sso_subject', ['organisationId', 'ssoSubject'], { unique: true })
export class AppUserEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_app_user' })
  id!: string;

  /** Stored lower-cased so look-ups are exact. */
  @Column({ type: 'text' })
  email!: string;

  @Column({ type: 'text' })
  displayName!: string;

  @Column({ type: 'text' })
  passwordHash!: string;

  @Column({ type: 'text', default: 'nl' })
  language!: 'nl' | 'en';

  /** The organisation the user belongs to (employer or union). */
  @Column({ type: 'uuid' })
  organisationId!: string;

  /** The TOTP secret, encrypted (SecondFactorService); set at enrolment, in use once enabled. */
  @Column({ type: 'text', nullable: true })
  totpSecret!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  totpEnabledAt!: Date | null;

  /** The time step of the last accepted code: a code is never accepted twice. */
  @Column({ type: 'bigint', nullable: true })
  totpLastTimeStep!: string | null;

  /** The organisation's identity provider's `sub` for this person, linked at their first single sign-on. */
  @Column({ type: 'text', nullable: true })
  ssoSubject!: string | null;

  /** Set by an administrator or the council board; the account's sessions end with it. */
  @Column({ type: 'timestamptz', nullable: true })
  deactivatedAt!: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @ManyToOne('OrganisationEntity', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'organisation_id', foreignKeyConstraintName: 'fk_app_user__organisation' })
  readonly organisation?: never;
}
