import type { DeadlineView } from '@wc/deadlines';

import type { AiCaseEntity, CaseContents } from './ai-case.entity';
import { oversightOf } from './case-gates.query';
import {
  amsterdamDay,
  type CaseFacts,
  isWorTrack,
  missingRequestContents,
  type TrackKind,
  type TrackSnapshot,
} from './domain';
import type { CaseDossierFactsView } from './dossier-facts.port';

/** What every track's facts share, read once per case (not once per track). */
export interface FactsBase {
  aiCase: AiCaseEntity;
  deadlines: readonly DeadlineView[];
  dossier: CaseDossierFactsView | undefined;
}

/** The facts the stage machine weighs for one track of a triaged case. */
export function caseFactsOf(
  { aiCase, deadlines, dossier }: FactsBase,
  tracks: readonly TrackSnapshot[],
  kind: TrackKind,
  now: Date,
): CaseFacts {
  const outcome = aiCase.triage!.outcome;
  const today = amsterdamDay(now);
  const suspension = deadlines
    .filter((d) => d.ruleId === 'suspension_term' && d.status !== 'cancelled')
    .at(-1);
  const responseRule = kind === 'consent' ? 'consent_response_term' : 'advice_response_term';
  const responseTerm = deadlines.find(
    (d) => d.ruleId === responseRule && d.status === 'open' && d.track === kind,
  );
  return {
    triage: outcome,
    tracks: [...tracks],
    oversight: oversightOf(aiCase, dossier),
    // The request rests on the dossier too: assessment, DPIA/FRIA, oversight, training [W3, W12].
    missingRequestContents: isWorTrack(kind)
      ? [
          ...missingRequestContents(
            kind,
            presentContents(aiCase.contents, outcome.advice.letters.length > 0),
          ),
          ...(dossier?.missingForRequest ?? []),
        ]
      : [],
    employerCommitted: aiCase.contents.employerCommitted ?? false,
    // The cautious end of the suspension: the extended date, so go-live never comes a day early.
    suspensionLastDay: suspension?.extendedDate,
    responseTermLapsed: responseTerm ? responseTerm.strictDate < today : false,
    ...(aiCase.sentAt ? { caseSentOn: amsterdamDay(aiCase.sentAt) } : {}),
  };
}

/** Which required request items the written case contains, legal-rules (b)1-2. */
export function presentContents(contents: CaseContents, hasGrounds: boolean): string[] {
  const has = (v?: string) => typeof v === 'string' && v.trim().length > 0;
  const items: Array<[string, boolean]> = [
    // The request Overleg records is itself the written document.
    ['written_document', true],
    ['intended_decision', has(contents.intendedDecision)],
    ['grounds', hasGrounds || has(contents.grounds)],
    ['reasons', has(contents.reasons)],
    ['consequences_for_staff', has(contents.consequencesForStaff)],
    ['measures', has(contents.measures)],
    ['regeling_text', has(contents.regelingText)],
  ];
  return items.filter(([, present]) => present).map(([item]) => item);
}
