import { Controller, Delete, Get, Header, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiProduces, ApiTags } from '@nestjs/swagger';

import {
  type Actor,
  CurrentActor,
  Permission,
  Public,
  RateLimited,
  RequirePermission,
} from '@wc/auth';

import { CalendarFeedService } from './calendar-feed.service';
import { CalendarFeedCreatedResponse, CalendarFeedResponse } from './notifications.dto';

/** The personal iCalendar feed: managed while signed in, read by calendar apps through its secret URL. */
@ApiTags('calendar')
@Controller()
export class CalendarFeedController {
  constructor(private readonly feeds: CalendarFeedService) {}

  @ApiBearerAuth()
  @Get('me/calendar-feed')
  @RequirePermission(Permission.ProfileManage)
  status(@CurrentActor() actor: Actor): Promise<CalendarFeedResponse> {
    return this.feeds.status(actor);
  }

  /** Creates the feed, or replaces its secret URL (the old one stops working). */
  @ApiBearerAuth()
  @Post('me/calendar-feed')
  @RequirePermission(Permission.ProfileManage)
  rotate(@CurrentActor() actor: Actor): Promise<CalendarFeedCreatedResponse> {
    return this.feeds.rotate(actor);
  }

  @ApiBearerAuth()
  @Delete('me/calendar-feed')
  @HttpCode(204)
  @RequirePermission(Permission.ProfileManage)
  revoke(@CurrentActor() actor: Actor): Promise<void> {
    return this.feeds.revoke(actor);
  }

  /** Public for calendar apps, which cannot log in; the secret token in the path is the credential. */
  @Public()
  @RateLimited()
  @Get('calendar/:token.ics')
  @ApiProduces('text/calendar')
  @Header('Content-Type', 'text/calendar; charset=utf-8')
  @Header('Cache-Control', 'private, max-age=300')
  @Header('Referrer-Policy', 'no-referrer')
  feed(@Param('token') token: string): Promise<string> {
    return this.feeds.render(token);
  }
}
