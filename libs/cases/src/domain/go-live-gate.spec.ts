import {
  FULL_TRIAGE,
  NO_ANSWERS,
  PRIVATE_TRIAGE,
  gateFacts,
  readyTracks,
  trackAt,
} from './domain-fixtures';
import { evaluateGoLiveGate } from './go-live-gate';
import type { GoLiveGateFacts } from './go-live-gate';
import { triage } from './triage';
import type { TrackSnapshot } from './tracks';

function replace(tracks: TrackSnapshot[], track: TrackSnapshot): TrackSnapshot[] {
  return tracks.map((t) => (t.kind === track.kind ? track : t));
}

function unmet(facts: GoLiveGateFacts): string[] {
  return evaluateGoLiveGate(facts)
    .conditions.filter((c) => !c.met)
    .map((c) => c.key);
}

describe('evaluateGoLiveGate', () => {
  it('lists every condition for a high-risk public-body case and opens when all are met', () => {
    const gate = evaluateGoLiveGate(gateFacts());
    expect(gate.open).toBe(true);
    expect(gate.conditions.map((c) => [c.key, c.sources])).toEqual([
      ['ai_act_notice_sent', ['E4', 'A1']],
      ['dpia_done', ['G1', 'G3', 'G2']],
      ['fria_done', ['E12', 'A2']],
      ['oversight_trained', ['E5', 'A1', 'A6', 'E1']],
      ['suspension_over', ['W7', 'S3']],
      ['consent_present', ['W10', 'W14', 'S9']],
    ]);
  });

  it.each<[string, Partial<GoLiveGateFacts>, string[]]>([
    [
      'no 26(7) notice yet [E4]',
      { tracks: replace(readyTracks(), trackAt('ai_act', 'notice_prepared')) },
      ['ai_act_notice_sent', 'fria_done'],
    ],
    [
      'notice sent, FRIA still running [E12]',
      { tracks: replace(readyTracks(), trackAt('ai_act', 'fria_in_progress')) },
      ['fria_done'],
    ],
    [
      'DPIA waiting for the AP [G3]',
      { tracks: replace(readyTracks(), trackAt('dpia', 'prior_consultation')) },
      ['dpia_done'],
    ],
    ['no oversight confirmation [E5]', { oversight: undefined }, ['oversight_trained']],
    [
      'oversight named but not trained',
      { oversight: { staffNamed: true, trained: false, source: 'manual_confirmation' } },
      ['oversight_trained'],
    ],
    [
      'advice track in suspension [W7]',
      { tracks: replace(readyTracks(), trackAt('advice', 'suspension')) },
      ['suspension_over'],
    ],
    [
      'advice appeal pending [W8]',
      { tracks: replace(readyTracks(), trackAt('advice', 'appeal_pending')) },
      ['suspension_over'],
    ],
    [
      'advice still deliberating',
      { tracks: replace(readyTracks(), trackAt('advice', 'council_deliberation')) },
      ['suspension_over'],
    ],
    [
      'waiting for substitute permission [W14]',
      { tracks: replace(readyTracks(), trackAt('consent', 'substitute_permission_pending')) },
      ['consent_present'],
    ],
    [
      'consent track withdrawn after refusal',
      { tracks: replace(readyTracks(), trackAt('consent', 'withdrawn')) },
      ['consent_present'],
    ],
    [
      'nullity invoked [W15]',
      { tracks: replace(readyTracks(), trackAt('consent', 'nullity_invoked')) },
      ['consent_present'],
    ],
    [
      'an AI Act track that was never opened',
      { tracks: readyTracks().filter((t) => t.kind !== 'ai_act') },
      ['ai_act_notice_sent', 'fria_done'],
    ],
  ])('is closed when %s', (_name, overrides, expected) => {
    const facts = gateFacts(overrides);
    expect(unmet(facts)).toEqual(expected);
    expect(evaluateGoLiveGate(facts).open).toBe(false);
  });

  it('treats implemented and evaluation as past the gate', () => {
    const tracks = replace(
      replace(readyTracks(), trackAt('advice', 'implemented')),
      trackAt('consent', 'evaluation'),
    );
    expect(evaluateGoLiveGate(gateFacts({ tracks })).open).toBe(true);
  });

  it.each<[string, GoLiveGateFacts['triage'], string[]]>([
    [
      'a private high-risk employer: no FRIA; staff data means a DPIA',
      PRIVATE_TRIAGE,
      [
        'ai_act_notice_sent',
        'dpia_done',
        'oversight_trained',
        'suspension_over',
        'consent_present',
      ],
    ],
    [
      'a consent-only case',
      triage({ ...NO_ANSWERS, processesStaffPersonalData: true }),
      // Staff data in an AI system meets two EDPB criteria, so the DPIA is a condition too.
      ['dpia_done', 'consent_present'],
    ],
    ['a case with no WOR right and no high risk', triage(NO_ANSWERS), []],
    [
      'a case without council: notice and oversight only',
      triage({
        ...NO_ANSWERS,
        councilType: 'none',
        headcount: 20,
        introducesOrChangesTechnology: true,
        annexIIIPoint4: 'task_allocation',
      }),
      ['ai_act_notice_sent', 'oversight_trained'],
    ],
  ])('lists only the conditions that apply: %s', (_name, outcome, keys) => {
    const gate = evaluateGoLiveGate(gateFacts({ triage: outcome }));
    expect(gate.conditions.map((c) => c.key)).toEqual(keys);
  });

  it('stays closed for a prohibited case', () => {
    const blocked = triage({ ...NO_ANSWERS, infersEmotions: true });
    const gate = evaluateGoLiveGate(gateFacts({ triage: blocked }));
    expect(gate.open).toBe(false);
    expect(gate.conditions).toEqual([
      expect.objectContaining({ key: 'not_prohibited', met: false, sources: ['E2', 'A4'] }),
    ]);
  });

  it('uses the full triage fixture as a sanity check', () => {
    expect(FULL_TRIAGE.aiAct.fria && FULL_TRIAGE.dpia.required && FULL_TRIAGE.consent.applies).toBe(
      true,
    );
  });
});
