import type { GivenOrganisation } from '@wc/testing';
import { type CodedReason, reasonText, type TextsI18n } from '@wc/texts';

import { en } from '../apps/web/src/messages/en';
import { nl } from '../apps/web/src/messages/nl';
import {
  completeDossier,
  FULL_CONTENTS,
  fileCase,
  monitoringTriageAnswers,
} from './support/case-fixtures';
import { itemsOf } from './support/pages';
import { pdfText } from './support/pdf-text';
import { startTestApp, type TestApp } from './support/test-app';
import { expectNoUntranslated, stringsOf, withoutUserText } from './support/untranslated';

/** The web catalogue's texts, as the web app's reasonText reads them. */
function webTexts(lang: 'nl' | 'en'): TextsI18n {
  const messages = (lang === 'nl' ? nl : en) as Record<string, string>;
  const fill = (text: string, vars: Record<string, string>) =>
    text.replace(/\{(\w+)\}/g, (whole, name: string) => vars[name] ?? whole);
  return {
    t: (key, vars, fallback) => fill(messages[key] ?? fallback, vars),
    label: (group, value) => messages[`${group}.${value}`] ?? value,
  };
}

/** Text as a reader sees it: line breaks from wrapping are spaces, page footers and breaks go. */
const flat = (text: string) =>
  text
    .replace(/Overleg - [^\n]* - (Pagina|Page) \d+\/\d+/g, ' ')
    .replace(/-- \d+ of \d+ --/g, ' ')
    .replace(/\s+/g, ' ');

// superagent hands a custom parser the raw response stream (its typings call it Response).
const binary = (res: any, callback: (error: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (chunk: Buffer) => chunks.push(chunk));
  res.on('end', () => callback(null, Buffer.concat(chunks)));
};

const RISK = {
  risk: 'Werkdruk door scores per pick',
  affectedGroup: 'Orderpickers',
  likelihood: 'medium',
  severity: 'medium',
  mitigation: 'Geen individuele normen',
  owner: 'HR',
};

const OVERSIGHT = {
  appliesTo: 'Productiviteitsscores en routes',
  oversightModel: 'single_reviewer',
  overseers: [
    { name: 'Anna de Vries', role: 'Teamleider', authority: 'override', hoursPerWeek: 4 },
  ],
  knowledgeAndTraining: 'Werking en grenzen van het systeem',
  escalationPath: 'Teamleider, dan directeur operations',
  complaintProcedure: {
    contact: 'HR-servicedesk',
    explanation: 'Schriftelijke uitleg binnen een maand',
  },
  logRetentionMonths: 6,
  reviewDate: '2026-12-01',
};

