import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsBoolean,
  IsIn,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import { PageResponseOf } from '@wc/pagination';

// eslint-disable-next-line no-restricted-imports -- the DTO beside its domain type
import {
  MEETING_KINDS,
  MEETING_STATUSES,
  type MeetingKind,
  type MeetingStatus,
} from '../domain/meeting-policy';
// eslint-disable-next-line no-restricted-imports -- the DTO beside its domain type
import {
  MEETING_WARNINGS,
  type MeetingWarning,
  MINUTES_STATUSES,
  type MinutesStatus,
} from '../domain/minutes';

export class MeetingIdParams {
  @IsUUID() meetingId!: string;
}

export class AgendaItemIdParams extends MeetingIdParams {
  @IsUUID() agendaItemId!: string;
}

export class CreateMeetingDto {
  @ApiProperty({
    enum: MEETING_KINDS,
    description:
      "`consultation`: the overlegvergadering with the employer (WOR 23/24); `internal`: the council's own.",
  })
  @IsIn(MEETING_KINDS)
  kind!: MeetingKind;

  @IsString() @MinLength(1) @MaxLength(500) title!: string;
  @ApiProperty({ format: 'date-time' }) @IsISO8601({ strict: true }) startsAt!: string;
  @IsOptional() @IsString() @MaxLength(500) location?: string;
  @ApiPropertyOptional({
    description: 'How long it lasts, in minutes (the invitation ends then). Default 90.',
  })
  @IsOptional()
  @IsInt()
  @Min(5)
  @Max(1440)
  durationMinutes?: number;

  @ApiPropertyOptional({
    type: [String],
    description: 'The attendees; each is e-mailed an invitation (ICS, METHOD:REQUEST).',
  })
  @IsOptional()
  @IsUUID('all', { each: true })
  @ArrayUnique()
  @ArrayMaxSize(100)
  participantIds?: string[];
}

export class UpdateMeetingDto {
  @IsOptional() @IsString() @MinLength(1) @MaxLength(500) title?: string;
  @ApiPropertyOptional({ format: 'date-time' })
  @IsOptional()
  @IsISO8601({ strict: true })
  startsAt?: string;
  @IsOptional() @IsString() @MaxLength(500) location?: string;
  @IsOptional() @IsInt() @Min(5) @Max(1440) durationMinutes?: number;

  @ApiPropertyOptional({
    type: [String],
    description:
      'Replaces the attendees. A move, a change of attendees or a cancellation e-mails an updated invitation (higher SEQUENCE) or a cancellation (METHOD:CANCEL).',
  })
  @IsOptional()
  @IsUUID('all', { each: true })
  @ArrayUnique()
  @ArrayMaxSize(100)
  participantIds?: string[];

  @ApiPropertyOptional({
    enum: ['planned', 'cancelled'],
    description:
      'Cancel a planned meeting, or plan a cancelled one again. `held` has its own route.',
  })
  @IsOptional()
  @IsIn(['planned', 'cancelled'])
  status?: 'planned' | 'cancelled';

  /** The meeting version the client last saw; a stale one is refused with 409. */
  @IsInt() @Min(1) version!: number;
}

export class CreateAgendaItemDto {
  @IsString() @MinLength(1) @MaxLength(1000) title!: string;
  @ApiPropertyOptional({ description: 'A case of this works council the item concerns.' })
  @IsOptional()
  @IsUUID()
  caseId?: string;
}

export class UpdateAgendaItemDto {
  @IsOptional() @IsString() @MinLength(1) @MaxLength(1000) title?: string;
  @ApiPropertyOptional({ description: 'The decision taken on this item.' })
  @IsOptional()
  @IsString()
  @MaxLength(20000)
  decision?: string;
}

export class MinutesDto {
  @IsString() @MaxLength(200000) minutes!: string;
  @ApiPropertyOptional({ description: 'Whether the minutes are approved (vastgesteld).' })
  @IsOptional()
  @IsBoolean()
  approved?: boolean;
  @IsInt() @Min(1) version!: number;
}

