import { ApiExtraModels, ApiProperty, ApiPropertyOptional, getSchemaPath } from '@nestjs/swagger';
import { Type } from 'class-transformer';
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
  ValidateIf,
  ValidateNested,
} from 'class-validator';

import { CursorPageQueryDto, PageResponseOf } from '@wc/pagination';

export const TRACK_KIND_VALUES = ['advice', 'consent', 'ai_act', 'dpia', 'skills'] as const;

export class CaseIdParams {
  @IsUUID() caseId!: string;
}

export class TrackParams extends CaseIdParams {
  @ApiProperty({ enum: TRACK_KIND_VALUES })
  @IsIn(TRACK_KIND_VALUES)
  kind!: (typeof TRACK_KIND_VALUES)[number];
}

export class InformationRequestParams extends CaseIdParams {
  @IsUUID() requestId!: string;
}

export class VersionDto {
  /** The case version the client last saw; a stale one is refused with 409. */
  @IsInt() @Min(1) version!: number;
}

export class CaseContentsDto {
  @IsOptional() @IsString() @MaxLength(20000) intendedDecision?: string;
  @IsOptional() @IsString() @MaxLength(5000) grounds?: string;
  @IsOptional() @IsString() @MaxLength(20000) reasons?: string;
  @IsOptional() @IsString() @MaxLength(20000) consequencesForStaff?: string;
  @IsOptional() @IsString() @MaxLength(20000) measures?: string;
  @IsOptional() @IsString() @MaxLength(20000) alternatives?: string;
  @IsOptional() @IsString() @MaxLength(5000) planning?: string;
  @ApiPropertyOptional({ format: 'date' })
  @IsOptional()
  @IsISO8601({ strict: true })
  proposedDecisionDate?: string;
  @IsOptional() @IsString() @MaxLength(50000) regelingText?: string;
  /** Contract signed or system live: the request can no longer have "wezenlijke invloed" [W1]. */
  @IsOptional() @IsBoolean() employerCommitted?: boolean;
}

export class CreateCaseDto {
  @IsUUID() aiSystemId!: string;
  @IsUUID() worksCouncilId!: string;
  @IsString() @MinLength(1) @MaxLength(300) title!: string;
  @IsOptional() @ValidateNested() @Type(() => CaseContentsDto) contents?: CaseContentsDto;
}

export class UpdateCaseDto extends VersionDto {
  @IsOptional() @IsString() @MinLength(1) @MaxLength(300) title?: string;
  @IsOptional() @ValidateNested() @Type(() => CaseContentsDto) contents?: CaseContentsDto;
}

const ANNEX = [
  'none',
  'recruitment_selection',
  'work_related_decisions',
  'task_allocation',
  'monitoring_evaluation',
] as const;
const CONSENT_LETTERS = ['b', 'c', 'd', 'e', 'f', 'g', 'j', 'k', 'l', 'm'] as const;
const ANNEX_III_1 = [
  'none',
  'remote_biometric_identification',
  'biometric_categorisation',
  'emotion_recognition',
] as const;
const ANNEX_III_3 = [
  'none',
  'access_admission',
  'evaluating_learning_outcomes',
  'assessing_education_level',
  'monitoring_test_behaviour',
] as const;

/** WOR 27(3) "voor zover": what the cao settles of one consent subject, wholly or in part. */
export class CaoSettlementDto {
  @ApiProperty({ enum: CONSENT_LETTERS })
  @IsIn(CONSENT_LETTERS)
  letter!: (typeof CONSENT_LETTERS)[number];
  @IsIn(['whole', 'part']) scope!: 'whole' | 'part';
  @IsString() @MinLength(1) @MaxLength(500) topic!: string;
  @IsOptional() @IsString() @MaxLength(500) reference?: string;
}