describe('case dossier (e2e)', () => {
  let t: TestApp;
  let org: GivenOrganisation;
  let other: GivenOrganisation;
  let hr: string;
  let chair: string;
  let member: string;

  beforeAll(async () => {
    t = await startTestApp();
    org = await t.given.organisation();
    other = await t.given.organisation();
    hr = await t.login(org.hr);
    chair = await t.login(org.chair);
    member = await t.login(org.member);
  });
  afterAll(() => t.close());

  async function assessment(caseId: string, bearer = hr) {
    return (
      await t.http().get(`/cases/${caseId}/assessment`).set('Authorization', bearer).expect(200)
    ).body;
  }

  async function patch(caseId: string, body: Record<string, unknown>, expected = 200) {
    const { version } = await assessment(caseId);
    const res = await t
      .http()
      .patch(`/cases/${caseId}/assessment`)
      .set('Authorization', hr)
      .send({ version, ...body });
    expect({ status: res.status, body: res.status === expected ? undefined : res.body }).toEqual({
      status: expected,
      body: undefined,
    });
    return res;
  }

  async function submit(caseId: string, expected = 201) {
    const { version } = await assessment(caseId);
    const res = await t
      .http()
      .post(`/cases/${caseId}/assessment/submissions`)
      .set('Authorization', hr)
      .send({ version });
    expect(res.status).toBe(expected);
    return res;
  }

  async function transition(
    caseId: string,
    bearer: string,
    kind: string,
    action: Record<string, unknown>,
  ) {
    const current = await t.http().get(`/cases/${caseId}`).set('Authorization', hr).expect(200);
    return t
      .http()
      .post(`/cases/${caseId}/tracks/${kind}/transitions`)
      .set('Authorization', bearer)
      .send({ version: current.body.version, action });
  }

  async function gateCondition(caseId: string) {
    const gate = await t
      .http()
      .get(`/cases/${caseId}/go-live-gate`)
      .set('Authorization', hr)
      .expect(200);
    return gate.body.conditions.find((c: { key: string }) => c.key === 'oversight_trained') as {
      met: boolean;
    };
  }

  describe('impact assessment', () => {
    it('edits the draft under optimistic locking, freezes submitted versions and diffs each from the last', async () => {
      const { caseId } = await fileCase(t, org, hr);
      expect(await assessment(caseId)).toMatchObject({
        version: 0,
        sections: { dpia: true, fria: false },
        latestVersion: null,
        draft: { answers: [], risks: [], dpia: {}, fria: null },
      });

      const first = await patch(caseId, {
        answers: [
          {
            questionId: 'A1',
            answer: 'Handmatige routeplanning verdwijnt',
            effect: 1,
            basis: 'Pilot in hal 3',
            evidenceType: 'pilot',
          },
          { questionId: 'B1', answer: 'Routekennis is minder nodig', effect: 0 },
        ],
        dimensions: [{ dimension: 'A', rating: 1 }],
        risks: [RISK],
      });
      expect(first.body).toMatchObject({
        version: 1,
        unsubmittedChanges: true,
        draft: { answers: [{ questionId: 'A1', effect: 1 }, { questionId: 'B1' }] },
      });
      const riskId = first.body.draft.risks[0].id as string;

      // Two edits of the same version: one wins, the other gets 409 and changes nothing.
      const [a, b] = await Promise.all([
        t
          .http()
          .patch(`/cases/${caseId}/assessment`)
          .set('Authorization', hr)
          .send({ version: 1, answers: [{ questionId: 'C1', answer: 'Edit A', effect: 0 }] }),
        t
          .http()
          .patch(`/cases/${caseId}/assessment`)
          .set('Authorization', hr)
          .send({ version: 1, answers: [{ questionId: 'C1', answer: 'Edit B', effect: 0 }] }),
      ]);
      expect([a.status, b.status].sort()).toEqual([200, 409]);
      const loser = a.status === 409 ? a : b;
      expect(loser.body).toMatchObject({
        code: 'assessment.version_conflict',
        expectedVersion: 1,
        currentVersion: 2,
      });
      const [{ answers }] = await t.db.query(`SELECT answers FROM assessment WHERE case_id = $1`, [
        caseId,
      ]);
      expect(answers.C1.answer).toBe(a.status === 200 ? 'Edit A' : 'Edit B');

      // The council sees no draft and cannot edit it.
      expect(await assessment(caseId, member)).toMatchObject({
        version: 0,
        draft: null,
        latestVersion: null,
        unsubmittedChanges: null,
      });
      const refused = await t
        .http()
        .patch(`/cases/${caseId}/assessment`)
        .set('Authorization', member)
        .send({ version: 2 })
        .expect(403);
      expect(refused.body.code).toBe('auth.permission_denied');
      // May edit cases (HR elsewhere), but is on the council side of this one: the case policy refuses.
      const dual = await t.given.user(org.organisationId, 'council_member', {
        worksCouncilId: org.worksCouncilId,
      });
      await t.given.membership(dual.id, other.organisationId, 'hr_manager');
      const policy = await t
        .http()
        .patch(`/cases/${caseId}/assessment`)
        .set('Authorization', await t.login(dual))
        .send({ version: 2 })
        .expect(403);
      expect(policy.body.code).toBe('assessment.employer_only');

      const stale = await t
        .http()
        .post(`/cases/${caseId}/assessment/submissions`)
        .set('Authorization', hr)
        .send({ version: 1 })
        .expect(409);
      expect(stale.body.code).toBe('assessment.version_conflict');
      const v1 = await submit(caseId);
      expect(v1.body).toMatchObject({
        seq: 1,
        submittedBy: org.hr.id,
        sections: { dpia: true, fria: false },
        content: {
          answers: expect.arrayContaining([expect.objectContaining({ questionId: 'A1' })]),
        },
      });
      const same = await submit(caseId, 422);
      expect(same.body).toMatchObject({ code: 'assessment.no_changes', latestSeq: 1 });

      // A submitted version cannot change, whoever connects: the app's role lacks the privilege,
      // and the owner's statement meets the trigger.
      await expect(
        t.db.query(`UPDATE assessment_version SET content = '{}'::jsonb WHERE case_id = $1`, [
          caseId,
        ]),
      ).rejects.toMatchObject({
        code: '42501',
        message: expect.stringMatching(/permission denied/),
      });
      await expect(
        t.db.query(`DELETE FROM assessment_version WHERE case_id = $1`, [caseId]),
      ).rejects.toMatchObject({
        code: '42501',
        message: expect.stringMatching(/permission denied/),
      });
      await expect(
        t.ownerQuery(`UPDATE assessment_version SET content = '{}'::jsonb WHERE case_id = $1`, [
          caseId,
        ]),
      ).rejects.toThrow(/immutable/);
      await expect(
        t.ownerQuery(`DELETE FROM assessment_version WHERE case_id = $1`, [caseId]),
      ).rejects.toThrow(/immutable/);

      await patch(caseId, {
        answers: [
          {
            questionId: 'A1',
            answer: 'Handmatige routeplanning verdwijnt',
            effect: -1,
            mitigation: 'Taakroulatie',
            basis: 'Pilot in hal 3',
            evidenceType: 'pilot',
          },
        ],
        clearAnswers: ['B1'],
        risks: [{ ...RISK, id: riskId, severity: 'high' }],
      });
      expect((await assessment(caseId)).unsubmittedChanges).toBe(true);
      const v2 = await submit(caseId);
      expect(v2.body).toMatchObject({ seq: 2, changes: 5 });

      const diff = await t
        .http()
        .get(`/cases/${caseId}/assessment/versions/2/diff`)
        .set('Authorization', member)
        .expect(200);
      expect(diff.body).toEqual({
        from: 1,
        to: 2,
        changes: [
          { path: 'answers.A1.effect', kind: 'changed', before: 1, after: -1 },
          { path: 'answers.A1.mitigation', kind: 'added', after: 'Taakroulatie' },
          { path: `risks.${riskId}.severity`, kind: 'changed', before: 'medium', after: 'high' },
          { path: 'answers.B1.answer', kind: 'removed', before: 'Routekennis is minder nodig' },
          { path: 'answers.B1.effect', kind: 'removed', before: 0 },
        ],
      });
      const firstDiff = await t
        .http()
        .get(`/cases/${caseId}/assessment/versions/1/diff`)
        .set('Authorization', member)
        .expect(200);
      expect(firstDiff.body.from).toBe(0);
      expect(firstDiff.body.changes.every((c: { kind: string }) => c.kind === 'added')).toBe(true);

      const versions = await t
        .http()
        .get(`/cases/${caseId}/assessment/versions`)
        .set('Authorization', member)
        .expect(200);
      expect(itemsOf(versions).map((v: { seq: number; changes: number }) => v.seq)).toEqual([1, 2]);
      const old = await t
        .http()
        .get(`/cases/${caseId}/assessment/versions/1`)
        .set('Authorization', member)
        .expect(200);
      expect(
        old.body.content.answers.find((x: { questionId: string }) => x.questionId === 'A1'),
      ).toMatchObject({ effect: 1 });
      expect(await assessment(caseId, member)).toMatchObject({
        latestVersion: { seq: 2 },
        draft: null,
      });
      const missing = await t
        .http()
        .get(`/cases/${caseId}/assessment/versions/3`)
        .set('Authorization', member)
        .expect(404);
      expect(missing.body.code).toBe('assessment_version.not_found');

      const audit = await t
        .http()
        .get(`/cases/${caseId}/audit`)
        .set('Authorization', chair)
        .expect(200);
      expect(audit.body.items.map((e: { action: string }) => e.action)).toEqual(
        expect.arrayContaining(['assessment.updated', 'assessment.submitted']),
      );
      const verdict = await t
        .http()
        .get(`/cases/${caseId}/audit/verify`)
        .set('Authorization', chair)
        .expect(200);
      expect(verdict.body.valid).toBe(true);
      const events = await t.db.query(
        `SELECT type, payload FROM domain_event WHERE case_id = $1 AND type = 'assessment.submitted' ORDER BY case_seq`,
        [caseId],
      );
      expect(events.map((e: { payload: { seq: number } }) => e.payload.seq)).toEqual([1, 2]);
    });

    it('lets council members comment per question with a counter-rating; only the author edits', async () => {
      const { caseId } = await fileCase(t, org, hr);
      await patch(caseId, {
        answers: [
          {
            questionId: 'D1',
            answer: 'Pick rates per medewerker, per uur',
            effect: -1,
            mitigation: 'Alleen teamniveau',
          },
        ],
      });
      await submit(caseId);

      const comment = await t
        .http()
        .post(`/cases/${caseId}/assessment/comments`)
        .set('Authorization', member)
        .send({ questionId: 'D1', body: 'Wie ziet de scores per persoon?', counterEffect: -2 })
        .expect(201);
      expect(comment.body).toMatchObject({
        questionId: 'D1',
        versionSeq: 1,
        authorId: org.member.id,
        authorSide: 'council_member',
        counterEffect: -2,
        editedAt: null,
      });
      t.clock.advance({ minutes: 1 });
      await t
        .http()
        .post(`/cases/${caseId}/assessment/comments`)
        .set('Authorization', chair)
        .send({ questionId: 'risks', body: 'Risico op isolement ontbreekt' })
        .expect(201);
      t.clock.advance({ minutes: 1 });
      await t
        .http()
        .post(`/cases/${caseId}/assessment/comments`)
        .set('Authorization', chair)
        .send({ questionId: 'DPIA.b', body: 'Is dit noodzakelijk?' })
        .expect(201);

      const employer = await t
        .http()
        .post(`/cases/${caseId}/assessment/comments`)
        .set('Authorization', hr)
        .send({ questionId: 'D1', body: 'x' })
        .expect(403);
      expect(employer.body.code).toBe('assessment.council_only');
      const notApplicable = await t
        .http()
        .post(`/cases/${caseId}/assessment/comments`)
        .set('Authorization', member)
        .send({ questionId: 'FRIA.a', body: 'x' })
        .expect(422);
      expect(notApplicable.body).toMatchObject({
        code: 'assessment.section_not_applicable',
        errors: [{ path: 'questionId' }],
      });
      await t
        .http()
        .post(`/cases/${caseId}/assessment/comments`)
        .set('Authorization', member)
        .send({ questionId: 'Z9', body: 'x' })
        .expect(400);

      const notAuthor = await t
        .http()
        .patch(`/cases/${caseId}/assessment/comments/${comment.body.id}`)
        .set('Authorization', chair)
        .send({ body: 'changed' })
        .expect(403);
      expect(notAuthor.body.code).toBe('assessment.comment_author_only');
      t.clock.advance({ minutes: 1 });
      const edited = await t
        .http()
        .patch(`/cases/${caseId}/assessment/comments/${comment.body.id}`)
        .set('Authorization', member)
        .send({ body: 'Wie ziet de scores per persoon, en hoe lang?', counterEffect: null })
        .expect(200);
      expect(edited.body).toMatchObject({
        body: 'Wie ziet de scores per persoon, en hoe lang?',
        counterEffect: null,
        editedAt: t.clock.now().toISOString(),
      });

      const d1 = await t
        .http()
        .get(`/cases/${caseId}/assessment/comments?questionId=D1`)
        .set('Authorization', hr)
        .expect(200);
      expect(itemsOf(d1)).toHaveLength(1);
      const all = await t
        .http()
        .get(`/cases/${caseId}/assessment/comments`)
        .set('Authorization', hr)
        .expect(200);
      expect(itemsOf(all).map((c: { questionId: string }) => c.questionId)).toEqual([
        'D1',
        'risks',
        'DPIA.b',
      ]);
      const stranger = await t.login(other.chair);
      await t
        .http()
        .get(`/cases/${caseId}/assessment/comments`)
        .set('Authorization', stranger)
        .expect(404);
    });

    it('shows and accepts the DPIA and FRIA sections only when the triage requires them', async () => {
      // Large-scale monitoring: a DPIA (GDPR 35), no FRIA for a private employer (AI Act 27).
      const { caseId } = await fileCase(t, org, hr);
      const questionnaire = await t
        .http()
        .get(`/cases/${caseId}/assessment/questionnaire`)
        .set('Authorization', member)
        .expect(200);
      expect(questionnaire.body.dimensions).toHaveLength(12);
      expect(questionnaire.body.dimensions[3]).toMatchObject({
        key: 'D',
        title: { nl: expect.any(String), en: expect.stringMatching(/monitoring/) },
      });
      expect(questionnaire.body.dpia.map((i: { id: string }) => i.id)).toEqual([
        'DPIA.a',
        'DPIA.b',
        'DPIA.c',
        'DPIA.d',
        'DPIA.views',
        'DPIA.dpo',
      ]);
      expect(questionnaire.body.fria).toBeNull();

      const fria = await patch(caseId, { fria: { processes: 'Magazijn' } }, 422);
      expect(fria.body).toMatchObject({
        code: 'assessment.section_not_applicable',
        errors: [{ path: 'fria' }],
      });
      const withDpia = await patch(caseId, {
        dpia: {
          description: 'Pick- en locatiegegevens',
          councilViews: 'De OR wil geen individuele scores',
        },
      });
      expect(withDpia.body.draft).toMatchObject({
        dpia: {
          description: 'Pick- en locatiegegevens',
          councilViews: 'De OR wil geen individuele scores',
        },
        fria: null,
      });
      await patch(caseId, { dpia: { councilViews: '' } });
      expect((await assessment(caseId)).draft.dpia).toEqual({
        description: 'Pick- en locatiegegevens',
      });

      // No DPIA trigger: the DPIA section is not part of the assessment. Staff data alone in an
      // AI system meets two EDPB criteria (issue #17), so this system processes none.
      const plain = await fileCase(t, org, hr, {
        answers: monitoringTriageAnswers({
          largeScaleMonitoring: false,
          processesStaffPersonalData: false,
        }),
      });
      expect(await assessment(plain.caseId)).toMatchObject({
        sections: { dpia: false, fria: false },
        draft: { dpia: null },
      });
      const noDpia = await patch(plain.caseId, { dpia: { description: 'x' } }, 422);
      expect(noDpia.body.errors).toEqual([
        { path: 'dpia', message: expect.stringMatching(/DPIA/) },
      ]);

      // A public body deploying a high-risk system does a FRIA; re-triage makes the section appear.
      const current = await t.http().get(`/cases/${caseId}`).set('Authorization', hr).expect(200);
      await t
        .http()
        .put(`/cases/${caseId}/triage`)
        .set('Authorization', hr)
        .send({
          version: current.body.version,
          answers: monitoringTriageAnswers({ deployerType: 'public_body' }),
        })
        .expect(200);
      const afterRetriage = await t
        .http()
        .get(`/cases/${caseId}/assessment/questionnaire`)
        .set('Authorization', member)
        .expect(200);
      expect(afterRetriage.body.fria.map((i: { id: string }) => i.id)).toEqual([
        'FRIA.a',
        'FRIA.b',
        'FRIA.c',
        'FRIA.d',
        'FRIA.e',
        'FRIA.f',
      ]);
      await patch(caseId, {
        fria: { processes: 'Magazijn Tilburg', periodAndFrequency: 'Elke dienst' },
      });
      const version = await submit(caseId);
      expect(version.body).toMatchObject({
        sections: { dpia: true, fria: true },
        content: {
          dpia: { description: 'Pick- en locatiegegevens' },
          fria: { processes: 'Magazijn Tilburg' },
        },
      });
      const checklist = await t
        .http()
        .get(`/cases/${caseId}/checklist`)
        .set('Authorization', member)
        .expect(200);
      expect(checklist.body.items).toEqual(
        expect.arrayContaining([
          expect.objectContaining({
            key: 'dossier:dpia_section',
            done: false,
            detail: 'missing:DPIA.b,DPIA.c,DPIA.d',
          }),
          expect.objectContaining({
            key: 'dossier:fria_section',
            done: false,
            detail: 'missing:FRIA.c,FRIA.d,FRIA.e,FRIA.f',
          }),
        ]),
      );
    });
  });

  describe('human oversight', () => {
    it('keeps logs at least six months, edits under optimistic locking and names what is missing', async () => {
      const { caseId } = await fileCase(t, org, hr);
      const none = await t
        .http()
        .get(`/cases/${caseId}/oversight`)
        .set('Authorization', member)
        .expect(404);
      expect(none.body.code).toBe('oversight_arrangement.not_found');

      const short = await t
        .http()
        .put(`/cases/${caseId}/oversight`)
        .set('Authorization', hr)
        .send({ ...OVERSIGHT, version: 0, logRetentionMonths: 5 })
        .expect(422);
      expect(short.body).toMatchObject({
        code: 'oversight.log_retention_too_short',
        errors: [{ path: 'logRetentionMonths' }],
      });
      const created = await t
        .http()
        .put(`/cases/${caseId}/oversight`)
        .set('Authorization', hr)
        .send({ ...OVERSIGHT, version: 0 })
        .expect(200);
      // Nobody can stop the system yet (AI Act 14(4)(e)).
      expect(created.body).toMatchObject({
        version: 1,
        complete: false,
        missing: ['stop_authority'],
        allOverseersTrained: false,
        overseers: [{ name: 'Anna de Vries', trained: false }],
      });

      const stale = await t
        .http()
        .put(`/cases/${caseId}/oversight`)
        .set('Authorization', hr)
        .send({ ...OVERSIGHT, version: 0 })
        .expect(409);
      expect(stale.body.code).toBe('oversight_arrangement.version_conflict');
      const council = await t
        .http()
        .put(`/cases/${caseId}/oversight`)
        .set('Authorization', chair)
        .send({ ...OVERSIGHT, version: 1 })
        .expect(403);
      expect(council.body.code).toBe('auth.permission_denied');
      const stranger = await t.login(other.hr);
      await t
        .http()
        .put(`/cases/${caseId}/oversight`)
        .set('Authorization', stranger)
        .send({ ...OVERSIGHT, version: 1 })
        .expect(404);

      const updated = await t
        .http()
        .put(`/cases/${caseId}/oversight`)
        .set('Authorization', hr)
        .send({
          ...OVERSIGHT,
          version: 1,
          overseers: [{ ...OVERSIGHT.overseers[0], authority: 'both', userId: org.employerRep.id }],
        })
        .expect(200);
      expect(updated.body).toMatchObject({
        version: 2,
        complete: true,
        missing: [],
        overseers: [{ userId: org.employerRep.id, authority: 'both' }],
      });
      const read = await t
        .http()
        .get(`/cases/${caseId}/oversight`)
        .set('Authorization', member)
        .expect(200);
      expect(read.body).toMatchObject({
        version: 2,
        logRetentionMonths: 6,
        complaintProcedure: OVERSIGHT.complaintProcedure,
        reviewDate: '2026-12-01',
      });

      await expect(
        t.db.query(`UPDATE oversight_arrangement SET log_retention_months = 3 WHERE case_id = $1`, [
          caseId,
        ]),
      ).rejects.toThrow(/ck_oversight_arrangement__log_retention_months/);
      const audit = await t
        .http()
        .get(`/cases/${caseId}/audit`)
        .set('Authorization', hr)
        .expect(200);
      const edits = audit.body.items.filter(
        (e: { action: string }) => e.action === 'oversight.updated',
      );
      expect(edits).toHaveLength(2);
      expect(edits[1]).toMatchObject({
        before: { overseers: [{ authority: 'override' }] },
        after: { overseers: [{ authority: 'both' }], version: 2 },
      });
    });
  });

  describe('training plan', () => {
    it('tracks completion per person and audience, and the go-live gate uses "all overseers trained"', async () => {
      const { caseId } = await fileCase(t, org, hr);
      expect((await gateCondition(caseId)).met).toBe(false);

      // Without an arrangement the employer's manual confirmation still feeds the gate.
      const current = await t.http().get(`/cases/${caseId}`).set('Authorization', hr).expect(200);
      await t
        .http()
        .post(`/cases/${caseId}/oversight-confirmations`)
        .set('Authorization', hr)
        .send({ version: current.body.version, staffNamed: true, trained: true })
        .expect(201);
      expect((await gateCondition(caseId)).met).toBe(true);

      // Once the dossier has an arrangement, it decides: two overseers, neither trained yet.
      const anna = {
        name: 'Anna de Vries',
        userId: org.employerRep.id,
        role: 'Teamleider',
        authority: 'both',
        hoursPerWeek: 4,
      };
      const bob = { name: 'Bob Jansen', role: 'Planner', authority: 'override', hoursPerWeek: 2 };
      await t
        .http()
        .put(`/cases/${caseId}/oversight`)
        .set('Authorization', hr)
        .send({ ...OVERSIGHT, version: 0, overseers: [anna, bob] })
        .expect(200);
      expect((await gateCondition(caseId)).met).toBe(false);

      const module = (key: string, audience: string, hours: number) => ({
        key,
        title: `Module ${key}`,
        audience,
        type: 'tool_training',
        hours,
        provider: 'Acme Academy',
        deadline: '2026-04-15',
      });
      const plan = {
        audiences: [
          { audience: 'overseers' },
          { audience: 'affected_staff', headcount: 40 },
          { audience: 'council_members', headcount: 3 },
        ],
        modules: [
          module('toezicht', 'overseers', 8),
          module('grenzen', 'overseers', 2),
          module('werken-met', 'affected_staff', 2),
          { ...module('ai-geletterdheid', 'council_members', 4), type: 'ai_literacy' },
        ],
      };
      const paidByStaff = await t
        .http()
        .put(`/cases/${caseId}/training-plan`)
        .set('Authorization', hr)
        .send({
          version: 0,
          ...plan,
          modules: [...plan.modules, { ...module('extra', 'managers', 1), costToEmployee: 250 }],
        })
        .expect(422);
      expect(paidByStaff.body).toMatchObject({ code: 'training.invalid_plan' });
      expect(paidByStaff.body.errors).toEqual([
        { path: 'modules[4].audience', message: 'is not one of the plan’s audiences' },
        { path: 'modules[4].costToEmployee', message: 'must be 0: the employer pays (BW 7:611a)' },
      ]);
      const created = await t
        .http()
        .put(`/cases/${caseId}/training-plan`)
        .set('Authorization', hr)
        .send({ version: 0, ...plan })
        .expect(200);
      expect(created.body).toMatchObject({
        version: 1,
        overseersTrained: false,
        modules: expect.arrayContaining([
          expect.objectContaining({ key: 'toezicht', duringWorkingTime: true, costToEmployee: 0 }),
        ]),
      });

      const record = (body: Record<string, unknown>) =>
        t
          .http()
          .post(`/cases/${caseId}/training-plan/completions`)
          .set('Authorization', hr)
          .send({ completedOn: '2026-03-01', ...body });
      await record({
        moduleKey: 'toezicht',
        userId: org.employerRep.id,
        name: 'Anna de Vries',
      }).expect(201);
      await record({
        moduleKey: 'grenzen',
        userId: org.employerRep.id,
        name: 'Anna de Vries',
      }).expect(201);
      const half = await record({ moduleKey: 'toezicht', name: 'bob jansen' }).expect(201);
      expect(half.body.progress[0]).toMatchObject({
        audience: 'overseers',
        modules: 2,
        hours: 10,
        people: 2,
        completed: 1,
        percent: 50,
      });
      expect(half.body.overseersTrained).toBe(false);
      expect((await gateCondition(caseId)).met).toBe(false);

      expect(
        (await record({ moduleKey: 'toezicht', name: 'Bob Jansen' }).expect(409)).body.code,
      ).toBe('training.completion_exists');
      expect(
        (await record({ moduleKey: 'onbekend', name: 'Bob Jansen' }).expect(422)).body.code,
      ).toBe('training.unknown_module');
      expect(
        (
          await record({
            moduleKey: 'grenzen',
            name: 'Bob Jansen',
            completedOn: '2026-03-03',
          }).expect(422)
        ).body.code,
      ).toBe('training.completion_in_future');
      const memberRecord = await t
        .http()
        .post(`/cases/${caseId}/training-plan/completions`)
        .set('Authorization', member)
        .send({ moduleKey: 'grenzen', name: 'Bob Jansen', completedOn: '2026-03-01' })
        .expect(403);
      expect(memberRecord.body.code).toBe('auth.permission_denied');

      const full = await record({
        moduleKey: 'grenzen',
        name: 'Bob Jansen',
        completedOn: '2026-03-02',
      }).expect(201);
      expect(full.body).toMatchObject({
        overseersTrained: true,
        progress: [
          { audience: 'overseers', completed: 2, percent: 100 },
          { audience: 'affected_staff' },
          { audience: 'council_members' },
        ],
      });
      expect((await gateCondition(caseId)).met).toBe(true);
      const aiCase = await t
        .http()
        .get(`/cases/${caseId}`)
        .set('Authorization', member)
        .expect(200);
      expect(
        aiCase.body.goLiveGate.conditions.find(
          (c: { key: string }) => c.key === 'oversight_trained',
        ).met,
      ).toBe(true);
      const oversight = await t
        .http()
        .get(`/cases/${caseId}/oversight`)
        .set('Authorization', member)
        .expect(200);
      expect(oversight.body).toMatchObject({
        allOverseersTrained: true,
        overseers: [{ trained: true }, { trained: true }],
      });

      // Taking a completion back reopens the gate condition.
      const bobsSecond = full.body.completions.find(
        (c: { moduleKey: string; name: string }) =>
          c.moduleKey === 'grenzen' && c.name === 'Bob Jansen',
      );
      await t
        .http()
        .delete(`/cases/${caseId}/training-plan/completions/${bobsSecond.id}`)
        .set('Authorization', hr)
        .expect(204);
      expect((await gateCondition(caseId)).met).toBe(false);

      await record({ moduleKey: 'werken-met', name: 'Piet Picker' }).expect(201);
      const staff = await record({ moduleKey: 'werken-met', name: 'Kees Kar' }).expect(201);
      expect(staff.body.progress[1]).toMatchObject({
        audience: 'affected_staff',
        people: 40,
        completed: 2,
        percent: 5,
      });
      const asMember = await t
        .http()
        .get(`/cases/${caseId}/training-plan`)
        .set('Authorization', member)
        .expect(200);
      expect(
        asMember.body.progress.map((p: { audience: string; completed: number }) => [
          p.audience,
          p.completed,
        ]),
      ).toEqual([
        ['overseers', 1],
        ['affected_staff', 2],
        ['council_members', 0],
      ]);
    });
  });

  describe('checklist', () => {
    it('lists what the requests miss and refuses submit_request until the dossier is complete', async () => {
      const { caseId } = await fileCase(t, org, hr);
      const before = await t
        .http()
        .get(`/cases/${caseId}/checklist`)
        .set('Authorization', member)
        .expect(200);
      expect(before.body.ready).toBe(false);
      expect(
        before.body.items.map((i: { key: string; done: boolean; blocksSubmission: boolean }) => [
          i.key,
          i.done,
          i.blocksSubmission,
        ]),
      ).toEqual([
        ['request:advice', true, true],
        ['request:consent', true, true],
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

      await transition(caseId, hr, 'advice', {
        type: 'request_consultation',
        reasons: 'Bespreken',
      }).then((r) => expect(r.status).toBe(201));
      await transition(caseId, chair, 'advice', {
        type: 'record_consultation_held',
        heldOn: '2026-03-02',
      }).then((r) => expect(r.status).toBe(201));
      const refused = await transition(caseId, hr, 'advice', { type: 'submit_request' });
      expect(refused.status).toBe(409);
      expect(refused.body.missing).toEqual([
        'request_contents:dossier:assessment_submitted',
        'request_contents:dossier:assessment_complete',
        'request_contents:dossier:risk_register',
        'request_contents:dossier:dpia_section',
        'request_contents:dossier:oversight_arrangement',
        'request_contents:dossier:training_plan',
        'request_contents:dossier:overseer_training_modules',
      ]);

      await completeDossier(t, caseId, hr, { trainOverseers: false });
      const after = await t
        .http()
        .get(`/cases/${caseId}/checklist`)
        .set('Authorization', member)
        .expect(200);
      expect(after.body.ready).toBe(true);
      expect(
        after.body.items
          .filter((i: { done: boolean }) => !i.done)
          .map((i: { key: string }) => i.key),
      ).toEqual([
        'dossier:dpia_council_views',
        'dossier:overseers_trained',
        'dossier:council_ai_literacy',
      ]);
      const submitted = await transition(caseId, hr, 'advice', { type: 'submit_request' });
      expect(submitted.status).toBe(201);

      // The written request's own contents (WOR 25(3)) show up too.
      const thin = await fileCase(t, org, hr, { contents: { intendedDecision: 'Introduce X' } });
      const thinList = await t
        .http()
        .get(`/cases/${thin.caseId}/checklist`)
        .set('Authorization', hr)
        .expect(200);
      expect(thinList.body.items[0]).toEqual({
        key: 'request:advice',
        done: false,
        blocksSubmission: true,
        detail: 'missing:reasons,consequences_for_staff,measures',
        sources: ['W3', 'S4'],
      });
    });
  });

  describe('PDF export', () => {
    it('exports the dossier as a readable PDF for council meetings, with the submitted version only', async () => {
      const { caseId } = await fileCase(t, org, hr);
      await completeDossier(t, caseId, hr);
      await patch(caseId, {
        answers: [
          {
            questionId: 'A1',
            answer: 'Handmatige routeplanning verdwijnt; pickers krijgen routes van het systeem.',
            effect: -1,
            mitigation: 'Taakroulatie tussen picken en plannen',
            likelihood: 'high',
          },
        ],
      });
      await submit(caseId);
      // Not submitted: this draft text must not reach the council's PDF.
      await patch(caseId, {
        answers: [{ questionId: 'B1', answer: 'CONCEPTTEKST NIET INGEDIEND', effect: 0 }],
      });
      await t
        .http()
        .post(`/cases/${caseId}/assessment/comments`)
        .set('Authorization', member)
        .send({ questionId: 'A1', body: 'Taakroulatie moet in de regeling.', counterEffect: -2 })
        .expect(201);
      for (const [bearer, action] of [
        [hr, { type: 'request_consultation', reasons: 'Bespreken' }],
        [chair, { type: 'record_consultation_held', heldOn: '2026-03-02' }],
        [hr, { type: 'submit_request' }],
        [
          chair,
          {
            type: 'record_council_position',
            position: 'conditional',
            conditions: ['Geen individuele normen'],
            reasons: 'Alleen met waarborgen',
          },
        ],
      ] as const) {
        expect((await transition(caseId, bearer, 'advice', action)).status).toBe(201);
      }

      const upload = (title: string, extra: Record<string, string> = {}) => {
        let req = t
          .http()
          .post(`/cases/${caseId}/documents`)
          .set('Authorization', hr)
          .field('title', title);
        for (const [key, value] of Object.entries(extra)) {
          req = req.field(key, value);
        }
        return req
          .attach('file', Buffer.from(`Inhoud van ${title}\n`), {
            filename: 'notitie.txt',
            contentType: 'text/plain',
          })
          .expect(201);
      };
      await upload('Productbeschrijving WarehouseInsight');
      await upload('Contract met Acme AI', { confidentialScope: 'Prijzen en contractvoorwaarden' });
      const sent = await t.http().get(`/cases/${caseId}`).set('Authorization', hr).expect(200);
      await t
        .http()
        .post(`/cases/${caseId}/experts`)
        .set('Authorization', chair)
        .send({ version: sent.body.version, userId: org.expert.id })
        .expect(201);

      const res = await t
        .http()
        .get(`/cases/${caseId}/dossier.pdf`)
        .set('Authorization', member)
        .buffer(true)
        .parse(binary)
        .expect(200);
      expect(res.headers['content-type']).toBe('application/pdf');
      const pdf = res.body as Buffer;
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
      const dutch = await pdfText(pdf);
      const text = flat(dutch);
      for (const heading of [
        'Dossier: Introductie WarehouseInsight',
        '1. Samenvatting van de zaak',
        '2. Tijdlijn van de fasen',
        '3. Triage: rechten en redenen',
        '4. Effectbeoordeling',
        '5. Menselijk toezicht',
        '6. Scholingsplan',
        '7. Besluiten',
        '8. Volledigheid van de aanvragen',
      ]) {
        expect(text).toContain(heading);
      }
      const aiCase = await t
        .http()
        .get(`/cases/${caseId}`)
        .set('Authorization', member)
        .expect(200);
      // Each triage reason in Dutch, as the web app says it (issue #18).
      const outcome = aiCase.body.triage.outcome;
      // A word hyphenated at a line end ("AI-" + "systeem") reads as one.
      const joined = (s: string) => flat(s).replace(/(\p{L})- (\p{L})/gu, '$1-$2');
      for (const reason of outcome.reasons as CodedReason[]) {
        expect(joined(text)).toContain(joined(reasonText(reason, outcome, webTexts('nl'))));
      }
      expect(text).toContain(
        'Introduce WarehouseInsight to plan picking routes and measure productivity.',
      );
      expect(text).toContain('Versie 2');
      expect(text).toContain('A1. Welke routinetaken verdwijnen');
      expect(text).toContain(
        'Antwoord: Handmatige routeplanning verdwijnt; pickers krijgen routes van het systeem.',
      );
      expect(text).toContain('Verwacht effect: -1; waarschijnlijkheid: hoog');
      expect(text).toContain('Maatregel: Taakroulatie tussen picken en plannen');
      expect(text).toContain('Taakroulatie moet in de regeling.');
      expect(text).toContain('Werkdruk door scores per pick');
      expect(text).toContain('DPIA (AVG art. 35 lid 7 en lid 9)');
      expect(text).toContain('Anna de Vries (Teamleider logistiek)');
      expect(text).toContain('Toezicht op WarehouseInsight');
      expect(text).toContain('toezichthouders: 1/1 afgerond (100%)');
      expect(text).toContain('Standpunt van de ondernemingsraad: Onder voorwaarden');
      expect(text).toContain('Advies: Overleg gevoerd -> Verzoek ingediend');
      // Deadline sources in plain language, never the research notes.
      expect(text).toContain(
        'Termijn besluit bestuurder (Advies) [Interne termijn (geen wettelijke termijn;',
      );
      expect(text).not.toMatch(/legal-rules|internal SLA|\bW\d+\b/);
      expect(text).not.toContain('CONCEPTTEKST NIET INGEDIEND');
      expect(text).toContain('9. Documenten');
      expect(text).toContain('Productbeschrijving WarehouseInsight (v1, notitie.txt)');
      expect(text).toContain('Contract met Acme AI (v1, notitie.txt, vertrouwelijk (WOR art. 20))');

      // An expert not admitted to the confidential document never sees it, not even its title.
      const expert = await t.login(org.expert);
      const expertPdf = await t
        .http()
        .get(`/cases/${caseId}/dossier.pdf`)
        .set('Authorization', expert)
        .buffer(true)
        .parse(binary)
        .expect(200);
      const expertText = flat(await pdfText(expertPdf.body as Buffer));
      expect(expertText).toContain('Productbeschrijving WarehouseInsight');
      expect(expertText).not.toContain('Contract met Acme AI');

      const english = await t
        .http()
        .get(`/cases/${caseId}/dossier.pdf?language=en`)
        .set('Authorization', hr)
        .buffer(true)
        .parse(binary)
        .expect(200);
      const englishRaw = await pdfText(english.body as Buffer);
      const englishText = flat(englishRaw);
      // Issue #18: no raw key, no placeholder, and in Dutch no English, in either language.
      const typed = [
        ...stringsOf(FULL_CONTENTS),
        'Acme AI',
        // completeDossier's section answers name their item: `Uitwerking DPIA.a`.
        ...[...dutch.matchAll(/Uitwerking \S+/g)].map((m) => m[0]),
      ];
      expectNoUntranslated(
        withoutUserText(dutch, typed).split('\n'),
        'nl',
        'the Dutch dossier PDF',
      );
      expectNoUntranslated(
        withoutUserText(englishRaw, typed).split('\n'),
        'en',
        'the English dossier PDF',
      );
      expect(englishText).toContain('4. Impact assessment');
      expect(englishText).toContain('A1. Which routine tasks disappear');
      expect(englishText).toContain('Human oversight');

      const stranger = await t.login(other.hr);
      const hidden = await t
        .http()
        .get(`/cases/${caseId}/dossier.pdf`)
        .set('Authorization', stranger)
        .expect(404);
      expect(hidden.body.code).toBe('case.not_found');
      await t
        .http()
        .get(`/cases/${caseId}/dossier.pdf?language=de`)
        .set('Authorization', member)
        .expect(400);
      const draft = await fileCase(t, org, hr, { send: false });
      await t
        .http()
        .get(`/cases/${draft.caseId}/dossier.pdf`)
        .set('Authorization', member)
        .expect(404);
    });
  });
});
