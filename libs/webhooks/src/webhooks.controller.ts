import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';

import { type Actor, CurrentActor, Permission, RequirePermission } from '@wc/auth';
import { OrganisationIdParams } from '@wc/councils';
import { CursorPageQueryDto } from '@wc/pagination';

import {
  CreateWebhookEndpointDto,
  UpdateWebhookEndpointDto,
  WebhookDeliveryIdParams,
  WebhookDeliveryPage,
  WebhookDeliveryResponse,
  WebhookEndpointIdParams,
  WebhookEndpointPage,
  WebhookEndpointResponse,
  WebhookEndpointSecretResponse,
  WebhookEventTypePage,
} from './dto/webhook.dto';
import { WebhooksService } from './webhooks.service';

@ApiTags('webhooks')
@ApiBearerAuth()
@Controller()
export class WebhooksController {
  constructor(private readonly webhooks: WebhooksService) {}

  /** The event catalogue: what an endpoint may subscribe to, and which receivers get each. */
  @Get('webhook-event-types')
  @RequirePermission(Permission.WebhookManage)
  eventTypes(@Query() page: CursorPageQueryDto): WebhookEventTypePage {
    return this.webhooks.eventTypes(page);
  }

  @Get('organisations/:organisationId/webhook-endpoints')
  @RequirePermission(Permission.WebhookManage)
  list(
    @CurrentActor() actor: Actor,
    @Param() { organisationId }: OrganisationIdParams,
    @Query() page: CursorPageQueryDto,
  ): Promise<WebhookEndpointPage> {
    return this.webhooks.list(actor, organisationId, page);
  }

  /** The answer carries the signing secret, the only time it is shown. */
  @Post('organisations/:organisationId/webhook-endpoints')
  @RequirePermission(Permission.WebhookManage)
  create(
    @CurrentActor() actor: Actor,
    @Param() { organisationId }: OrganisationIdParams,
    @Body() dto: CreateWebhookEndpointDto,
  ): Promise<WebhookEndpointSecretResponse> {
    return this.webhooks.create(actor, organisationId, dto);
  }

  @Patch('webhook-endpoints/:webhookEndpointId')
  @RequirePermission(Permission.WebhookManage)
  update(
    @CurrentActor() actor: Actor,
    @Param() { webhookEndpointId }: WebhookEndpointIdParams,
    @Body() dto: UpdateWebhookEndpointDto,
  ): Promise<WebhookEndpointResponse> {
    return this.webhooks.update(actor, webhookEndpointId, dto);
  }

  @Delete('webhook-endpoints/:webhookEndpointId')
  @HttpCode(204)
  @RequirePermission(Permission.WebhookManage)
  remove(
    @CurrentActor() actor: Actor,
    @Param() { webhookEndpointId }: WebhookEndpointIdParams,
  ): Promise<void> {
    return this.webhooks.remove(actor, webhookEndpointId);
  }

  /** Replaces the signing secret; the answer carries the new one, the only time it is shown. */
  @Post('webhook-endpoints/:webhookEndpointId/secret-rotations')
  @RequirePermission(Permission.WebhookManage)
  rotateSecret(
    @CurrentActor() actor: Actor,
    @Param() { webhookEndpointId }: WebhookEndpointIdParams,
  ): Promise<WebhookEndpointSecretResponse> {
    return this.webhooks.rotateSecret(actor, webhookEndpointId);
  }

  /** The delivery log, newest first: status, attempts and the receiver's last answer. */
  @Get('webhook-endpoints/:webhookEndpointId/deliveries')
  @RequirePermission(Permission.WebhookManage)
  deliveries(
    @CurrentActor() actor: Actor,
    @Param() { webhookEndpointId }: WebhookEndpointIdParams,
    @Query() query: CursorPageQueryDto,
  ): Promise<WebhookDeliveryPage> {
    return this.webhooks.listDeliveries(actor, webhookEndpointId, query);
  }

  /** Sends a delivery again (same body, same `webhook-id`), whatever its status was. */
  @Post('webhook-deliveries/:webhookDeliveryId/redeliveries')
  @HttpCode(202)
  @RequirePermission(Permission.WebhookManage)
  redeliver(
    @CurrentActor() actor: Actor,
    @Param() { webhookDeliveryId }: WebhookDeliveryIdParams,
  ): Promise<WebhookDeliveryResponse> {
    return this.webhooks.redeliver(actor, webhookDeliveryId);
  }
}