/** The screening questionnaire (legal-rules (c) DRAFT→SCREENING). */
export class TriageAnswersDto {
  @IsIn(['or', 'pvt', 'none']) councilType!: 'or' | 'pvt' | 'none';
  @IsInt() @Min(0) @Max(10_000_000) headcount!: number;
  @IsBoolean() introducesOrChangesTechnology!: boolean;
  @IsBoolean() changesActivities!: boolean;
  @IsBoolean() changesWorkOrganisation!: boolean;
  @IsBoolean() majorInvestment!: boolean;
  @IsBoolean() recruitmentOfStaff!: boolean;
  @IsBoolean() externalAdviserEngaged!: boolean;
  @IsBoolean() processesStaffPersonalData!: boolean;
  @IsBoolean() canMonitorStaff!: boolean;
  @IsBoolean() usedForAppraisal!: boolean;
  @IsBoolean() affectsWorkingTimes!: boolean;
  @IsBoolean() affectsHealthSafety!: boolean;
  @IsBoolean() affectsHiringFiringPromotion!: boolean;
  @IsBoolean() affectsTraining!: boolean;
  @ApiProperty({ enum: ANNEX }) @IsIn(ANNEX) annexIIIPoint4!: (typeof ANNEX)[number];
  @IsBoolean() profilesNaturalPersons!: boolean;
  @IsBoolean() article6_3Exception!: boolean;
  @IsIn(['private', 'public_body', 'private_public_service']) deployerType!:
    'private' | 'public_body' | 'private_public_service';
  @IsBoolean() infersEmotions!: boolean;
  @IsBoolean() emotionMedicalOrSafety!: boolean;
  @IsBoolean() largeScaleMonitoring!: boolean;
  @IsBoolean() systematicProfilingWithSignificantEffects!: boolean;
  @IsBoolean() specialCategoryData!: boolean;
  @IsBoolean() biometrics!: boolean;
  @ApiProperty({ enum: CONSENT_LETTERS, isArray: true })
  @IsIn(CONSENT_LETTERS, { each: true })
  @ArrayMaxSize(10)
  caoSettledConsentLetters!: Array<(typeof CONSENT_LETTERS)[number]>;
  @IsOptional() @IsString() @MaxLength(500) caoReference?: string;
  @IsBoolean() jobContentChanges!: boolean;
  @IsOptional() @IsBoolean() majorEffectOnQuarterOfStaff?: boolean;
  // Issue #17: optional, so clients that do not know them yet keep working.
  @IsOptional() @IsBoolean() affectsPayOrJobEvaluation?: boolean;
  @IsOptional() @IsBoolean() affectsComplaintsProcedure?: boolean;
  @IsOptional() @IsBoolean() affectsWhistleblowingProcedure?: boolean;
  @IsOptional()
  @ValidateNested({ each: true })
  @Type(() => CaoSettlementDto)
  @ArrayMaxSize(20)
  caoSettlements?: CaoSettlementDto[];
  @IsOptional() @IsBoolean() manipulativeTechniques?: boolean;
  @IsOptional() @IsBoolean() exploitsVulnerabilities?: boolean;
  @IsOptional() @IsBoolean() socialScoring?: boolean;
  @IsOptional() @IsBoolean() untargetedFacialScraping?: boolean;
  /** Infers race, political opinions, trade-union membership, religion or sex life (AI Act 5(1)(g)). */
  @IsOptional() @IsBoolean() biometricCategorisationSensitive?: boolean;
  @ApiPropertyOptional({ enum: ANNEX_III_1 })
  @IsOptional()
  @IsIn(ANNEX_III_1)
  annexIIIPoint1?: (typeof ANNEX_III_1)[number];
  @ApiPropertyOptional({ enum: ANNEX_III_3 })
  @IsOptional()
  @IsIn(ANNEX_III_3)
  annexIIIPoint3?: (typeof ANNEX_III_3)[number];
  @IsOptional() @IsBoolean() annexIProduct?: boolean;
  /** The provider's documented art. 6(3) assessment (AI Act 6(4)); without it 6(3) is not applied. */
  @IsOptional() @IsString() @MaxLength(500) providerAssessmentDocument?: string;
  @IsOptional() @IsBoolean() chatbot?: boolean;
  @IsOptional() @IsBoolean() generatesContent?: boolean;
  @IsOptional() @IsBoolean() deepfakes?: boolean;
  @IsOptional() @IsBoolean() solelyAutomatedSignificantDecisions?: boolean;
  @IsOptional() @IsBoolean() covertMonitoring?: boolean;
  @IsOptional() @IsBoolean() blacklist?: boolean;
  @IsOptional() @IsBoolean() fraudDetection?: boolean;
  @IsOptional() @IsBoolean() financialSituation?: boolean;
  @IsOptional() @IsBoolean() cameraSurveillance?: boolean;
  @IsOptional() @IsBoolean() locationData?: boolean;
  @IsOptional() @IsBoolean() communicationData?: boolean;
  @IsOptional() @IsBoolean() connectedDevices?: boolean;
  @IsOptional() @IsBoolean() observesOrInfluencesBehaviour?: boolean;
  /** Absence (verzuim), reintegration or other health data. */
  @IsOptional() @IsBoolean() healthData?: boolean;
}

