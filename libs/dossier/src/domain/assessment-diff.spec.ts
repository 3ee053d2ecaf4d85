import { type AssessmentContent, EMPTY_CONTENT } from './assessment';
import { diffAssessments } from './assessment-diff';

const RISK = {
  id: 'r1',
  risk: 'Pressure from pick-rate scores',
  affectedGroup: 'Pickers',
  likelihood: 'high',
  severity: 'medium',
  mitigation: 'No individual targets',
  owner: 'HR',
} as const;

function content(overrides: Partial<AssessmentContent> = {}): AssessmentContent {
  return { ...EMPTY_CONTENT, ...overrides };
}

describe('diffAssessments', () => {
  it('lists every field of a first version as added, in questionnaire order', () => {
    const v1 = content({
      answers: {
        B1: { answer: 'Routing skills', effect: -1, mitigation: 'Training' },
        A1: { answer: 'Manual route planning', effect: 1 },
      },
    });
    expect(diffAssessments(null, v1)).toEqual([
      { path: 'answers.A1.answer', kind: 'added', after: 'Manual route planning' },
      { path: 'answers.A1.effect', kind: 'added', after: 1 },
      { path: 'answers.B1.answer', kind: 'added', after: 'Routing skills' },
      { path: 'answers.B1.effect', kind: 'added', after: -1 },
      { path: 'answers.B1.mitigation', kind: 'added', after: 'Training' },
    ]);
  });

  it('reports changed, added and removed fields between two versions', () => {
    const v1 = content({
      answers: { A1: { answer: 'x', effect: 1, mitigation: 'm' } },
      dimensions: { A: { rating: 0 } },
      risks: [RISK],
    });
    const v2 = content({
      answers: {
        A1: { answer: 'x', effect: 'unknown' },
        C2: { answer: 'They can override', effect: 0 },
      },
      dimensions: { A: { rating: -1, mitigations: 'Job rotation' } },
      risks: [{ ...RISK, severity: 'high' }],
    });
    expect(diffAssessments(v1, v2)).toEqual([
      { path: 'answers.A1.effect', kind: 'changed', before: 1, after: 'unknown' },
      { path: 'answers.C2.answer', kind: 'added', after: 'They can override' },
      { path: 'answers.C2.effect', kind: 'added', after: 0 },
      { path: 'dimensions.A.rating', kind: 'changed', before: 0, after: -1 },
      { path: 'dimensions.A.mitigations', kind: 'added', after: 'Job rotation' },
      { path: 'risks.r1.severity', kind: 'changed', before: 'medium', after: 'high' },
      { path: 'answers.A1.mitigation', kind: 'removed', before: 'm' },
    ]);
  });

  it('matches risks by id, so reordering the register is no change', () => {
    const other = { ...RISK, id: 'r2', risk: 'Isolation' };
    expect(
      diffAssessments(content({ risks: [RISK, other] }), content({ risks: [other, RISK] })),
    ).toEqual([]);
  });

  it('compares the DPIA and FRIA sections field by field', () => {
    const v1 = content({
      dpia: { description: 'Pick data', measures: 'Pseudonymise' },
      fria: null,
    });
    const v2 = content({
      dpia: { description: 'Pick and location data', measures: 'Pseudonymise' },
      fria: { processes: 'Warehouse' },
    });
    expect(diffAssessments(v1, v2)).toEqual([
      {
        path: 'dpia.description',
        kind: 'changed',
        before: 'Pick data',
        after: 'Pick and location data',
      },
      { path: 'fria.processes', kind: 'added', after: 'Warehouse' },
    ]);
  });

  it('finds nothing between identical versions', () => {
    const v = content({ answers: { L1: { answer: 'No customers', effect: 0 } } });
    expect(diffAssessments(v, JSON.parse(JSON.stringify(v)) as AssessmentContent)).toEqual([]);
  });
});
