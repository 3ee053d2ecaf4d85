import type { CalendarDay } from './calendar-day';
import { requestReceivedOnOf } from './tracks';
import type { TrackSnapshot } from './tracks';

/**
 * WOR art. 27(5): where the consent procedure stands when the employer decides or implements. Only
 * a decision *with* consent (or the kantonrechter's substitute permission, 27(4)) is safe from
 * nullity; every other decision on a consent matter can be voided [W15, legal-rules (e)3].
 */
export type ConsentBasis =
  | 'consent_granted'
  | 'substitute_permission'
  | 'consent_refused'
  | 'consent_pending'
  | 'consent_not_asked';

export interface NullityInput {
  readonly basis: ConsentBasis;
  /** The day the council received the employer's written notice of the decision. */
  readonly decisionNoticeReceivedOn?: CalendarDay;
  /** The day it became apparent to the council that the decision is being implemented or applied. */
  readonly implementationLearnedOn?: CalendarDay;
}

export type NullityTerm =
  | { readonly runs: false; readonly reason: 'decision_has_consent' | 'no_start_date' }
  | {
      readonly runs: true;
      readonly startsOn: CalendarDay;
      readonly from: 'written_decision' | 'implementation_learned';
      readonly sources: readonly string[];
    };

/**
 * The start of the one-month nullity term. WOR 27(5): "binnen een maand nadat de ondernemer
 * [het besluit] heeft medegedeeld, of, bij gebreke van een mededeling, binnen een maand nadat
 * het de ondernemingsraad is gebleken dat [het besluit] wordt uitgevoerd of toegepast" [W15, S10].
 * A written notice therefore takes precedence over the day the council noticed implementation.
 */
export function nullityTermStart(input: NullityInput): NullityTerm {
  if (input.basis === 'consent_granted' || input.basis === 'substitute_permission') {
    return { runs: false, reason: 'decision_has_consent' };
  }
  if (input.decisionNoticeReceivedOn !== undefined) {
    return {
      runs: true,
      startsOn: input.decisionNoticeReceivedOn,
      from: 'written_decision',
      sources: ['W15', 'S10'],
    };
  }
  if (input.implementationLearnedOn !== undefined) {
    return {
      runs: true,
      startsOn: input.implementationLearnedOn,
      from: 'implementation_learned',
      sources: ['W15', 'S10'],
    };
  }
  return { runs: false, reason: 'no_start_date' };
}

/** Where a consent track stands, read from its snapshot. */
export function consentBasisOf(track: TrackSnapshot): ConsentBasis {
  if (track.substitutePermission === 'granted') {
    return 'substitute_permission';
  }
  const position = track.councilPosition?.position;
  const decision = track.employerDecision;
  if (position === 'granted' || (position === 'conditional' && decision?.follows === true)) {
    return 'consent_granted';
  }
  if (position === 'refused' || position === 'conditional') {
    return 'consent_refused';
  }
  return requestReceivedOnOf(track) === undefined ? 'consent_not_asked' : 'consent_pending';
}
