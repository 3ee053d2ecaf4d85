import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';

import { PageResponseOf } from '@wc/pagination';

const SOURCE_KINDS = ['heard', 'software_update', 'staff_report'] as const;
const REQUEST_KINDS = ['information', 'case_opening', 'initiative'] as const;

export class CouncilSignalIdParams {
  @IsUUID() signalId!: string;
}

export class CouncilRequestIdParams {
  @IsUUID() requestId!: string;
}

export class RaiseSignalDto {
  @IsString() @MinLength(1) @MaxLength(5000) text!: string;

  /** `heard`: "we hear that…"; `software_update`: a feature that came with an update; `staff_report`. */
  @ApiProperty({ enum: SOURCE_KINDS })
  @IsIn(SOURCE_KINDS)
  sourceKind!: (typeof SOURCE_KINDS)[number];

  @ApiPropertyOptional({ description: 'The AI system of the register it concerns, if known.' })
  @IsOptional()
  @IsUUID()
  aiSystemId?: string;
}

export class ActOnSignalDto {
  /**
   * `information`: an art. 31 request outside any case (any council member); `case_opening`: ask
   * the employer to put a system before the council; `initiative`: a written art. 23(3) proposal
   * (both the council's chair or secretary).
   */
  @ApiProperty({ enum: REQUEST_KINDS })
  @IsIn(REQUEST_KINDS)
  kind!: (typeof REQUEST_KINDS)[number];

  /** The question, the reason to open a case, or the proposal. */
  @IsString() @MinLength(1) @MaxLength(5000) subject!: string;

  @ApiPropertyOptional({ description: 'Required for `case_opening`: the system of the register.' })
  @IsOptional()
  @IsUUID()
  aiSystemId?: string;

  @IsInt() @Min(1) version!: number;
}

export class DismissSignalDto {
  @IsInt() @Min(1) version!: number;
}

export class AnswerCouncilRequestDto {
  /** The employer's written answer (for a case opening: why no case is opened). */
  @IsString() @MinLength(1) @MaxLength(20000) answer!: string;
  @IsInt() @Min(1) version!: number;
}

export class OpenCaseForRequestDto {
  @IsString() @MinLength(1) @MaxLength(300) title!: string;
  @IsInt() @Min(1) version!: number;
}

export class CouncilRequestResponse {
  @ApiProperty() id!: string;
  @ApiProperty() worksCouncilId!: string;
  @ApiProperty({ type: String, nullable: true }) signalId!: string | null;
  @ApiProperty({ enum: REQUEST_KINDS }) kind!: (typeof REQUEST_KINDS)[number];
  @ApiProperty() subject!: string;
  @ApiProperty({ type: String, nullable: true }) aiSystemId!: string | null;
  @ApiProperty() requestedBy!: string;
  @ApiProperty() requestedAt!: string;
  /** Last day of the response term: the convenant's information term, or the art. 23(3) SLA. */
  @ApiProperty({ format: 'date' }) dueDate!: string;
  @ApiProperty() ruleId!: string;
  @ApiProperty({ enum: ['open', 'answered', 'case_opened'] })
  status!: 'open' | 'answered' | 'case_opened';
  @ApiProperty({ type: String, nullable: true }) answer!: string | null;
  @ApiProperty({ type: String, nullable: true }) answeredAt!: string | null;
  @ApiProperty({ type: String, nullable: true }) caseId!: string | null;
  @ApiProperty() version!: number;
}

export class CouncilSignalResponse {
  @ApiProperty() id!: string;
  @ApiProperty() worksCouncilId!: string;
  @ApiProperty() text!: string;
  @ApiProperty({ enum: SOURCE_KINDS }) sourceKind!: (typeof SOURCE_KINDS)[number];
  @ApiProperty({ type: String, nullable: true }) aiSystemId!: string | null;
  @ApiProperty() raisedBy!: string;
  @ApiProperty() raisedAt!: string;
  @ApiProperty({ enum: ['open', 'acted', 'dismissed'] }) status!: 'open' | 'acted' | 'dismissed';
  /** What the council made of it, oldest first. */
  @ApiProperty({ type: [CouncilRequestResponse] }) requests!: CouncilRequestResponse[];
  @ApiProperty() version!: number;
}

export class CouncilSignalPage extends PageResponseOf(CouncilSignalResponse) {}
export class CouncilRequestPage extends PageResponseOf(CouncilRequestResponse) {}
