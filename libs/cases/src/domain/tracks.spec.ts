import {
  INITIAL_STAGE,
  STAGES_BY_KIND,
  TRACK_KINDS,
  isStageOf,
  isWorTrack,
  newTrack,
} from './tracks';

describe('tracks', () => {
  it.each([
    ['advice', 'screening'],
    ['consent', 'screening'],
    ['ai_act', 'classification'],
    ['dpia', 'required'],
    ['skills', 'planned'],
  ] as const)('a new %s track starts at %s with no history', (kind, stage) => {
    expect(newTrack(kind)).toEqual({ kind, stage, consultationsHeld: 0, history: [] });
    expect(INITIAL_STAGE[kind]).toBe(stage);
  });

  it.each(TRACK_KINDS)('every %s track has the withdrawn and on_hold side states', (kind) => {
    expect(STAGES_BY_KIND[kind]).toEqual(expect.arrayContaining(['withdrawn', 'on_hold']));
  });

  it.each([
    ['advice', 'suspension', true],
    ['consent', 'suspension', false],
    ['consent', 'substitute_permission_pending', true],
    ['advice', 'nullity_invoked', false],
    ['dpia', 'prior_consultation', true],
    ['skills', 'notice_sent', false],
  ] as const)('%s has stage %s: %s', (kind, stage, expected) => {
    expect(isStageOf(kind, stage)).toBe(expected);
  });

  it.each([
    ['advice', true],
    ['consent', true],
    ['ai_act', false],
    ['dpia', false],
    ['skills', false],
  ] as const)('%s is a WOR track: %s', (kind, expected) => {
    expect(isWorTrack(kind)).toBe(expected);
  });
});
