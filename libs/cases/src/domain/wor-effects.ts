import { earliest, isAfter, isCalendarDay } from './calendar-day';
import { notBefore } from './date-before-event';
import { deadline } from './deadline-requests';
import type { DeadlineRequest } from './deadline-requests';
import { consentBasisOf, nullityTermStart } from './nullity';
import type { ActionOf, TrackActionType } from './track-actions';
import { isBlank } from './transition-effect';
import type { Effect, EffectContext } from './transition-effect';
import { requestReceivedOnOf } from './tracks';
import type { CouncilPosition, TrackStage } from './tracks';

type Ctx<T extends TrackActionType> = EffectContext<ActionOf<T>>;

/** After the written request is in, information and meetings continue without a stage change. */
const AFTER_REQUEST: readonly TrackStage[] = ['request_submitted', 'council_deliberation'];

const POSITIONS = {
  advice: ['positive', 'negative', 'conditional'],
  consent: ['granted', 'refused', 'conditional'],
} as const satisfies Record<'advice' | 'consent', readonly CouncilPosition[]>;

function validDayNotAfter(day: unknown, today: string): boolean {
  return isCalendarDay(day) && !isAfter(day, today);
}

export function requestInformation(ctx: Ctx<'request_information'>): Effect {
  return {
    to: ctx.track.stage === 'screening' ? 'information' : ctx.track.stage,
    event: { type: 'case.information_requested', payload: { subject: ctx.action.subject } },
  };
}

export function provideInformation(ctx: Ctx<'provide_information'>): Effect {
  return {
    to: ctx.track.stage === 'screening' ? 'information' : ctx.track.stage,
    event: { type: 'case.information_provided', payload: { subject: ctx.action.subject } },
  };
}

export function requestConsultation(ctx: Ctx<'request_consultation'>): Effect {
  const { track, trigger } = ctx;
  return {
    // WOR 23(1): only a reasoned request obliges a meeting within two weeks [W22]
    missing: isBlank(ctx.action.reasons) ? ['reasons'] : [],
    to: AFTER_REQUEST.includes(track.stage) ? track.stage : 'consultation_requested',
    patch: { consultationRequestedOn: trigger },
    deadlines: [deadline('consultation_meeting_term', track.kind, trigger)],
    claimedOn: trigger,
    dateConflicts: notBefore('receivedOn', trigger, 'case_sent', ctx.facts.caseSentOn),
    event: { type: 'case.consultation_requested', payload: { reasons: ctx.action.reasons } },
  };
}

export function recordConsultationHeld(ctx: Ctx<'record_consultation_held'>): Effect {
  const { track, action } = ctx;
  return {
    missing: validDayNotAfter(action.heldOn, ctx.today) ? [] : ['held_on'],
    // A meeting is not held before it was asked for, nor before the council had the case.
    dateConflicts: isCalendarDay(action.heldOn)
      ? [
          ...notBefore(
            'heldOn',
            action.heldOn,
            'consultation_requested',
            track.consultationRequestedOn,
          ),
          ...notBefore('heldOn', action.heldOn, 'case_sent', ctx.facts.caseSentOn),
        ]
      : [],
    claimedOn: isCalendarDay(action.heldOn) ? action.heldOn : undefined,
    to: AFTER_REQUEST.includes(track.stage) ? track.stage : 'consultation_held',
    patch: { consultationsHeld: track.consultationsHeld + 1, consultationRequestedOn: undefined },
    cancel: track.consultationRequestedOn ? ['consultation_meeting_term'] : [],
    event: {
      type: 'case.consultation_held',
      payload: { heldOn: action.heldOn, meetingId: action.meetingId },
    },
  };
}

export function submitRequest(ctx: Ctx<'submit_request'>): Effect {
  const { facts, track, trigger } = ctx;
  const missing = facts.missingRequestContents.map((item) => `request_contents:${item}`);
  // WOR 25(2): the request must still be able to influence the decision [W1, S22]
  if (facts.employerCommitted) {
    missing.push('timing:before_commitment');
  }
  const rule = track.kind === 'advice' ? 'advice_response_term' : 'consent_response_term';
  return {
    missing,
    to: 'request_submitted',
    // A fresh request (after nullity) starts a fresh procedure.
    patch: { councilPosition: undefined, employerDecision: undefined, requestReceivedOn: trigger },
    // The request cannot reach the council before the case was sent to it [S6].
    dateConflicts: notBefore('receivedOn', trigger, 'case_sent', facts.caseSentOn),
    claimedOn: trigger,
    deadlines: [deadline(rule, track.kind, trigger)],
    event: { type: 'case.request_submitted', payload: { receivedOn: trigger } },
  };
}

