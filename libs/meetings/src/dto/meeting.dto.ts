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

  @ApiPropertyOptional({ type: [String] })
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

  @ApiPropertyOptional({ type: [String], description: 'Replaces the participants.' })
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

export class MeetingResponse {
  @ApiProperty() id!: string;
  @ApiProperty() organisationId!: string;
  @ApiProperty() worksCouncilId!: string;
  @ApiProperty({ enum: MEETING_KINDS }) kind!: MeetingKind;
  @ApiProperty() title!: string;
  @ApiProperty() startsAt!: string;
  @ApiProperty() location!: string;
  @ApiProperty({ enum: MEETING_STATUSES }) status!: MeetingStatus;
  @ApiProperty({ type: String, nullable: true, format: 'date' }) heldOn!: string | null;
  @ApiProperty({ type: String, nullable: true }) minutes!: string | null;
  @ApiProperty() minutesApproved!: boolean;
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
