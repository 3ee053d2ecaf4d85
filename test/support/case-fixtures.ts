import { FULL_CONTENTS, monitoringTriageAnswers } from '@wc/testing';

import type { TestApp } from './test-app';

// The answers live in the test kit, where the benchmarks find them too.
export { FULL_CONTENTS, monitoringTriageAnswers };

export interface FiledCase {
  caseId: string;
  version: number;
}

/** HR registers a system and files a triaged case; `send` also sends it to the council. */
export async function fileCase(
  t: TestApp,
  org: { organisationId: string; worksCouncilId: string },
  hrBearer: string,
  {
    answers = monitoringTriageAnswers(),
    send = true,
    contents = FULL_CONTENTS,
    system: registerFields = {},
  }: {
    answers?: Record<string, unknown>;
    send?: boolean;
    contents?: Record<string, unknown>;
    /** Register fields that differ from the default system's. */
    system?: Record<string, unknown>;
  } = {},
): Promise<FiledCase> {
  const system = await t
    .http()
    .post(`/organisations/${org.organisationId}/ai-systems`)
    .set('Authorization', hrBearer)
    .send({
      name: 'WarehouseInsight',
      vendor: 'Acme AI',
      purpose: 'Route planning and productivity',
      primaryPurpose: 'control_monitor',
      monitoringCapability: true,
      ...registerFields,
    })
    .expect(201);
  const created = await t
    .http()
    .post('/cases')
    .set('Authorization', hrBearer)
    .send({
      aiSystemId: system.body.id,
      worksCouncilId: org.worksCouncilId,
      title: 'Introductie WarehouseInsight',
      contents,
    })
    .expect(201);
  const triaged = await t
    .http()
    .put(`/cases/${created.body.id}/triage`)
    .set('Authorization', hrBearer)
    .send({ version: created.body.version, answers })
    .expect(200);
  if (!send) {
    return { caseId: created.body.id, version: triaged.body.version };
  }
  const sent = await t
    .http()
    .post(`/cases/${created.body.id}/sending`)
    .set('Authorization', hrBearer)
    .send({ version: triaged.body.version })
    .expect(201);
  return { caseId: created.body.id, version: sent.body.version };
}

interface QuestionnaireBody {
  dimensions: Array<{ key: string; questions: Array<{ id: string }> }>;
  dpia: Array<{ id: string; field: string; required: boolean }> | null;
  fria: Array<{ id: string; field: string; required: boolean }> | null;
}

/** The overseer `completeDossier` names; `trainOverseers` records her training. */
export const DOSSIER_OVERSEER = { name: 'Anna de Vries', role: 'Teamleider logistiek' };
export const OVERSEER_MODULE = 'toezicht-basis';

/**
 * What `submit_request` needs from the case dossier (issue #5): a complete, submitted impact
 * assessment (with the DPIA/FRIA sections the triage asks for), an oversight arrangement and a
 * training plan with a module for the overseers. The overseer is trained unless told otherwise.
 */
export async function completeDossier(
  t: TestApp,
  caseId: string,
  hrBearer: string,
  { trainOverseers: train = true }: { trainOverseers?: boolean } = {},
): Promise<void> {
  const q = (
    await t
      .http()
      .get(`/cases/${caseId}/assessment/questionnaire`)
      .set('Authorization', hrBearer)
      .expect(200)
  ).body as QuestionnaireBody;
  const section = (items: QuestionnaireBody['dpia']) =>
    items
      ? Object.fromEntries(
          items.filter((i) => i.required).map((i) => [i.field, `Uitwerking ${i.id}`]),
        )
      : undefined;
  const current = await t
    .http()
    .get(`/cases/${caseId}/assessment`)
    .set('Authorization', hrBearer)
    .expect(200);
  const draft = await t
    .http()
    .patch(`/cases/${caseId}/assessment`)
    .set('Authorization', hrBearer)
    .send({
      version: current.body.version,
      answers: q.dimensions.flatMap((d) =>
        d.questions.map((question) => ({
          questionId: question.id,
          answer: `Antwoord op ${question.id}`,
          effect: 0,
        })),
      ),
      dimensions: q.dimensions.map((d) => ({ dimension: d.key, rating: 0 })),
      risks: [
        {
          risk: 'Werkdruk door scores per pick',
          affectedGroup: 'Orderpickers',
          likelihood: 'medium',
          severity: 'medium',
          mitigation: 'Geen individuele normen',
          owner: 'HR',
        },
      ],
      dpia: section(q.dpia),
      fria: section(q.fria),
    })
    .expect(200);
  await t
    .http()
    .post(`/cases/${caseId}/assessment/submissions`)
    .set('Authorization', hrBearer)
    .send({ version: draft.body.version })
    .expect(201);
  await t
    .http()
    .put(`/cases/${caseId}/oversight`)
    .set('Authorization', hrBearer)
    .send({
      version: 0,
      overseers: [{ ...DOSSIER_OVERSEER, authority: 'both', hoursPerWeek: 4 }],
      knowledgeAndTraining:
        'Werking en grenzen van de routeplanning; welke data wel en niet gebruikt worden.',
      escalationPath: 'Teamleider, dan operationeel directeur',
      complaintProcedure: {
        contact: 'HR-servicedesk, hr@example.test',
        explanation: 'Schriftelijke uitleg binnen een maand',
      },
      logRetentionMonths: 6,
      reviewDate: '2026-12-01',
    })
    .expect(200);
  await t
    .http()
    .put(`/cases/${caseId}/training-plan`)
    .set('Authorization', hrBearer)
    .send({
      version: 0,
      audiences: [{ audience: 'overseers' }, { audience: 'affected_staff', headcount: 40 }],
      modules: [
        {
          key: OVERSEER_MODULE,
          title: 'Toezicht op WarehouseInsight',
          audience: 'overseers',
          type: 'tool_training',
          hours: 8,
          provider: 'Acme AI',
          deadline: '2026-04-15',
        },
        {
          key: 'werken-met',
          title: 'Werken met de routeplanner',
          audience: 'affected_staff',
          type: 'instruction',
          hours: 2,
          provider: 'Intern',
          deadline: '2026-04-30',
        },
      ],
    })
    .expect(200);
  if (train) {
    await trainOverseers(t, caseId, hrBearer);
  }
}

/** Records that the dossier's overseer completed the overseers' module. */
export async function trainOverseers(t: TestApp, caseId: string, hrBearer: string): Promise<void> {
  await t
    .http()
    .post(`/cases/${caseId}/training-plan/completions`)
    .set('Authorization', hrBearer)
    .send({ moduleKey: OVERSEER_MODULE, name: DOSSIER_OVERSEER.name, completedOn: '2026-03-02' })
    .expect(201);
}

/** One transition the employer takes on a track of the case at hand. */
type EmployerStep = (kind: string, action: Record<string, unknown>) => Promise<unknown>;

/**
 * The employer's duties before go-live, each done: the AI Act notice sent to the workers and
 * their representatives, the DPIA completed without residual high risk, the training given.
 */
export async function fulfilGoLiveDuties(employer: EmployerStep): Promise<void> {
  await employer('ai_act', { type: 'prepare_notice' });
  await employer('ai_act', {
    type: 'send_notice',
    recipients: ['workers_representatives', 'affected_workers'],
  });
  await employer('dpia', { type: 'start_dpia' });
  await employer('dpia', { type: 'complete_dpia', residualHighRisk: false });
  await employer('skills', { type: 'start_training' });
  await employer('skills', { type: 'complete_training' });
}