export class SetTriageDto extends VersionDto {
  @ValidateNested() @Type(() => TriageAnswersDto) answers!: TriageAnswersDto;
  /**
   * Questions answered "weet ik niet": the server assumes the cautious answer for each (whatever
   * `answers` holds for it) and lists them in the outcome's `toFindOut`. A key that names no
   * such question is refused by the service (`case.triage_question_unknown`).
   */
  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @IsString({ each: true })
  @MaxLength(100, { each: true })
  @ArrayMaxSize(100)
  unknown?: string[];
}

export class TriagePrefillResponse {
  /** Answers the AI register implies ("verzuim" is health data). */
  @ApiProperty({ type: 'object', additionalProperties: { type: 'boolean' } })
  answers!: Record<string, boolean>;
  /** The register fact behind each pre-filled answer. */
  @ApiProperty({ type: 'object', additionalProperties: { type: 'string' } })
  because!: Record<string, string>;
}

/** A text in both languages of the platform. */
export class TriageTextResponse {
  @ApiProperty() nl!: string;
  @ApiProperty() en!: string;
}

/** When a follow-up question is asked: the answer of the question it follows. */
export class TriageShowWhenResponse {
  /** The key of the question it follows. */
  @ApiProperty() question!: string;
  /** `is_true`: answered yes; `equals`: the choice `value`; `not_empty`: a list or text given. */
  @ApiProperty({ enum: ['is_true', 'equals', 'not_empty'] })
  operator!: 'is_true' | 'equals' | 'not_empty';
  @ApiPropertyOptional() value?: string;
}

export class TriageQuestionOptionResponse {
  @ApiProperty() value!: string;
  @ApiProperty({ type: TriageTextResponse }) label!: TriageTextResponse;
}

export class TriageQuestionResponse {
  /** The key of the answer in `TriageAnswersDto`. */
  @ApiProperty() key!: string;
  @ApiProperty({ enum: ['yes_no', 'number', 'choice', 'letters', 'text', 'cao_settlements'] })
  kind!: 'yes_no' | 'number' | 'choice' | 'letters' | 'text' | 'cao_settlements';
  @ApiProperty({ type: TriageTextResponse }) text!: TriageTextResponse;
  /** What the question means, in plain words. */
  @ApiProperty({ type: TriageTextResponse }) help!: TriageTextResponse;
  /** A workplace example. */
  @ApiProperty({ type: TriageTextResponse }) example!: TriageTextResponse;
  /** The choices of a `choice` or `letters` (and `cao_settlements`) question, in order. */
  @ApiPropertyOptional({ type: [TriageQuestionOptionResponse] })
  options?: TriageQuestionOptionResponse[];
  /** Must be answered (or "weet ik niet") when it applies. */
  @ApiProperty() required!: boolean;
  /**
   * A follow-up: asked only when this holds; otherwise the server ignores what is sent for it.
   * Evaluate it on the answers with the cautious answer (`unknownAssumes`) of each "weet ik niet".
   */
  @ApiPropertyOptional({ type: TriageShowWhenResponse }) showWhen?: TriageShowWhenResponse;
  /** Whether "weet ik niet" may answer it (`SetTriageDto.unknown`). */
  @ApiProperty() unknownAllowed!: boolean;
  /** The cautious answer the server assumes for "weet ik niet". */
  @ApiPropertyOptional({
    oneOf: [
      { type: 'boolean' },
      { type: 'number' },
      { type: 'string' },
      { type: 'array', items: { type: 'string' } },
    ],
  })
  unknownAssumes?: boolean | number | string | string[];
  /** legal-rules ids or articles. */
  @ApiProperty({ type: [String] }) sources!: string[];
}

export class TriageQuestionGroupResponse {
  @ApiProperty() id!: string;
  @ApiProperty({ type: TriageTextResponse }) title!: TriageTextResponse;
  @ApiProperty({ type: [TriageQuestionResponse] }) questions!: TriageQuestionResponse[];
}

/** The triage questionnaire in plain language: help text and example per question (issue #17). */
export class TriageQuestionnaireResponse {
  @ApiProperty({ type: [TriageQuestionGroupResponse] }) groups!: TriageQuestionGroupResponse[];
}

