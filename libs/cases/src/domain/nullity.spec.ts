import { consentBasisOf, nullityTermStart } from './nullity';
import type { NullityInput, NullityTerm } from './nullity';
import { trackAt } from './domain-fixtures';

// Hand-worked cases for WOR art. 27(5) [W15, S10; legal-rules (e)3].
const CASES: ReadonlyArray<[string, NullityInput, NullityTerm]> = [
  [
    'decision after a refusal, written notice received on 2 March: the term starts then',
    { basis: 'consent_refused', decisionNoticeReceivedOn: '2026-03-02' },
    { runs: true, startsOn: '2026-03-02', from: 'written_decision', sources: ['W15', 'S10'] },
  ],
  [
    'implementation without asking, council saw it on 5 March: the term starts then',
    { basis: 'consent_not_asked', implementationLearnedOn: '2026-03-05' },
    { runs: true, startsOn: '2026-03-05', from: 'implementation_learned', sources: ['W15', 'S10'] },
  ],
  [
    'a written notice takes precedence over a later noticed implementation',
    {
      basis: 'consent_not_asked',
      decisionNoticeReceivedOn: '2026-03-02',
      implementationLearnedOn: '2026-04-10',
    },
    { runs: true, startsOn: '2026-03-02', from: 'written_decision', sources: ['W15', 'S10'] },
  ],
  [
    'deciding while the request is still pending is deciding without consent',
    { basis: 'consent_pending', decisionNoticeReceivedOn: '2026-03-02' },
    { runs: true, startsOn: '2026-03-02', from: 'written_decision', sources: ['W15', 'S10'] },
  ],
  [
    'a consented decision has no nullity term',
    { basis: 'consent_granted', decisionNoticeReceivedOn: '2026-03-02' },
    { runs: false, reason: 'decision_has_consent' },
  ],
  [
    'substitute permission of the kantonrechter (27(4)) replaces consent',
    { basis: 'substitute_permission', implementationLearnedOn: '2026-03-05' },
    { runs: false, reason: 'decision_has_consent' },
  ],
  [
    'without notice and without noticed implementation nothing starts yet',
    { basis: 'consent_refused' },
    { runs: false, reason: 'no_start_date' },
  ],
];

describe('nullityTermStart (WOR 27(5))', () => {
  it.each(CASES)('%s', (_name, input, expected) => {
    expect(nullityTermStart(input)).toEqual(expected);
  });
});

describe('consentBasisOf', () => {
  const position = (p: 'granted' | 'refused' | 'conditional') => ({
    position: p,
    conditions: [],
    waivesSuspension: false,
    receivedOn: '2026-02-01',
  });
  const decision = (follows: boolean) => ({
    follows,
    receivedOn: '2026-02-10',
    withoutCouncilPosition: false,
  });
  it.each([
    ['no request yet', trackAt('consent', 'screening'), 'consent_not_asked'],
    [
      'request received, no answer',
      trackAt('consent', 'request_submitted', { requestReceivedOn: '2026-01-10' }),
      'consent_pending',
    ],
    [
      'refused',
      trackAt('consent', 'council_position', { councilPosition: position('refused') }),
      'consent_refused',
    ],
    [
      'granted',
      trackAt('consent', 'go_live_gate', { councilPosition: position('granted') }),
      'consent_granted',
    ],
    [
      'conditional consent whose conditions the decision follows',
      trackAt('consent', 'go_live_gate', {
        councilPosition: position('conditional'),
        employerDecision: decision(true),
      }),
      'consent_granted',
    ],
    [
      'conditional consent whose conditions the decision ignores',
      trackAt('consent', 'substitute_permission_pending', {
        councilPosition: position('conditional'),
        employerDecision: decision(false),
      }),
      'consent_refused',
    ],
    [
      'substitute permission granted',
      trackAt('consent', 'go_live_gate', {
        councilPosition: position('refused'),
        substitutePermission: 'granted',
      }),
      'substitute_permission',
    ],
  ] as const)('%s', (_name, track, expected) => {
    expect(consentBasisOf(track)).toBe(expected);
  });
});
