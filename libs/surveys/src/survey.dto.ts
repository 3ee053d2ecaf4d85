import { ApiProperty, ApiPropertyOptional, type ApiPropertyOptions } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsEmail,
  IsIn,
  IsInt,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';

import { CaseIdParams } from '@wc/cases';
import { PageResponseOf } from '@wc/pagination';

import { SCALES, type Scale, SURVEY_VALUES, type SurveyValue } from './domain/questions';

const VALUE_SCHEMA: ApiPropertyOptions = {
  description:
    '−2 … +2 (much worse … much better, or strongly disagree … strongly agree), or `unknown`.',
  oneOf: [
    { type: 'integer', minimum: -2, maximum: 2 },
    { type: 'string', enum: ['unknown'] },
  ],
};

export class SurveyIdParams extends CaseIdParams {
  @IsUUID() surveyId!: string;
}

export class CouncilQuestionDto {
  @IsString() @MinLength(1) @MaxLength(500) text!: string;
  @ApiProperty({ enum: SCALES }) @IsIn(SCALES) scale!: Scale;
}

export class CreateSurveyDto {
  @IsString() @MinLength(1) @MaxLength(200) title!: string;
  /** The council's own questions, beside the quality-of-work dimensions (at most 10). */
  @IsArray()
  @ArrayMaxSize(10)
  @ValidateNested({ each: true })
  @Type(() => CouncilQuestionDto)
  councilQuestions!: CouncilQuestionDto[];
}

export class SendSurveyInvitationsDto {
  /** The addresses to invite; used to send the e-mails and not stored. */
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(500)
  @IsEmail({}, { each: true })
  @MaxLength(254, { each: true })
  emails!: string[];
  @ApiProperty({ enum: ['nl', 'en'] }) @IsIn(['nl', 'en']) language!: 'nl' | 'en';
}

export class SurveyVersionDto {
  /** The survey version the client last saw; a stale one is refused with 409. */
  @IsInt() @Min(1) version!: number;
}

export class SurveyTokenDto {
  /** The single-use token from the invitation link. */
  @IsString() @Matches(/^[A-Za-z0-9_-]{20,100}$/) token!: string;
}

export class SurveyAnswerDto {
  @IsString() @MinLength(1) @MaxLength(20) questionId!: string;
  @ApiProperty(VALUE_SCHEMA) @IsIn(SURVEY_VALUES) value!: SurveyValue;
}

export class SubmitSurveyResponseDto extends SurveyTokenDto {
  /** Every question of the survey, once. */
  @IsArray()
  @ArrayMaxSize(40)
  @ValidateNested({ each: true })
  @Type(() => SurveyAnswerDto)
  answers!: SurveyAnswerDto[];
}

export class SurveyLocalTextResponse {
  @ApiProperty() nl!: string;
  @ApiProperty() en!: string;
}

export class SurveyQuestionResponse {
  /** A dimension key (`A` … `L`) or the council's own (`Q1` …). */
  @ApiProperty() id!: string;
  @ApiProperty({ enum: ['dimension', 'council'] }) kind!: 'dimension' | 'council';
  /** For `dimension` questions: the impact assessment's dimension it sits beside. */
  @ApiProperty({ type: String, nullable: true }) dimension!: string | null;
  @ApiProperty({ enum: SCALES }) scale!: Scale;
  /** Both languages for a dimension question; the council's own text in both for its own. */
  @ApiProperty({ type: SurveyLocalTextResponse }) text!: SurveyLocalTextResponse;
}

export class SurveyQuestionResultResponse {
  @ApiProperty() questionId!: string;
  /** How many gave each answer: keys `-2` … `2` and `unknown`. */
  @ApiProperty({ type: 'object', additionalProperties: { type: 'integer' } })
  counts!: Record<string, number>;
  /** The mean of the −2 … +2 answers; null when all answered `unknown`. */
  @ApiProperty({ type: Number, nullable: true }) mean!: number | null;
}

export class SurveyResultsResponse {
  /** The responses these results count: 5, 10, 15 … (published in blocks of five). */
  @ApiProperty() responseCount!: number;
  /**
   * Responses received since the last block of five (0–4): not in these results until the
   * block is full, and said so on the screen. Only shown once results are (from five up).
   */
  @ApiProperty() unpublishedResponses!: number;
  @ApiProperty({ type: [SurveyQuestionResultResponse] })
  questions!: SurveyQuestionResultResponse[];
}

export class SurveyResponse {
  @ApiProperty() id!: string;
  @ApiProperty() caseId!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ enum: ['open', 'closed'] }) status!: string;
  @ApiProperty({ type: [SurveyQuestionResponse] }) questions!: SurveyQuestionResponse[];
  /** How many invitations were sent (the council's own members only). */
  @ApiPropertyOptional() invitationCount?: number;
  /** Results appear only from five responses up; below that null, with no counts at all. */
  @ApiProperty({ type: SurveyResultsResponse, nullable: true })
  results!: SurveyResultsResponse | null;
  /** Results shown from this many responses up. */
  @ApiProperty() minimumResponses!: number;
  @ApiProperty({ type: String, nullable: true }) attachedToPositionAt!: string | null;
  @ApiProperty() createdAt!: string;
  @ApiProperty({ type: String, nullable: true }) closedAt!: string | null;
  @ApiProperty() version!: number;
}

export class SurveyListResponse {
  @ApiProperty({ type: [SurveyResponse] }) items!: SurveyResponse[];
}

export class SurveyInvitationsSentResponse {
  /** E-mails the SMTP server accepted. */
  @ApiProperty() sent!: number;
  /** E-mails that could not be sent; their invitations were withdrawn, so send those again. */
  @ApiProperty() failed!: number;
  @ApiProperty({ type: SurveyResponse }) survey!: SurveyResponse;
}

/** What someone opening an invitation link sees: no case details beyond the title. */
export class SurveyQuestionnaireResponse {
  @ApiProperty() title!: string;
  @ApiProperty({ type: [SurveyQuestionResponse] }) questions!: SurveyQuestionResponse[];
}

export class SurveyPage extends PageResponseOf(SurveyResponse) {}