export class ContestTriageDto extends VersionDto {
  @IsString() @MinLength(1) @MaxLength(10000) reasons!: string;
}

/** The council board contests an employer's re-triage proposal, naming the answers it disputes. */
export class ContestTriageProposalDto extends VersionDto {
  @IsString() @MinLength(1) @MaxLength(10000) reasons!: string;
  /** Keys of the triage answers the board disputes, e.g. `councilType`, `canMonitorStaff`. */
  @IsOptional()
  @IsString({ each: true })
  @MaxLength(100, { each: true })
  @ArrayMaxSize(40)
  answers?: string[];
}

/** The council reports that the AI system is in use (issue #14): a fact on the record, at once. */
export class ReportUseDto extends VersionDto {
  /** The day the council saw the system in use. */
  @ApiProperty({ format: 'date' }) @IsISO8601({ strict: true }) observedOn!: string;
  @IsString() @MinLength(1) @MaxLength(5000) note!: string;
}

const ACTION_TYPES = [
  'request_information',
  'provide_information',
  'request_consultation',
  'record_consultation_held',
  'submit_request',
  'start_deliberation',
  'record_council_position',
  'record_employer_decision',
  'waive_suspension',
  'end_suspension',
  'file_appeal',
  'record_appeal_ruling',
  'record_substitute_permission',
  'record_decision_without_consent',
  'invoke_nullity',
  'start_evaluation',
  'close',
  'prepare_notice',
  'send_notice',
  'start_fria',
  'complete_fria',
  'mark_ready',
  'start_dpia',
  'complete_dpia',
  'record_prior_consultation',
  'start_training',
  'complete_training',
  'mark_implemented',
  'propose_change',
  'withdraw',
  'put_on_hold',
  'resume',
] as const;

/** Actions that carry nothing beyond their type (and, like most, the day the act was received). */
const PLAIN_ACTION_TYPES = [
  'submit_request',
  'start_deliberation',
  'end_suspension',
  'file_appeal',
  'invoke_nullity',
  'start_evaluation',
  'close',
  'prepare_notice',
  'start_fria',
  'complete_fria',
  'mark_ready',
  'start_dpia',
  'record_prior_consultation',
  'start_training',
  'complete_training',
  'mark_implemented',
  'propose_change',
  'resume',
] as const;
const INFORMATION_ACTION_TYPES = ['request_information', 'provide_information'] as const;
const PAUSE_ACTION_TYPES = ['withdraw', 'put_on_hold'] as const;

/**
 * What every track action has: its `type`, the discriminator. An unknown type lands here (the
 * transformer's fallback), so the enum check refuses it with the list of types.
 */
export abstract class TrackActionBaseDto {
  @ApiProperty({ enum: ACTION_TYPES }) @IsIn(ACTION_TYPES) type!: string;
}

/** An action recorded after the fact may name the day it was received (starts its terms). */
abstract class DatedTrackActionDto extends TrackActionBaseDto {
  @ApiPropertyOptional({ format: 'date' })
  @IsOptional()
  @IsISO8601({ strict: true })
  receivedOn?: string;
}

export class PlainTrackActionDto extends DatedTrackActionDto {
  @ApiProperty({ enum: PLAIN_ACTION_TYPES }) declare type: (typeof PLAIN_ACTION_TYPES)[number];
}

export class InformationActionDto extends DatedTrackActionDto {
  @ApiProperty({ enum: INFORMATION_ACTION_TYPES })
  declare type: (typeof INFORMATION_ACTION_TYPES)[number];
  @IsOptional() @IsString() @MaxLength(5000) subject?: string;
}

/** WOR 23(1): a reasoned request for a consultation meeting. */
export class RequestConsultationDto extends DatedTrackActionDto {
  @ApiProperty({ enum: ['request_consultation'] }) declare type: 'request_consultation';
  @IsString() @MaxLength(20000) reasons!: string;
}

export class RecordConsultationHeldDto extends DatedTrackActionDto {
  @ApiProperty({ enum: ['record_consultation_held'] }) declare type: 'record_consultation_held';
  @ApiProperty({ format: 'date' }) @IsISO8601({ strict: true }) heldOn!: string;
  @IsOptional() @IsUUID() meetingId?: string;
}

