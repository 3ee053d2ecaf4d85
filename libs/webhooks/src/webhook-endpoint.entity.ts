import {
  Column,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  VersionColumn,
} from 'typeorm';

/** A receiver an organisation registered (issue #21); deliveries are signed with its secret. */
@Entity('webhook_endpoint')
@Index('ix_webhook_endpoint__organisation', ['organisationId'])
export class WebhookEndpointEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_webhook_endpoint' })
  id!: string;

  @Column({ type: 'uuid' })
  organisationId!: string;

  @Column({ type: 'text' })
  url!: string;

  @Column({ type: 'text' })
  description!: string;

  @Column({ type: 'text', array: true })
  eventTypes!: string[];

  @Column({ type: 'boolean' })
  enabled!: boolean;

  /** `whsec_` + base64 (Standard Webhooks), sealed (`webhookSecretBox`); shown once, at creation and rotation. */
  @Column({ type: 'text' })
  secret!: string;

  @Column({ type: 'uuid' })
  createdBy!: string;

  @Column({ type: 'timestamptz' })
  createdAt!: Date;

  @Column({ type: 'timestamptz' })
  updatedAt!: Date;

  @VersionColumn()
  version!: number;

  @ManyToOne('OrganisationEntity', { onDelete: 'CASCADE' })
  @JoinColumn({
    name: 'organisation_id',
    foreignKeyConstraintName: 'fk_webhook_endpoint__organisation',
  })
  readonly organisation?: never;
}
