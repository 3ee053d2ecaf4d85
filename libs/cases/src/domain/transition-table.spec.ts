import { TRANSITIONS, kindsAllowing, rowsFor, stagesAllowing } from './transition-table';
import { INITIAL_STAGE, STAGES_BY_KIND, TRACK_KINDS, isStageOf } from './tracks';

describe('the transition table', () => {
  it('names only stages of the track kinds it lists', () => {
    for (const row of TRANSITIONS) {
      for (const kind of row.tracks) {
        expect([kind, row.from, isStageOf(kind, row.from)]).toEqual([kind, row.from, true]);
        expect([kind, row.to, isStageOf(kind, row.to)]).toEqual([kind, row.to, true]);
      }
    }
  });

  it('has no duplicate rows', () => {
    const keys = TRANSITIONS.flatMap((r) =>
      r.tracks.map((k) => `${k}:${r.from}:${r.action}:${r.to}`),
    );
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('gives every row at least one side, and never experts or union officers', () => {
    for (const row of TRANSITIONS) {
      expect(row.who.length).toBeGreaterThan(0);
      expect(row.who).not.toContain('expert');
      expect(row.who).not.toContain('union');
    }
  });

  it.each(TRACK_KINDS)('reaches every %s stage from the initial stage', (kind) => {
    const reached = new Set<string>([INITIAL_STAGE[kind]]);
    let grew = true;
    while (grew) {
      grew = false;
      for (const row of TRANSITIONS.filter((r) => r.tracks.includes(kind) && reached.has(r.from))) {
        if (!reached.has(row.to)) {
          reached.add(row.to);
          grew = true;
        }
      }
    }
    expect([...reached].sort()).toEqual([...STAGES_BY_KIND[kind]].sort());
  });

  it.each(TRACK_KINDS)('leaves every non-terminal %s stage by some row', (kind) => {
    const terminal = ['withdrawn', 'closed'];
    for (const stage of STAGES_BY_KIND[kind].filter((s) => !terminal.includes(s))) {
      expect([
        stage,
        TRANSITIONS.some((r) => r.tracks.includes(kind) && r.from === stage && r.to !== stage),
      ]).toEqual([stage, true]);
    }
  });

  it('only the council board records positions and only the employer decides', () => {
    expect(rowsFor('advice', 'council_deliberation', 'record_council_position')[0]?.who).toEqual([
      'council_board',
    ]);
    expect(
      rowsFor('consent', 'council_position', 'record_employer_decision').map((r) => r.who),
    ).toEqual([['employer'], ['employer'], ['employer']]);
  });

  it('answers where an action is allowed', () => {
    expect(stagesAllowing('advice', 'end_suspension')).toEqual(['suspension']);
    expect(kindsAllowing('invoke_nullity')).toEqual(['consent']);
    expect(kindsAllowing('mark_implemented')).toEqual(['advice', 'consent', 'ai_act']);
  });
});
