import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  IsBoolean,
  IsIn,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import { PageResponseOf } from '@wc/pagination';

// eslint-disable-next-line no-restricted-imports -- a DTO beside its entity types
import type { AiSystemStatus, PrimaryPurpose } from '../ai-system.entity';

const PURPOSES = [
  'support',
  'automate_task',
  'control_monitor',
  'decide_about_people',
  'other',
] as const;
const STATUSES = ['planned', 'pilot', 'live', 'retired'] as const;

export class AiSystemIdParams {
  @IsUUID()
  aiSystemId!: string;
}

export class CreateAiSystemDto {
  @IsString() @MinLength(1) @MaxLength(200) name!: string;
  @IsString() @MinLength(1) @MaxLength(200) vendor!: string;
  @IsOptional() @IsString() @MaxLength(200) modelName?: string;
  @IsOptional() @IsString() @MaxLength(100) modelVersion?: string;
  @IsString() @MinLength(1) @MaxLength(5000) purpose!: string;
  @ApiProperty({ enum: PURPOSES }) @IsIn(PURPOSES) primaryPurpose!: PrimaryPurpose;
  @IsOptional() @IsString() @MaxLength(5000) decisions?: string;
  @IsOptional()
  @IsString({ each: true })
  @MaxLength(200, { each: true })
  @ArrayMaxSize(50)
  dataCategories?: string[];
  @IsOptional()
  @IsString({ each: true })
  @MaxLength(200, { each: true })
  @ArrayMaxSize(50)
  affectedGroups?: string[];
  @IsOptional() @IsInt() @Min(0) @Max(10_000_000) affectedHeadcount?: number;
  @IsOptional() @IsBoolean() monitoringCapability?: boolean;
  @ApiPropertyOptional({ format: 'date' })
  @IsOptional()
  @IsISO8601({ strict: true })
  goLiveDate?: string;
  @ApiPropertyOptional({ enum: STATUSES }) @IsOptional() @IsIn(STATUSES) status?: AiSystemStatus;
}

export class UpdateAiSystemDto extends PartialType(CreateAiSystemDto) {
  /** The version the client edited; a stale one is refused with 409. */
  @IsInt() @Min(1) version!: number;
}

export class AiSystemResponse {
  @ApiProperty() id!: string;
  @ApiProperty() organisationId!: string;
  @ApiProperty() name!: string;
  @ApiProperty() vendor!: string;
  @ApiProperty() modelName!: string;
  @ApiProperty() modelVersion!: string;
  @ApiProperty() purpose!: string;
  @ApiProperty({ enum: PURPOSES }) primaryPurpose!: PrimaryPurpose;
  @ApiProperty() decisions!: string;
  @ApiProperty({ type: [String] }) dataCategories!: string[];
  @ApiProperty({ type: [String] }) affectedGroups!: string[];
  @ApiProperty() affectedHeadcount!: number;
  @ApiProperty() monitoringCapability!: boolean;
  @ApiProperty({ type: String, nullable: true, format: 'date' }) goLiveDate!: string | null;
  @ApiProperty({ enum: STATUSES }) status!: AiSystemStatus;
  @ApiProperty() version!: number;
  @ApiProperty() updatedAt!: string;
}

export class AiSystemUpdateResponse extends AiSystemResponse {
  /** True when model, vendor, purpose or data changed: a new case (wijziging, art. 25(1)(k)) is due. */
  @ApiProperty() materialChange!: boolean;
}

export class AiSystemChangeResponse {
  @ApiProperty() changedBy!: string;
  @ApiProperty() changedAt!: string;
  @ApiProperty() material!: boolean;
  @ApiProperty({ type: 'object', additionalProperties: true }) changes!: Record<
    string,
    { from: unknown; to: unknown }
  >;
}

export class AiSystemPage extends PageResponseOf(AiSystemResponse) {}
export class AiSystemChangePage extends PageResponseOf(AiSystemChangeResponse) {}
