import {
  Check,
  Column,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';

export type WebhookDeliveryStatus = 'pending' | 'retrying' | 'succeeded' | 'failed' | 'cancelled';

/**
 * One event for one endpoint: the body exactly as signed (a redelivery sends it again with the
 * same `webhook-id`, so receivers can deduplicate), and the log of its attempts.
 */
@Entity('webhook_delivery')
@Check(
  'ck_webhook_delivery__status',
  `status IN ('pending', 'retrying', 'succeeded', 'failed', 'cancelled')`,
)
@Index('uq_webhook_delivery__endpoint_event', ['endpointId', 'eventId'], { unique: true })
@Index('ix_webhook_delivery__status_next_attempt', ['status', 'nextAttemptAt'])
export class WebhookDeliveryEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_webhook_delivery' })
  id!: string;

  @Column({ type: 'uuid' })
  endpointId!: string;

  @Column({ type: 'bigint' })
  eventId!: string;

  @Column({ type: 'text' })
  eventType!: string;

  @Column({ type: 'text' })
  body!: string;

  @Column({ type: 'text' })
  status!: WebhookDeliveryStatus;

  @Column({ type: 'integer' })
  attempts!: number;

  @Column({ type: 'timestamptz', nullable: true })
  nextAttemptAt!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  lastAttemptAt!: Date | null;

  @Column({ type: 'integer', nullable: true })
  responseStatus!: number | null;

  @Column({ type: 'text', nullable: true })
  lastError!: string | null;

  @Column({ type: 'timestamptz' })
  createdAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  deliveredAt!: Date | null;

  @ManyToOne('WebhookEndpointEntity', { onDelete: 'CASCADE' })
  @JoinColumn({
    name: 'endpoint_id',
    foreignKeyConstraintName: 'fk_webhook_delivery__webhook_endpoint',
  })
  readonly endpoint?: never;
}
