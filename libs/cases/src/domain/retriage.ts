import type { TrackKind } from './tracks';
import { activeTracks, compareTriage } from './triage';
import type { CouncilType, TriageAnswers, TriageChange, TriageOutcome } from './triage';

/**
 * Re-triage of a case the council already has (issue #14, house style B.19): a right the council
 * holds is not withdrawn by the employer re-answering a form. Pure: the service supplies what the
 * platform knows about the case, and applies or proposes what this returns.
 */

/** What the platform itself knows, independent of the employer's answers. */
export interface KnownTriageFacts {
  /** The kind of the case's own works council (`or`, `cor`, `gor`, `pvt`, `none`). */
  readonly councilKind?: string;
  /** The organisation's registered headcount. */
  readonly organisationHeadcount?: number | null;
  /** The AI register: the system is capable of monitoring staff. */
  readonly monitoringCapability?: boolean;
  /** The AI register: the kinds of (staff) data the system processes. */
  readonly dataCategories?: readonly string[];
}

export type ContradictionSource = 'works_council' | 'organisation' | 'ai_register';

/** One answer that says less than the platform knows, so the council may contest exactly it. */
export interface TriageContradiction {
  readonly answer: keyof TriageAnswers;
  readonly given: unknown;
  readonly known: unknown;
  readonly source: ContradictionSource;
}

const COUNCIL_RANK: Record<CouncilType, number> = { none: 0, pvt: 1, or: 2 };

function councilTypeOf(kind: string): CouncilType {
  if (kind === 'none' || kind === 'pvt') {
    return kind;
  }
  // A central or group council (COR/GOR) holds the OR's rights for its scope (WOR 35) [M].
  return 'or';
}

/**
 * Answers that contradict the platform's own facts in the direction of fewer rights: no council
 * where the case has one (WOR 25/27 [W26]), fewer staff than registered (35b/35c thresholds),
 * "cannot monitor" for a system the register lists as capable (27(1)(l): suitability decides,
 * not intent [D2]), "no staff data" for a system the register lists data categories for (27(1)(k)).
 */
export function triageContradictions(
  answers: TriageAnswers,
  known: KnownTriageFacts,
): TriageContradiction[] {
  const found: TriageContradiction[] = [];
  if (known.councilKind !== undefined) {
    const type = councilTypeOf(known.councilKind);
    if (COUNCIL_RANK[answers.councilType] < COUNCIL_RANK[type]) {
      found.push({
        answer: 'councilType',
        given: answers.councilType,
        known: type,
        source: 'works_council',
      });
    }
  }
  const headcount = known.organisationHeadcount;
  if (typeof headcount === 'number' && answers.headcount < headcount) {
    found.push({
      answer: 'headcount',
      given: answers.headcount,
      known: headcount,
      source: 'organisation',
    });
  }
  if (known.monitoringCapability === true && !answers.canMonitorStaff) {
    found.push({ answer: 'canMonitorStaff', given: false, known: true, source: 'ai_register' });
  }
  const categories = known.dataCategories ?? [];
  if (categories.length > 0 && !answers.processesStaffPersonalData) {
    found.push({
      answer: 'processesStaffPersonalData',
      given: false,
      known: [...categories],
      source: 'ai_register',
    });
  }
  return found;
}

export interface RetriageInput {
  /** The outcome in force; null before the first triage. */
  readonly current: TriageOutcome | null;
  readonly next: TriageOutcome;
  readonly answers: TriageAnswers;
  /** The case was sent: from then on the council holds the rights. */
  readonly sent: boolean;
  /** Track kinds the case has that are not withdrawn. */
  readonly openTracks: readonly TrackKind[];
  readonly known: KnownTriageFacts;
}

export type RetriagePlan =
  | { readonly kind: 'apply'; readonly change: TriageChange | null }
  | {
      readonly kind: 'propose';
      readonly change: TriageChange;
      /** Open tracks the new answers would withdraw. */
      readonly withdraws: readonly TrackKind[];
      readonly contradictions: readonly TriageContradiction[];
      /** The new answers would lift the AI Act art. 5 block. */
      readonly unblocks: boolean;
    };

/**
 * Applies at once what only adds rights or prohibits the system, or any triage of a draft;
 * proposes to the council board what would withdraw an open track, lift a block, or rests on
 * answers that contradict the facts.
 */
export function planRetriage(input: RetriageInput): RetriagePlan {
  const { current, next, sent } = input;
  // A prohibition (AI Act art. 5) stops the system altogether: it protects more than any track,
  // so answers that lead to one apply at once, however many tracks they close [E2].
  if (!current || !sent || next.blocked) {
    return { kind: 'apply', change: current ? compareTriage(current, next) : null };
  }
  const change = compareTriage(current, next);
  const stays = activeTracks(next);
  const withdraws = input.openTracks.filter((k) => !stays.includes(k));
  const contradictions = triageContradictions(input.answers, input.known);
  const unblocks = change.unblocked;
  if (withdraws.length === 0 && contradictions.length === 0 && !unblocks) {
    return { kind: 'apply', change };
  }
  return { kind: 'propose', change, withdraws, contradictions, unblocks };
}

/** Why a proposal exists, as stable codes for the council's view. */
export function proposalReasons(plan: Extract<RetriagePlan, { kind: 'propose' }>): string[] {
  return [
    ...plan.withdraws.map((k) => `withdraws_track:${k}`),
    ...plan.contradictions.map((c) => `contradicts:${c.answer}`),
    ...(plan.unblocks ? ['lifts_block'] : []),
  ];
}