export class CirculateMinutesDto {
  @ApiProperty({
    description: 'Days the attendees have to propose amendments; after that the minutes lock.',
    minimum: 1,
    maximum: 30,
  })
  @IsInt()
  @Min(1)
  @Max(30)
  amendmentDays!: number;

  @IsInt() @Min(1) version!: number;
}

export class MinutesAmendmentDto {
  @IsString() @MinLength(1) @MaxLength(20000) text!: string;
}

export class MarkHeldDto {
  @ApiPropertyOptional({
    format: 'date',
    description:
      'The day it was held; defaults to the (Amsterdam) day it started. Not in the future.',
  })
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'heldOn must be a date (yyyy-mm-dd)' })
  @IsISO8601({ strict: true })
  heldOn?: string;

  @IsInt() @Min(1) version!: number;
}

export class AgendaItemResponse {
  @ApiProperty() id!: string;
  @ApiProperty() position!: number;
  @ApiProperty() title!: string;
  @ApiProperty({ type: String, nullable: true }) caseId!: string | null;
  @ApiProperty({ type: String, nullable: true }) decision!: string | null;
}

export class MinutesAmendmentResponse {
  @ApiProperty() id!: string;
  @ApiProperty() authorId!: string;
  @ApiProperty() text!: string;
  @ApiProperty() createdAt!: string;
}

export class MeetingResponse {
  @ApiProperty() id!: string;
  @ApiProperty() organisationId!: string;
  @ApiProperty() worksCouncilId!: string;
  @ApiProperty({ enum: MEETING_KINDS }) kind!: MeetingKind;
  @ApiProperty() title!: string;
  @ApiProperty() startsAt!: string;
  @ApiProperty() location!: string;
  @ApiProperty() durationMinutes!: number;
  @ApiProperty({ description: 'The SEQUENCE of the latest invitation sent (UID: the meeting id).' })
  invitationSequence!: number;
  @ApiProperty({ enum: MEETING_STATUSES }) status!: MeetingStatus;
  @ApiProperty({ type: String, nullable: true, format: 'date' }) heldOn!: string | null;
  @ApiProperty({ type: String, nullable: true }) minutes!: string | null;
  @ApiProperty() minutesApproved!: boolean;
  @ApiProperty({
    enum: MINUTES_STATUSES,
    description:
      '`draft`; `amendment_window`: circulated, attendees propose amendments; `locked`: the window ended, no more edits.',
  })
  minutesStatus!: MinutesStatus;
  @ApiProperty({ type: String, nullable: true }) minutesCirculatedAt!: string | null;
  @ApiProperty({ type: String, nullable: true }) minutesAmendmentsUntil!: string | null;
  @ApiProperty({ type: [MinutesAmendmentResponse] }) amendments!: MinutesAmendmentResponse[];
  @ApiProperty({
    enum: MEETING_WARNINGS,
    isArray: true,
    description: 'Advice, not refusals: e.g. a planned meeting whose start lies in the past.',
  })
  warnings!: MeetingWarning[];
  @ApiProperty({ type: [String] }) participantIds!: string[];
  @ApiProperty({ type: [AgendaItemResponse] }) agendaItems!: AgendaItemResponse[];
  @ApiProperty() createdBy!: string;
  @ApiProperty() createdAt!: string;
  @ApiProperty() version!: number;
}

export class RecordedConsultationResponse {
  @ApiProperty() caseId!: string;
  @ApiProperty({ enum: ['advice', 'consent'] }) track!: 'advice' | 'consent';
}

export class MeetingHeldResponse extends MeetingResponse {
  @ApiProperty({
    type: [RecordedConsultationResponse],
    description:
      'The case tracks on which this meeting was recorded as the consultation (record_consultation_held).',
  })
  consultationsRecorded!: RecordedConsultationResponse[];
}

export class MeetingPage extends PageResponseOf(MeetingResponse) {}
