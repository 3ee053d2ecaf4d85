import { TRACK_KINDS, type TrackKind, type TrackSnapshot } from './tracks';

/** The two parties; who must act on a duty. */
export type DutySide = 'employer' | 'council';

/** One thing a side must do on a case, on what, by when. */
export interface Duty {
  readonly side: DutySide;
  /** A track action type, or `answer_information` / `send_case` / `observe_term`. */
  readonly action: string;
  readonly track: TrackKind | null;
  /** The rule whose term gives the due date, if a term runs. */
  readonly ruleId: string | null;
  readonly dueDate: string | null;
  readonly daysLeft: number | null;
  readonly fatal: boolean;
  readonly informationRequestId: string | null;
  /** The running term that gives the due date, if any: two terms of one rule stay two duties. */
  readonly deadlineId: string | null;
  /** Where on the case page it is done: the tab (`/cases/<id>/<tab>`) and the element id. */
  readonly tab: 'overview' | 'information';
  readonly anchor: string;
}

export interface DutyDeadline {
  readonly id: string;
  readonly track: string | null;
  readonly ruleId: string;
  readonly strictDate: string;
  readonly fatal: boolean;
  readonly status: string;
}

export interface DutyInformationRequest {
  readonly id: string;
  readonly dueDate: string;
  readonly answered: boolean;
}

export interface DutyFacts {
  readonly status: 'draft' | 'sent';
  readonly blocked: boolean;
  readonly tracks: readonly TrackSnapshot[];
  readonly deadlines: readonly DutyDeadline[];
  readonly informationRequests: readonly DutyInformationRequest[];
  /** The Amsterdam calendar day. */
  readonly today: string;
}

export interface Move {
  readonly side: DutySide;
  readonly action: string;
  /** Rules whose open term on this track dates the move. */
  readonly rules: readonly string[];
}

const WOR_MOVES: Readonly<Record<string, readonly Move[]>> = {
  screening: [{ side: 'employer', action: 'submit_request', rules: [] }],
  information: [{ side: 'employer', action: 'submit_request', rules: [] }],
  // WOR 23(1): the meeting is held within two weeks of the reasoned request [W22]
  consultation_requested: [
    { side: 'employer', action: 'record_consultation_held', rules: ['consultation_meeting_term'] },
  ],
  consultation_held: [{ side: 'employer', action: 'submit_request', rules: [] }],
  // WOR 25(4) / 27(2): the council answers the request within the agreed term [W4, W5, W13]
  request_submitted: [
    {
      side: 'council',
      action: 'record_council_position',
      rules: ['advice_response_term', 'consent_response_term'],
    },
  ],
  council_deliberation: [
    {
      side: 'council',
      action: 'record_council_position',
      rules: ['advice_response_term', 'consent_response_term'],
    },
  ],
  council_position: [
    { side: 'employer', action: 'record_employer_decision', rules: ['employer_decision_sla'] },
  ],
  // WOR 26(2): the council's appeal against a deviating decision is a fatal month [W8]
  suspension: [{ side: 'council', action: 'file_appeal', rules: ['appeal_term'] }],
  appeal_pending: [{ side: 'council', action: 'record_appeal_ruling', rules: [] }],
  substitute_permission_pending: [
    { side: 'employer', action: 'record_substitute_permission', rules: [] },
  ],
  nullity_invoked: [{ side: 'employer', action: 'submit_request', rules: [] }],
  go_live_gate: [
    // A fatal council term still running at the gate comes first: appeal [W8, W9] or nullity [W15].
    { side: 'council', action: 'file_appeal', rules: ['appeal_term'] },
    { side: 'council', action: 'invoke_nullity', rules: ['nullity_term'] },
    { side: 'employer', action: 'mark_implemented', rules: [] },
  ],
  implemented: [{ side: 'employer', action: 'start_evaluation', rules: ['evaluation_date'] }],
  evaluation: [{ side: 'employer', action: 'close', rules: [] }],
};

const OTHER_MOVES: Readonly<Record<string, Readonly<Record<string, readonly Move[]>>>> = {
  ai_act: {
    classification: [{ side: 'employer', action: 'prepare_notice', rules: [] }],
    notice_prepared: [{ side: 'employer', action: 'send_notice', rules: [] }],
    notice_sent: [{ side: 'employer', action: 'mark_ready', rules: [] }],
    fria_in_progress: [{ side: 'employer', action: 'complete_fria', rules: [] }],
    fria_done: [{ side: 'employer', action: 'mark_ready', rules: [] }],
    ready: [{ side: 'employer', action: 'mark_implemented', rules: [] }],
  },
  dpia: {
    required: [{ side: 'employer', action: 'start_dpia', rules: [] }],
    in_progress: [{ side: 'employer', action: 'complete_dpia', rules: [] }],
    prior_consultation: [{ side: 'employer', action: 'record_prior_consultation', rules: [] }],
  },
  skills: {
    planned: [{ side: 'employer', action: 'start_training', rules: ['training_deadline'] }],
    in_progress: [{ side: 'employer', action: 'complete_training', rules: ['training_deadline'] }],
  },
};

/** Who waits on a term no move claims: the side whose right or duty it dates. */
const TERM_SIDE: Readonly<Record<string, DutySide>> = {
  suspension_term: 'employer',
  appeal_term: 'council',
  nullity_term: 'council',
  advice_response_term: 'council',
  consent_response_term: 'council',
  information_response_term: 'employer',
  initiative_response_term: 'employer',
};

