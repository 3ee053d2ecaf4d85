import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsBoolean,
  IsIn,
  IsInt,
  IsISO8601,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';

import { CaseIdParams } from '@wc/cases';
import { CursorPageQueryDto, PageResponseOf } from '@wc/pagination';

import { LETTER_KINDS, LETTER_STATUSES } from './domain';

export class LetterIdParams extends CaseIdParams {
  @IsUUID() letterId!: string;
}

/** What the author fills in beside what the case holds; which are needed depends on the kind. */
export class LetterFieldsDto {
  /** Information request (WOR art. 31): the question. */
  @IsOptional() @IsString() @MaxLength(10000) question?: string;
  /** Consultation request, council decision, employer decision, nullity, initiative: the reasons. */
  @IsOptional() @IsString() @MaxLength(20000) reasons?: string;
  @ApiPropertyOptional({ enum: ['positive', 'negative', 'conditional', 'granted', 'refused'] })
  @IsOptional()
  @IsIn(['positive', 'negative', 'conditional', 'granted', 'refused'])
  position?: 'positive' | 'negative' | 'conditional' | 'granted' | 'refused';
  @IsOptional()
  @IsString({ each: true })
  @MaxLength(5000, { each: true })
  @ArrayMaxSize(50)
  conditions?: string[];
  @IsOptional() @IsBoolean() waivesSuspension?: boolean;
  /** Employer decision: whether it follows the council's advice or decision. */
  @IsOptional() @IsBoolean() follows?: boolean;
  @ApiPropertyOptional({ format: 'date' })
  @IsOptional()
  @IsISO8601({ strict: true })
  implementationDate?: string;
  /** Expert cost notice (WOR art. 22(2)). */
  @IsOptional() @IsString() @MaxLength(200) expertName?: string;
  @IsOptional() @IsString() @MaxLength(5000) purpose?: string;
  @IsOptional() @IsInt() @Min(0) @Max(10_000_000_000) expectedCostsCents?: number;
  /** Initiative proposal (WOR art. 23(3)). */
  @IsOptional() @IsString() @MaxLength(20000) proposal?: string;
  /** Nullity invocation (WOR art. 27(5)): the day the council found the decision implemented. */
  @ApiPropertyOptional({ format: 'date' })
  @IsOptional()
  @IsISO8601({ strict: true })
  learnedOn?: string;
  /** AI Act notice (art. 26(7)): how and when the affected workers themselves are informed. */
  @IsOptional() @IsString() @MaxLength(5000) affectedWorkersInformedBy?: string;
}

export class CreateLetterDto {
  @ApiProperty({ enum: LETTER_KINDS }) @IsIn(LETTER_KINDS) kind!: (typeof LETTER_KINDS)[number];
  /** The track for kinds that belong to one (advice or consent); implied where there is one choice. */
  @ApiPropertyOptional({ enum: ['advice', 'consent', 'ai_act'] })
  @IsOptional()
  @IsIn(['advice', 'consent', 'ai_act'])
  track?: 'advice' | 'consent' | 'ai_act';
  /** The letter's language; the author's own by default. */
  @ApiPropertyOptional({ enum: ['nl', 'en'] }) @IsOptional() @IsIn(['nl', 'en']) language?:
    'nl' | 'en';
  /** The author's own text, paragraphs separated by a blank line. */
  @IsOptional() @IsString() @MaxLength(50000) body?: string;
  @IsOptional() @ValidateNested() @Type(() => LetterFieldsDto) fields?: LetterFieldsDto;
}

export class LetterVersionDto {
  /** The letter's version the client last read; a stale one is refused with 409. */
  @IsInt() @Min(1) version!: number;
}

export class UpdateLetterDto extends LetterVersionDto {
  @IsOptional() @IsString() @MaxLength(50000) body?: string;
  @ApiPropertyOptional({ enum: ['nl', 'en'] }) @IsOptional() @IsIn(['nl', 'en']) language?:
    'nl' | 'en';
  @IsOptional() @ValidateNested() @Type(() => LetterFieldsDto) fields?: LetterFieldsDto;
}

export class SendLetterDto extends LetterVersionDto {
  /** `platform`: delivered in Overleg; `outside`: handed over or mailed by other means. */
  @ApiProperty({ enum: ['platform', 'outside'] }) @IsIn(['platform', 'outside']) delivery!:
    'platform' | 'outside';
  /** For `outside`: the day the other side received it, as the sender knows it. */
  @ApiPropertyOptional({ format: 'date' })
  @IsOptional()
  @IsISO8601({ strict: true })
  deliveredOn?: string;
}

