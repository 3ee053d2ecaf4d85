import { ApiProperty, ApiPropertyOptional, type ApiPropertyOptions } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';

import { CaseIdParams } from '@wc/cases';
import { CursorPageQueryDto, PageResponseOf } from '@wc/pagination';

import {
  COMMENT_TARGETS,
  DIMENSION_KEYS,
  type DimensionKey,
  EFFECTS,
  type Effect,
  EVIDENCE_TYPES,
  type EvidenceType,
  LEVELS,
  type Level,
  QUESTION_IDS,
} from './domain';

const EFFECT_SCHEMA: ApiPropertyOptions = {
  description:
    'Expected effect on the quality of work: −2 clearly worse … +2 clearly better, or `unknown`.',
  oneOf: [
    { type: 'integer', minimum: -2, maximum: 2 },
    { type: 'string', enum: ['unknown'] },
  ],
};

export class AssessmentVersionParams extends CaseIdParams {
  @Type(() => Number) @IsInt() @Min(1) @Max(100_000) seq!: number;
}

export class AssessmentCommentParams extends CaseIdParams {
  @IsUUID() commentId!: string;
}

export class AnswerDto {
  @ApiProperty({ enum: QUESTION_IDS }) @IsIn(QUESTION_IDS) questionId!: string;
  @IsString() @MinLength(1) @MaxLength(20000) answer!: string;
  /** The evidence or basis for the answer. */
  @IsOptional() @IsString() @MaxLength(10000) basis?: string;
  @ApiPropertyOptional({ enum: EVIDENCE_TYPES })
  @IsOptional()
  @IsIn(EVIDENCE_TYPES)
  evidenceType?: EvidenceType;
  @ApiProperty(EFFECT_SCHEMA) @IsIn(EFFECTS) effect!: Effect;
  @ApiPropertyOptional({ enum: LEVELS }) @IsOptional() @IsIn(LEVELS) likelihood?: Level;
  @IsOptional() @IsString() @MaxLength(2000) affectedGroup?: string;
  @IsOptional() @IsString() @MaxLength(20000) mitigation?: string;
}

export class DimensionRatingDto {
  @ApiProperty({ enum: DIMENSION_KEYS }) @IsIn(DIMENSION_KEYS) dimension!: DimensionKey;
  @ApiProperty(EFFECT_SCHEMA) @IsIn(EFFECTS) rating!: Effect;
  @IsOptional() @IsString() @MaxLength(20000) mitigations?: string;
}

export class RiskDto {
  /** Keep the id of an existing risk so versions compare it; new risks get one. */
  @IsOptional() @IsUUID() id?: string;
  @IsString() @MinLength(1) @MaxLength(5000) risk!: string;
  @IsString() @MinLength(1) @MaxLength(2000) affectedGroup!: string;
  @ApiProperty({ enum: LEVELS }) @IsIn(LEVELS) likelihood!: Level;
  @ApiProperty({ enum: LEVELS }) @IsIn(LEVELS) severity!: Level;
  @IsString() @MinLength(1) @MaxLength(10000) mitigation!: string;
  @IsString() @MinLength(1) @MaxLength(300) owner!: string;
}

/** GDPR 35(7)(a)-(d) and 35(9); an empty string clears a field. */
export class DpiaSectionDto {
  @IsOptional() @IsString() @MaxLength(50000) description?: string;
  @IsOptional() @IsString() @MaxLength(50000) necessityProportionality?: string;
  @IsOptional() @IsString() @MaxLength(50000) risksToRights?: string;
  @IsOptional() @IsString() @MaxLength(50000) measures?: string;
  @IsOptional() @IsString() @MaxLength(50000) councilViews?: string;
  @IsOptional() @IsString() @MaxLength(50000) dpoAdvice?: string;
}

/** AI Act 27(1)(a)-(f); an empty string clears a field. */
export class FriaSectionDto {
  @IsOptional() @IsString() @MaxLength(50000) processes?: string;
  @IsOptional() @IsString() @MaxLength(50000) periodAndFrequency?: string;
  @IsOptional() @IsString() @MaxLength(50000) affectedCategories?: string;
  @IsOptional() @IsString() @MaxLength(50000) specificRisks?: string;
  @IsOptional() @IsString() @MaxLength(50000) humanOversight?: string;
  @IsOptional() @IsString() @MaxLength(50000) measuresIfRisksMaterialise?: string;
}