function movesOf(track: TrackSnapshot): readonly Move[] {
  if (track.kind === 'advice' || track.kind === 'consent') {
    return WOR_MOVES[track.stage] ?? [];
  }
  return OTHER_MOVES[track.kind]?.[track.stage] ?? [];
}

/** Every move of the table as a row, for the agenda's SQL (`caseDuties` reads the same table). */
export function everyMove(): Array<Move & { kind: TrackKind; stage: string }> {
  const wor = (['advice', 'consent'] as const).flatMap((kind) =>
    Object.entries(WOR_MOVES).flatMap(([stage, moves]) =>
      moves.map((move) => ({ ...move, kind, stage })),
    ),
  );
  const other = Object.entries(OTHER_MOVES).flatMap(([kind, stages]) =>
    Object.entries(stages).flatMap(([stage, moves]) =>
      moves.map((move) => ({ ...move, kind: kind as TrackKind, stage })),
    ),
  );
  return [...wor, ...other];
}

/** Who waits on each term no move claims (`observe_term`), for the agenda's SQL. */
export const termSides: Readonly<Record<string, DutySide>> = TERM_SIDE;

/** Calendar days from `today` to `day` (negative when past). */
export function daysBetween(today: string, day: string): number {
  return Math.round(
    (Date.parse(`${day}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000,
  );
}

/**
 * Every duty on a case, most urgent first: fatal terms first, then by due date, undated last.
 * Pure: the same facts give the case header (`nextAction`) and the personal agenda.
 */
export function caseDuties(facts: DutyFacts): Duty[] {
  const { today } = facts;
  if (facts.blocked) {
    return [];
  }
  if (facts.status === 'draft') {
    return [
      {
        side: 'employer',
        action: 'send_case',
        track: null,
        ruleId: null,
        dueDate: null,
        daysLeft: null,
        fatal: false,
        informationRequestId: null,
        deadlineId: null,
        tab: 'overview',
        anchor: 'request-title',
      },
    ];
  }
  const open = facts.deadlines.filter((d) => d.status === 'open');
  const used = new Set<DutyDeadline>();
  const duties: Duty[] = [];
  for (const track of facts.tracks) {
    for (const move of movesOf(track)) {
      const term = open
        .filter((d) => d.track === track.kind && move.rules.includes(d.ruleId))
        .sort((a, b) => a.strictDate.localeCompare(b.strictDate))[0];
      if (
        move.rules.length > 0 &&
        !term &&
        move.side === 'council' &&
        track.stage === 'go_live_gate'
      ) {
        // At the gate the council's moves exist only while their fatal term runs.
        continue;
      }
      if (term) {
        used.add(term);
      }
      duties.push(dutyOf(move.side, move.action, track.kind, term ?? null, null, today));
    }
  }
  for (const request of facts.informationRequests.filter((r) => !r.answered)) {
    // WOR 31: the employer answers within the agreed response time [W19]
    const term = open.find((d) => d.track === `information:${request.id}`);
    if (term) {
      used.add(term);
    }
    duties.push({
      ...dutyOf('employer', 'answer_information', null, term ?? null, request.id, today),
      dueDate: request.dueDate,
      daysLeft: daysBetween(today, request.dueDate),
    });
  }
  // Every other running term is shown too, however far away.
  for (const term of open.filter((d) => !used.has(d) && !d.track?.startsWith('information:'))) {
    duties.push(
      dutyOf(
        TERM_SIDE[term.ruleId] ?? 'employer',
        'observe_term',
        isTrackKind(term.track) ? term.track : null,
        term,
        null,
        today,
      ),
    );
  }
  return duties.sort(byUrgency);
}

/**
 * The case's next action: its most urgent duty. The deadline id only tells the agenda's lines
 * apart; the next action names its rule.
 */
export function nextActionOf(duties: readonly Duty[]): Omit<Duty, 'deadlineId'> | null {
  if (duties.length === 0) {
    return null;
  }
  const { deadlineId: _deadlineId, ...next } = duties[0];
  return next;
}

function isTrackKind(track: string | null): track is TrackKind {
  return track !== null && (TRACK_KINDS as readonly string[]).includes(track);
}

function dutyOf(
  side: DutySide,
  action: string,
  track: TrackKind | null,
  term: DutyDeadline | null,
  informationRequestId: string | null,
  today: string,
): Duty {
  return {
    side,
    action,
    track,
    ruleId: term?.ruleId ?? null,
    dueDate: term?.strictDate ?? null,
    daysLeft: term ? daysBetween(today, term.strictDate) : null,
    fatal: term?.fatal ?? false,
    informationRequestId,
    deadlineId: term?.id ?? null,
    ...(informationRequestId
      ? { tab: 'information' as const, anchor: `information-request-${informationRequestId}` }
      : { tab: 'overview' as const, anchor: track ? `track-${track}` : 'deadlines-title' }),
  };
}

/** Fatal terms first, then the nearest date; undated duties last, in track order. */
export function byUrgency<T extends { fatal: boolean; dueDate: string | null }>(
  a: T,
  b: T,
): number {
  if (a.fatal !== b.fatal) {
    return a.fatal ? -1 : 1;
  }
  if (a.dueDate === null || b.dueDate === null) {
    return a.dueDate === b.dueDate ? 0 : a.dueDate === null ? 1 : -1;
  }
  return a.dueDate.localeCompare(b.dueDate);
}
