import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
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

import { CaseIdParams } from '@wc/cases';

import { AUDIENCE_KEYS, type AudienceKey, MODULE_TYPES, type ModuleType } from './domain';
import { DAY } from './oversight.dto';

const MODULE_KEY = /^[a-z0-9][a-z0-9_-]{0,63}$/;

export class TrainingCompletionParams extends CaseIdParams {
  @IsUUID() completionId!: string;
}

export class PersonDto {
  @IsOptional() @IsUUID() userId?: string;
  @IsString() @MinLength(1) @MaxLength(200) name!: string;
}

export class AudienceDto {
  @ApiProperty({ enum: AUDIENCE_KEYS }) @IsIn(AUDIENCE_KEYS) audience!: AudienceKey;
  @IsOptional() @IsString() @MaxLength(2000) description?: string;
  @IsOptional() @IsInt() @Min(0) @Max(10_000_000) headcount?: number;
  /** Named people; the overseers audience takes its people from the oversight arrangement. */
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(2000)
  @ValidateNested({ each: true })
  @Type(() => PersonDto)
  people?: PersonDto[];
}

export class TrainingModuleDto {
  /** Stable key within the plan (`overseer-basics`); completions refer to it. */
  @ApiProperty({ pattern: MODULE_KEY.source }) @Matches(MODULE_KEY) key!: string;
  @IsString() @MinLength(1) @MaxLength(300) title!: string;
  @ApiProperty({ enum: AUDIENCE_KEYS }) @IsIn(AUDIENCE_KEYS) audience!: AudienceKey;
  @ApiProperty({ enum: MODULE_TYPES }) @IsIn(MODULE_TYPES) type!: ModuleType;
  @IsNumber({ maxDecimalPlaces: 2 }) @Min(0) @Max(10_000) hours!: number;
  @IsString() @MinLength(1) @MaxLength(300) provider!: string;
  @ApiProperty({ format: 'date' }) @Matches(DAY) @IsISO8601({ strict: true }) deadline!: string;
  /** BW 7:611a: within working time where possible; defaults to true. */
  @IsOptional() @IsBoolean() duringWorkingTime?: boolean;
  /** BW 7:611a: must be 0, the employer pays; anything else is refused with 422. */
  @IsOptional() @IsNumber({ maxDecimalPlaces: 2 }) @Min(0) @Max(1_000_000) costToEmployee?: number;
}

export class PutTrainingPlanDto {
  /** The version last seen; 0 to create the plan. */
  @IsInt() @Min(0) version!: number;
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => AudienceDto)
  audiences!: AudienceDto[];
  @IsArray()
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => TrainingModuleDto)
  modules!: TrainingModuleDto[];
}

export class RecordCompletionDto {
  @ApiProperty({ pattern: MODULE_KEY.source }) @Matches(MODULE_KEY) moduleKey!: string;
  @IsOptional() @IsUUID() userId?: string;
  @IsString() @MinLength(1) @MaxLength(200) name!: string;
  @ApiProperty({ format: 'date' }) @Matches(DAY) @IsISO8601({ strict: true }) completedOn!: string;
}

export class PersonResponse {
  @ApiPropertyOptional() userId?: string;
  @ApiProperty() name!: string;
}

export class AudienceResponse {
  @ApiProperty({ enum: AUDIENCE_KEYS }) audience!: string;
  @ApiPropertyOptional() description?: string;
  @ApiPropertyOptional() headcount?: number;
  @ApiProperty({ type: [PersonResponse] }) people!: PersonResponse[];
}

export class TrainingModuleResponse {
  @ApiProperty() key!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ enum: AUDIENCE_KEYS }) audience!: string;
  @ApiProperty({ enum: MODULE_TYPES }) type!: string;
  @ApiProperty() hours!: number;
  @ApiProperty() provider!: string;
  @ApiProperty({ format: 'date' }) deadline!: string;
  @ApiProperty() duringWorkingTime!: boolean;
  @ApiProperty() costToEmployee!: number;
}

export class CompletionResponse {
  @ApiProperty() id!: string;
  @ApiProperty() moduleKey!: string;
  @ApiProperty({ type: String, nullable: true }) userId!: string | null;
  @ApiProperty() name!: string;
  @ApiProperty({ format: 'date' }) completedOn!: string;
  @ApiProperty() recordedBy!: string;
  @ApiProperty() recordedAt!: string;
}

export class PersonProgressResponse {
  @ApiPropertyOptional() userId?: string;
  @ApiProperty() name!: string;
  @ApiProperty({ type: [String] }) completedModules!: string[];
  @ApiProperty() done!: boolean;
}

export class AudienceProgressResponse {
  @ApiProperty({ enum: AUDIENCE_KEYS }) audience!: string;
  @ApiProperty() modules!: number;
  @ApiProperty() hours!: number;
  @ApiProperty() people!: number;
  @ApiProperty() completed!: number;
  /** Whole percent of the audience that completed every module. */
  @ApiProperty() percent!: number;
  @ApiProperty({ type: [PersonProgressResponse] }) persons!: PersonProgressResponse[];
}

export class TrainingPlanResponse {
  @ApiProperty() caseId!: string;
  @ApiProperty() version!: number;
  @ApiProperty({ type: [AudienceResponse] }) audiences!: AudienceResponse[];
  @ApiProperty({ type: [TrainingModuleResponse] }) modules!: TrainingModuleResponse[];
  @ApiProperty({ type: [CompletionResponse] }) completions!: CompletionResponse[];
  @ApiProperty({ type: [AudienceProgressResponse] }) progress!: AudienceProgressResponse[];
  /** The go-live gate's "all overseers trained" (AI Act 26(2)). */
  @ApiProperty() overseersTrained!: boolean;
  @ApiProperty() updatedBy!: string;
  @ApiProperty() updatedAt!: string;
}