/**
 * A change to the draft: answers and dimension ratings are merged per id, `risks` replaces the
 * register, `dpia`/`fria` merge their fields. Only the employer edits the draft.
 */
export class UpdateAssessmentDto {
  /** The draft version last seen; 0 before the first edit. A stale one is refused with 409. */
  @IsInt() @Min(0) version!: number;
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => AnswerDto)
  answers?: AnswerDto[];
  @ApiPropertyOptional({ enum: QUESTION_IDS, isArray: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @IsIn(QUESTION_IDS, { each: true })
  clearAnswers?: string[];
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => DimensionRatingDto)
  dimensions?: DimensionRatingDto[];
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => RiskDto)
  risks?: RiskDto[];
  @IsOptional() @ValidateNested() @Type(() => DpiaSectionDto) dpia?: DpiaSectionDto;
  @IsOptional() @ValidateNested() @Type(() => FriaSectionDto) fria?: FriaSectionDto;
}

export class SubmitAssessmentDto {
  /** The draft version being submitted, so the employer submits what they saw. */
  @IsInt() @Min(1) version!: number;
}

export class CreateAssessmentCommentDto {
  /** A question id (A1…L1), a dimension (A…L), a DPIA/FRIA item (`DPIA.a`, `FRIA.f`) or `risks`. */
  @ApiProperty({ enum: COMMENT_TARGETS }) @IsIn(COMMENT_TARGETS) questionId!: string;
  @IsString() @MinLength(1) @MaxLength(20000) body!: string;
  @ApiPropertyOptional(EFFECT_SCHEMA) @IsOptional() @IsIn(EFFECTS) counterEffect?: Effect;
}

export class EditAssessmentCommentDto {
  @IsString() @MinLength(1) @MaxLength(20000) body!: string;
  /** Omitted: unchanged; null: removed. */
  @ApiPropertyOptional({ ...EFFECT_SCHEMA, nullable: true })
  @IsOptional()
  @IsIn(EFFECTS)
  counterEffect?: Effect | null;
}

export class AssessmentCommentsQueryDto extends CursorPageQueryDto {
  @ApiPropertyOptional({ enum: COMMENT_TARGETS })
  @IsOptional()
  @IsIn(COMMENT_TARGETS)
  questionId?: string;
}

export class AnswerResponse {
  @ApiProperty() questionId!: string;
  @ApiProperty() answer!: string;
  @ApiPropertyOptional() basis?: string;
  @ApiPropertyOptional({ enum: EVIDENCE_TYPES }) evidenceType?: string;
  @ApiProperty(EFFECT_SCHEMA) effect!: Effect;
  @ApiPropertyOptional({ enum: LEVELS }) likelihood?: string;
  @ApiPropertyOptional() affectedGroup?: string;
  @ApiPropertyOptional() mitigation?: string;
}

export class DimensionRatingResponse {
  @ApiProperty({ enum: DIMENSION_KEYS }) dimension!: string;
  @ApiProperty(EFFECT_SCHEMA) rating!: Effect;
  @ApiPropertyOptional() mitigations?: string;
}

export class RiskResponse {
  @ApiProperty() id!: string;
  @ApiProperty() risk!: string;
  @ApiProperty() affectedGroup!: string;
  @ApiProperty({ enum: LEVELS }) likelihood!: string;
  @ApiProperty({ enum: LEVELS }) severity!: string;
  @ApiProperty() mitigation!: string;
  @ApiProperty() owner!: string;
}

export class AssessmentContentResponse {
  /** In questionnaire order. */
  @ApiProperty({ type: [AnswerResponse] }) answers!: AnswerResponse[];
  @ApiProperty({ type: [DimensionRatingResponse] }) dimensions!: DimensionRatingResponse[];
  @ApiProperty({ type: [RiskResponse] }) risks!: RiskResponse[];
  /** Present only when the triage requires a DPIA. */
  @ApiProperty({ type: 'object', additionalProperties: { type: 'string' }, nullable: true })
  dpia!: Record<string, string> | null;
  /** Present only when the triage requires a FRIA. */
  @ApiProperty({ type: 'object', additionalProperties: { type: 'string' }, nullable: true })
  fria!: Record<string, string> | null;
}

export class ApplicableSectionsResponse {
  @ApiProperty() dpia!: boolean;
  @ApiProperty() fria!: boolean;
}

export class AssessmentVersionSummaryResponse {
  @ApiProperty() seq!: number;
  @ApiProperty() submittedBy!: string;
  @ApiProperty() submittedAt!: string;
  /** How many fields differ from the version before (from nothing, for the first). */
  @ApiProperty() changes!: number;
}

