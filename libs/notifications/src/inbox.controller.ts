import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';

import { type Actor, CurrentActor, Permission, RequirePermission } from '@wc/auth';

import { InboxService } from './inbox.service';
import {
  ListNotificationsQueryDto,
  MarkAllReadResponse,
  NotificationIdParams,
  NotificationPage,
  NotificationResponse,
  UnreadCountResponse,
} from './notifications.dto';

/** The signed-in user's own inbox. */
@ApiTags('notifications')
@ApiBearerAuth()
@Controller('notifications')
export class InboxController {
  constructor(private readonly inbox: InboxService) {}

  @Get()
  @RequirePermission(Permission.NotificationRead)
  list(
    @CurrentActor() actor: Actor,
    @Query() query: ListNotificationsQueryDto,
  ): Promise<NotificationPage> {
    return this.inbox.list(actor, query);
  }

  @Get('unread-count')
  @RequirePermission(Permission.NotificationRead)
  unreadCount(@CurrentActor() actor: Actor): Promise<UnreadCountResponse> {
    return this.inbox.unreadCount(actor);
  }

  @Post('read-all')
  @HttpCode(200)
  @RequirePermission(Permission.NotificationRead)
  markAllRead(@CurrentActor() actor: Actor): Promise<MarkAllReadResponse> {
    return this.inbox.markAllRead(actor);
  }

  @Post(':notificationId/read')
  @HttpCode(200)
  @RequirePermission(Permission.NotificationRead)
  markRead(
    @CurrentActor() actor: Actor,
    @Param() { notificationId }: NotificationIdParams,
  ): Promise<NotificationResponse> {
    return this.inbox.markRead(actor, notificationId);
  }
}
