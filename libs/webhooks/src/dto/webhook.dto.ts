import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  Min,
} from 'class-validator';

import { PageResponseOf } from '@wc/pagination';

// eslint-disable-next-line no-restricted-imports -- the DTO beside its domain type
import { WEBHOOK_EVENT_TYPES, type WebhookEventType } from '../domain/webhook-events';
// eslint-disable-next-line no-restricted-imports -- the DTO beside its entity's status type
import type { WebhookDeliveryStatus } from '../webhook-delivery.entity';

const DELIVERY_STATUSES: WebhookDeliveryStatus[] = [
  'pending',
  'retrying',
  'succeeded',
  'failed',
  'cancelled',
];

export class WebhookEndpointIdParams {
  @IsUUID() webhookEndpointId!: string;
}

export class WebhookDeliveryIdParams {
  @IsUUID() webhookDeliveryId!: string;
}

export class CreateWebhookEndpointDto {
  @ApiProperty({
    description:
      'Where deliveries are POSTed: https only (http only where the server allows it), no private or loopback addresses.',
  })
  @IsString()
  @MaxLength(2000)
  url!: string;

  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(500) description?: string;

  @ApiProperty({ enum: WEBHOOK_EVENT_TYPES, isArray: true })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(WEBHOOK_EVENT_TYPES.length)
  @ArrayUnique()
  @IsIn(WEBHOOK_EVENT_TYPES, { each: true })
  eventTypes!: WebhookEventType[];

  @ApiPropertyOptional({ default: true }) @IsOptional() @IsBoolean() enabled?: boolean;
}

export class UpdateWebhookEndpointDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(2000) url?: string;

  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(500) description?: string;

  @ApiPropertyOptional({ enum: WEBHOOK_EVENT_TYPES, isArray: true })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(WEBHOOK_EVENT_TYPES.length)
  @ArrayUnique()
  @IsIn(WEBHOOK_EVENT_TYPES, { each: true })
  eventTypes?: WebhookEventType[];

  @ApiPropertyOptional() @IsOptional() @IsBoolean() enabled?: boolean;

  /** The endpoint version the client last saw; a stale one is refused with 409. */
  @IsInt() @Min(1) version!: number;
}

export class WebhookEndpointResponse {
  @ApiProperty() id!: string;
  @ApiProperty() organisationId!: string;
  @ApiProperty() url!: string;
  @ApiProperty() description!: string;
  @ApiProperty({ enum: WEBHOOK_EVENT_TYPES, isArray: true }) eventTypes!: string[];
  @ApiProperty() enabled!: boolean;
  @ApiProperty() createdAt!: string;
  @ApiProperty() updatedAt!: string;
  @ApiProperty() version!: number;
}

/** Answered once, at creation and rotation: the server keeps the secret, it is never shown again. */
export class WebhookEndpointSecretResponse extends WebhookEndpointResponse {
  @ApiProperty({
    description: 'whsec_ + base64: verify each delivery with it (Standard Webhooks).',
  })
  secret!: string;
}

export class WebhookDeliveryResponse {
  @ApiProperty({ description: 'Also the `webhook-id` header: the same on every attempt.' })
  id!: string;
  @ApiProperty() endpointId!: string;
  @ApiProperty() eventId!: string;
  @ApiProperty() eventType!: string;
  @ApiProperty({ enum: DELIVERY_STATUSES }) status!: WebhookDeliveryStatus;
  @ApiProperty() attempts!: number;
  @ApiProperty({ type: String, nullable: true }) nextAttemptAt!: string | null;
  @ApiProperty({ type: String, nullable: true }) lastAttemptAt!: string | null;
  @ApiProperty({ type: Number, nullable: true, description: "The receiver's last HTTP status." })
  responseStatus!: number | null;
  @ApiProperty({ type: String, nullable: true }) lastError!: string | null;
  @ApiProperty() createdAt!: string;
  @ApiProperty({ type: String, nullable: true }) deliveredAt!: string | null;
}

export class WebhookEventTypeResponse {
  @ApiProperty({ enum: WEBHOOK_EVENT_TYPES }) type!: string;
  @ApiProperty({ description: "Reaches the endpoints of the case's employer organisation." })
  employer!: boolean;
  @ApiProperty({
    enum: ['status', 'dossier'],
    nullable: true,
    description: "The least union share scope under which a union's endpoints receive it.",
  })
  union!: 'status' | 'dossier' | null;
}

export class WebhookDeliveryPage extends PageResponseOf(WebhookDeliveryResponse) {}
export class WebhookEndpointPage extends PageResponseOf(WebhookEndpointResponse) {}
export class WebhookEventTypePage extends PageResponseOf(WebhookEventTypeResponse) {}