export class AssessmentVersionResponse extends AssessmentVersionSummaryResponse {
  @ApiProperty({ type: ApplicableSectionsResponse }) sections!: ApplicableSectionsResponse;
  @ApiProperty({ type: AssessmentContentResponse }) content!: AssessmentContentResponse;
}

export class AssessmentResponse {
  @ApiProperty() caseId!: string;
  /** The draft's version for the next edit; 0 while there is no draft. */
  @ApiProperty() version!: number;
  @ApiProperty({ type: ApplicableSectionsResponse }) sections!: ApplicableSectionsResponse;
  /** The employer's working draft; null for everyone else. */
  @ApiProperty({ type: AssessmentContentResponse, nullable: true })
  draft!: AssessmentContentResponse | null;
  @ApiProperty({ type: AssessmentVersionResponse, nullable: true })
  latestVersion!: AssessmentVersionResponse | null;
  /** Employer only: whether the draft has changes not yet submitted. */
  @ApiProperty({ type: Boolean, nullable: true }) unsubmittedChanges!: boolean | null;
  @ApiProperty({ type: String, nullable: true }) updatedAt!: string | null;
}

export class AssessmentChangeResponse {
  @ApiProperty({
    description: 'e.g. `answers.A1.effect`, `risks.<id>.severity`, `dpia.description`',
  })
  path!: string;
  @ApiProperty({ enum: ['added', 'removed', 'changed'] }) kind!: string;
  @ApiPropertyOptional({ oneOf: [{ type: 'string' }, { type: 'number' }] }) before?:
    string | number;
  @ApiPropertyOptional({ oneOf: [{ type: 'string' }, { type: 'number' }] }) after?: string | number;
}

export class AssessmentDiffResponse {
  /** The version compared against; 0 means none (the first version). */
  @ApiProperty() from!: number;
  @ApiProperty() to!: number;
  @ApiProperty({ type: [AssessmentChangeResponse] }) changes!: AssessmentChangeResponse[];
}

export class AssessmentCommentResponse {
  @ApiProperty() id!: string;
  @ApiProperty() questionId!: string;
  @ApiProperty({ type: Number, nullable: true }) versionSeq!: number | null;
  @ApiProperty() authorId!: string;
  @ApiProperty({ enum: ['council_board', 'council_member', 'expert'] }) authorSide!: string;
  @ApiProperty() body!: string;
  @ApiProperty({ ...EFFECT_SCHEMA, nullable: true }) counterEffect!: Effect | null;
  @ApiProperty() createdAt!: string;
  @ApiProperty({ type: String, nullable: true }) editedAt!: string | null;
}

export class LocalTextResponse {
  @ApiProperty() nl!: string;
  @ApiProperty() en!: string;
}

export class QuestionResponse {
  @ApiProperty() id!: string;
  @ApiProperty({ type: LocalTextResponse }) text!: LocalTextResponse;
  @ApiProperty({ type: [String] }) sources!: string[];
}

export class DimensionResponse {
  @ApiProperty({ enum: DIMENSION_KEYS }) key!: string;
  @ApiProperty({ type: LocalTextResponse }) title!: LocalTextResponse;
  @ApiProperty({ type: [String] }) sources!: string[];
  @ApiProperty({ type: [QuestionResponse] }) questions!: QuestionResponse[];
}

export class SectionItemResponse {
  @ApiProperty() id!: string;
  @ApiProperty() field!: string;
  @ApiProperty({ type: LocalTextResponse }) text!: LocalTextResponse;
  @ApiProperty() required!: boolean;
  @ApiProperty({ type: [String] }) sources!: string[];
}

export class QuestionnaireResponse {
  @ApiProperty({ type: [DimensionResponse] }) dimensions!: DimensionResponse[];
  /** The DPIA items, only when the case's triage requires a DPIA. */
  @ApiProperty({ type: [SectionItemResponse], nullable: true }) dpia!: SectionItemResponse[] | null;
  /** The FRIA items, only when the case's triage requires a FRIA. */
  @ApiProperty({ type: [SectionItemResponse], nullable: true }) fria!: SectionItemResponse[] | null;
}

export class AssessmentVersionSummaryPage extends PageResponseOf(
  AssessmentVersionSummaryResponse,
) {}
export class AssessmentCommentPage extends PageResponseOf(AssessmentCommentResponse) {}
