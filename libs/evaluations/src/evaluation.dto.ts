import { ApiProperty, type ApiPropertyOptions } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
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
import { DIMENSION_KEYS } from '@wc/dossier';
import { CursorPageQueryDto, PageResponseOf } from '@wc/pagination';

import {
  COMMITMENT_REVIEW_STATES,
  type CommitmentReviewState,
  GOAL_OUTCOMES,
  type GoalOutcome,
  INCIDENT_KINDS,
  type IncidentKind,
  type Rating,
  RATINGS,
} from './domain/evaluation';

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const KEY = /^[a-z0-9][a-z0-9_-]{0,63}$/;

const RATING_SCHEMA: ApiPropertyOptions = {
  description: 'Effect on the quality of work: −2 clearly worse … +2 clearly better, or `unknown`.',
  oneOf: [
    { type: 'integer', minimum: -2, maximum: 2 },
    { type: 'string', enum: ['unknown'] },
  ],
};
const NULLABLE_RATING_SCHEMA: ApiPropertyOptions = {
  ...RATING_SCHEMA,
  nullable: true,
};

export class EvaluationParams extends CaseIdParams {
  @Type(() => Number) @IsInt() @Min(1) @Max(12) seq!: number;
}

export class GoalDto {
  @ApiProperty({ pattern: KEY.source }) @Matches(KEY) key!: string;
  @IsString() @MinLength(1) @MaxLength(2000) description!: string;
  @IsString() @MaxLength(2000) target!: string;
}

/** The monitoring plan recorded at intake: goals and the quality-of-work indicators to watch. */
export class PutMonitoringPlanDto {
  /** The plan version last seen; 0 for a case without a plan yet. */
  @IsInt() @Min(0) version!: number;
  @IsArray()
  @ArrayMaxSize(30)
  @ValidateNested({ each: true })
  @Type(() => GoalDto)
  goals!: GoalDto[];
  /** Dimension keys (A…L) of the impact assessment to watch after go-live. */
  @ApiProperty({ enum: DIMENSION_KEYS, isArray: true })
  @IsArray()
  @ArrayMaxSize(12)
  @IsIn(DIMENSION_KEYS, { each: true })
  indicators!: string[];
}

export class MonitoringPlanResponse {
  caseId!: string;
  @ApiProperty({ type: [GoalDto] }) goals!: GoalDto[];
  @ApiProperty({ enum: DIMENSION_KEYS, isArray: true }) indicators!: string[];
  /** 0 while no plan was recorded. */
  version!: number;
  @ApiProperty({ nullable: true, type: String }) updatedAt!: string | null;
}

export class DimensionResultDto {
  @ApiProperty({ enum: DIMENSION_KEYS }) @IsIn(DIMENSION_KEYS) dimension!: string;
  @ApiProperty(RATING_SCHEMA) @IsIn(RATINGS) rating!: Rating;
  @IsString() @MaxLength(2000) note!: string;
}

export class GoalResultDto {
  @ApiProperty({ pattern: KEY.source }) @Matches(KEY) key!: string;
  @ApiProperty({ enum: GOAL_OUTCOMES }) @IsIn(GOAL_OUTCOMES) outcome!: GoalOutcome;
  @IsString() @MaxLength(2000) note!: string;
}

/** How one open commitment stands at this evaluation. */
export class CommitmentReviewDto {
  @IsUUID() commitmentId!: string;
  /** `met` needs its evidence in `note`; `broken_proposed` only proposes (the council board declares it). */
  @ApiProperty({ enum: COMMITMENT_REVIEW_STATES })
  @IsIn(COMMITMENT_REVIEW_STATES)
  state!: CommitmentReviewState;
  @IsString() @MaxLength(4000) note!: string;
}

/** An evaluation: the re-rating of the assessment's dimensions and how far each goal was met. */
export class RecordEvaluationDto {
  @IsArray()
  @ArrayMaxSize(12)
  @ValidateNested({ each: true })
  @Type(() => DimensionResultDto)
  ratings!: DimensionResultDto[];
  @IsArray()
  @ArrayMaxSize(30)
  @ValidateNested({ each: true })
  @Type(() => GoalResultDto)
  goals!: GoalResultDto[];
  @IsString() @MaxLength(10000) summary!: string;
  /**
   * Every open commitment of the case, reviewed once (422 `evaluation.commitments_unreviewed`
   * otherwise); may be left out for a case without open commitments.
   */
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => CommitmentReviewDto)
  commitments?: CommitmentReviewDto[];
}

