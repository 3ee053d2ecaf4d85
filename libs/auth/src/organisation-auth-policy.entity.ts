import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/** How an organisation's people must sign in, set by its admin; no row means the defaults. */
@Entity('organisation_auth_policy')
export class OrganisationAuthPolicyEntity {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'pk_organisation_auth_policy' })
  organisationId!: string;

  /** Everyone needs a TOTP second factor: without one, a login gives an enrolment-only session. */
  @Column({ type: 'boolean', default: false })
  secondFactorRequired!: boolean;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;

  @ManyToOne('OrganisationEntity', { onDelete: 'CASCADE' })
  @JoinColumn({
    name: 'organisation_id',
    foreignKeyConstraintName: 'fk_organisation_auth_policy__organisation',
  })
  readonly organisation?: never;
}
