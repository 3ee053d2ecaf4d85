import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';

/** An e-mail domain whose people sign in with an organisation's identity provider; one organisation each. */
@Entity('sso_email_domain')
@Index('ix_sso_email_domain__organisation', ['organisationId'])
export class SsoEmailDomainEntity {
  /** Lower-case, without `@`. */
  @PrimaryColumn({ type: 'text', primaryKeyConstraintName: 'pk_sso_email_domain' })
  domain!: string;

  @Column({ type: 'uuid' })
  organisationId!: string;

  @ManyToOne('SsoConnectionEntity', { onDelete: 'CASCADE' })
  @JoinColumn({
    name: 'organisation_id',
    referencedColumnName: 'organisationId',
    foreignKeyConstraintName: 'fk_sso_email_domain__sso_connection',
  })
  readonly connection?: never;
}
