import { ApiProperty } from '@nestjs/swagger';
import { PageResponseOf } from '@wc/pagination';

/** One thing on the personal agenda: who must act, on what, by when, and where it is done. */
export class PersonalAgendaItemResponse {
  /**
   * `track`: a track's next move; `term`: a running term; `information_request`, `vote`, `meeting`;
   * `training`: a module of the case's training plan the person must still complete;
   * `council_request`: a council request outside any case (issue #19); `commitment`: a condition
   * the person owns as a commitment.
   */
  @ApiProperty({
    enum: [
      'track',
      'term',
      'information_request',
      'vote',
      'meeting',
      'case',
      'training',
      'council_request',
      'commitment',
    ],
  })
  kind!: string;
  /** The side that must act. */
  @ApiProperty({ enum: ['employer', 'council'] }) side!: string;
  /** Whether the signed-in person's own side must act (an expert or a union officer follows). */
  @ApiProperty() yours!: boolean;
  /** A track action type, or `answer_information`, `send_case`, `observe_term`, `cast_vote`, `attend_meeting`, `follow_training`, `answer_council_request`, `meet_commitment`. */
  @ApiProperty() action!: string;
  @ApiProperty({ type: String, nullable: true }) caseId!: string | null;
  @ApiProperty({ type: String, nullable: true }) caseTitle!: string | null;
  @ApiProperty({ type: String, nullable: true }) track!: string | null;
  @ApiProperty({ type: String, nullable: true }) ruleId!: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'date' }) dueDate!: string | null;
  /** Calendar days from today (Amsterdam); negative when overdue. */
  @ApiProperty({ type: Number, nullable: true }) daysLeft!: number | null;
  @ApiProperty() fatal!: boolean;
  /** The question, the vote's proposal, the meeting's or the training module's title. */
  @ApiProperty({ type: String, nullable: true }) subject!: string | null;
  @ApiProperty({ type: String, nullable: true }) informationRequestId!: string | null;
  /** The running term a `term` or `track` line is dated by (two terms of one rule are two lines). */
  @ApiProperty({ type: String, nullable: true }) deadlineId!: string | null;
  @ApiProperty({ type: String, nullable: true }) voteId!: string | null;
  @ApiProperty({ type: String, nullable: true }) meetingId!: string | null;
  /** The web app's path where it is done, e.g. `/cases/<id>/information`. */
  @ApiProperty() path!: string;
  /** The element id on that page. */
  @ApiProperty() anchor!: string;
}

/** One page of the agenda, most urgent first: fatal terms, then by date; undated last. */
export class PersonalAgendaResponse extends PageResponseOf(PersonalAgendaItemResponse) {
  /** The day the `daysLeft` count from. */
  @ApiProperty({ format: 'date' }) today!: string;
}
