import { DIMENSION_KEYS } from '@wc/dossier';

import {
  checkAnswers,
  DIMENSION_QUESTIONS,
  publishes,
  tally,
  type CouncilQuestion,
} from './questions';

const OWN: CouncilQuestion[] = [{ id: 'Q1', text: 'Ik voel me gehoord', scale: 'agreement' }];
const all = (value: -2 | -1 | 0 | 1 | 2 | 'unknown') => [
  ...DIMENSION_QUESTIONS.map((d) => ({ questionId: d.id, value })),
  { questionId: 'Q1', value },
];

describe('staff survey questions', () => {
  it('asks about every quality-of-work dimension of the impact assessment, once', () => {
    expect(DIMENSION_QUESTIONS.map((d) => d.dimension)).toEqual([...DIMENSION_KEYS]);
  });

  it('publishes at five responses and then only in blocks of five', () => {
    expect([1, 2, 3, 4, 5, 6, 9, 10, 11, 15].filter(publishes)).toEqual([5, 10, 15]);
  });

  it('wants every question answered once and nothing else', () => {
    expect(checkAnswers(OWN, all(1)).ok).toBe(true);
    expect(checkAnswers(OWN, all(1).slice(1))).toEqual({
      ok: false,
      problem: { kind: 'missing', questionIds: ['A'] },
    });
    expect(checkAnswers(OWN, [...all(1), { questionId: 'A', value: 2 }])).toEqual({
      ok: false,
      problem: { kind: 'unknown_question', questionId: 'A' },
    });
    expect(checkAnswers([], all(0))).toEqual({
      ok: false,
      problem: { kind: 'unknown_question', questionId: 'Q1' },
    });
  });

  it('counts each answer and averages the answers on the scale, leaving out "unknown"', () => {
    const results = tally(OWN, 5, [
      { questionId: 'A', value: '-2', count: 2 },
      { questionId: 'A', value: '1', count: 2 },
      { questionId: 'A', value: 'unknown', count: 1 },
      { questionId: 'Q1', value: 'unknown', count: 5 },
    ]);
    const a = results.questions.find((x) => x.questionId === 'A');
    expect(a?.counts).toEqual({ '-2': 2, '-1': 0, '0': 0, '1': 2, '2': 0, unknown: 1 });
    expect(a?.mean).toBe(-0.5);
    expect(results.questions.find((x) => x.questionId === 'Q1')?.mean).toBeNull();
    expect(results.questions).toHaveLength(DIMENSION_QUESTIONS.length + 1);
  });
});
