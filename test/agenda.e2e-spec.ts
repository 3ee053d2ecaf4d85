import { Client } from 'pg';

import type { GivenOrganisation, GivenUser } from '@wc/testing';

import { fileCase } from './support/case-fixtures';
import { startTestApp, type TestApp } from './support/test-app';

type Json = Record<string, any>;

/**
 * The personal agenda, hand-worked (the clock: Monday 2026-03-02 09:00 UTC, read the same day).
 *
 * | case | where | tracks (others finished) | open terms (strict date) | other |
 * |---|---|---|---|---|
 * | C1 "Alfa" | sent; expert E added; union X shares it (status) | advice request_submitted; consent council_position | advice_response_term 05-04 (63 days: beyond six weeks); employer_decision_sla 03-16 | art. 31 question by member M: due 03-16 (10 working days), a vote closing 03-09 in which only M voted |
 * | C2 "Beta" | sent; committee K prepares it | advice suspension | appeal_term 04-20 (fatal), suspension_term 04-02 | |
 * | C3 "Gamma" | draft | – | – | |
 *
 * Expected, most urgent first (fatal first, then by date, undated last):
 * - HR (employer): appeal 04-20 (council's, fatal) · answer question 03-16 · decide consent 03-16 · suspension 04-02 · advice 05-04 (council's) · send C3.
 * - chair: appeal 04-20 · vote 03-09 · question 03-16 (employer's) · consent decision 03-16 (employer's) · suspension 04-02 · advice 05-04.
 * - member M: the same without the vote (M voted).
 * - committee member: only C2 (its committee's case): appeal 04-20 · suspension 04-02.
 * - expert E: only C1, nothing "yours": question · consent decision · advice.
 * - union officer X: only C1 at status scope: consent decision · advice; never the question.
 *
 * Then C1 gets a training plan: module "hr-basis" for the HR audience naming HR (deadline 03-20, 18
 * days), module "or-geletterdheid" for the council members (06-15, 105 days), which M completed:
 * HR gets hr-basis between the 03-16 and the 04-02 items; the chair gets or-geletterdheid last;
 * M, the expert, the committee member and the union officer get no training.
 */