export function startDeliberation(): Effect {
  return {
    to: 'council_deliberation',
    event: { type: 'case.deliberation_started', payload: {} },
  };
}

export function recordCouncilPosition(ctx: Ctx<'record_council_position'>): Effect {
  const { track, action, trigger } = ctx;
  const kind = track.kind === 'advice' ? 'advice' : 'consent';
  const missing: string[] = [];
  // WOR 25(4) / 27(2): no position before at least one overlegvergadering [W4, W13]
  if (track.consultationsHeld < 1) {
    missing.push('consultation_meeting_held');
  }
  const allowed: readonly CouncilPosition[] = POSITIONS[kind];
  if (!allowed.includes(action.position)) {
    missing.push(`position:${allowed.join('|')}`);
  }
  const conditions = action.conditions?.filter((c) => !isBlank(c)) ?? [];
  if (action.position === 'conditional' && conditions.length === 0) {
    missing.push('conditions');
  }
  // Consent: a reasoned decision (27(2)) [W13]. Advice: the OK tests only objections the advice
  // states, so a negative or conditional advice carries its reasons, legal-rules (b)3.
  const needsReasons = kind === 'consent' || action.position !== 'positive';
  if (needsReasons && isBlank(action.reasons)) {
    missing.push('reasons');
  }
  if (kind === 'consent' && action.waivesSuspension) {
    missing.push('suspension_waiver:advice_only');
  }
  return {
    missing,
    // WOR 25(4) / 27(2): the council answers a request; its position does not precede it [W4, W13]
    dateConflicts: notBefore('receivedOn', trigger, 'request_received', requestReceivedOnOf(track)),
    claimedOn: trigger,
    to: 'council_position',
    patch: {
      councilPosition: {
        position: action.position,
        conditions,
        ...(isBlank(action.reasons) ? {} : { reasons: action.reasons }),
        waivesSuspension: action.waivesSuspension === true,
        receivedOn: trigger,
      },
    },
    cancel: [kind === 'advice' ? 'advice_response_term' : 'consent_response_term'],
    deadlines: [deadline('employer_decision_sla', track.kind, trigger)],
    event: {
      type: 'case.council_position_recorded',
      payload: {
        position: action.position,
        conditions,
        waivesSuspension: action.waivesSuspension === true,
      },
    },
  };
}

export function recordEmployerDecision(ctx: Ctx<'record_employer_decision'>): Effect {
  const { facts, track, action } = ctx;
  const missing: string[] = [];
  // The decision's receipt starts 25(6), 26(2) and 27(5), so it must be a real past day [S6].
  if (!validDayNotAfter(action.receivedOn, ctx.today)) {
    missing.push('received_on');
  }
  if (action.implementationDate !== undefined && !isCalendarDay(action.implementationDate)) {
    missing.push('implementation_date');
  }
  const withoutPosition = track.stage !== 'council_position';
  if (!withoutPosition && track.councilPosition === undefined) {
    missing.push('council_position');
  }
  if (withoutPosition) {
    // WOR 25/27: deciding without the council's position is only open once the agreed term has
    // lapsed [W5, W14]; there is then nothing to "follow".
    if (!facts.responseTermLapsed) {
      missing.push('response_term_lapsed');
    }
    if (action.follows) {
      missing.push('council_position');
    }
  }
  const outcome =
    track.kind === 'advice'
      ? adviceDecision(ctx, withoutPosition)
      : consentDecision(ctx, withoutPosition);
  const received = isCalendarDay(action.receivedOn) ? action.receivedOn : undefined;
  return {
    missing: [...missing, ...outcome.missing],
    // The decision follows the request and the council's position: a backdated one would have
    // run out the suspension and the fatal appeal term before it was entered [W6, W7, W8].
    dateConflicts: [
      ...notBefore('receivedOn', received, 'request_received', requestReceivedOnOf(track)),
      ...notBefore(
        'receivedOn',
        received,
        'council_position_received',
        track.councilPosition?.receivedOn,
      ),
      ...notBefore('receivedOn', received, 'case_sent', facts.caseSentOn),
    ],
    claimedOn: received,
    to: outcome.to,
    patch: {
      employerDecision: {
        follows: action.follows,
        ...(isBlank(action.reasons) ? {} : { reasons: action.reasons }),
        ...(action.implementationDate ? { implementationDate: action.implementationDate } : {}),
        receivedOn: action.receivedOn,
        withoutCouncilPosition: withoutPosition,
      },
    },
    deadlines: outcome.deadlines,
    cancel: withoutPosition
      ? [track.kind === 'advice' ? 'advice_response_term' : 'consent_response_term']
      : ['employer_decision_sla'],
    event: {
      type: 'case.employer_decision_recorded',
      payload: {
        follows: action.follows,
        receivedOn: action.receivedOn,
        implementationDate: action.implementationDate,
        withoutCouncilPosition: withoutPosition,
      },
    },
  };
}

