import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';

import { CursorPageQueryDto, PageResponseOf } from '@wc/pagination';

const DAY = /^\d{4}-\d{2}-\d{2}$/;
export const COMPLAINT_KINDS = ['complaint', 'explanation_request'] as const;
export const LEGAL_BASES = ['ai_act_86', 'gdpr_15', 'gdpr_22', 'other'] as const;

export class ComplaintIdParams {
  @IsUUID() complaintId!: string;
}

export class DesignateContactDto {
  /** An employer-side user of the system's organisation. */
  @IsUUID() userId!: string;
}

export class ComplaintContactResponse {
  aiSystemId!: string;
  @ApiProperty({ type: String, nullable: true }) userId!: string | null;
  @ApiProperty({ type: String, nullable: true }) displayName!: string | null;
  /** Whether the reader is the designated contact (and so keeps the desk). */
  isYou!: boolean;
}

export class LogComplaintDto {
  @ApiProperty({ enum: COMPLAINT_KINDS })
  @IsIn(COMPLAINT_KINDS)
  kind!: (typeof COMPLAINT_KINDS)[number];
  /** AI Act art. 86 (explanation of an individual decision), GDPR art. 15 (access), art. 22. */
  @ApiProperty({ enum: LEGAL_BASES }) @IsIn(LEGAL_BASES) legalBasis!: (typeof LEGAL_BASES)[number];
  @IsString() @MinLength(1) @MaxLength(300) complainant!: string;
  @IsString() @MinLength(1) @MaxLength(8000) description!: string;
  @ApiProperty({ pattern: DAY.source }) @Matches(DAY) receivedOn!: string;
}

export class AnswerComplaintDto {
  @IsInt() @Min(1) version!: number;
  @IsString() @MinLength(1) @MaxLength(4000) outcome!: string;
  @IsString() @MinLength(1) @MaxLength(8000) explanation!: string;
  @ApiPropertyOptional({ pattern: DAY.source }) @IsOptional() @Matches(DAY) answeredOn?: string;
}

export class ComplaintResponse {
  id!: string;
  aiSystemId!: string;
  @ApiProperty({ enum: COMPLAINT_KINDS }) kind!: string;
  @ApiProperty({ enum: LEGAL_BASES }) legalBasis!: string;
  complainant!: string;
  description!: string;
  receivedOn!: string;
  /** One month after receipt (GDPR art. 12(3)). */
  dueOn!: string;
  @ApiProperty({ enum: ['open', 'answered'] }) status!: string;
  /** Open past its term. */
  overdue!: boolean;
  @ApiProperty({ type: String, nullable: true }) outcome!: string | null;
  @ApiProperty({ type: String, nullable: true }) explanation!: string | null;
  @ApiProperty({ type: String, nullable: true }) answeredOn!: string | null;
  version!: number;
}

export class ComplaintPage extends PageResponseOf(ComplaintResponse) {}

export class ListComplaintsQueryDto extends CursorPageQueryDto {}

/** Per system, counts only: what the council sees (no names, no texts). */
export class SystemComplaintCountsResponse {
  aiSystemId!: string;
  name!: string;
  complaints!: number;
  explanationRequests!: number;
  open!: number;
  overdue!: number;
}

export class SystemComplaintCountsPage extends PageResponseOf(SystemComplaintCountsResponse) {}
