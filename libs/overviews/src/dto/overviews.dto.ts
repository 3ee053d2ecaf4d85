import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';

import { CommitmentCountsResponse } from '@wc/commitments';

export class UnionIdParams {
  @IsUUID() unionOrganisationId!: string;
}

/** Filters of the union dashboard and its CSV; every figure is computed over the filtered cases. */
export class UnionDashboardQueryDto {
  @IsOptional() @IsUUID() organisationId?: string;
  @IsOptional() @IsUUID() worksCouncilId?: string;
  @IsOptional() @IsString() @MaxLength(50) stage?: string;
  /** Upcoming deadlines: due from today up to this many days ahead (default 28). */
  @ApiPropertyOptional({ minimum: 1, maximum: 366, default: 28 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(366)
  horizonDays?: number;
}

export class CouncilDashboardQueryDto {
  /** Weeks of the deadline timeline, from this week on (default 6). */
  @ApiPropertyOptional({ minimum: 1, maximum: 26, default: 6 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(26)
  weeks?: number;
}

export class CasesCsvQueryDto {
  @IsOptional() @IsString() @MaxLength(50) stage?: string;
  @IsOptional() @IsIn(['draft', 'sent']) status?: 'draft' | 'sent';
  @IsOptional() @IsUUID() worksCouncilId?: string;
}

export class CountResponse {
  @ApiProperty() key!: string;
  @ApiProperty() count!: number;
}

/** Cases per employer organisation: `key` is its id. */
export class OrganisationCountResponse extends CountResponse {
  @ApiProperty() name!: string;
}

export class DeadlineItemResponse {
  @ApiProperty() id!: string;
  @ApiProperty() caseId!: string;
  @ApiProperty() caseTitle!: string;
  @ApiProperty() organisationId!: string;
  /** The employer's name. */
  @ApiProperty() organisationName!: string;
  @ApiProperty() worksCouncilId!: string;
  @ApiProperty() worksCouncilName!: string;
  @ApiProperty({ type: String, nullable: true }) track!: string | null;
  @ApiProperty() ruleId!: string;
  @ApiProperty({ format: 'date' }) strictDate!: string;
  @ApiProperty({ format: 'date' }) extendedDate!: string;
  @ApiProperty() dueAt!: string;
  @ApiProperty() statutory!: boolean;
  @ApiProperty() fatal!: boolean;
  /** Days from today to the strict date; negative when overdue. */
  @ApiProperty() daysLeft!: number;
}

export class DeadlinesSplitResponse {
  @ApiProperty({ type: [DeadlineItemResponse] }) overdue!: DeadlineItemResponse[];
  @ApiProperty({ type: [DeadlineItemResponse] }) upcoming!: DeadlineItemResponse[];
}

export class PurposeAnnexCountResponse {
  @ApiProperty() purpose!: string;
  @ApiProperty() annexIII!: string;
  @ApiProperty() count!: number;
}

export class AiSystemFiguresResponse {
  @ApiProperty() total!: number;
  /** `not_shared` for systems whose cases are shared at status scope only. */
  @ApiProperty({ type: [CountResponse] }) byPurpose!: CountResponse[];
  /** AI Act Annex III point 4 category from the triage; `unknown` before triage, `not_shared` without the dossier. */
  @ApiProperty({ type: [CountResponse] }) byAnnexIII!: CountResponse[];
  @ApiProperty({ type: [PurposeAnnexCountResponse] })
  byPurposeAndAnnexIII!: PurposeAnnexCountResponse[];
}

export class DurationResponse {
  /** Procedures with both a written request and a council position. */
  @ApiProperty() procedures!: number;
  @ApiProperty({ type: Number, nullable: true }) medianDays!: number | null;
}

export class MedianDurationsResponse {
  @ApiProperty({ type: DurationResponse }) advice!: DurationResponse;
  @ApiProperty({ type: DurationResponse }) consent!: DurationResponse;
}

export class CaseRefResponse {
  @ApiProperty() id!: string;
  @ApiProperty() title!: string;
  @ApiProperty() organisationId!: string;
  /** The employer's name. */
  @ApiProperty() organisationName!: string;
  @ApiProperty() worksCouncilId!: string;
  @ApiProperty() worksCouncilName!: string;
}

export class UnionDashboardCaseResponse extends CaseRefResponse {
  @ApiProperty({ enum: ['status', 'dossier'] }) scope!: string;
  @ApiProperty() stage!: string;
  @ApiProperty() status!: string;
  @ApiProperty() blocked!: boolean;
  @ApiProperty() purpose!: string;
  @ApiProperty() annexIII!: string;
  @ApiProperty({ type: DeadlineItemResponse, nullable: true })
  nextDeadline!: DeadlineItemResponse | null;
  @ApiProperty() overdueDeadlines!: number;
  @ApiProperty({ type: Number, nullable: true }) adviceDays!: number | null;
  @ApiProperty({ type: Number, nullable: true }) consentDays!: number | null;
  /**
   * Where the conditions of the council's advice or consent stand as commitments (issue #19); a
   * `status` share shows these counts, a `dossier` share also each commitment on the case.
   */
  @ApiProperty({ type: CommitmentCountsResponse }) commitments!: CommitmentCountsResponse;
}

export class UnionDashboardFiltersResponse {
  @ApiProperty({ type: String, nullable: true }) organisationId!: string | null;
  @ApiProperty({ type: String, nullable: true }) worksCouncilId!: string | null;
  @ApiProperty({ type: String, nullable: true }) stage!: string | null;
  @ApiProperty() horizonDays!: number;
}

export class UnionDashboardTotalsResponse {
  @ApiProperty() cases!: number;
  @ApiProperty() organisations!: number;
  @ApiProperty() blocked!: number;
  @ApiProperty() overdueDeadlines!: number;
  @ApiProperty() upcomingDeadlines!: number;
}

export class UnionDashboardResponse {
  @ApiProperty() unionOrganisationId!: string;
  @ApiProperty({ format: 'date' }) today!: string;
  @ApiProperty({
    description:
      'The most items each list of this dashboard holds (the most urgent or most recent first); the totals count them all.',
  })
  listLimit!: number;
  @ApiProperty({ type: UnionDashboardFiltersResponse }) filters!: UnionDashboardFiltersResponse;
  @ApiProperty({ type: UnionDashboardTotalsResponse }) totals!: UnionDashboardTotalsResponse;
  @ApiProperty({ type: [CountResponse] }) casesByStage!: CountResponse[];
  /** Shared cases per employer organisation, with its name (only organisations that share with this union). */
  @ApiProperty({ type: [OrganisationCountResponse] })
  casesByOrganisation!: OrganisationCountResponse[];
  @ApiProperty({ type: DeadlinesSplitResponse }) deadlines!: DeadlinesSplitResponse;
  @ApiProperty({ type: AiSystemFiguresResponse }) aiSystems!: AiSystemFiguresResponse;
  /** Cases blocked as prohibited practices (AI Act art. 5). */
  @ApiProperty({ type: [CaseRefResponse] }) blockedCases!: CaseRefResponse[];
  @ApiProperty({ type: MedianDurationsResponse }) medianDurations!: MedianDurationsResponse;
  @ApiProperty({ type: [UnionDashboardCaseResponse] }) cases!: UnionDashboardCaseResponse[];
}

export class TimelineWeekResponse {
  @ApiProperty({ format: 'date' }) weekStart!: string;
  @ApiProperty({ format: 'date' }) weekEnd!: string;
  /** Every deadline of the week; `deadlines` holds the first `listLimit` of them. */
  @ApiProperty() count!: number;
  @ApiProperty({ type: [DeadlineItemResponse] }) deadlines!: DeadlineItemResponse[];
}

export class OpenInformationRequestResponse {
  @ApiProperty() id!: string;
  @ApiProperty() caseId!: string;
  @ApiProperty() caseTitle!: string;
  @ApiProperty() question!: string;
  @ApiProperty() askedAt!: string;
  @ApiProperty({ format: 'date' }) dueDate!: string;
  @ApiProperty() overdue!: boolean;
}

export class CouncilDashboardCaseResponse {
  @ApiProperty() id!: string;
  @ApiProperty() title!: string;
  @ApiProperty() stage!: string;
  @ApiProperty() blocked!: boolean;
  @ApiProperty() updatedAt!: string;
  @ApiProperty({ type: DeadlineItemResponse, nullable: true })
  nextDeadline!: DeadlineItemResponse | null;
}

export class CouncilDashboardTotalsResponse {
  @ApiProperty() cases!: number;
  @ApiProperty() blocked!: number;
  @ApiProperty() overdueDeadlines!: number;
  @ApiProperty() openInformationRequests!: number;
  @ApiProperty() upcomingMeetings!: number;
  @ApiProperty() openVotes!: number;
}

export class DashboardCaseTitleResponse {
  @ApiProperty() id!: string;
  @ApiProperty() title!: string;
}

export class DashboardMeetingResponse {
  @ApiProperty() id!: string;
  @ApiProperty({ enum: ['internal', 'consultation'] }) kind!: string;
  @ApiProperty() title!: string;
  @ApiProperty() startsAt!: string;
  @ApiProperty() status!: string;
  /** The cases on its agenda. */
  @ApiProperty({ type: [String] }) caseIds!: string[];
  /** The agenda's cases the caller can see, with their titles. */
  @ApiProperty({ type: [DashboardCaseTitleResponse] }) cases!: DashboardCaseTitleResponse[];
}

export class DashboardVoteResponse {
  @ApiProperty() id!: string;
  @ApiProperty() caseId!: string;
  @ApiProperty() caseTitle!: string;
  @ApiProperty() proposal!: string;
  @ApiProperty() closesAt!: string;
  @ApiProperty() quorum!: number;
  @ApiProperty() ballotsCast!: number;
  /** Whether the caller cast a ballot; never what others voted. */
  @ApiProperty() youVoted!: boolean;
}

export class CouncilDashboardResponse {
  @ApiProperty() worksCouncilId!: string;
  @ApiProperty() worksCouncilName!: string;
  @ApiProperty() organisationId!: string;
  /** The employer's name. */
  @ApiProperty() organisationName!: string;
  @ApiProperty({ format: 'date' }) today!: string;
  @ApiProperty({
    description:
      'The most items each list of this dashboard holds (the most urgent or most recent first); the totals count them all.',
  })
  listLimit!: number;
  @ApiProperty({ type: CouncilDashboardTotalsResponse }) totals!: CouncilDashboardTotalsResponse;
  @ApiProperty({ type: [CountResponse] }) casesByStage!: CountResponse[];
  @ApiProperty({ type: [CouncilDashboardCaseResponse] }) cases!: CouncilDashboardCaseResponse[];
  @ApiProperty({ type: [TimelineWeekResponse] }) deadlineTimeline!: TimelineWeekResponse[];
  @ApiProperty({ type: [DeadlineItemResponse] }) overdueDeadlines!: DeadlineItemResponse[];
  @ApiProperty({ type: [OpenInformationRequestResponse] })
  openInformationRequests!: OpenInformationRequestResponse[];
  /** Planned meetings from now on, internal and with the employer, soonest first. */
  @ApiProperty({ type: [DashboardMeetingResponse] }) upcomingMeetings!: DashboardMeetingResponse[];
  /** The council's open internal votes on its cases, closing soonest first. */
  @ApiProperty({ type: [DashboardVoteResponse] }) openVotes!: DashboardVoteResponse[];
}

export class GateStateResponse {
  @ApiProperty() open!: boolean;
  /** The conditions not met yet, e.g. `suspension_over`, `oversight_trained`. */
  @ApiProperty({ type: [String] }) unmet!: string[];
}

export class RegisterCaseResponse {
  @ApiProperty() id!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ enum: ['draft', 'sent'] }) status!: string;
  @ApiProperty() stage!: string;
  @ApiProperty() blocked!: boolean;
  @ApiProperty() updatedAt!: string;
  /** Null before triage. */
  @ApiProperty({ type: GateStateResponse, nullable: true }) goLiveGate!: GateStateResponse | null;
}

export class RegisterSystemResponse {
  @ApiProperty() id!: string;
  @ApiProperty() name!: string;
  @ApiProperty() vendor!: string;
  @ApiProperty() primaryPurpose!: string;
  @ApiProperty() status!: string;
  @ApiProperty({ type: String, nullable: true, format: 'date' }) goLiveDate!: string | null;
  /** The most recently updated case, or null when the system has none. */
  @ApiProperty({ type: RegisterCaseResponse, nullable: true })
  currentCase!: RegisterCaseResponse | null;
  @ApiProperty({ type: [RegisterCaseResponse] }) cases!: RegisterCaseResponse[];
}

export class EmployerOverviewTotalsResponse {
  @ApiProperty() systems!: number;
  @ApiProperty() systemsWithoutCase!: number;
  /** Systems marked live whose current case's go-live gate is not open. */
  @ApiProperty() liveWithoutOpenGate!: number;
  @ApiProperty() blockedCases!: number;
}

export class EmployerOverviewResponse {
  @ApiProperty() organisationId!: string;
  @ApiProperty({ type: EmployerOverviewTotalsResponse }) totals!: EmployerOverviewTotalsResponse;
  @ApiProperty({ type: [CountResponse] }) casesByStage!: CountResponse[];
  @ApiProperty({ type: [RegisterSystemResponse] }) systems!: RegisterSystemResponse[];
}