interface DecisionOutcome {
  readonly to: TrackStage;
  readonly missing: readonly string[];
  readonly deadlines: readonly DeadlineRequest[];
}

function adviceDecision(
  ctx: Ctx<'record_employer_decision'>,
  withoutPosition: boolean,
): DecisionOutcome {
  const { track, action } = ctx;
  const received = action.receivedOn;
  if (withoutPosition) {
    // WOR 26: a decision taken without the advice can still be appealed, from knowledge [W9]
    return {
      to: 'go_live_gate',
      missing: [],
      deadlines: [deadline('appeal_term', 'advice', received, ['W9', 'S7'])],
    };
  }
  const position = track.councilPosition?.position;
  if (action.follows) {
    // Following a negative advice means not taking the intended decision.
    return {
      to: position === 'negative' ? 'withdrawn' : 'go_live_gate',
      missing: [],
      deadlines: [],
    };
  }
  // WOR 25(5): a deviating decision states its reasons; without them the appeal term of 26(2)
  // does not even start (OK 15-08-2017) [W6, W8, S6]
  const missing = isBlank(action.reasons) ? ['reasons'] : [];
  const appeal = deadline('appeal_term', 'advice', received);
  if (track.councilPosition?.waivesSuspension) {
    return { to: 'go_live_gate', missing, deadlines: [appeal] };
  }
  // WOR 25(6): no implementation for one month after the council is told [W7]
  return {
    to: 'suspension',
    missing,
    deadlines: [deadline('suspension_term', 'advice', received), appeal],
  };
}

function consentDecision(
  ctx: Ctx<'record_employer_decision'>,
  withoutPosition: boolean,
): DecisionOutcome {
  const { track, action } = ctx;
  const position = withoutPosition ? 'refused' : track.councilPosition?.position;
  if (position === 'refused' || (position === 'conditional' && !action.follows)) {
    // WOR 27(4): without consent the employer either drops the decision or asks the kantonrechter
    // for substitute permission [W14]
    return {
      to: action.follows ? 'withdrawn' : 'substitute_permission_pending',
      missing: [],
      deadlines: [],
    };
  }
  if (!action.follows) {
    // A decision other than the one consented to has no consent of its own [W10].
    return { to: 'go_live_gate', missing: ['consent_for_decision'], deadlines: [] };
  }
  return {
    to: 'go_live_gate',
    // WOR 27(2): the decision is sent with its implementation date [W13]
    missing: action.implementationDate === undefined ? ['implementation_date'] : [],
    // A decision taken with consent cannot be voided: no nullity term runs (27(5) is about
    // decisions *without* consent, see recordDecisionWithoutConsent) [W15, legal-rules (e)3].
    deadlines: [],
  };
}

export function waiveSuspension(ctx: Ctx<'waive_suspension'>): Effect {
  const { facts, action } = ctx;
  const event = {
    type: 'case.suspension_waived',
    payload: { whole: action.whole, waivedUntil: action.waivedUntil },
  } as const;
  if (action.whole) {
    return {
      to: 'go_live_gate',
      patch: { suspensionWaiver: { whole: true } },
      cancel: ['suspension_term'],
      event,
    };
  }
  // WOR 25(6): the council may waive part of the month, i.e. let it end earlier [W7, S3]
  const missing: string[] = [];
  if (!isCalendarDay(action.waivedUntil)) {
    missing.push('waived_until');
  } else if (facts.suspensionLastDay && !isAfter(facts.suspensionLastDay, action.waivedUntil)) {
    missing.push('waived_until:before_suspension_end');
  }
  return {
    missing,
    to: 'suspension',
    patch: {
      suspensionWaiver: {
        whole: false,
        ...(action.waivedUntil ? { waivedUntil: action.waivedUntil } : {}),
      },
    },
    event,
  };
}

