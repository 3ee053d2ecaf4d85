import type { TriageOutcome } from '@wc/cases';

import { type AssessmentContent, EMPTY_CONTENT } from './assessment';
import {
  type DossierState,
  dossierChecklist,
  dossierRequirements,
  missingForRequest,
} from './checklist';
import { QUESTIONS, DIMENSION_KEYS } from './questionnaire';

function triage(flags: { highRisk?: boolean; dpia?: boolean; fria?: boolean }): TriageOutcome {
  return {
    aiAct: { highRisk: flags.highRisk ?? false, fria: flags.fria ?? false },
    dpia: { required: flags.dpia ?? false, triggers: [] },
    skills: { trainingRequired: true, aiLiteracy: true },
  } as unknown as TriageOutcome;
}

const COMPLETE: AssessmentContent = {
  answers: Object.fromEntries(
    QUESTIONS.map((q) => [q.id, { answer: `Answer ${q.id}`, effect: 0 as const }]),
  ),
  dimensions: Object.fromEntries(DIMENSION_KEYS.map((k) => [k, { rating: 0 as const }])),
  risks: [
    {
      id: 'r1',
      risk: 'Pressure',
      affectedGroup: 'Pickers',
      likelihood: 'medium',
      severity: 'medium',
      mitigation: 'No targets',
      owner: 'HR',
    },
  ],
  dpia: { description: 'a', necessityProportionality: 'b', risksToRights: 'c', measures: 'd' },
  fria: null,
};

const EMPTY_STATE: DossierState = {
  latestVersion: null,
  oversight: null,
  plan: null,
  overseersTrained: false,
};

describe('dossier checklist', () => {
  it('asks a high-risk DPIA case for the assessment with its DPIA, oversight and overseer training', () => {
    const items = dossierChecklist(
      dossierRequirements(triage({ highRisk: true, dpia: true })),
      EMPTY_STATE,
    );
    expect(items.map((i) => [i.key, i.done, i.blocksSubmission])).toEqual([
      ['dossier:assessment_submitted', false, true],
      ['dossier:assessment_complete', false, true],
      ['dossier:risk_register', false, true],
      ['dossier:dpia_section', false, true],
      ['dossier:dpia_council_views', false, false],
      ['dossier:oversight_arrangement', false, true],
      ['dossier:training_plan', false, true],
      ['dossier:overseer_training_modules', false, true],
      ['dossier:overseers_trained', false, false],
      ['dossier:council_ai_literacy', false, false],
    ]);
    expect(missingForRequest(items)).toEqual([
      'dossier:assessment_submitted',
      'dossier:assessment_complete',
      'dossier:risk_register',
      'dossier:dpia_section',
      'dossier:oversight_arrangement',
      'dossier:training_plan',
      'dossier:overseer_training_modules',
    ]);
  });

  it('leaves out the DPIA and FRIA when the triage does not require them and does not block on oversight for a non-high-risk system', () => {
    const items = dossierChecklist(dossierRequirements(triage({})), EMPTY_STATE);
    expect(items.map((i) => i.key)).not.toContain('dossier:dpia_section');
    expect(items.map((i) => i.key)).not.toContain('dossier:fria_section');
    expect(items.find((i) => i.key === 'dossier:oversight_arrangement')?.blocksSubmission).toBe(
      false,
    );
  });

  it('names what a submitted version lacks', () => {
    const partial: AssessmentContent = {
      ...EMPTY_CONTENT,
      answers: { A1: { answer: 'x', effect: -2 } },
      fria: { processes: 'Warehouse' },
    };
    const items = dossierChecklist(dossierRequirements(triage({ fria: true })), {
      ...EMPTY_STATE,
      latestVersion: { seq: 1, content: partial },
    });
    const complete = items.find((i) => i.key === 'dossier:assessment_complete')!;
    expect(complete.detail).toMatch(/^unanswered:A2,A3,A4,B1,/);
    expect(complete.detail).toContain(';unmitigated:A1;unrated:A,B,C');
    expect(items.find((i) => i.key === 'dossier:fria_section')?.detail).toBe(
      'missing:FRIA.b,FRIA.c,FRIA.d,FRIA.e,FRIA.f',
    );
  });

  it('is ready when the assessment, oversight and training plan are complete', () => {
    const state: DossierState = {
      latestVersion: { seq: 2, content: COMPLETE },
      oversight: {
        appliesTo: '',
        oversightModel: null,
        overseers: [{ name: 'Anna', role: 'Lead', authority: 'stop', hoursPerWeek: 2 }],
        knowledgeAndTraining: 'Limits',
        escalationPath: 'Director',
        complaintProcedure: { contact: 'HR', explanation: 'In writing' },
        protection: '',
        logRetentionMonths: 6,
        reviewDate: '2026-12-01',
      },
      plan: {
        audiences: [{ audience: 'overseers' }],
        modules: [
          {
            key: 'o',
            title: 'O',
            audience: 'overseers',
            type: 'tool_training',
            hours: 2,
            provider: 'P',
            deadline: '2026-05-01',
            duringWorkingTime: true,
            costToEmployee: 0,
          },
        ],
      },
      overseersTrained: false,
    };
    const items = dossierChecklist(
      dossierRequirements(triage({ highRisk: true, dpia: true })),
      state,
    );
    expect(missingForRequest(items)).toEqual([]);
    expect(items.filter((i) => !i.done).map((i) => i.key)).toEqual([
      'dossier:dpia_council_views',
      'dossier:overseers_trained',
      'dossier:council_ai_literacy',
    ]);
  });
});