/** Which positions fit the track (advice or consent) is the stage machine's to say. */
export class RecordCouncilPositionDto extends DatedTrackActionDto {
  @ApiProperty({ enum: ['record_council_position'] }) declare type: 'record_council_position';
  @ApiProperty({ enum: ['positive', 'negative', 'conditional', 'granted', 'refused'] })
  @IsIn(['positive', 'negative', 'conditional', 'granted', 'refused'])
  position!: 'positive' | 'negative' | 'conditional' | 'granted' | 'refused';
  @IsOptional()
  @IsString({ each: true })
  @MaxLength(5000, { each: true })
  @ArrayMaxSize(50)
  conditions?: string[];
  @IsOptional() @IsString() @MaxLength(20000) reasons?: string;
  @IsOptional() @IsBoolean() waivesSuspension?: boolean;
}

/** The employer's decision starts the appeal or suspension terms from the day it was received. */
export class RecordEmployerDecisionDto extends TrackActionBaseDto {
  @ApiProperty({ enum: ['record_employer_decision'] }) declare type: 'record_employer_decision';
  @IsBoolean() follows!: boolean;
  @IsOptional() @IsString() @MaxLength(20000) reasons?: string;
  @ApiPropertyOptional({ format: 'date' })
  @IsOptional()
  @IsISO8601({ strict: true })
  implementationDate?: string;
  @ApiProperty({ format: 'date' }) @IsISO8601({ strict: true }) receivedOn!: string;
}

export class WaiveSuspensionDto extends DatedTrackActionDto {
  @ApiProperty({ enum: ['waive_suspension'] }) declare type: 'waive_suspension';
  @IsBoolean() whole!: boolean;
  @ApiPropertyOptional({ format: 'date' })
  @IsOptional()
  @IsISO8601({ strict: true })
  waivedUntil?: string;
}

export class RecordAppealRulingDto extends DatedTrackActionDto {
  @ApiProperty({ enum: ['record_appeal_ruling'] }) declare type: 'record_appeal_ruling';
  @IsBoolean() upheld!: boolean;
}

export class RecordSubstitutePermissionDto extends DatedTrackActionDto {
  @ApiProperty({ enum: ['record_substitute_permission'] })
  declare type: 'record_substitute_permission';
  @IsBoolean() granted!: boolean;
}

/** WOR 27(5): the day the written decision was received, or the day implementation was seen. */
export class RecordDecisionWithoutConsentDto extends DatedTrackActionDto {
  @ApiProperty({ enum: ['record_decision_without_consent'] })
  declare type: 'record_decision_without_consent';
  @ApiPropertyOptional({ format: 'date' })
  @IsOptional()
  @IsISO8601({ strict: true })
  learnedOn?: string;
}

export class SendNoticeDto extends DatedTrackActionDto {
  @ApiProperty({ enum: ['send_notice'] }) declare type: 'send_notice';
  @ApiProperty({ enum: ['workers_representatives', 'affected_workers'], isArray: true })
  @IsIn(['workers_representatives', 'affected_workers'], { each: true })
  @ArrayMaxSize(2)
  recipients!: Array<'workers_representatives' | 'affected_workers'>;
}

export class CompleteDpiaDto extends DatedTrackActionDto {
  @ApiProperty({ enum: ['complete_dpia'] }) declare type: 'complete_dpia';
  @IsBoolean() residualHighRisk!: boolean;
}

export class PauseTrackActionDto extends DatedTrackActionDto {
  @ApiProperty({ enum: PAUSE_ACTION_TYPES }) declare type: (typeof PAUSE_ACTION_TYPES)[number];
  @IsOptional() @IsString() @MaxLength(5000) reason?: string;
}

/** Each action type with the DTO that validates it: the discriminator's table. */
const TRACK_ACTION_SUBTYPES = [
  ...PLAIN_ACTION_TYPES.map((name) => ({ name, value: PlainTrackActionDto })),
  ...INFORMATION_ACTION_TYPES.map((name) => ({ name, value: InformationActionDto })),
  ...PAUSE_ACTION_TYPES.map((name) => ({ name, value: PauseTrackActionDto })),
  { name: 'request_consultation', value: RequestConsultationDto },
  { name: 'record_consultation_held', value: RecordConsultationHeldDto },
  { name: 'record_council_position', value: RecordCouncilPositionDto },
  { name: 'record_employer_decision', value: RecordEmployerDecisionDto },
  { name: 'waive_suspension', value: WaiveSuspensionDto },
  { name: 'record_appeal_ruling', value: RecordAppealRulingDto },
  { name: 'record_substitute_permission', value: RecordSubstitutePermissionDto },
  { name: 'record_decision_without_consent', value: RecordDecisionWithoutConsentDto },
  { name: 'send_notice', value: SendNoticeDto },
  { name: 'complete_dpia', value: CompleteDpiaDto },
] satisfies Array<{ name: (typeof ACTION_TYPES)[number]; value: new () => TrackActionBaseDto }>;

