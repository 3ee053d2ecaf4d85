import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';

import { type Actor, CurrentActor, Permission, RequirePermission } from '@wc/auth';

import {
  CouncilReminderSettingsDto,
  CouncilReminderSettingsResponse,
  NotificationPreferencesDto,
  NotificationPreferencesResponse,
  WorksCouncilIdParams,
} from './notifications.dto';
import { PreferencesService } from './preferences.service';

/** Who is told what on which channel: the user's own preferences and a council's reminder rhythm. */
@ApiTags('notifications')
@ApiBearerAuth()
@Controller()
export class NotificationSettingsController {
  constructor(private readonly preferences: PreferencesService) {}

  @Get('me/notification-preferences')
  @RequirePermission(Permission.ProfileManage)
  getPreferences(@CurrentActor() actor: Actor): Promise<NotificationPreferencesResponse> {
    return this.preferences.get(actor);
  }

  @Put('me/notification-preferences')
  @RequirePermission(Permission.ProfileManage)
  putPreferences(
    @CurrentActor() actor: Actor,
    @Body() dto: NotificationPreferencesDto,
  ): Promise<NotificationPreferencesResponse> {
    return this.preferences.put(actor, dto);
  }

  @Get('works-councils/:worksCouncilId/reminder-settings')
  @RequirePermission(Permission.CouncilRead)
  getCouncilSettings(
    @CurrentActor() actor: Actor,
    @Param() { worksCouncilId }: WorksCouncilIdParams,
  ): Promise<CouncilReminderSettingsResponse> {
    return this.preferences.getCouncilSettings(actor, worksCouncilId);
  }

  @Put('works-councils/:worksCouncilId/reminder-settings')
  @RequirePermission(Permission.ReminderSettingsManage)
  putCouncilSettings(
    @CurrentActor() actor: Actor,
    @Param() { worksCouncilId }: WorksCouncilIdParams,
    @Body() dto: CouncilReminderSettingsDto,
  ): Promise<CouncilReminderSettingsResponse> {
    return this.preferences.putCouncilSettings(actor, worksCouncilId, dto);
  }
}
