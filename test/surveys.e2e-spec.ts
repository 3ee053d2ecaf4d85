import type { GivenOrganisation } from '@wc/testing';

import { SmtpSink, waitUntil } from '@wc/testing';
import { fileCase } from './support/case-fixtures';
import { startTestApp, type TestApp } from './support/test-app';

type Json = Record<string, unknown>;

const DIMENSIONS = ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I', 'J', 'K', 'L'];
const PDF = Buffer.from(
  '%PDF-1.7\n% Advies van de deskundige over WarehouseInsight\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n',
  'latin1',
);
const tokenIn = (text: string) =>
  /\/survey#token=([A-Za-z0-9_-]+)/.exec(text.replace(/=\r?\n/g, ''))?.[1];

describe('the voice of staff and the expert opinion (e2e, issue #19)', () => {
  let t: TestApp;
  let smtp: SmtpSink;
  let org: GivenOrganisation;
  let other: GivenOrganisation;
  const bearer: Record<string, string> = {};

  beforeAll(async () => {
    smtp = await SmtpSink.start();
    t = await startTestApp({ SMTP_URL: smtp.url, PUBLIC_URL: 'https://overleg.test' });
    org = await t.given.organisation();
    other = await t.given.organisation();
    for (const [name, user] of Object.entries({
      hr: org.hr,
      chair: org.chair,
      member: org.member,
      expert: org.expert,
      otherChair: other.chair,
    })) {
      bearer[name] = await t.login(user);
    }
  });
  afterAll(async () => {
    await t.close();
    await smtp.close();
  });

  const surveys = (caseId: string, path = '') => `/cases/${caseId}/surveys${path}`;

  /** A sent case with the organisation's expert on it. */
  async function caseWithExpert(): Promise<string> {
    const { caseId } = await fileCase(t, org, bearer.hr);
    const current = await t
      .http()
      .get(`/cases/${caseId}`)
      .set('Authorization', bearer.chair)
      .expect(200);
    await t
      .http()
      .post(`/cases/${caseId}/experts`)
      .set('Authorization', bearer.chair)
      .send({ version: current.body.version, userId: org.expert.id })
      .expect(201);
    return caseId;
  }

  /** Every question answered; `value` per dimension, `own` for the council's question. */
  const answersOf = (value: number | 'unknown', own: number | 'unknown') => [
    ...DIMENSIONS.map((questionId) => ({ questionId, value })),
    { questionId: 'Q1', value: own },
  ];

  async function createAndSend(caseId: string, emails: string[]) {
    const created = await t
      .http()
      .post(surveys(caseId))
      .set('Authorization', bearer.chair)
      .send({
        title: 'WarehouseInsight in het magazijn',
        councilQuestions: [{ text: 'Ik ben vooraf goed geïnformeerd', scale: 'agreement' }],
      })
      .expect(201);
    const sent = await t
      .http()
      .post(surveys(caseId, `/${created.body.id}/invitations`))
      .set('Authorization', bearer.chair)
      .send({ emails, language: 'nl' })
      .expect(200);
    expect(sent.body).toMatchObject({ sent: emails.length, failed: 0 });
    await waitUntil(() => emails.every((e) => smtp.to(e).length === 1), 10_000);
    const tokens = emails.map((e) => tokenIn(smtp.to(e)[0].text) as string);
    expect(tokens.every((x) => typeof x === 'string')).toBe(true);
    return { surveyId: created.body.id as string, tokens };
  }

  it('shows nothing at four responses, the aggregate at five, never who answered; a token answers once', async () => {
    const { caseId } = await fileCase(t, org, bearer.hr);
    const emails = Array.from({ length: 6 }, (_, i) => `medewerker${i + 1}@magazijn.test`);
    const { surveyId, tokens } = await createAndSend(caseId, emails);

    const mail = smtp.to(emails[0])[0];
    expect(mail.subject).toBe(
      'Vragenlijst van de ondernemingsraad: WarehouseInsight in het magazijn',
    );
    expect(mail.text).toContain(`https://overleg.test/survey#token=${tokens[0]}`);

    // No account: the token alone opens the questionnaire, with every SER dimension plus the council's own.
    const questionnaire = await t
      .http()
      .post('/survey-questionnaires')
      .send({ token: tokens[0] })
      .expect(200);
    expect(questionnaire.body.title).toBe('WarehouseInsight in het magazijn');
    expect((questionnaire.body.questions as Json[]).map((q) => q.id)).toEqual([
      ...DIMENSIONS,
      'Q1',
    ]);
    // A made-up token is unknown.
    const unknown = await t
      .http()
      .post('/survey-responses')
      .send({ token: 'x'.repeat(32), answers: answersOf(0, 0) })
      .expect(404);
    expect(unknown.body.code).toBe('survey_invitation.not_found');
    // Every question, once.
    const incomplete = await t
      .http()
      .post('/survey-responses')
      .send({ token: tokens[0], answers: answersOf(0, 0).slice(1) })
      .expect(422);
    expect(incomplete.body.code).toBe('survey.answers_incomplete');

    const values: Array<[number | 'unknown', number | 'unknown']> = [
      [-2, 2],
      [-1, 1],
      [-2, 'unknown'],
      [1, 2],
      [-1, 0],
    ];
    for (const [i, [value, own]] of values.slice(0, 4).entries()) {
      await t
        .http()
        .post('/survey-responses')
        .send({ token: tokens[i], answers: answersOf(value, own) })
        .expect(204);
    }
    // A second use of a token is refused, with a stable code, and changes nothing.
    const again = await t
      .http()
      .post('/survey-responses')
      .send({ token: tokens[0], answers: answersOf(2, 2) })
      .expect(409);
    expect(again.body.code).toBe('survey.invitation_used');
    expect(
      (await t.http().post('/survey-questionnaires').send({ token: tokens[0] }).expect(409)).body
        .code,
    ).toBe('survey.invitation_used');

    // Four responses: no aggregate, not even a count.
    const atFour = await t
      .http()
      .get(surveys(caseId, `/${surveyId}`))
      .set('Authorization', bearer.member)
      .expect(200);
    expect(atFour.body.results).toBeNull();
    expect(JSON.stringify(atFour.body)).not.toMatch(/responseCount|"counts"/);
    expect(atFour.body).toMatchObject({ invitationCount: 6, minimumResponses: 5 });

    await t
      .http()
      .post('/survey-responses')
      .send({ token: tokens[4], answers: answersOf(values[4][0], values[4][1]) })
      .expect(204);
    const atFive = await t
      .http()
      .get(surveys(caseId, `/${surveyId}`))
      .set('Authorization', bearer.member)
      .expect(200);
    expect(atFive.body.results).toMatchObject({ responseCount: 5, unpublishedResponses: 0 });
    const byId = new Map(
      (atFive.body.results.questions as Json[]).map((q) => [q.questionId as string, q]),
    );
    expect(byId.get('A')).toEqual({
      questionId: 'A',
      counts: { '-2': 2, '-1': 2, '0': 0, '1': 1, '2': 0, unknown: 0 },
      mean: -1,
    });
    expect(byId.get('Q1')).toEqual({
      questionId: 'Q1',
      counts: { '-2': 0, '-1': 0, '0': 1, '1': 1, '2': 2, unknown: 1 },
      mean: 1.25,
    });

    // A sixth response changes no result until the next block of five; the screen says that
    // one response waits for it.
    await t
      .http()
      .post('/survey-responses')
      .send({ token: tokens[5], answers: answersOf(2, 2) })
      .expect(204);
    const atSix = await t
      .http()
      .get(surveys(caseId, `/${surveyId}`))
      .set('Authorization', bearer.chair)
      .expect(200);
    expect(atSix.body.results).toEqual({ ...atFive.body.results, unpublishedResponses: 1 });

    // Never who answered: no address is stored anywhere, a response names no invitation and
    // carries no time, and no event marks a single response.
    const responseColumns = await t.ownerQuery<{ column_name: string }>(
      `SELECT column_name FROM information_schema.columns WHERE table_name = 'survey_response' ORDER BY column_name`,
    );
    expect(responseColumns.map((c) => c.column_name)).toEqual(['answers', 'id', 'survey_id']);
    const invitationColumns = await t.ownerQuery<{ column_name: string }>(
      `SELECT column_name FROM information_schema.columns WHERE table_name = 'survey_invitation' ORDER BY column_name`,
    );
    expect(invitationColumns.map((c) => c.column_name)).toEqual([
      'id',
      'sent_at',
      'survey_id',
      'token_hash',
      'used',
    ]);
    const references = await t.ownerQuery(
      `SELECT conname FROM pg_constraint WHERE contype = 'f' AND conrelid = 'survey_response'::regclass AND confrelid <> 'survey'::regclass`,
    );
    expect(references).toEqual([]);
    const stored = JSON.stringify(
      await t.ownerQuery(
        `SELECT i.*, r.* FROM survey_invitation i FULL JOIN survey_response r ON false WHERE i.survey_id = $1 OR r.survey_id = $1`,
        [surveyId],
      ),
    );
    for (const email of emails) {
      expect(stored).not.toContain(email);
    }
    for (const token of tokens) {
      expect(stored).not.toContain(token);
    }
    const everywhere = await t.ownerQuery<{ n: number }>(
      `SELECT count(*)::int AS n FROM domain_event WHERE payload::text ILIKE '%magazijn.test%'`,
    );
    expect(everywhere[0].n).toBe(0);
    expect(
      (
        await t.ownerQuery<{ n: number }>(
          `SELECT count(*)::int AS n FROM domain_event WHERE type = 'internal.survey_changed' AND actor_id IS NULL AND case_id = $1`,
          [caseId],
        )
      )[0].n,
    ).toBe(1);
  });

  it('is council-internal until the council attaches it to its position', async () => {
    const caseId = await caseWithExpert();
    const { surveyId, tokens } = await createAndSend(
      caseId,
      Array.from({ length: 5 }, (_, i) => `collega${i + 1}@magazijn.test`),
    );
    for (const token of tokens) {
      await t
        .http()
        .post('/survey-responses')
        .send({ token, answers: answersOf(1, 1) })
        .expect(204);
    }
    // The employer side, the expert and another council: as if it did not exist.
    for (const who of ['hr', 'expert']) {
      await t
        .http()
        .get(surveys(caseId, `/${surveyId}`))
        .set('Authorization', bearer[who])
        .expect(404);
      const list = await t
        .http()
        .get(surveys(caseId))
        .set('Authorization', bearer[who])
        .expect(200);
      expect(list.body).toEqual({ items: [], nextCursor: null });
    }
    await t.http().get(surveys(caseId)).set('Authorization', bearer.otherChair).expect(404);
    // A council member reads it but may not attach it; the employer may not either.
    const current = await t
      .http()
      .get(surveys(caseId, `/${surveyId}`))
      .set('Authorization', bearer.member)
      .expect(200);
    const byMember = await t
      .http()
      .put(surveys(caseId, `/${surveyId}/position-attachment`))
      .set('Authorization', bearer.member)
      .send({ version: current.body.version })
      .expect(403);
    expect(byMember.body.code).toBe('internal.board_only');
    await t
      .http()
      .put(surveys(caseId, `/${surveyId}/position-attachment`))
      .set('Authorization', bearer.hr)
      .send({ version: current.body.version })
      .expect(404);

    const attached = await t
      .http()
      .put(surveys(caseId, `/${surveyId}/position-attachment`))
      .set('Authorization', bearer.chair)
      .send({ version: current.body.version })
      .expect(200);
    expect(attached.body.attachedToPositionAt).toBe(t.clock.now().toISOString());
    const seenByHr = await t
      .http()
      .get(surveys(caseId, `/${surveyId}`))
      .set('Authorization', bearer.hr)
      .expect(200);
    expect(seenByHr.body.results.responseCount).toBe(5);
    expect(seenByHr.body.invitationCount).toBeUndefined();
    const listed = await t.http().get(surveys(caseId)).set('Authorization', bearer.hr).expect(200);
    expect((listed.body.items as Json[]).map((s) => s.id)).toEqual([surveyId]);

    // Closed: no more answers.
    const closed = await t
      .http()
      .post(surveys(caseId, `/${surveyId}/closure`))
      .set('Authorization', bearer.chair)
      .send({ version: attached.body.version })
      .expect(200);
    expect(closed.body.status).toBe('closed');
  });

  it("shows the council's expert's opinion to the employer only once attached to the council's position", async () => {
    const caseId = await caseWithExpert();
    const email = 'deskundige@adviesbureau.test';
    const engaged = await t
      .http()
      .post(`/works-councils/${org.worksCouncilId}/expert-engagements`)
      .set('Authorization', bearer.chair)
      .send({ email, purpose: 'Toets van het scoringsmodel', expectedCostsCents: 250_000 })
      .expect(201);
    const upload = (who: string, fields: Record<string, string>) => {
      let request = t
        .http()
        .post(`/cases/${caseId}/documents`)
        .set('Authorization', bearer[who])
        .field('title', 'Advies van de deskundige');
      for (const [name, value] of Object.entries(fields)) {
        request = request.field(name, value);
      }
      return request.attach('file', PDF, {
        filename: 'advies.pdf',
        contentType: 'application/pdf',
      });
    };
    // Not yet engaged (the invitation is open): refused.
    const early = await upload('chair', {
      kind: 'expert_opinion',
      expertEngagementId: engaged.body.id,
    }).expect(422);
    expect(early.body.code).toBe('document.expert_engagement_unknown');
    await t
      .http()
      .post('/invitations/accept')
      .send({
        token: engaged.body.invitation.token,
        displayName: 'Dirk Deskundige',
        password: 'a long enough password',
        confidentialityAcknowledged: true,
      })
      .expect(200);
    // The employer side does not upload the council's expert opinion.
    const byHr = await upload('hr', {
      kind: 'expert_opinion',
      expertEngagementId: engaged.body.id,
    }).expect(403);
    expect(byHr.body.code).toBe('document.expert_opinion_council_only');

    const opinion = await upload('member', {
      kind: 'expert_opinion',
      expertEngagementId: engaged.body.id,
    }).expect(201);
    expect(opinion.body).toMatchObject({
      kind: 'expert_opinion',
      expertEngagementId: engaged.body.id,
      attachedToPositionAt: null,
      origin: 'council',
    });
    const documentId = opinion.body.id as string;
    const path = `/cases/${caseId}/documents/${documentId}`;

    // Unattached: 404 to the employer, absent from its list, its content and its search.
    await t.http().get(path).set('Authorization', bearer.hr).expect(404);
    await t.http().get(`${path}/versions/1/content`).set('Authorization', bearer.hr).expect(404);
    const hrList = await t
      .http()
      .get(`/cases/${caseId}/documents`)
      .set('Authorization', bearer.hr)
      .expect(200);
    expect((hrList.body.items as Json[]).map((d) => d.id)).not.toContain(documentId);
    await t.http().get(path).set('Authorization', bearer.member).expect(200);
    await t.http().get(path).set('Authorization', bearer.expert).expect(200);

    // Only the chair or secretary attaches, and only an expert opinion.
    const byMember = await t
      .http()
      .put(`${path}/position-attachment`)
      .set('Authorization', bearer.member)
      .send({ version: opinion.body.version })
      .expect(403);
    expect(byMember.body.code).toBe('document.attach_not_allowed');
    await t
      .http()
      .put(`${path}/position-attachment`)
      .set('Authorization', bearer.hr)
      .send({ version: opinion.body.version })
      .expect(404);
    const ordinary = await upload('chair', {}).expect(201);
    const notOpinion = await t
      .http()
      .put(`/cases/${caseId}/documents/${ordinary.body.id}/position-attachment`)
      .set('Authorization', bearer.chair)
      .send({ version: ordinary.body.version })
      .expect(422);
    expect(notOpinion.body.code).toBe('document.not_an_expert_opinion');

    const attached = await t
      .http()
      .put(`${path}/position-attachment`)
      .set('Authorization', bearer.chair)
      .send({ version: opinion.body.version })
      .expect(200);
    expect(attached.body.attachedToPositionAt).toBe(t.clock.now().toISOString());

    const seen = await t.http().get(path).set('Authorization', bearer.hr).expect(200);
    expect(seen.body).toMatchObject({ id: documentId, kind: 'expert_opinion' });
    await t.http().get(`${path}/versions/1/content`).set('Authorization', bearer.hr).expect(200);
    const audit = await t.ownerQuery<{ action: string }>(
      `SELECT action FROM audit_entry WHERE case_id = $1 AND action = 'document.attached_to_position'`,
      [caseId],
    );
    expect(audit).toHaveLength(1);
  });
});