/**
 * A commitment at an evaluation: as reviewed (recorded), or still to review (scheduled, `state`
 * null). Counted as overdue when its due date passed by the evaluation day and it was not met.
 */
export class CommitmentReviewResponse {
  commitmentId!: string;
  @ApiProperty({ enum: ['advice', 'consent'] }) track!: string;
  conditionNo!: number;
  condition!: string;
  @ApiProperty({ type: String, nullable: true, format: 'date' }) dueDate!: string | null;
  @ApiProperty({ enum: COMMITMENT_REVIEW_STATES, nullable: true })
  state!: CommitmentReviewState | null;
  note!: string;
  overdue!: boolean;
}

export class DimensionDiffResponse {
  @ApiProperty({ enum: DIMENSION_KEYS }) dimension!: string;
  @ApiProperty(NULLABLE_RATING_SCHEMA) forecast!: Rating | null;
  @ApiProperty(NULLABLE_RATING_SCHEMA) actual!: Rating | null;
  /** The re-rating minus the forecast; null unless both are numbers. */
  @ApiProperty({ type: Number, nullable: true }) diff!: number | null;
}

/** Complaints and explanation requests of the system, counted only (no names or texts). */
export class ComplaintCountsResponse {
  complaints!: number;
  explanationRequests!: number;
  open!: number;
  overdue!: number;
}

export class IncidentCountsResponse {
  override!: number;
  correction!: number;
  staffReport!: number;
  unforeseenEffect!: number;
}

export class EvaluationResponse {
  id!: string;
  seq!: number;
  monthsAfter!: number;
  dueOn!: string;
  @ApiProperty({ enum: ['scheduled', 'recorded'] }) status!: string;
  @ApiProperty({ type: [DimensionDiffResponse] }) dimensions!: DimensionDiffResponse[];
  @ApiProperty({ type: [GoalResultDto] }) goals!: GoalResultDto[];
  summary!: string;
  @ApiProperty({ type: String, nullable: true }) recordedAt!: string | null;
  @ApiProperty({ type: String, nullable: true, enum: ['employer', 'council'] })
  recordedSide!: string | null;
  /** Up to the evaluation's date (or today while scheduled), since go-live. */
  complaints!: ComplaintCountsResponse;
  incidents!: IncidentCountsResponse;
  /** Recorded: the commitments as reviewed then; scheduled: the open ones it must review. */
  @ApiProperty({ type: [CommitmentReviewResponse] }) commitments!: CommitmentReviewResponse[];
}

export class EvaluationReportResponse {
  caseId!: string;
  /** The go-live day; null before the case was implemented. */
  @ApiProperty({ type: String, nullable: true }) goLiveOn!: string | null;
  /** Where the interval comes from: the council's confirmed convenant, or the default 3/6/12 months. */
  @ApiProperty({ enum: ['convenant', 'default'], nullable: true }) intervalSource!: string | null;
  /** The submitted assessment version the forecast is taken from. */
  @ApiProperty({ type: Number, nullable: true }) forecastSeq!: number | null;
  @ApiProperty({ type: [EvaluationResponse] }) evaluations!: EvaluationResponse[];
}

export class CreateIncidentDto {
  @ApiProperty({ enum: INCIDENT_KINDS }) @IsIn(INCIDENT_KINDS) kind!: IncidentKind;
  @IsString() @MinLength(1) @MaxLength(4000) description!: string;
  @ApiProperty({ pattern: DAY.source }) @Matches(DAY) occurredOn!: string;
}

export class IncidentResponse {
  id!: string;
  @ApiProperty({ enum: INCIDENT_KINDS }) kind!: string;
  description!: string;
  occurredOn!: string;
  @ApiProperty({ enum: ['employer', 'council'] }) reportedSide!: string;
  createdAt!: string;
}

export class IncidentPage extends PageResponseOf(IncidentResponse) {}

export class ListIncidentsQueryDto extends CursorPageQueryDto {}

export class FollowUpLinkResponse {
  caseId!: string;
  /** The register fields whose change opened it. */
  fields!: string[];
  openedAt!: string;
}

export class FollowUpsResponse {
  /** The earlier case this one follows up (its id as `caseId`), if a register change opened it. */
  @ApiProperty({ type: FollowUpLinkResponse, nullable: true })
  follows!: FollowUpLinkResponse | null;
  /** Follow-up cases opened from this one that the reader sees. */
  @ApiProperty({ type: [FollowUpLinkResponse] }) followUps!: FollowUpLinkResponse[];
}
