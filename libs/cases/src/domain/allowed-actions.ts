import { amsterdamDay } from './calendar-day';
import { DateBeforeEvent } from './date-before-event';
import { planTrackTransition } from './stage-machine';
import type { ActorSide, TrackAction, TrackActionType } from './track-actions';
import type { CaseFacts } from './transition-effect';
import { TransitionRefused } from './transition-refused';
import { TRANSITIONS } from './transition-table';
import type { TrackSnapshot } from './tracks';

/** One thing still missing before an action can be taken, with where in the case it is fixed. */
export interface MissingItem {
  /** The stage machine's code, e.g. `consultation_meeting_held`, `request_contents:reasons`, `gate:dpia_done`. */
  readonly code: string;
  /** The message key of its plain-language label (nl/en in the web's catalogue). */
  readonly labelKey: string;
  /** The case page's tab where it is fixed (`/cases/<id>/<tab>`, `overview` is the page itself). */
  readonly tab: CaseTab;
  /** The element id on that tab. */
  readonly anchor: string;
}

export interface AllowedAction {
  readonly action: TrackActionType;
  readonly allowed: boolean;
  readonly missing: readonly MissingItem[];
}

export type CaseTab = 'overview' | 'triage' | 'information' | 'dossier';

/** Why the whole case refuses every track action, before any track rule is asked. */
export type CaseLevelBlock = 'case_sent' | 'triage' | 'not_prohibited';

/**
 * A well-formed entry of each action, so that asking the stage machine leaves only the conditions
 * of the case itself: a form supplies the payload, the case supplies the rest. Actions whose target
 * depends on the payload (a decision following or deviating) are asked once per variant.
 */
function probesOf(type: TrackActionType, today: string): TrackAction[] {
  switch (type) {
    case 'request_information':
    case 'provide_information':
      return [{ type, subject: 'probe' }];
    case 'request_consultation':
      return [{ type, reasons: 'probe' }];
    case 'record_consultation_held':
      return [{ type, heldOn: today }];
    case 'record_council_position':
      return [{ type, position: 'conditional', conditions: ['probe'], reasons: 'probe' }];
    case 'record_employer_decision':
      return [
        { type, follows: true, reasons: 'probe', implementationDate: today, receivedOn: today },
        { type, follows: false, reasons: 'probe', receivedOn: today },
      ];
    case 'waive_suspension':
      return [{ type, whole: true }];
    case 'record_appeal_ruling':
      return [
        { type, upheld: true },
        { type, upheld: false },
      ];
    case 'record_substitute_permission':
      return [{ type, granted: true }];
    case 'send_notice':
      return [{ type, recipients: ['workers_representatives', 'affected_workers'] }];
    case 'complete_dpia':
      return [{ type, residualHighRisk: false }];
    default:
      return [{ type }];
  }
}

/** Codes that only a form's own fields cause; they never make an action unavailable. */
function isPayloadCode(code: string): boolean {
  const base = code.split(':')[0];
  return [
    'reasons',
    'held_on',
    'received_on',
    'implementation_date',
    'conditions',
    'position',
    'waived_until',
    'notice_recipient',
    'suspension_waiver',
    'consent_for_decision',
    'target',
  ].includes(base);
}

/**
 * Where a missing item is put right on the case page. Request contents are written on the
 * overview's request, triage answers on the triage tab, gate conditions read on the gate; the
 * rest (a meeting held, a position recorded, a term lapsed) shows on the track itself.
 */
export function placeOfMissing(code: string): { tab: CaseTab; anchor: string } {
  const [kind, item, detail] = code.split(':');
  if (kind === 'request_contents' && item === 'dossier') {
    return { tab: 'dossier', anchor: DOSSIER_ANCHORS[detail] ?? 'checklist-title' };
  }
  if (kind === 'request_contents' && item !== 'written_document') {
    // The field itself: the web opens the request's form there (`fieldId('request', …)`).
    return { tab: 'overview', anchor: `request-contents-${camelCase(item)}` };
  }
  switch (kind) {
    case 'request_contents':
    case 'timing':
    case 'case_sent':
      return { tab: 'overview', anchor: 'request-title' };
    case 'triage':
    case 'not_prohibited':
      return { tab: 'triage', anchor: 'triage-title' };
    case 'gate':
      return { tab: 'overview', anchor: 'gate-title' };
    default:
      return { tab: 'overview', anchor: 'tracks-title' };
  }
}

/** Where the dossier tab puts right each dossier item the request needs (the web's element ids). */
const DOSSIER_ANCHORS: Readonly<Record<string, string>> = {
  assessment_submitted: 'assessment-submit',
  assessment_complete: 'assessment-title',
  risk_register: 'add-risk',
  dpia_section: 'dpia-title',
  fria_section: 'fria-title',
  oversight_arrangement: 'oversight-form',
  training_plan: 'add-module',
  overseer_training_modules: 'add-module',
};

const camelCase = (snake: string) => snake.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());

/** The message key of a code's label: the gate's own condition texts, else `missing.<item>`. */
export function labelKeyOfMissing(code: string): string {
  const parts = code.split(':');
  return parts[0] === 'gate' ? `gate.${parts[1]}` : `missing.${parts[parts.length - 1]}`;
}

export function missingItem(code: string): MissingItem {
  return { code, labelKey: labelKeyOfMissing(code), ...placeOfMissing(code) };
}

export interface AllowedActionsInput {
  readonly track: TrackSnapshot;
  readonly facts: CaseFacts;
  readonly side: ActorSide;
  readonly now: Date;
  /** Set when the case as a whole refuses every track action (a draft, no triage, prohibited). */
  readonly caseBlock?: CaseLevelBlock;
}

/**
 * The actions this side could take on the track in its stage (the transition table), each with
 * whether it is open now and, if not, every missing condition the stage machine names. Pure: the
 * stage machine decides, this only asks it with well-formed entries.
 */
export function allowedActionsFor(input: AllowedActionsInput): AllowedAction[] {
  const { track, side, now } = input;
  const ownRows = TRANSITIONS.filter(
    (r) => r.tracks.includes(track.kind) && r.from === track.stage && r.who.includes(side),
  );
  const actions = [...new Set(ownRows.map((r) => r.action))];
  const today = amsterdamDay(now);
  return actions.map((action) => {
    // A draft with its triage lists everything the request still needs after sending, so the
    // filing checklist is complete from the start (issue #18); other blocks hide the rest.
    if (input.caseBlock && !(input.caseBlock === 'case_sent' && input.facts.triage)) {
      return { action, allowed: false, missing: [missingItem(input.caseBlock)] };
    }
    let best: string[] | null = null;
    for (const probe of probesOf(action, today)) {
      const missing = refusalOf(() =>
        planTrackTransition({ caseFacts: input.facts, track, action: probe, actorSide: side, now }),
      );
      if (best === null || missing.length < best.length) {
        best = missing;
      }
    }
    const missing = [...(input.caseBlock ? [input.caseBlock] : []), ...(best ?? [])];
    return { action, allowed: missing.length === 0, missing: missing.map(missingItem) };
  });
}

/** The case conditions a refusal names; a date conflict is the form's date, not the case. */
function refusalOf(plan: () => unknown): string[] {
  try {
    plan();
    return [];
  } catch (error) {
    if (error instanceof DateBeforeEvent) {
      return [];
    }
    if (error instanceof TransitionRefused) {
      return error.missing.filter((code) => !isPayloadCode(code));
    }
    throw error;
  }
}
