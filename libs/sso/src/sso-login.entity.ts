import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A started sign-in at an identity provider: the PKCE verifier and nonce stay here (never in the
 * browser); the state reaches the browser and comes back, and only its hash is stored. Used once.
 */
@Entity('sso_login')
@Index('uq_sso_login__state_hash', ['stateHash'], { unique: true })
export class SsoLoginEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_sso_login' })
  id!: string;

  @Column({ type: 'text' })
  stateHash!: string;

  @Column({ type: 'uuid' })
  organisationId!: string;

  @Column({ type: 'text' })
  codeVerifier!: string;

  @Column({ type: 'text' })
  nonce!: string;

  @Column({ type: 'timestamptz' })
  expiresAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  usedAt!: Date | null;

  @ManyToOne('SsoConnectionEntity', { onDelete: 'CASCADE' })
  @JoinColumn({
    name: 'organisation_id',
    referencedColumnName: 'organisationId',
    foreignKeyConstraintName: 'fk_sso_login__sso_connection',
  })
  readonly connection?: never;
}