describe('personal agenda (e2e)', () => {
  let t: TestApp;
  let org: GivenOrganisation;
  let union: { organisationId: string; officer: GivenUser };
  const bearer: Record<string, string> = {};
  const ids: Record<string, string> = {};

  const get = (who: string, path: string) => t.http().get(path).set('Authorization', bearer[who]);
  const post = (who: string, path: string, body: Json) =>
    t.http().post(path).set('Authorization', bearer[who]).send(body);

  async function arrangeTrack(caseId: string, kind: string, stage: string): Promise<void> {
    await t.db.query(
      `UPDATE case_track SET stage = $3, snapshot = snapshot || jsonb_build_object('stage', $3::text, 'consultationsHeld', 1) WHERE case_id = $1 AND kind = $2`,
      [caseId, kind, stage],
    );
  }

  async function arrangeDeadline(
    caseId: string,
    track: string,
    ruleId: string,
    strictDate: string,
    fatal = false,
  ): Promise<void> {
    await t.db.query(
      `INSERT INTO deadline (case_id, organisation_id, works_council_id, track_kind, rule_id, source, statutory, fatal, trigger_date, strict_date, extended_date, due_at, status)
       VALUES ($1, $2, $3, $4, $5, 'W8', true, $6, '2026-03-02', $7, $7, ($7::date + 1)::timestamp AT TIME ZONE 'Europe/Amsterdam', 'open')`,
      [caseId, org.organisationId, org.worksCouncilId, track, ruleId, fatal, strictDate],
    );
  }

  async function finishOtherTracks(caseId: string, keep: readonly string[]): Promise<void> {
    const terminal: Record<string, string> = {
      advice: 'closed',
      consent: 'closed',
      ai_act: 'in_use',
      dpia: 'done',
      skills: 'done',
    };
    for (const [kind, stage] of Object.entries(terminal).filter(([k]) => !keep.includes(k))) {
      await arrangeTrack(caseId, kind, stage);
    }
  }

  async function versionOf(caseId: string): Promise<number> {
    return ((await get('hr', `/cases/${caseId}`).expect(200)).body as Json).version as number;
  }

  const agenda = async (who: string) =>
    ((await get(who, '/me/agenda').expect(200)).body as Json).items as Json[];
  /** One line per item: [case, action, track, due date, days left, fatal, side, yours]. */
  const lines = (items: Json[]) =>
    items.map((i) => [
      i.caseTitle,
      i.action,
      i.track,
      i.dueDate,
      i.daysLeft,
      i.fatal,
      i.side,
      i.yours,
    ]);

  beforeAll(async () => {
    t = await startTestApp();
    t.clock.set('2026-03-02T09:00:00Z');
    org = await t.given.organisation('Alfa Logistiek B.V.');
    union = await t.given.union();
    const users = {
      hr: org.hr,
      chair: org.chair,
      member: org.member,
      committee: org.committeeMember,
      expert: org.expert,
      union: union.officer,
    };
    for (const [name, user] of Object.entries(users)) {
      bearer[name] = await t.login(user);
    }

    ids.C1 = (await fileCase(t, org, bearer.hr)).caseId;
    ids.C2 = (await fileCase(t, org, bearer.hr)).caseId;
    ids.C3 = (await fileCase(t, org, bearer.hr, { send: false })).caseId;
    for (const [id, title] of [
      [ids.C1, 'Alfa'],
      [ids.C2, 'Beta'],
      [ids.C3, 'Gamma'],
    ]) {
      await t
        .http()
        .patch(`/cases/${id}`)
        .set('Authorization', bearer.hr)
        .send({ version: await versionOf(id), title })
        .expect(200);
    }
    await post('chair', `/cases/${ids.C1}/experts`, {
      version: await versionOf(ids.C1),
      userId: org.expert.id,
    }).expect(201);
    await t
      .http()
      .put(`/cases/${ids.C2}/committee`)
      .set('Authorization', bearer.chair)
      .send({ version: await versionOf(ids.C2), committeeId: org.committeeId })
      .expect(200);
    await post('chair', `/works-councils/${org.worksCouncilId}/union-shares`, {
      unionOrganisationId: union.organisationId,
      caseId: ids.C1,
      scope: 'status',
    }).expect(201);

    await arrangeTrack(ids.C1, 'advice', 'request_submitted');
    await arrangeTrack(ids.C1, 'consent', 'council_position');
    await finishOtherTracks(ids.C1, ['advice', 'consent']);
    await arrangeDeadline(ids.C1, 'advice', 'advice_response_term', '2026-05-04');
    await arrangeDeadline(ids.C1, 'consent', 'employer_decision_sla', '2026-03-16');
    await arrangeTrack(ids.C2, 'advice', 'suspension');
    await finishOtherTracks(ids.C2, ['advice']);
    await arrangeDeadline(ids.C2, 'advice', 'appeal_term', '2026-04-20', true);
    await arrangeDeadline(ids.C2, 'advice', 'suspension_term', '2026-04-02');

    // WOR 31: the member asks; the employer answers within 10 working days (2026-03-16).
    const asked = await post('member', `/cases/${ids.C1}/information-requests`, {
      question: 'Welke gegevens bewaart het systeem?',
    }).expect(201);
    ids.request = asked.body.id as string;
    const vote = await post('chair', `/cases/${ids.C1}/internal/votes`, {
      proposal: 'Positief advies',
      options: ['positive', 'negative'],
      quorum: 2,
      closesAt: '2026-03-09T16:00:00Z',
    }).expect(201);
    ids.vote = vote.body.id as string;
    await t
      .http()
      .put(`/cases/${ids.C1}/internal/votes/${ids.vote}/ballot`)
      .set('Authorization', bearer.member)
      .send({ option: 'positive' })
      .expect(200);
  });

  afterAll(async () => {
    await t.close();
  });

  it('the employer: its own duties and every running term of its cases, however far away, fatal first', async () => {
    expect(lines(await agenda('hr'))).toEqual([
      ['Beta', 'file_appeal', 'advice', '2026-04-20', 49, true, 'council', false],
      ['Alfa', 'answer_information', null, '2026-03-16', 14, false, 'employer', true],
      ['Alfa', 'record_employer_decision', 'consent', '2026-03-16', 14, false, 'employer', true],
      ['Beta', 'observe_term', 'advice', '2026-04-02', 31, false, 'employer', true],
      ['Alfa', 'record_council_position', 'advice', '2026-05-04', 63, false, 'council', false],
      ['Gamma', 'send_case', null, null, null, false, 'employer', true],
    ]);
    const [, question] = await agenda('hr');
    expect(question).toMatchObject({
      kind: 'information_request',
      informationRequestId: ids.request,
      subject: 'Welke gegevens bewaart het systeem?',
      path: `/cases/${ids.C1}/information`,
      anchor: `information-request-${ids.request}`,
    });
  });

  it('the chair: the advice term more than six weeks away, the vote not yet cast, the question waiting for the employer', async () => {
    const items = await agenda('chair');
    expect(lines(items)).toEqual([
      ['Beta', 'file_appeal', 'advice', '2026-04-20', 49, true, 'council', true],
      ['Alfa', 'cast_vote', null, '2026-03-09', 7, false, 'council', true],
      ['Alfa', 'answer_information', null, '2026-03-16', 14, false, 'employer', false],
      ['Alfa', 'record_employer_decision', 'consent', '2026-03-16', 14, false, 'employer', false],
      ['Beta', 'observe_term', 'advice', '2026-04-02', 31, false, 'employer', false],
      ['Alfa', 'record_council_position', 'advice', '2026-05-04', 63, false, 'council', true],
    ]);
    expect(items[1]).toMatchObject({
      kind: 'vote',
      voteId: ids.vote,
      subject: 'Positief advies',
      path: `/cases/${ids.C1}/council`,
    });
  });

  it('a member who voted no longer sees the vote', async () => {
    expect(lines(await agenda('member')).map((l) => l[1])).toEqual([
      'file_appeal',
      'answer_information',
      'record_employer_decision',
      'observe_term',
      'record_council_position',
    ]);
  });

  it("a committee member sees only its committee's case", async () => {
    expect(lines(await agenda('committee'))).toEqual([
      ['Beta', 'file_appeal', 'advice', '2026-04-20', 49, true, 'council', true],
      ['Beta', 'observe_term', 'advice', '2026-04-02', 31, false, 'employer', false],
    ]);
  });

  it('an expert sees only the case they were added to, and follows: nothing is theirs, no vote', async () => {
    expect(lines(await agenda('expert'))).toEqual([
      ['Alfa', 'answer_information', null, '2026-03-16', 14, false, 'employer', false],
      ['Alfa', 'record_employer_decision', 'consent', '2026-03-16', 14, false, 'employer', false],
      ['Alfa', 'record_council_position', 'advice', '2026-05-04', 63, false, 'council', false],
    ]);
  });

  it("a union officer with a status share sees stages and terms, never the dossier's question", async () => {
    expect(lines(await agenda('union'))).toEqual([
      ['Alfa', 'record_employer_decision', 'consent', '2026-03-16', 14, false, 'employer', false],
      ['Alfa', 'record_council_position', 'advice', '2026-05-04', 63, false, 'council', false],
    ]);
  });

  it('the training each person must still complete: HR its named module, the chair the council module M already did', async () => {
    await t
      .http()
      .put(`/cases/${ids.C1}/training-plan`)
      .set('Authorization', bearer.hr)
      .send({
        version: 0,
        audiences: [
          { audience: 'hr', people: [{ userId: org.hr.id, name: 'Hanna HR' }] },
          { audience: 'council_members' },
        ],
        modules: [
          {
            key: 'hr-basis',
            title: 'Werken met WarehouseInsight voor HR',
            audience: 'hr',
            type: 'tool_training',
            hours: 4,
            provider: 'Acme AI',
            deadline: '2026-03-20',
          },
          {
            key: 'or-geletterdheid',
            title: 'AI-geletterdheid voor de OR',
            audience: 'council_members',
            type: 'ai_literacy',
            hours: 3,
            provider: 'Intern',
            deadline: '2026-06-15',
          },
        ],
      })
      .expect(200);
    await post('hr', `/cases/${ids.C1}/training-plan/completions`, {
      moduleKey: 'or-geletterdheid',
      userId: org.member.id,
      name: 'Mila Member',
      completedOn: '2026-03-02',
    }).expect(201);

    const hr = await agenda('hr');
    expect(lines(hr)).toEqual([
      ['Beta', 'file_appeal', 'advice', '2026-04-20', 49, true, 'council', false],
      ['Alfa', 'answer_information', null, '2026-03-16', 14, false, 'employer', true],
      ['Alfa', 'record_employer_decision', 'consent', '2026-03-16', 14, false, 'employer', true],
      ['Alfa', 'follow_training', null, '2026-03-20', 18, false, 'employer', true],
      ['Beta', 'observe_term', 'advice', '2026-04-02', 31, false, 'employer', true],
      ['Alfa', 'record_council_position', 'advice', '2026-05-04', 63, false, 'council', false],
      ['Gamma', 'send_case', null, null, null, false, 'employer', true],
    ]);
    expect(hr[3]).toMatchObject({
      kind: 'training',
      subject: 'Werken met WarehouseInsight voor HR',
      path: `/cases/${ids.C1}/dossier`,
      anchor: 'training-title',
    });
    expect(lines(await agenda('chair')).at(-1)).toEqual([
      'Alfa',
      'follow_training',
      null,
      '2026-06-15',
      105,
      false,
      'council',
      true,
    ]);
    for (const who of ['member', 'expert', 'committee', 'union']) {
      expect((await agenda(who)).filter((i) => i.kind === 'training')).toEqual([]);
    }
    // A completion recorded by name alone counts for whoever the plan names so, whatever the
    // case and spacing of the name.
    await post('hr', `/cases/${ids.C1}/training-plan/completions`, {
      moduleKey: 'hr-basis',
      name: '  hanna   HR ',
      completedOn: '2026-03-02',
    }).expect(201);
    expect((await agenda('hr')).filter((i) => i.kind === 'training')).toEqual([]);
  });

  it('answering the question takes it off every agenda; the case header names who must act', async () => {
    await post('hr', `/cases/${ids.C1}/information-requests/${ids.request}/answer`, {
      answer: 'Pickroutes en tijden, 6 maanden.',
    }).expect(201);
    expect((await agenda('hr')).some((i) => i.action === 'answer_information')).toBe(false);
    const c1 = (await get('chair', `/cases/${ids.C1}`).expect(200)).body as Json;
    expect(c1.nextAction).toMatchObject({
      side: 'employer',
      action: 'record_employer_decision',
      track: 'consent',
      dueDate: '2026-03-16',
      daysLeft: 14,
      fatal: false,
    });
    const c2 = (await get('hr', `/cases/${ids.C2}`).expect(200)).body as Json;
    expect(c2.nextAction).toMatchObject({
      side: 'council',
      action: 'file_appeal',
      dueDate: '2026-04-20',
      fatal: true,
    });
    // The case list says the same for every case, computed by the server (no client-side rules).
    const list = ((await get('hr', '/cases').expect(200)).body as Json).items as Json[];
    const c1ForHr = (await get('hr', `/cases/${ids.C1}`).expect(200)).body as Json;
    const c3 = (await get('hr', `/cases/${ids.C3}`).expect(200)).body as Json;
    expect(Object.fromEntries(list.map((c) => [c.title, c.nextAction]))).toEqual({
      Alfa: c1ForHr.nextAction,
      Beta: c2.nextAction,
      Gamma: c3.nextAction,
    });
    expect(c3.nextAction).toMatchObject({ side: 'employer', action: 'send_case' });
    expect(c1ForHr.nextAction).toEqual(c1.nextAction);
  });

  it('pages with limit=1 to the end: every line once, none missing, in the order of one page (issue #21)', async () => {
    // A second running term of the same rule and day on C2: two terms stay two lines.
    await arrangeDeadline(ids.C2, 'advice', 'suspension_term', '2026-04-02');
    for (const who of ['hr', 'chair', 'member']) {
      const whole = ((await get(who, '/me/agenda?limit=200').expect(200)).body as Json)
        .items as Json[];
      const paged: Json[] = [];
      let cursor: string | null = null;
      do {
        const res = await get(
          who,
          `/me/agenda?limit=1${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
        ).expect(200);
        expect((res.body as Json).items.length).toBeLessThanOrEqual(1);
        paged.push(...((res.body as Json).items as Json[]));
        cursor = (res.body as Json).nextCursor as string | null;
      } while (cursor);
      expect(paged).toEqual(whole);
      const distinct = new Set(paged.map((i) => JSON.stringify(i)));
      expect(distinct.size).toBe(paged.length);
      const suspension = paged.filter(
        (i) => i.caseTitle === 'Beta' && i.ruleId === 'suspension_term',
      );
      expect(suspension).toHaveLength(2);
      expect(suspension[0].deadlineId).not.toBe(suspension[1].deadlineId);
    }
  });

  it('a line gone meanwhile: the next page starts where it stood, skipping nothing', async () => {
    const whole = ((await get('hr', '/me/agenda?limit=200').expect(200)).body as Json)
      .items as Json[];
    const at = whole.findIndex((i) => i.caseTitle === 'Beta' && i.ruleId === 'suspension_term');
    expect(at).toBeGreaterThan(0);
    const first = (await get('hr', `/me/agenda?limit=${at + 1}`).expect(200)).body as Json;
    expect((first.items as Json[]).at(-1)).toEqual(whole[at]);
    await t.db.query(`UPDATE deadline SET status = 'met' WHERE id = $1`, [whole[at].deadlineId]);
    try {
      const next = (
        (
          await get(
            'hr',
            `/me/agenda?limit=200&cursor=${encodeURIComponent(first.nextCursor as string)}`,
          ).expect(200)
        ).body as Json
      ).items as Json[];
      expect(next).toEqual(expect.arrayContaining(whole.slice(at + 1)));
      expect(next).not.toContainEqual(whole[at]);
      // It resumes at the first line of the gone line's case and action that day, not earlier.
      expect(next.length).toBeLessThanOrEqual(whole.length - at);
    } finally {
      await t.db.query(`UPDATE deadline SET status = 'open' WHERE id = $1`, [whole[at].deadlineId]);
    }
  });

  it('pages in one statement, whatever the number of cases (issue #13)', async () => {
    // Every statement of the request, counted where pg sends it (pool queries and query runners alike).
    const statementsOf = async (path: string) => {
      const spy = jest.spyOn(Client.prototype, 'query');
      const body = (await get('chair', path).expect(200)).body as Json;
      // The API's realtime relay runs beside the request on the same pg client class: its claims,
      // and transaction control (which either may wrap in), are not the agenda's statements.
      const statements = spy.mock.calls
        .map(([sql]: unknown[]) =>
          typeof sql === 'string'
            ? sql
            : typeof sql === 'object' && sql !== null && 'text' in sql
              ? String(sql.text)
              : null,
        )
        .filter(
          (sql): sql is string =>
            sql !== null &&
            !sql.includes('realtime_delivery') &&
            !/^\s*(BEGIN|COMMIT|ROLLBACK)/i.test(sql),
        );
      spy.mockRestore();
      return { statements, nextCursor: body.nextCursor as string | null };
    };
    const count = async () => {
      const first = await statementsOf('/me/agenda?limit=2');
      expect(first.nextCursor).not.toBeNull();
      const next = await statementsOf(
        `/me/agenda?limit=2&cursor=${encodeURIComponent(first.nextCursor!)}`,
      );
      // The agenda itself is one statement; the rest (the actor's lookup) is the same for both pages.
      for (const page of [first, next]) {
        expect(page.statements.filter((sql) => sql.includes('agenda_line'))).toHaveLength(1);
      }
      expect(next.statements).toHaveLength(first.statements.length);
      return first.statements.length;
    };
    const before = await count();
    for (let i = 0; i < 3; i++) {
      await fileCase(t, org, bearer.hr);
    }
    expect(await count()).toBe(before);
  });
});