/** One track action, a union discriminated by `type`; the stage machine checks what the law asks. */
export type TrackActionDto =
  | PlainTrackActionDto
  | InformationActionDto
  | RequestConsultationDto
  | RecordConsultationHeldDto
  | RecordCouncilPositionDto
  | RecordEmployerDecisionDto
  | WaiveSuspensionDto
  | RecordAppealRulingDto
  | RecordSubstitutePermissionDto
  | RecordDecisionWithoutConsentDto
  | SendNoticeDto
  | CompleteDpiaDto
  | PauseTrackActionDto;

const TRACK_ACTION_DTOS = [...new Set(TRACK_ACTION_SUBTYPES.map((s) => s.value))];

@ApiExtraModels(...TRACK_ACTION_DTOS)
export class TrackTransitionDto extends VersionDto {
  @ApiProperty({
    oneOf: TRACK_ACTION_DTOS.map((dto) => ({ $ref: getSchemaPath(dto) })),
    discriminator: {
      propertyName: 'type',
      mapping: Object.fromEntries(
        TRACK_ACTION_SUBTYPES.map((s) => [s.name, getSchemaPath(s.value)]),
      ),
    },
  })
  @ValidateNested()
  @Type(() => TrackActionBaseDto, {
    discriminator: { property: 'type', subTypes: TRACK_ACTION_SUBTYPES },
    keepDiscriminatorProperty: true,
  })
  action!: TrackActionDto;
}

export class OversightConfirmationDto extends VersionDto {
  @IsBoolean() staffNamed!: boolean;
  @IsBoolean() trained!: boolean;
  @IsOptional() @IsString() @MaxLength(2000) note?: string;
}

export class AddExpertDto extends VersionDto {
  @IsUUID() userId!: string;
}

export class AssignCommitteeDto extends VersionDto {
  /** A committee of the case's council that prepares it; null: no committee (the whole council). */
  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  @ValidateIf((_, value) => value !== null)
  @IsUUID()
  committeeId!: string | null;
}

export class AskInformationDto {
  @IsString() @MinLength(1) @MaxLength(10000) question!: string;
}

export class AnswerInformationDto {
  @IsString() @MinLength(1) @MaxLength(50000) answer!: string;
}

export class ListCasesQueryDto extends CursorPageQueryDto {
  @IsOptional() @IsString() @MaxLength(50) stage?: string;
  @IsOptional() @IsIn(['draft', 'sent']) status?: 'draft' | 'sent';
  @IsOptional() @IsUUID() worksCouncilId?: string;
}

export class EventsQueryDto extends CursorPageQueryDto {
  /** The last `caseSeq` the client saw: the first page starts after it (the cursor then takes over). */
  @IsOptional() @Type(() => Number) @IsInt() @Min(0) @Max(2_147_483_647) after?: number;
}

export class CaseSummaryResponse {
  @ApiProperty() id!: string;
  @ApiProperty() title!: string;
  @ApiProperty() organisationId!: string;
  @ApiProperty() worksCouncilId!: string;
  @ApiProperty() aiSystemId!: string;
  @ApiProperty({ enum: ['draft', 'sent'] }) status!: string;
  @ApiProperty() stage!: string;
  @ApiProperty() blocked!: boolean;
  @ApiProperty() version!: number;
  @ApiProperty() updatedAt!: string;
}

/** A case in the list: its summary and who must act next, on what, by when (issue #16). */
export class CaseListItemResponse extends CaseSummaryResponse {
  @ApiProperty({ type: () => NextActionResponse, nullable: true })
  nextAction!: NextActionResponse | null;
}

export class CaseListItemPage extends PageResponseOf(CaseListItemResponse) {}

/** One condition still unmet before an action can be taken, and where on the case it is put right. */
export class MissingItemResponse {
  /** The stage machine's code, e.g. `consultation_meeting_held`, `request_contents:reasons`, `gate:dpia_done`. */
  @ApiProperty() code!: string;
  /** Message key of the plain-language label: `gate.<condition>` or `missing.<item>`. */
  @ApiProperty() labelKey!: string;
  /** The case page's tab where it is fixed (`/cases/<id>/<tab>`). */
  @ApiProperty({ enum: ['overview', 'triage', 'information', 'dossier'] }) tab!: string;
  /** The element id on that tab. */
  @ApiProperty() anchor!: string;
}

