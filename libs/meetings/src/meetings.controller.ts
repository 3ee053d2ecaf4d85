import { Body, Controller, Get, HttpCode, Param, Patch, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';

import { type Actor, CurrentActor, Permission, RequirePermission } from '@wc/auth';
import { WorksCouncilIdParams } from '@wc/councils';
import { CursorPageQueryDto } from '@wc/pagination';

import {
  AgendaItemIdParams,
  CirculateMinutesDto,
  CreateAgendaItemDto,
  CreateMeetingDto,
  MarkHeldDto,
  MeetingHeldResponse,
  MeetingIdParams,
  MeetingPage,
  MeetingResponse,
  MinutesAmendmentDto,
  MinutesDto,
  UpdateAgendaItemDto,
  UpdateMeetingDto,
} from './dto/meeting.dto';
import { MeetingsService } from './meetings.service';

/**
 * Meetings of a works council. Internal meetings are the council's own (404 for anyone else);
 * consultation meetings are shared with the employer side of the organisation. The council's
 * chair or secretary organises meetings; either side organises a consultation meeting.
 */
@ApiTags('meetings')
@ApiBearerAuth()
@Controller()
export class MeetingsController {
  constructor(private readonly meetings: MeetingsService) {}

  @Post('works-councils/:worksCouncilId/meetings')
  @RequirePermission(Permission.CaseParticipate)
  create(
    @CurrentActor() actor: Actor,
    @Param() { worksCouncilId }: WorksCouncilIdParams,
    @Body() dto: CreateMeetingDto,
  ): Promise<MeetingResponse> {
    return this.meetings.create(actor, worksCouncilId, dto);
  }

  @Get('works-councils/:worksCouncilId/meetings')
  @RequirePermission(Permission.CouncilRead)
  list(
    @CurrentActor() actor: Actor,
    @Param() { worksCouncilId }: WorksCouncilIdParams,
    @Query() page: CursorPageQueryDto,
  ): Promise<MeetingPage> {
    return this.meetings.list(actor, worksCouncilId, page);
  }

  @Get('meetings/:meetingId')
  @RequirePermission(Permission.CouncilRead)
  get(
    @CurrentActor() actor: Actor,
    @Param() { meetingId }: MeetingIdParams,
  ): Promise<MeetingResponse> {
    return this.meetings.get(actor, meetingId);
  }

  @Patch('meetings/:meetingId')
  @RequirePermission(Permission.CaseParticipate)
  update(
    @CurrentActor() actor: Actor,
    @Param() { meetingId }: MeetingIdParams,
    @Body() dto: UpdateMeetingDto,
  ): Promise<MeetingResponse> {
    return this.meetings.update(actor, meetingId, dto);
  }

  @Post('meetings/:meetingId/agenda-items')
  @RequirePermission(Permission.CaseParticipate)
  addAgendaItem(
    @CurrentActor() actor: Actor,
    @Param() { meetingId }: MeetingIdParams,
    @Body() dto: CreateAgendaItemDto,
  ): Promise<MeetingResponse> {
    return this.meetings.addAgendaItem(actor, meetingId, dto);
  }

  @Patch('meetings/:meetingId/agenda-items/:agendaItemId')
  @RequirePermission(Permission.CaseParticipate)
  updateAgendaItem(
    @CurrentActor() actor: Actor,
    @Param() { meetingId, agendaItemId }: AgendaItemIdParams,
    @Body() dto: UpdateAgendaItemDto,
  ): Promise<MeetingResponse> {
    return this.meetings.updateAgendaItem(actor, meetingId, agendaItemId, dto);
  }

  @Put('meetings/:meetingId/minutes')
  @RequirePermission(Permission.CaseParticipate)
  putMinutes(
    @CurrentActor() actor: Actor,
    @Param() { meetingId }: MeetingIdParams,
    @Body() dto: MinutesDto,
  ): Promise<MeetingResponse> {
    return this.meetings.putMinutes(actor, meetingId, dto);
  }

  /** Sends the minutes round the attendees for amendments; they lock when the window ends. */
  @Post('meetings/:meetingId/minutes/circulation')
  @HttpCode(200)
  @RequirePermission(Permission.CaseParticipate)
  circulateMinutes(
    @CurrentActor() actor: Actor,
    @Param() { meetingId }: MeetingIdParams,
    @Body() dto: CirculateMinutesDto,
  ): Promise<MeetingResponse> {
    return this.meetings.circulateMinutes(actor, meetingId, dto);
  }

  /** An attendee's proposed amendment or comment, during the amendment window (409 after). */
  @Post('meetings/:meetingId/minutes/amendments')
  @RequirePermission(Permission.CaseParticipate)
  amendMinutes(
    @CurrentActor() actor: Actor,
    @Param() { meetingId }: MeetingIdParams,
    @Body() dto: MinutesAmendmentDto,
  ): Promise<MeetingResponse> {
    return this.meetings.amendMinutes(actor, meetingId, dto);
  }

  /** A held consultation meeting is recorded as the consultation on its cases' advice and consent tracks. */
  @Post('meetings/:meetingId/held')
  @HttpCode(200)
  @RequirePermission(Permission.CaseParticipate)
  markHeld(
    @CurrentActor() actor: Actor,
    @Param() { meetingId }: MeetingIdParams,
    @Body() dto: MarkHeldDto,
  ): Promise<MeetingHeldResponse> {
    return this.meetings.markHeld(actor, meetingId, dto);
  }
}