export function endSuspension(ctx: Ctx<'end_suspension'>): Effect {
  const lastDay = earliest(ctx.facts.suspensionLastDay, ctx.track.suspensionWaiver?.waivedUntil);
  const missing: string[] = [];
  if (lastDay === undefined) {
    missing.push('suspension_last_day');
  } else if (!isAfter(ctx.today, lastDay)) {
    // WOR 25(6): implementing during the suspension is an economic offence [W7, S3]
    missing.push('suspension_ended');
  }
  return {
    missing,
    to: 'go_live_gate',
    event: { type: 'case.suspension_ended', payload: { lastDay } },
  };
}

export function fileAppeal(ctx: Ctx<'file_appeal'>): Effect {
  return {
    to: 'appeal_pending',
    patch: { returnStage: ctx.track.stage },
    dateConflicts: notBefore(
      'receivedOn',
      ctx.trigger,
      'employer_decision_received',
      ctx.track.employerDecision?.receivedOn,
    ),
    claimedOn: ctx.trigger,
    cancel: ['appeal_term'],
    event: { type: 'case.appeal_filed', payload: { filedOn: ctx.trigger } },
  };
}

export function recordAppealRuling(ctx: Ctx<'record_appeal_ruling'>): Effect {
  // WOR 26(5): an upheld appeal obliges the employer to withdraw the decision [W8]
  return {
    to: ctx.action.upheld ? 'withdrawn' : (ctx.track.returnStage ?? 'go_live_gate'),
    patch: { returnStage: undefined },
    event: { type: 'case.appeal_ruled', payload: { upheld: ctx.action.upheld } },
  };
}

export function recordSubstitutePermission(ctx: Ctx<'record_substitute_permission'>): Effect {
  const { granted } = ctx.action;
  return {
    to: granted ? 'go_live_gate' : 'withdrawn',
    patch: { substitutePermission: granted ? 'granted' : 'refused' },
    event: { type: 'case.substitute_permission_recorded', payload: { granted } },
  };
}

export function recordDecisionWithoutConsent(ctx: Ctx<'record_decision_without_consent'>): Effect {
  const { action, today, track } = ctx;
  const missing: string[] = [];
  const notice = action.receivedOn;
  const learned = action.learnedOn;
  if (notice === undefined && learned === undefined) {
    missing.push('received_on|learned_on');
  }
  if (notice !== undefined && !validDayNotAfter(notice, today)) {
    missing.push('received_on');
  }
  if (learned !== undefined && !validDayNotAfter(learned, today)) {
    missing.push('learned_on');
  }
  const basis = consentBasisOf(track);
  const term = nullityTermStart({
    basis,
    ...(isCalendarDay(notice) ? { decisionNoticeReceivedOn: notice } : {}),
    ...(isCalendarDay(learned) ? { implementationLearnedOn: learned } : {}),
  });
  if (!term.runs && term.reason === 'decision_has_consent') {
    // The decision has consent or substitute permission: nothing to void [W14, W15].
    missing.push('decision_without_consent');
  }
  return {
    missing,
    to: track.stage,
    claimedOn: term.runs ? term.startsOn : undefined,
    deadlines: term.runs ? [deadline('nullity_term', 'consent', term.startsOn, term.sources)] : [],
    event: {
      type: 'case.decision_without_consent_recorded',
      payload: {
        basis,
        from: term.runs ? term.from : null,
        startsOn: term.runs ? term.startsOn : null,
      },
    },
  };
}

export function invokeNullity(ctx: Ctx<'invoke_nullity'>): Effect {
  return {
    to: 'nullity_invoked',
    patch: { nullityInvokedOn: ctx.trigger },
    cancel: ['nullity_term'],
    dateConflicts: notBefore(
      'receivedOn',
      ctx.trigger,
      'employer_decision_received',
      ctx.track.employerDecision?.receivedOn,
    ),
    claimedOn: ctx.trigger,
    event: { type: 'case.nullity_invoked', payload: { invokedOn: ctx.trigger } },
  };
}
