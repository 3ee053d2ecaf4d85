import { trackAt } from './domain-fixtures';
import { CASE_STAGE_ORDER, deriveCaseStage } from './overall-stage';
import type { CaseStage } from './overall-stage';
import type { TrackKind, TrackStage } from './tracks';

const tracks = (...pairs: Array<[TrackKind, TrackStage]>) => pairs.map(([k, s]) => trackAt(k, s));

describe('deriveCaseStage', () => {
  it.each<[string, ReturnType<typeof tracks>, boolean, CaseStage]>([
    [
      'a prohibited practice wins over anything',
      tracks(['advice', 'implemented']),
      true,
      'prohibited',
    ],
    ['no tracks yet', [], false, 'screening'],
    [
      'all tracks withdrawn',
      tracks(['advice', 'withdrawn'], ['dpia', 'withdrawn']),
      false,
      'withdrawn',
    ],
    [
      'a parked track holds the case',
      tracks(['advice', 'go_live_gate'], ['consent', 'on_hold']),
      false,
      'on_hold',
    ],
    [
      'a parked DPIA holds the case too',
      tracks(['advice', 'information'], ['dpia', 'on_hold']),
      false,
      'on_hold',
    ],
    ['one WOR track', tracks(['advice', 'council_deliberation']), false, 'council_deliberation'],
    [
      'both meeting stages read as consultation',
      tracks(['advice', 'consultation_requested'], ['consent', 'consultation_held']),
      false,
      'consultation',
    ],
    [
      'the least advanced WOR track leads',
      tracks(['advice', 'go_live_gate'], ['consent', 'request_submitted']),
      false,
      'request_submitted',
    ],
    [
      'a position awaits the employer',
      tracks(['advice', 'council_position'], ['consent', 'go_live_gate']),
      false,
      'employer_decision',
    ],
    [
      'suspension against a granted consent',
      tracks(['advice', 'suspension'], ['consent', 'go_live_gate']),
      false,
      'suspension',
    ],
    [
      'nullity outranks suspension',
      tracks(['advice', 'suspension'], ['consent', 'nullity_invoked']),
      false,
      'nullity_invoked',
    ],
    [
      'appeal outranks substitute permission',
      tracks(['advice', 'appeal_pending'], ['consent', 'substitute_permission_pending']),
      false,
      'appeal_pending',
    ],
    [
      'AI Act and DPIA do not hold WOR progress back',
      tracks(['advice', 'implemented'], ['ai_act', 'notice_prepared'], ['dpia', 'in_progress']),
      false,
      'implemented',
    ],
    [
      'a withdrawn WOR track is ignored',
      tracks(['advice', 'withdrawn'], ['consent', 'evaluation']),
      false,
      'evaluation',
    ],
    [
      'no WOR track: the AI Act track leads',
      tracks(['ai_act', 'notice_sent'], ['skills', 'done']),
      false,
      'preparation',
    ],
    [
      'no WOR track: all ready',
      tracks(['ai_act', 'ready'], ['dpia', 'done'], ['skills', 'done']),
      false,
      'go_live_gate',
    ],
    [
      'no WOR track: in use',
      tracks(['ai_act', 'in_use'], ['skills', 'done']),
      false,
      'implemented',
    ],
    [
      'no WOR track: classification still open',
      tracks(['ai_act', 'classification'], ['dpia', 'done']),
      false,
      'screening',
    ],
    [
      'no WOR or AI Act track: DPIA still running',
      tracks(['dpia', 'in_progress'], ['skills', 'done']),
      false,
      'preparation',
    ],
    [
      'no WOR or AI Act track: all done',
      tracks(['dpia', 'done'], ['skills', 'done']),
      false,
      'go_live_gate',
    ],
    [
      'closed after evaluation',
      tracks(['advice', 'closed'], ['consent', 'closed']),
      false,
      'closed',
    ],
  ])('%s', (_name, input, blocked, expected) => {
    expect(deriveCaseStage(input, blocked)).toBe(expected);
  });

  it('orders the decision side states between the decision and the gate', () => {
    const at = (s: CaseStage) => CASE_STAGE_ORDER.indexOf(s);
    for (const side of [
      'nullity_invoked',
      'appeal_pending',
      'substitute_permission_pending',
      'suspension',
    ] as const) {
      expect(at(side)).toBeGreaterThan(at('employer_decision'));
      expect(at(side)).toBeLessThan(at('go_live_gate'));
    }
  });
});
