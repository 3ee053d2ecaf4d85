import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsISO8601,
  IsNumber,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';

import {
  OVERSEER_AUTHORITIES,
  type OverseerAuthority,
  OVERSIGHT_MODELS,
  type OversightModel,
} from './domain';

export const DAY = /^\d{4}-\d{2}-\d{2}$/;

export class OverseerDto {
  /** The platform user, when the overseer has an account. */
  @IsOptional() @IsUUID() userId?: string;
  @IsString() @MinLength(1) @MaxLength(200) name!: string;
  @IsString() @MinLength(1) @MaxLength(200) role!: string;
  /** AI Act 14(4)(d)-(e): override or correct an output, stop the system, or both. */
  @ApiProperty({ enum: OVERSEER_AUTHORITIES })
  @IsIn(OVERSEER_AUTHORITIES)
  authority!: OverseerAuthority;
  /** The knowledge and training this person still needs. */
  @IsOptional() @IsString() @MaxLength(5000) trainingRequired?: string;
  /** Time allocated to the oversight task (004 l.1569). */
  @IsNumber({ maxDecimalPlaces: 2 }) @Min(0) @Max(60) hoursPerWeek!: number;
}

export class ComplaintProcedureDto {
  /** A human contact for affected staff (GDPR art. 22(3)). */
  @IsString() @MaxLength(500) contact!: string;
  /** How an affected person gets an explanation of the outcome (AI Act art. 86). */
  @IsString() @MaxLength(10000) explanation!: string;
}

/** The whole arrangement; text fields may be saved empty and show up in the checklist. */
export class PutOversightDto {
  /** The version last seen; 0 to create the arrangement. */
  @IsInt() @Min(0) version!: number;
  @IsOptional() @IsString() @MaxLength(5000) appliesTo?: string;
  @ApiPropertyOptional({ enum: OVERSIGHT_MODELS })
  @IsOptional()
  @IsIn(OVERSIGHT_MODELS)
  oversightModel?: OversightModel;
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => OverseerDto)
  overseers!: OverseerDto[];
  @IsString() @MaxLength(10000) knowledgeAndTraining!: string;
  @IsString() @MaxLength(5000) escalationPath!: string;
  @ValidateNested() @Type(() => ComplaintProcedureDto) complaintProcedure!: ComplaintProcedureDto;
  @IsOptional() @IsString() @MaxLength(5000) protection?: string;
  /** AI Act 26(6): at least 6; fewer is refused with 422. */
  @IsInt() @Min(0) @Max(1200) logRetentionMonths!: number;
  @ApiProperty({ format: 'date' }) @Matches(DAY) @IsISO8601({ strict: true }) reviewDate!: string;
}

export class OverseerResponse {
  @ApiPropertyOptional() userId?: string;
  @ApiProperty() name!: string;
  @ApiProperty() role!: string;
  @ApiProperty({ enum: OVERSEER_AUTHORITIES }) authority!: string;
  @ApiPropertyOptional() trainingRequired?: string;
  @ApiProperty() hoursPerWeek!: number;
  /** Completed every module of the plan's overseers audience. */
  @ApiProperty() trained!: boolean;
}

export class ComplaintProcedureResponse {
  @ApiProperty() contact!: string;
  @ApiProperty() explanation!: string;
}

export class OversightResponse {
  @ApiProperty() caseId!: string;
  @ApiProperty() version!: number;
  @ApiProperty() appliesTo!: string;
  @ApiProperty({ enum: OVERSIGHT_MODELS, nullable: true }) oversightModel!: string | null;
  @ApiProperty({ type: [OverseerResponse] }) overseers!: OverseerResponse[];
  @ApiProperty() knowledgeAndTraining!: string;
  @ApiProperty() escalationPath!: string;
  @ApiProperty({ type: ComplaintProcedureResponse })
  complaintProcedure!: ComplaintProcedureResponse;
  @ApiProperty() protection!: string;
  @ApiProperty() logRetentionMonths!: number;
  @ApiProperty({ format: 'date' }) reviewDate!: string;
  /** Nothing missing; see `missing` otherwise. */
  @ApiProperty() complete!: boolean;
  @ApiProperty({ type: [String] }) missing!: string[];
  /** The go-live gate's "all overseers trained" (AI Act 26(2)). */
  @ApiProperty() allOverseersTrained!: boolean;
  @ApiProperty() updatedBy!: string;
  @ApiProperty() updatedAt!: string;
}