/** An action the caller's side could take on the track in its stage: open now, or what is missing. */
export class AllowedActionResponse {
  @ApiProperty() action!: string;
  @ApiProperty() allowed!: boolean;
  @ApiProperty({ type: [MissingItemResponse] }) missing!: MissingItemResponse[];
}

export class TrackResponse {
  @ApiProperty({ enum: TRACK_KIND_VALUES }) kind!: string;
  @ApiProperty() stage!: string;
  @ApiProperty({ type: 'object', additionalProperties: true }) snapshot!: Record<string, unknown>;
  /** What the signed-in person may do on this track now; the web offers exactly these. */
  @ApiProperty({ type: [AllowedActionResponse] }) allowedActions!: AllowedActionResponse[];
}

/** Who must act next, on what, by when. */
export class NextActionResponse {
  @ApiProperty({ enum: ['employer', 'council'] }) side!: string;
  /** A track action type, or `answer_information`, `send_case`, `observe_term`. */
  @ApiProperty() action!: string;
  @ApiProperty({ type: String, nullable: true, enum: [...TRACK_KIND_VALUES, null] }) track!:
    string | null;
  @ApiProperty({ type: String, nullable: true }) ruleId!: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'date' }) dueDate!: string | null;
  /** Calendar days from today (Amsterdam) to the due date; negative when overdue. */
  @ApiProperty({ type: Number, nullable: true }) daysLeft!: number | null;
  /** Missing the term loses a right for good. */
  @ApiProperty() fatal!: boolean;
  @ApiProperty({ type: String, nullable: true }) informationRequestId!: string | null;
  /** The case page's tab where it is done (`/cases/<id>/<tab>`). */
  @ApiProperty({ enum: ['overview', 'information'] }) tab!: string;
  /** The element id on that tab. */
  @ApiProperty() anchor!: string;
}

export class DeadlineResponse {
  @ApiProperty() id!: string;
  @ApiProperty({ type: String, nullable: true }) track!: string | null;
  @ApiProperty() ruleId!: string;
  @ApiProperty() source!: string;
  @ApiProperty() statutory!: boolean;
  @ApiProperty() fatal!: boolean;
  @ApiProperty({ format: 'date' }) triggerDate!: string;
  @ApiProperty({ format: 'date' }) strictDate!: string;
  @ApiProperty({ format: 'date' }) extendedDate!: string;
  @ApiProperty() dueAt!: string;
  @ApiProperty() status!: string;
  /** Days the agreed clock stood still while information requests were open (legal-rules (d)2). */
  @ApiProperty() pausedDays!: number;
  /** Set while an open information request stops this agreed clock. */
  @ApiProperty({ type: String, format: 'date', nullable: true }) clockStoppedSince!: string | null;
  /** An agreed term ending on a weekend or holiday: not extended, to be agreed (legal-rules (e)1). */
  @ApiProperty() agreedTermEndsOnNonWorkingDay!: boolean;
}

export class GateConditionResponse {
  @ApiProperty() key!: string;
  @ApiProperty() met!: boolean;
  @ApiProperty({
    description: 'Why the condition is met or not, in English; the web shows its own text per key.',
  })
  reason!: string;
  @ApiProperty({ type: [String] }) sources!: string[];
}

/** When an AI Act duty of the triage applies, and whether it binds today (AI Act 113, 111(2)). */
export class DutyDateResponse {
  @ApiProperty({
    enum: [
      'ai_literacy',
      'prohibited_practices',
      'transparency',
      'high_risk_annex_iii',
      'high_risk_annex_i',
    ],
  })
  group!: string;
  /** null: no calendar row; the duty is then treated as binding. */
  @ApiProperty({ type: String, format: 'date', nullable: true }) appliesFrom!: string | null;
  @ApiProperty({ type: String, nullable: true }) source!: string | null;
  @ApiProperty() bindsToday!: boolean;
  @ApiPropertyOptional({
    enum: ['calendar_row_missing', 'legacy_system_art_111', 'not_yet_applicable'],
  })
  note?: string;
}

