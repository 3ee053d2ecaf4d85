import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsUUID,
  Max,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { CursorPageQueryDto, PageResponseOf } from '@wc/pagination';

import { CASE_EVENT_TYPES, type CaseEventEmail, type CaseEventType } from './domain';

const TYPES = [
  'deadline.reminder',
  'deadline.overdue',
  'deadline.escalation',
  'mention',
  ...CASE_EVENT_TYPES,
] as const;
const CASE_EVENT_EMAIL = ['immediate', 'digest', 'off'] as const;

export class NotificationIdParams {
  @IsUUID()
  notificationId!: string;
}

export class ListNotificationsQueryDto extends CursorPageQueryDto {
  @ApiPropertyOptional({ type: Boolean })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) =>
    value === 'true' || value === true
      ? true
      : value === 'false' || value === false
        ? false
        : value,
  )
  @IsBoolean()
  unreadOnly?: boolean;
}

export class NotificationResponse {
  @ApiProperty() id!: string;
  @ApiProperty({ enum: TYPES }) type!: (typeof TYPES)[number];
  /** `14d`, `7d`, `2d`, `0d`, `overdue`, `escalation`, `mention`, or the case event's type. */
  @ApiProperty() kind!: string;
  /** Ready to show, in the reader's language. */
  @ApiProperty() title!: string;
  @ApiProperty() body!: string;
  /** The deadline rule; null for a mention. */
  @ApiProperty({ type: String, nullable: true }) ruleId!: string | null;
  @ApiProperty({ type: String, nullable: true }) ruleLabel!: string | null;
  @ApiProperty({ type: String, nullable: true }) caseId!: string | null;
  @ApiProperty({ type: String, nullable: true }) caseTitle!: string | null;
  @ApiProperty({ type: String, nullable: true }) deadlineId!: string | null;
  @ApiProperty({ type: String, format: 'date', nullable: true }) strictDate!: string | null;
  /** A mention: the comment (its text is never part of a notification). */
  @ApiProperty({ type: String, nullable: true }) commentId!: string | null;
  /** A mention: the thread key (`case`, `union` …). */
  @ApiProperty({ type: String, nullable: true }) thread!: string | null;
  /** A mention: who mentioned the reader. */
  @ApiProperty({ type: String, nullable: true }) actorName!: string | null;
  @ApiProperty() fatal!: boolean;
  /** Sent later than due, e.g. after the worker was down. */
  @ApiProperty() late!: boolean;
  /** Path in the app: `/cases/<id>`, or `/cases/<id>/discussion` for a mention. */
  @ApiProperty() link!: string;
  @ApiProperty() read!: boolean;
  @ApiProperty({ type: String, nullable: true }) readAt!: string | null;
  @ApiProperty() createdAt!: string;
}

export class NotificationPage extends PageResponseOf(NotificationResponse) {}

export class UnreadCountResponse {
  @ApiProperty() unread!: number;
}

export class MarkAllReadResponse {
  @ApiProperty() marked!: number;
}

export class ChannelChoiceDto {
  @ApiProperty() @IsBoolean() inApp!: boolean;
  @ApiProperty() @IsBoolean() email!: boolean;
}

export class ChannelsDto {
  @ApiProperty()
  @IsObject()
  @ValidateNested()
  @Type(() => ChannelChoiceDto)
  deadlineReminder!: ChannelChoiceDto;
  @ApiProperty()
  @IsObject()
  @ValidateNested()
  @Type(() => ChannelChoiceDto)
  deadlineOverdue!: ChannelChoiceDto;
  /** Escalations of fatal terms always reach the inbox; `inApp: false` is ignored for them. */
  @ApiProperty()
  @IsObject()
  @ValidateNested()
  @Type(() => ChannelChoiceDto)
  deadlineEscalation!: ChannelChoiceDto;
  /** Someone mentioned you in a discussion. Left out: the current choice stays. */
  @ApiPropertyOptional({ type: ChannelChoiceDto })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => ChannelChoiceDto)
  mention?: ChannelChoiceDto;
}

export class ChannelChoiceResponse {
  @ApiProperty() inApp!: boolean;
  @ApiProperty() email!: boolean;
}