/** The recipient's written answer, with its reasons (WOR art. 23(3)); for the cost notice, any objection. */
export class AnswerLetterDto extends LetterVersionDto {
  @IsString() @IsNotEmpty() @MaxLength(20000) answer!: string;
}

export class RecordReceiptDto {
  /** Omitted: received today (an acknowledgement). Given: the day it reached you outside Overleg. */
  @ApiPropertyOptional({ format: 'date' })
  @IsOptional()
  @IsISO8601({ strict: true })
  receivedOn?: string;
}

export class CorrectReceiptDto {
  @ApiProperty({ format: 'date' }) @IsISO8601({ strict: true }) receivedOn!: string;
}

export class LetterFormatQueryDto {
  @ApiPropertyOptional({ enum: ['nl', 'en'] }) @IsOptional() @IsIn(['nl', 'en']) language?:
    'nl' | 'en';
}

export class LetterDiffQueryDto {
  @Type(() => Number) @IsInt() @Min(1) from!: number;
  @Type(() => Number) @IsInt() @Min(1) to!: number;
}

export class LetterVerificationQueryDto {
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) seq?: number;
  @IsOptional() @IsString() @MaxLength(128) hash?: string;
}

export class ListLettersQueryDto extends CursorPageQueryDto {}

export class LetterTermResponse {
  @ApiProperty() ruleId!: string;
  @ApiProperty() label!: string;
  @ApiProperty({ format: 'date' }) lastDay!: string;
  @ApiProperty() fatal!: boolean;
  /** False for an agreed term or an internal term of Overleg: no law sets it. */
  @ApiProperty() statutory!: boolean;
  @ApiProperty() basis!: string;
}

export class LetterSectionResponse {
  @ApiProperty() heading!: string;
  @ApiProperty({ type: [String] }) lines!: string[];
}

export class LetterStructuredResponse {
  @ApiProperty() caseReference!: string;
  @ApiProperty() caseTitle!: string;
  @ApiProperty() subject!: string;
  @ApiProperty() from!: string;
  @ApiProperty() to!: string;
  @ApiProperty() salutation!: string;
  @ApiProperty({ type: [String] }) references!: string[];
  @ApiProperty({ type: [LetterSectionResponse] }) sections!: LetterSectionResponse[];
  @ApiProperty({ type: [LetterTermResponse] }) terms!: LetterTermResponse[];
  @ApiProperty() closing!: string;
}

export class ReceiptRecordResponse {
  @ApiProperty({ format: 'date' }) on!: string;
  @ApiProperty({ enum: ['opened', 'acknowledged', 'outside', 'corrected'] }) via!: string;
  @ApiProperty({ enum: ['employer', 'council'] }) side!: string;
  @ApiProperty() userId!: string;
  @ApiProperty() at!: string;
}

export class TermEffectResponse {
  @ApiProperty() recorded!: boolean;
  @ApiProperty() action!: string;
  @ApiPropertyOptional({ enum: ['term', 'go_live_item', 'internal_term', 'no_term'] })
  effect?: string;
  @ApiPropertyOptional() code?: string;
  /** For an internal term: its rule, its last day, and `statutory: false`. */
  @ApiPropertyOptional() ruleId?: string;
  @ApiPropertyOptional({ format: 'date' }) dueDate?: string;
  @ApiPropertyOptional() statutory?: boolean;
  /** For the AI Act notice: the go-live gate condition its receipt meets. */
  @ApiPropertyOptional() gateItem?: string;
  /** Where the law sets no term: the answer owed (e.g. `employer_answer`). */
  @ApiPropertyOptional() duty?: string;
}

export class LetterAnswerResponse {
  @ApiProperty() text!: string;
  @ApiProperty({ format: 'date' }) on!: string;
  @ApiProperty() userId!: string;
  @ApiProperty() at!: string;
}

export class LabelsResponse {
  @ApiProperty() nl!: string;
  @ApiProperty() en!: string;
}

export class LetterFieldOptionResponse {
  @ApiProperty() value!: string;
  @ApiProperty({ type: () => LabelsResponse }) label!: LabelsResponse;
}