export class GoLiveGateResponse {
  @ApiProperty() open!: boolean;
  @ApiProperty({ type: [GateConditionResponse] }) conditions!: GateConditionResponse[];
  /** On `GET /cases/:caseId/go-live-gate`: whether each AI Act duty binds today. */
  @ApiPropertyOptional({ type: [DutyDateResponse] }) dutyDates?: DutyDateResponse[];
}

/** An entry recorded more than two Dutch working days after the date it claims (issue #14). */
export class LateEntryResponse {
  @ApiProperty({ enum: TRACK_KIND_VALUES }) track!: string;
  @ApiProperty() action!: string;
  /** When it was recorded (ISO instant). */
  @ApiProperty() at!: string;
  @ApiProperty({ format: 'date' }) claimedOn!: string;
  @ApiProperty({ format: 'date' }) recordedOn!: string;
}

export class CaseResponse extends CaseSummaryResponse {
  @ApiProperty({ type: 'object', additionalProperties: true }) contents!: Record<string, unknown>;
  @ApiProperty({ type: 'object', additionalProperties: true, nullable: true }) triage!: Record<
    string,
    unknown
  > | null;
  @ApiProperty({ type: [TrackResponse] }) tracks!: TrackResponse[];
  @ApiProperty({ type: GoLiveGateResponse, nullable: true }) goLiveGate!: GoLiveGateResponse | null;
  @ApiProperty({ type: [DeadlineResponse] }) deadlines!: DeadlineResponse[];
  @ApiProperty({ type: [String] }) missingRequestContents!: string[];
  @ApiProperty({ type: [String] }) expertIds!: string[];
  @ApiProperty({ type: String, nullable: true }) sentAt!: string | null;
  /** The committee (commissie) of the council that prepares the case; null for a union officer. */
  @ApiProperty({ type: String, nullable: true }) committeeId!: string | null;
  /** Entries flagged "recorded late", with the date claimed and the day recorded. */
  @ApiProperty({ type: [LateEntryResponse] }) lateEntries!: LateEntryResponse[];
  /** What the calling user may do here, for the UI. */
  @ApiProperty({ enum: ['employer', 'council_board', 'council_member', 'expert', 'union'] })
  yourSide!: string;
  /** Who must act next on the case, on what, by when; null when nothing is pending. */
  @ApiProperty({ type: NextActionResponse, nullable: true }) nextAction!: NextActionResponse | null;
}

export class InformationRequestResponse {
  @ApiProperty() id!: string;
  @ApiProperty() question!: string;
  @ApiProperty() askedBy!: string;
  @ApiProperty() askedAt!: string;
  @ApiProperty({ format: 'date' }) dueDate!: string;
  @ApiProperty({ type: String, nullable: true }) answer!: string | null;
  @ApiProperty({ type: String, nullable: true }) answeredAt!: string | null;
}

export class AuditEntryResponse {
  @ApiProperty() seq!: number;
  @ApiProperty({ type: String, nullable: true }) actorId!: string | null;
  @ApiProperty() action!: string;
  @ApiProperty() occurredAt!: string;
  @ApiProperty({ type: 'object', additionalProperties: true, nullable: true }) before!: unknown;
  @ApiProperty({ type: 'object', additionalProperties: true, nullable: true }) after!: unknown;
  @ApiProperty() hash!: string;
}

export class AuditEntryPage extends PageResponseOf(AuditEntryResponse) {}

export class AuditVerdictResponse {
  @ApiProperty() valid!: boolean;
  @ApiProperty() entries!: number;
  @ApiProperty({ type: Number, nullable: true }) firstInvalidSeq!: number | null;
  /** `edited`: an entry changed, removed or added beside the append path; `truncated`: the newest entries removed. */
  @ApiProperty({ enum: ['edited', 'truncated'], nullable: true }) reason!:
    'edited' | 'truncated' | null;
  /** The newest entry's sequence number as anchored when it was appended. */
  @ApiProperty() expectedSeq!: number;
  /** The newest entry's sequence number found in the trail. */
  @ApiProperty() foundSeq!: number;
}

export class CaseEventResponse {
  @ApiProperty() caseSeq!: number;
  @ApiProperty() type!: string;
  @ApiProperty() occurredAt!: string;
  @ApiProperty({ type: 'object', additionalProperties: true }) payload!: Record<string, unknown>;
}

export class DeadlinePage extends PageResponseOf(DeadlineResponse) {}
export class InformationRequestPage extends PageResponseOf(InformationRequestResponse) {}
export class CaseEventPage extends PageResponseOf(CaseEventResponse) {}