/** Every type, always (a type the user never chose shows its default). */
export class ChannelsResponse {
  @ApiProperty() deadlineReminder!: ChannelChoiceResponse;
  @ApiProperty() deadlineOverdue!: ChannelChoiceResponse;
  @ApiProperty() deadlineEscalation!: ChannelChoiceResponse;
  @ApiProperty() mention!: ChannelChoiceResponse;
}

/** One case-event type's channels (issue #16): the inbox on or off, e-mail at once, daily or off. */
export class CaseEventChoiceDto {
  @ApiProperty({ enum: CASE_EVENT_TYPES }) @IsIn(CASE_EVENT_TYPES) type!: CaseEventType;
  @ApiProperty() @IsBoolean() inApp!: boolean;
  @ApiProperty({ enum: CASE_EVENT_EMAIL }) @IsIn(CASE_EVENT_EMAIL) email!: CaseEventEmail;
  /** Read-only (sent back as the GET gave it); ignored. */
  @ApiPropertyOptional() @IsOptional() @IsBoolean() mustAct?: boolean;
}

export class CaseEventChoiceResponse {
  @ApiProperty({ enum: CASE_EVENT_TYPES }) type!: CaseEventType;
  /** Must act: e-mailed at once by default; informational types default to the digest. */
  @ApiProperty() mustAct!: boolean;
  @ApiProperty() inApp!: boolean;
  @ApiProperty({ enum: CASE_EVENT_EMAIL }) email!: CaseEventEmail;
}

/** The whole preference set (PUT replaces it). */
export class NotificationPreferencesDto {
  @ApiProperty() @IsObject() @ValidateNested() @Type(() => ChannelsDto) channels!: ChannelsDto;
  /** Case-event types to change; a type left out keeps its current choice. */
  @ApiPropertyOptional({ type: [CaseEventChoiceDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(CASE_EVENT_TYPES.length)
  @ValidateNested({ each: true })
  @Type(() => CaseEventChoiceDto)
  caseEvents?: CaseEventChoiceDto[];
  @ApiProperty({ enum: ['immediate', 'daily_digest'] })
  @IsIn(['immediate', 'daily_digest'])
  emailDelivery!: 'immediate' | 'daily_digest';
  /** Own reminder days before a deadline, or null to follow the council's setting. */
  @ApiProperty({ type: [Number], nullable: true })
  @ValidateIf((o: { leadDays?: unknown }) => o.leadDays !== null)
  @IsArray()
  @ArrayMaxSize(10)
  @IsInt({ each: true })
  @Min(0, { each: true })
  @Max(60, { each: true })
  leadDays!: number[] | null;
}

export class NotificationPreferencesResponse {
  @ApiProperty() channels!: ChannelsResponse;
  /** Every case-event type, in catalogue order. */
  @ApiProperty({ type: [CaseEventChoiceResponse] }) caseEvents!: CaseEventChoiceResponse[];
  @ApiProperty({ enum: ['immediate', 'daily_digest'] }) emailDelivery!:
    'immediate' | 'daily_digest';
  /** Own reminder days before a deadline, or null when following the council's setting. */
  @ApiProperty({ type: [Number], nullable: true }) leadDays!: number[] | null;
}

export class WorksCouncilIdParams {
  @IsUUID()
  worksCouncilId!: string;
}

export class CouncilReminderSettingsDto {
  @ApiProperty({ type: [Number] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(10)
  @IsInt({ each: true })
  @Min(0, { each: true })
  @Max(60, { each: true })
  leadDays!: number[];

  @ApiProperty() @IsInt() @Min(0) @Max(60) escalationLeadDays!: number;
}

export class CouncilReminderSettingsResponse extends CouncilReminderSettingsDto {
  @ApiProperty() worksCouncilId!: string;
  /** True while the council has not chosen its own rhythm. */
  @ApiProperty() isDefault!: boolean;
}

export class CalendarFeedResponse {
  @ApiProperty() active!: boolean;
  @ApiProperty({ type: String, nullable: true }) createdAt!: string | null;
}

/** The secret feed address; shown once, only its hash is stored. */
export class CalendarFeedCreatedResponse {
  @ApiProperty() url!: string;
  @ApiProperty() webcalUrl!: string;
  @ApiProperty() createdAt!: string;
}