/** A field the author fills in, for the edit form; which are needed in the end says `missing`. */
export class LetterFieldDefinitionResponse {
  @ApiProperty() name!: string;
  @ApiProperty({ enum: ['text', 'textarea', 'date', 'list', 'choice', 'yes_no', 'money'] })
  type!: string;
  @ApiProperty() required!: boolean;
  @ApiProperty({ type: () => LabelsResponse }) label!: LabelsResponse;
  @ApiPropertyOptional({ type: () => LabelsResponse }) hint?: LabelsResponse;
  @ApiPropertyOptional({ type: [LetterFieldOptionResponse] }) options?: LetterFieldOptionResponse[];
}

export class LetterSummaryResponse {
  @ApiProperty() id!: string;
  @ApiProperty() caseId!: string;
  @ApiProperty({ enum: LETTER_KINDS }) kind!: string;
  @ApiProperty({ type: String, nullable: true, enum: ['advice', 'consent', 'ai_act', null] })
  track!: string | null;
  @ApiProperty({ enum: ['employer', 'council'] }) senderSide!: string;
  @ApiProperty({ enum: ['nl', 'en'] }) language!: string;
  @ApiProperty({ enum: LETTER_STATUSES }) status!: string;
  @ApiProperty() subject!: string;
  @ApiProperty({ type: String, nullable: true }) sentAt!: string | null;
  @ApiProperty({ type: String, nullable: true, enum: ['platform', 'outside', null] })
  delivery!: string | null;
  @ApiProperty({ type: String, format: 'date', nullable: true }) receivedOn!: string | null;
  @ApiProperty() version!: number;
}

export class LetterPage extends PageResponseOf(LetterSummaryResponse) {}

export class LetterResponse extends LetterSummaryResponse {
  @ApiProperty({ type: () => LetterFieldsDto }) fields!: LetterFieldsDto;
  @ApiProperty() body!: string;
  @ApiProperty() versionSeq!: number;
  @ApiProperty({ type: () => LetterStructuredResponse }) structured!: LetterStructuredResponse;
  /** Fields the kind still needs before it can be signed off. */
  @ApiProperty({ type: [String] }) missing!: string[];
  /** The fields of this kind, for the edit form (labels in Dutch and English). */
  @ApiProperty({ type: [LetterFieldDefinitionResponse] })
  fieldDefinitions!: LetterFieldDefinitionResponse[];
  @ApiProperty({ type: Number, nullable: true }) signedVersion!: number | null;
  @ApiProperty({ type: String, nullable: true }) signedBy!: string | null;
  @ApiProperty({ type: String, nullable: true }) signedAt!: string | null;
  @ApiProperty({ type: [ReceiptRecordResponse] }) receipt!: ReceiptRecordResponse[];
  @ApiProperty({ type: () => TermEffectResponse, nullable: true })
  termEffect!: TermEffectResponse | null;
  /** The recipient's written answer, where the kind owes one; null until given. */
  @ApiProperty({ type: () => LetterAnswerResponse, nullable: true })
  answer!: LetterAnswerResponse | null;
  /** What the reader may do with the letter now (B.20: the web offers exactly these). */
  @ApiProperty({
    type: [String],
    enum: [
      'edit',
      'sign_off',
      'send',
      'acknowledge',
      'record_receipt',
      'correct_receipt',
      'answer',
    ],
  })
  allowedActions!: string[];
}

export class LetterVersionResponse {
  @ApiProperty() seq!: number;
  @ApiProperty() body!: string;
  @ApiProperty({ type: () => LetterStructuredResponse }) structured!: LetterStructuredResponse;
  @ApiProperty() createdBy!: string;
  @ApiProperty() createdAt!: string;
}

export class DiffLineResponse {
  @ApiProperty({ enum: ['same', 'added', 'removed'] }) op!: string;
  @ApiProperty() line!: string;
}

export class LetterDiffResponse {
  @ApiProperty() from!: number;
  @ApiProperty() to!: number;
  @ApiProperty({ type: [DiffLineResponse] }) lines!: DiffLineResponse[];
}

export class LetterVerificationResponse {
  @ApiProperty() caseId!: string;
  @ApiProperty() letterId!: string;
  @ApiProperty() caseReference!: string;
  /** The case's audit chain is intact. */
  @ApiProperty() valid!: boolean;
  @ApiProperty() entries!: number;
  @ApiProperty({ type: Number, nullable: true }) firstInvalidSeq!: number | null;
  /** When `seq` and `hash` were given (from the PDF): whether that entry is in the trail as printed. */
  @ApiProperty({ type: Boolean, nullable: true }) headFound!: boolean | null;
  /** The audit entries of this letter (drafted, signed, sent, received, corrected). */
  @ApiProperty({ type: [Number] }) letterEntries!: number[];
}
