import { Conflict, Forbidden } from '@wc/core';

export type ConvenantSide = 'employer' | 'council';

export interface ConvenantTerms {
  readonly adviceTermWeeks: number;
  readonly consentTermWeeks: number;
  readonly informationResponseWorkingDays: number;
  readonly stopClockWhileInformationOpen: boolean;
  readonly evaluationIntervalMonths: number;
}

/**
 * A convenant binds both parties, so neither makes one alone (B.19): the side that proposed a
 * version cannot confirm it, and only an open proposal can be confirmed.
 */
export function assertMayConfirm(
  proposal: { readonly status: string; readonly proposedSide: ConvenantSide },
  side: ConvenantSide,
): void {
  if (proposal.status !== 'proposed') {
    throw new Conflict('convenant.not_proposed', 'Only an open proposal can be confirmed.', {
      currentStatus: proposal.status,
    });
  }
  if (proposal.proposedSide === side) {
    throw new Forbidden(
      'convenant.other_side_confirms',
      'The other party confirms a proposed convenant; the proposing side cannot.',
      { proposedSide: proposal.proposedSide },
    );
  }
}

/**
 * The agreed terms as the deadline calculator's council settings (`CouncilTermSettings` keys in
 * @wc/deadlines): advice W5, consent W13, information W19, stop-the-clock (d)2, evaluation (c).
 */
export function toTermSettings(terms: ConvenantTerms): Record<string, unknown> {
  return {
    adviceResponseTerm: { weeks: terms.adviceTermWeeks },
    consentResponseTerm: { weeks: terms.consentTermWeeks },
    informationResponseTerm: { workingDays: terms.informationResponseWorkingDays },
    stopClockWhileInformationOpen: terms.stopClockWhileInformationOpen,
    evaluationAfter: { months: terms.evaluationIntervalMonths },
  };
}
