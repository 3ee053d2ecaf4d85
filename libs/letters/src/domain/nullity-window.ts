import { consentBasisOf, nullityTermStart, type TrackSnapshot } from '@wc/cases';
import { computeDeadline } from '@wc/deadlines';

/**
 * WOR art. 27(5): nullity is invoked in writing within one month after the employer communicated
 * the decision or, absent that, after the council found it being implemented [W15, S10]. The
 * letter reads where the consent track stands: a decision with consent (or substitute
 * permission) has nothing to void; otherwise the month runs from the written notice on the
 * track, from a start the track already recorded (`record_decision_without_consent`), or from
 * the day the council gives in the letter.
 */
export type NullityWindow =
  | { readonly open: false; readonly reason: 'decision_has_consent' | 'no_start_date' }
  | {
      readonly open: true;
      readonly startsOn: string;
      /** `recorded`: the start the track's own nullity term holds; `learned`: the letter's date. */
      readonly from: 'written_decision' | 'recorded' | 'learned';
      readonly lastDay: string;
      /** The last day moved past a weekend or holiday (Algemene termijnenwet), (c) clocks. */
      readonly extendedLastDay: string;
    };

export interface NullityTrackFacts {
  readonly snapshot: Record<string, unknown>;
  /** The nullity term the track started, if any (its trigger date is the start). */
  readonly recordedStart?: string;
}

export function nullityWindow(track: NullityTrackFacts, learnedOn?: string): NullityWindow {
  const snapshot = track.snapshot as unknown as TrackSnapshot & {
    employerDecision?: { receivedOn?: string };
  };
  const basis = consentBasisOf(snapshot);
  const notice = snapshot.employerDecision?.receivedOn;
  const learned = track.recordedStart ?? learnedOn;
  const term = nullityTermStart({
    basis,
    ...(notice ? { decisionNoticeReceivedOn: notice } : {}),
    ...(learned ? { implementationLearnedOn: learned } : {}),
  });
  if (!term.runs) {
    return { open: false, reason: term.reason };
  }
  const computed = computeDeadline({
    ruleId: 'nullity_term',
    triggerDate: term.startsOn,
    length: { months: 1 },
  });
  return {
    open: true,
    startsOn: term.startsOn,
    from:
      term.from === 'written_decision'
        ? 'written_decision'
        : track.recordedStart !== undefined
          ? 'recorded'
          : 'learned',
    lastDay: computed.strictDate,
    extendedLastDay: computed.extendedDate,
  };
}
