import { evaluationMonths, planEvaluations, reratingDiff, reviewCommitments } from './evaluation';

describe('evaluation planning', () => {
  it('defaults to 3, 6 and 12 months, and uses an agreed interval three times', () => {
    expect(evaluationMonths(null)).toEqual([3, 6, 12]);
    expect(evaluationMonths(4)).toEqual([4, 8, 12]);
  });

  it('dates the evaluations from the go-live day by calendar months', () => {
    // By hand: 31 Jan + 1 month clamps to the end of February.
    expect(planEvaluations('2026-01-31', [1, 3])).toEqual([
      { seq: 1, monthsAfter: 1, dueOn: '2026-02-28' },
      { seq: 2, monthsAfter: 3, dueOn: '2026-04-30' },
    ]);
    expect(planEvaluations('2026-05-01', [3, 6, 12]).map((p) => p.dueOn)).toEqual([
      '2026-08-01',
      '2026-11-01',
      '2027-05-01',
    ]);
  });
});

describe('re-rating diff', () => {
  it('puts the re-rating beside the forecast per dimension', () => {
    expect(
      reratingDiff(['A', 'B', 'C', 'D'], { A: 1, B: 0, C: 'unknown' }, [
        { dimension: 'A', rating: -1, note: '' },
        { dimension: 'C', rating: 2, note: '' },
        { dimension: 'D', rating: 0, note: '' },
      ]),
    ).toEqual([
      { dimension: 'A', forecast: 1, actual: -1, diff: -2 },
      { dimension: 'B', forecast: 0, actual: null, diff: null },
      { dimension: 'C', forecast: 'unknown', actual: 2, diff: null },
      { dimension: 'D', forecast: null, actual: 0, diff: null },
    ]);
  });
});

describe('commitment review at an evaluation', () => {
  const open = [
    { commitmentId: 'c1', track: 'consent', conditionNo: 1, condition: 'x', dueDate: '2026-05-01' },
    { commitmentId: 'c2', track: 'consent', conditionNo: 2, condition: 'y', dueDate: '2026-09-01' },
    { commitmentId: 'c3', track: 'consent', conditionNo: 3, condition: 'z', dueDate: null },
  ];

  it('refuses while an open commitment is unreviewed, met without evidence, or unknown', () => {
    expect(
      reviewCommitments(
        open,
        [
          { commitmentId: 'c1', state: 'met', note: '  ' },
          { commitmentId: 'c2', state: 'open', note: '' },
          { commitmentId: 'c2', state: 'open', note: '' },
          { commitmentId: 'cx', state: 'open', note: '' },
        ],
        '2026-06-10',
      ),
    ).toEqual({ ok: false, unreviewed: ['c1', 'c3'], unknown: ['c2', 'cx'] });
  });

  it('keeps each state and flags the ones at risk, proposed broken or overdue', () => {
    const outcome = reviewCommitments(
      open,
      [
        { commitmentId: 'c3', state: 'at_risk', note: 'Geen planning' },
        { commitmentId: 'c2', state: 'met', note: 'Rapport Q2' },
        { commitmentId: 'c1', state: 'open', note: '' },
      ],
      '2026-06-10',
    );
    expect(outcome).toEqual({
      ok: true,
      reviews: [
        { ...open[0], state: 'open', note: '', overdue: true },
        { ...open[1], state: 'met', note: 'Rapport Q2', overdue: false },
        { ...open[2], state: 'at_risk', note: 'Geen planning', overdue: false },
      ],
      flagged: ['c1', 'c3'],
    });
  });

  it('passes an evaluation of a case without open commitments', () => {
    expect(reviewCommitments([], [], '2026-06-10')).toEqual({ ok: true, reviews: [], flagged: [] });
  });
});
