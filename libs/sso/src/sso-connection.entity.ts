import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn, UpdateDateColumn } from 'typeorm';

import type { Role } from '@wc/auth';

/** An identity-provider group whose members get an employer-side role at sign-in. */
export interface GroupRole {
  group: string;
  role: Role;
}

/** An organisation's OpenID Connect identity provider, configured by its admin. */
@Entity('sso_connection')
export class SsoConnectionEntity {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'pk_sso_connection' })
  organisationId!: string;

  /** The issuer identifier; discovery reads `<issuer>/.well-known/openid-configuration`. */
  @Column({ type: 'text' })
  issuer!: string;

  @Column({ type: 'text' })
  clientId!: string;

  /** Encrypted (SecretBox); never returned by the API. */
  @Column({ type: 'text' })
  clientSecret!: string;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  groupRoles!: GroupRole[];

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;

  @ManyToOne('OrganisationEntity', { onDelete: 'CASCADE' })
  @JoinColumn({
    name: 'organisation_id',
    foreignKeyConstraintName: 'fk_sso_connection__organisation',
  })
  readonly organisation?: never;
}
