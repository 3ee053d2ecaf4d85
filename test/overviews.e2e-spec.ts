import type { GivenOrganisation, GivenUser } from '@wc/testing';

import { fileCase, monitoringTriageAnswers } from './support/case-fixtures';
import { startTestApp, type TestApp } from './support/test-app';

type Json = Record<string, any>;

/**
 * Hand-counted fixture (the clock starts Monday 2026-03-02 09:00 UTC; the dashboards are read on
 * Wednesday 2026-04-01, 30 days later):
 *
 * | case | org | shared with union X | stage | advice days | consent days | open deadlines (strict date) |
 * |---|---|---|---|---|---|---|
 * | A1 | A | all A's cases, dossier | employer_decision | 10 | 20 | advice SLA 03-26 (overdue), consent SLA 04-05 |
 * | A2 | A | idem | screening (consent untouched) | 30 | – | information 03-16 (overdue), advice SLA 04-15 |
 * | A3 | A | idem | prohibited (re-triaged) | – | – | – |
 * | A4 | A | draft: never | draft | – | – | – |
 * | B1 | B | chosen, status | screening | 4 | – | information 03-16, advice SLA 03-20 (both overdue) |
 * | B2 | B | chosen, status (dossier to union Y) | screening | – | – | consultation meeting 03-16 (overdue) |
 * | B3 | B | no (status to union Y) | screening | – | – | – |
 *
 * AI systems (one per case): A1 and A3 control_monitor + Annex III monitoring_evaluation, A2 support
 * + recruitment_selection; B1 and B2 not shared with X beyond their status. Cases are filed, triaged,
 * sent and shared through the API, as are B2's consultation request (a 2-week meeting term) and the
 * information requests (10 working days); the positions and the employer's 2-week decision SLAs that
 * follow them are written straight into the database, so that every date is exact.
 */
describe('dashboards and CSV exports (e2e)', () => {
  let t: TestApp;
  let orgA: GivenOrganisation;
  let orgB: GivenOrganisation;
  let unionX: { organisationId: string; officer: GivenUser };
  let unionY: { organisationId: string; officer: GivenUser };
  const bearer: Record<string, string> = {};
  const ids: Record<string, string> = {};
  const systems: Record<string, string> = {};
  const EVIL_TITLE = '=HYPERLINK("http://evil.example","open"), "quoted"';

  const get = (who: string, path: string) => t.http().get(path).set('Authorization', bearer[who]);

  /** Tokens expire by the clock; log everyone in again after moving it. */
  async function loginAll(): Promise<void> {
    const users = {
      hrA: orgA.hr,
      chairA: orgA.chair,
      memberA: orgA.member,
      expertA: orgA.expert,
      hrB: orgB.hr,
      chairB: orgB.chair,
      memberB: orgB.member,
      x: unionX.officer,
      y: unionY.officer,
    };
    for (const [name, user] of Object.entries(users)) {
      bearer[name] = await t.login(user);
    }
  }

  const T0 = Date.parse('2026-03-02T09:00:00Z');
  const dayAt = (day: number) => new Date(T0 + day * 86_400_000).toISOString();

  /**
   * Arranges a WOR track straight in the database: the stage machine has its own tests; here the
   * dates must be exact so the figures can be counted by hand. The request goes in on day 0.
   */
  async function arrangeTrack(
    caseId: string,
    kind: 'advice' | 'consent',
    positionDay: number,
  ): Promise<void> {
    const steps: Array<[number, string, string]> = [
      [0, 'screening', 'consultation_requested'],
      [0, 'consultation_requested', 'consultation_held'],
      [0, 'consultation_held', 'request_submitted'],
      [positionDay, 'request_submitted', 'council_position'],
    ];
    const history = steps.map(([day, from, to]) => ({
      at: dayAt(day),
      from,
      to,
      action: { type: to },
      actorSide: to === 'council_position' ? 'council_board' : 'employer',
    }));
    await t.db.query(
      `UPDATE case_track SET stage = 'council_position', snapshot = snapshot || jsonb_build_object('stage', 'council_position', 'consultationsHeld', 1, 'history', $3::jsonb)
       WHERE case_id = $1 AND kind = $2`,
      [caseId, kind, JSON.stringify(history)],
    );
  }

  /** An open term on a case, as the deadlines lib stores it. */
  async function arrangeDeadline(
    caseId: string,
    org: GivenOrganisation,
    track: string,
    ruleId: string,
    triggerDate: string,
    strictDate: string,
  ): Promise<void> {
    await t.db.query(
      `INSERT INTO deadline (case_id, organisation_id, works_council_id, track_kind, rule_id, source, statutory, fatal, trigger_date, strict_date, extended_date, due_at, status)
       VALUES ($1, $2, $3, $4, $5, 'W6', false, false, $6, $7, $7, ($7::date + 1)::timestamp AT TIME ZONE 'Europe/Amsterdam', 'open')`,
      [caseId, org.organisationId, org.worksCouncilId, track, ruleId, triggerDate, strictDate],
    );
  }

  async function file(
    org: GivenOrganisation,
    hr: string,
    options: Parameters<typeof fileCase>[3] = {},
  ): Promise<string> {
    const { caseId } = await fileCase(t, org, bearer[hr], options);
    systems[caseId] = (await get(hr, `/cases/${caseId}`).expect(200)).body.aiSystemId as string;
    return caseId;
  }

  async function share(chair: string, worksCouncilId: string, body: Json): Promise<void> {
    await t
      .http()
      .post(`/works-councils/${worksCouncilId}/union-shares`)
      .set('Authorization', bearer[chair])
      .send(body)
      .expect(201);
  }

  beforeAll(async () => {
    t = await startTestApp();
    t.clock.set('2026-03-02T09:00:00Z');
    orgA = await t.given.organisation('Alfa Logistiek B.V.');
    orgB = await t.given.organisation('Beta Zorg B.V.');
    await t.db.query(`UPDATE works_council SET name = $2 WHERE id = $1`, [
      orgA.worksCouncilId,
      'OR Alfa Logistiek',
    ]);
    await t.db.query(`UPDATE works_council SET name = $2 WHERE id = $1`, [
      orgB.worksCouncilId,
      'OR Beta Zorg',
    ]);
    unionX = await t.given.union();
    unionY = await t.given.union();
    await loginAll();

    ids.A1 = await file(orgA, 'hrA');
    ids.A2 = await file(orgA, 'hrA', {
      answers: monitoringTriageAnswers({ annexIIIPoint4: 'recruitment_selection' }),
      // Registered with this purpose from the start: a later change of purpose is material and
      // opens a follow-up case (issue #19), which this hand-counted fixture does not hold.
      system: { primaryPurpose: 'support' },
    });
    ids.A3 = await file(orgA, 'hrA');
    const a3 = (await get('hrA', `/cases/${ids.A3}`).expect(200)).body as Json;
    await t
      .http()
      .put(`/cases/${ids.A3}/triage`)
      .set('Authorization', bearer.hrA)
      .send({ version: a3.version, answers: monitoringTriageAnswers({ infersEmotions: true }) })
      .expect(200);
    ids.A4 = await file(orgA, 'hrA', { send: false });
    ids.B1 = await file(orgB, 'hrB');
    ids.B2 = await file(orgB, 'hrB');
    const b2 = (await get('hrB', `/cases/${ids.B2}`).expect(200)).body as Json;
    await t
      .http()
      .patch(`/cases/${ids.B2}`)
      .set('Authorization', bearer.hrB)
      .send({ version: b2.version, title: EVIL_TITLE })
      .expect(200);
    ids.B3 = await file(orgB, 'hrB');

    // B2's consultation request and the two information requests go through the API (day 0).
    const b2Now = (await get('hrB', `/cases/${ids.B2}`).expect(200)).body as Json;
    await t
      .http()
      .post(`/cases/${ids.B2}/tracks/advice/transitions`)
      .set('Authorization', bearer.hrB)
      .send({
        version: b2Now.version,
        action: { type: 'request_consultation', reasons: 'Overleg' },
      })
      .expect(201);
    await t
      .http()
      .post(`/cases/${ids.A2}/information-requests`)
      .set('Authorization', bearer.memberA)
      .send({ question: 'Welke data?' })
      .expect(201);
    await t
      .http()
      .post(`/cases/${ids.B1}/information-requests`)
      .set('Authorization', bearer.memberB)
      .send({ question: 'Wie heeft toegang?' })
      .expect(201);

    await share('chairA', orgA.worksCouncilId, {
      unionOrganisationId: unionX.organisationId,
      allCases: true,
      scope: 'dossier',
    });
    await share('chairB', orgB.worksCouncilId, {
      unionOrganisationId: unionX.organisationId,
      caseId: ids.B1,
      scope: 'status',
    });
    await share('chairB', orgB.worksCouncilId, {
      unionOrganisationId: unionX.organisationId,
      caseId: ids.B2,
      scope: 'status',
    });
    await share('chairB', orgB.worksCouncilId, {
      unionOrganisationId: unionY.organisationId,
      caseId: ids.B2,
      scope: 'dossier',
    });
    await share('chairB', orgB.worksCouncilId, {
      unionOrganisationId: unionY.organisationId,
      caseId: ids.B3,
      scope: 'status',
    });

    // Positions: B1 advice on day 4, A1 advice on day 10 and consent on day 20, A2 advice on day 30;
    // each starts the employer's 2-week decision SLA.
    await arrangeTrack(ids.B1, 'advice', 4);
    await arrangeTrack(ids.A1, 'advice', 10);
    await arrangeTrack(ids.A1, 'consent', 20);
    await arrangeTrack(ids.A2, 'advice', 30);
    await arrangeDeadline(
      ids.B1,
      orgB,
      'advice',
      'employer_decision_sla',
      '2026-03-06',
      '2026-03-20',
    );
    await arrangeDeadline(
      ids.A1,
      orgA,
      'advice',
      'employer_decision_sla',
      '2026-03-12',
      '2026-03-26',
    );
    await arrangeDeadline(
      ids.A1,
      orgA,
      'consent',
      'employer_decision_sla',
      '2026-03-22',
      '2026-04-05',
    );
    await arrangeDeadline(
      ids.A2,
      orgA,
      'advice',
      'employer_decision_sla',
      '2026-04-01',
      '2026-04-15',
    );
    // Both of A1's WOR tracks have a position; A2 and B1 wait for their consent track.
    await t.db.query(`UPDATE ai_case SET stage = 'employer_decision' WHERE id = $1`, [ids.A1]);
    t.clock.set(dayAt(30));
    await loginAll();

    // The council's calendar and its internal votes, through their own routes.
    const meeting = async (body: Json) =>
      (
        await t
          .http()
          .post(`/works-councils/${orgA.worksCouncilId}/meetings`)
          .set('Authorization', bearer.chairA)
          .send(body)
          .expect(201)
      ).body as Json;
    const consultation = await meeting({
      kind: 'consultation',
      title: 'Overlegvergadering april',
      startsAt: '2026-04-03T10:00:00.000Z',
    });
    await t
      .http()
      .post(`/meetings/${consultation.id}/agenda-items`)
      .set('Authorization', bearer.chairA)
      .send({ title: 'WarehouseInsight', caseId: ids.A1 })
      .expect(201);
    ids.consultation = consultation.id;
    ids.internalMeeting = (
      await meeting({
        kind: 'internal',
        title: 'OR-vergadering',
        startsAt: '2026-04-08T16:00:00.000Z',
      })
    ).id;
    await meeting({
      kind: 'internal',
      title: 'Vorige OR-vergadering',
      startsAt: '2026-03-20T16:00:00.000Z',
    });
    const vote = async (caseId: string, closesAt: string) =>
      (
        await t
          .http()
          .post(`/cases/${caseId}/internal/votes`)
          .set('Authorization', bearer.chairA)
          .send({
            proposal: 'Positief adviseren?',
            options: ['positive', 'negative'],
            quorum: 3,
            closesAt,
          })
          .expect(201)
      ).body as Json;
    ids.voteA1 = (await vote(ids.A1, '2026-04-10T12:00:00.000Z')).id;
    ids.voteA2 = (await vote(ids.A2, '2026-04-05T12:00:00.000Z')).id;
    await t
      .http()
      .put(`/cases/${ids.A1}/internal/votes/${ids.voteA1}/ballot`)
      .set('Authorization', bearer.memberA)
      .send({ option: 'positive' })
      .expect(200);

    // The employer's register: A1's system is live (its gate is not open yet), one live system has no case.
    // The register refuses "live" with a closed gate since issue #14, so this row predates that rule.
    await t.db.query(`UPDATE ai_system SET status = 'live' WHERE id = $1`, [systems[ids.A1]]);
    await t
      .http()
      .post(`/organisations/${orgA.organisationId}/ai-systems`)
      .set('Authorization', bearer.hrA)
      .send({
        name: 'ShadowChat',
        vendor: 'Acme',
        purpose: 'Chat assistant',
        primaryPurpose: 'support',
        status: 'live',
      })
      .expect(201);
  });
  afterAll(() => t.close());

  const deadline = (caseId: string, ruleId: string, strictDate: string, daysLeft: number) =>
    expect.objectContaining({ caseId, ruleId, strictDate, daysLeft });

  describe("union officer's dashboard", () => {
    it('counts the shared cases across organisations, matching the hand-counted fixture', async () => {
      const res = await get('x', `/unions/${unionX.organisationId}/dashboard`).expect(200);
      const d = res.body as Json;
      expect(d.today).toBe('2026-04-01');
      expect(d.filters).toEqual({
        organisationId: null,
        worksCouncilId: null,
        stage: null,
        horizonDays: 28,
      });
      expect(d.totals).toEqual({
        cases: 5,
        organisations: 2,
        blocked: 1,
        overdueDeadlines: 5,
        upcomingDeadlines: 2,
      });
      expect(d.casesByStage).toEqual([
        { key: 'screening', count: 3 },
        { key: 'employer_decision', count: 1 },
        { key: 'prohibited', count: 1 },
      ]);
      expect(d.casesByOrganisation).toEqual([
        { key: orgA.organisationId, name: 'Alfa Logistiek B.V.', count: 3 },
        { key: orgB.organisationId, name: 'Beta Zorg B.V.', count: 2 },
      ]);
      // Same day: ordered by case id, as the dashboard does.
      const overdue = [
        {
          caseId: ids.A2,
          ruleId: 'information_response_term',
          strictDate: '2026-03-16',
          daysLeft: -16,
        },
        {
          caseId: ids.B1,
          ruleId: 'information_response_term',
          strictDate: '2026-03-16',
          daysLeft: -16,
        },
        {
          caseId: ids.B2,
          ruleId: 'consultation_meeting_term',
          strictDate: '2026-03-16',
          daysLeft: -16,
        },
        {
          caseId: ids.B1,
          ruleId: 'employer_decision_sla',
          strictDate: '2026-03-20',
          daysLeft: -12,
        },
        { caseId: ids.A1, ruleId: 'employer_decision_sla', strictDate: '2026-03-26', daysLeft: -6 },
      ].sort(
        (a, b) => a.strictDate.localeCompare(b.strictDate) || a.caseId.localeCompare(b.caseId),
      );
      expect(d.deadlines.overdue).toEqual(overdue.map((x) => expect.objectContaining(x)));
      // Each deadline names the case's employer and council beside their ids.
      const named = (caseId: string) =>
        caseId === ids.B1 || caseId === ids.B2
          ? [orgB.organisationId, 'Beta Zorg B.V.', orgB.worksCouncilId, 'OR Beta Zorg']
          : [orgA.organisationId, 'Alfa Logistiek B.V.', orgA.worksCouncilId, 'OR Alfa Logistiek'];
      expect(
        (d.deadlines.overdue as Json[]).map((x) => [
          x.organisationId,
          x.organisationName,
          x.worksCouncilId,
          x.worksCouncilName,
        ]),
      ).toEqual(overdue.map((x) => named(x.caseId)));
      expect(d.deadlines.upcoming).toEqual([
        deadline(ids.A1, 'employer_decision_sla', '2026-04-05', 4),
        deadline(ids.A2, 'employer_decision_sla', '2026-04-15', 14),
      ]);
      expect(d.aiSystems).toEqual({
        total: 5,
        byPurpose: [
          { key: 'control_monitor', count: 2 },
          { key: 'not_shared', count: 2 },
          { key: 'support', count: 1 },
        ],
        byAnnexIII: [
          { key: 'monitoring_evaluation', count: 2 },
          { key: 'not_shared', count: 2 },
          { key: 'recruitment_selection', count: 1 },
        ],
        byPurposeAndAnnexIII: [
          { purpose: 'control_monitor', annexIII: 'monitoring_evaluation', count: 2 },
          { purpose: 'not_shared', annexIII: 'not_shared', count: 2 },
          { purpose: 'support', annexIII: 'recruitment_selection', count: 1 },
        ],
      });
      expect(d.blockedCases).toEqual([
        {
          id: ids.A3,
          title: expect.any(String),
          organisationId: orgA.organisationId,
          organisationName: 'Alfa Logistiek B.V.',
          worksCouncilId: orgA.worksCouncilId,
          worksCouncilName: 'OR Alfa Logistiek',
        },
      ]);
      expect(d.medianDurations).toEqual({
        advice: { procedures: 3, medianDays: 10 },
        consent: { procedures: 1, medianDays: 20 },
      });
      const rows = Object.fromEntries((d.cases as Json[]).map((c) => [c.id, c]));
      expect(Object.keys(rows).sort()).toEqual([ids.A1, ids.A2, ids.A3, ids.B1, ids.B2].sort());
      expect(rows[ids.B1]).toEqual({
        id: ids.B1,
        title: 'Introductie WarehouseInsight',
        organisationId: orgB.organisationId,
        organisationName: 'Beta Zorg B.V.',
        worksCouncilId: orgB.worksCouncilId,
        worksCouncilName: 'OR Beta Zorg',
        scope: 'status',
        stage: 'screening',
        status: 'sent',
        blocked: false,
        purpose: 'not_shared',
        annexIII: 'not_shared',
        nextDeadline: null,
        overdueDeadlines: 2,
        adviceDays: 4,
        consentDays: null,
        // Commitments show by status even on a status-only share (issue #19).
        commitments: { open: 0, met: 0, broken: 0, waived: 0 },
      });
      expect(rows[ids.A1]).toMatchObject({
        scope: 'dossier',
        purpose: 'control_monitor',
        annexIII: 'monitoring_evaluation',
        adviceDays: 10,
        consentDays: 20,
        overdueDeadlines: 1,
        nextDeadline: deadline(ids.A1, 'employer_decision_sla', '2026-04-05', 4),
      });
      expect(rows[ids.A1].nextDeadline).toMatchObject({
        organisationName: 'Alfa Logistiek B.V.',
        worksCouncilName: 'OR Alfa Logistiek',
      });
    });

    it('filters by organisation and by stage, and computes every figure over the filtered cases', async () => {
      const byOrg = (
        await get(
          'x',
          `/unions/${unionX.organisationId}/dashboard?organisationId=${orgB.organisationId}`,
        ).expect(200)
      ).body as Json;
      expect(byOrg.totals).toEqual({
        cases: 2,
        organisations: 1,
        blocked: 0,
        overdueDeadlines: 3,
        upcomingDeadlines: 0,
      });
      expect(byOrg.casesByStage).toEqual([{ key: 'screening', count: 2 }]);
      expect(byOrg.aiSystems.byPurpose).toEqual([{ key: 'not_shared', count: 2 }]);
      expect(byOrg.medianDurations).toEqual({
        advice: { procedures: 1, medianDays: 4 },
        consent: { procedures: 0, medianDays: null },
      });
      const byStage = (
        await get(
          'x',
          `/unions/${unionX.organisationId}/dashboard?stage=screening&horizonDays=7`,
        ).expect(200)
      ).body as Json;
      expect((byStage.cases as Json[]).map((c) => c.id).sort()).toEqual(
        [ids.A2, ids.B1, ids.B2].sort(),
      );
      expect(byStage.totals).toMatchObject({ cases: 3, upcomingDeadlines: 0, overdueDeadlines: 4 });
      expect(byStage.medianDurations.advice).toEqual({ procedures: 2, medianDays: 17 });
      await get('x', `/unions/${unionX.organisationId}/dashboard?horizonDays=0`).expect(400);
      await get('x', `/unions/${unionX.organisationId}/dashboard?organisationId=nope`).expect(400);
    });

    it("shows each union only its own shares, and nobody else a union's dashboard", async () => {
      const y = (await get('y', `/unions/${unionY.organisationId}/dashboard`).expect(200))
        .body as Json;
      expect((y.cases as Json[]).map((c) => [c.id, c.scope, c.purpose]).sort()).toEqual(
        [
          [ids.B2, 'dossier', 'control_monitor'],
          [ids.B3, 'status', 'not_shared'],
        ].sort(),
      );
      // Organisation A shares with union X only: union Y's officer never learns its name or its council's.
      expect(y.casesByOrganisation).toEqual([
        { key: orgB.organisationId, name: 'Beta Zorg B.V.', count: 2 },
      ]);
      const yCsv = (await get('y', `/unions/${unionY.organisationId}/dashboard.csv`).expect(200))
        .text;
      expect(yCsv).toContain(
        `${orgB.organisationId},Beta Zorg B.V.,${orgB.worksCouncilId},OR Beta Zorg,`,
      );
      // Not even when asked for by filter.
      const asked = (
        await get(
          'y',
          `/unions/${unionY.organisationId}/dashboard?organisationId=${orgA.organisationId}`,
        ).expect(200)
      ).body as Json;
      expect(asked.cases).toEqual([]);
      for (const text of [
        JSON.stringify(y),
        yCsv,
        JSON.stringify(asked.cases),
        JSON.stringify(asked.casesByOrganisation),
      ]) {
        expect(
          ['Alfa Logistiek', orgA.organisationId, orgA.worksCouncilId].filter((secret) =>
            text.includes(secret),
          ),
        ).toEqual([]);
      }
      for (const [who, union] of [
        ['x', unionY],
        ['y', unionX],
        ['chairA', unionX],
        ['hrB', unionX],
      ] as const) {
        const res = await get(who, `/unions/${union.organisationId}/dashboard`).expect(404);
        expect(res.body.code).toBe('union.not_found');
      }
    });

    it("never counts or shows the council's internal votes and meetings", async () => {
      const seen: string[] = [];
      for (const path of [
        `/unions/${unionX.organisationId}/dashboard`,
        `/unions/${unionX.organisationId}/dashboard.csv`,
        '/cases.csv',
        `/cases/${ids.A1}`,
        `/cases/${ids.A1}/events`,
      ]) {
        seen.push((await get('x', path).expect(200)).text);
      }
      seen.push(
        (await get('hrA', `/organisations/${orgA.organisationId}/overview`).expect(200)).text,
        (await get('hrA', `/cases/${ids.A1}/events`).expect(200)).text,
      );
      for (const secret of [
        ids.voteA1,
        ids.voteA2,
        ids.internalMeeting,
        'Positief adviseren?',
        'internal.vote',
      ]) {
        expect(seen.filter((text) => text.includes(secret))).toEqual([]);
      }
    });

    it('exports the dashboard as CSV with the same rows, quoted and safe from formulas', async () => {
      const res = await get('x', `/unions/${unionX.organisationId}/dashboard.csv`).expect(200);
      expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
      expect(res.headers['content-disposition']).toBe('attachment; filename="union-dashboard.csv"');
      const lines = res.text.split('\r\n');
      expect(lines[0]).toBe(
        'organisation_id,organisation_name,works_council_id,works_council_name,case_id,title,scope,stage,status,blocked,purpose,annex_iii,next_deadline_rule,next_deadline_date,overdue_deadlines,advice_days,consent_days',
      );
      expect(lines).toHaveLength(7); // header, five cases, and the final CRLF
      const b = `${orgB.organisationId},Beta Zorg B.V.,${orgB.worksCouncilId},OR Beta Zorg`;
      expect(lines).toContain(
        `${b},${ids.B1},Introductie WarehouseInsight,status,screening,sent,false,not_shared,not_shared,,,2,4,`,
      );
      expect(lines).toContain(
        `${b},${ids.B2},"'=HYPERLINK(""http://evil.example"",""open""), ""quoted""",status,screening,sent,false,not_shared,not_shared,,,1,,`,
      );
      expect(
        lines.filter((l) =>
          l.startsWith(
            `${orgA.organisationId},Alfa Logistiek B.V.,${orgA.worksCouncilId},OR Alfa Logistiek,`,
          ),
        ),
      ).toHaveLength(3);
      const filtered = await get(
        'x',
        `/unions/${unionX.organisationId}/dashboard.csv?organisationId=${orgA.organisationId}`,
      ).expect(200);
      expect(filtered.text.split('\r\n').filter(Boolean)).toHaveLength(4);
    });
  });

  describe("council's dashboard", () => {
    it('shows its cases by stage, the coming weeks of deadlines and the open information requests', async () => {
      const d = (
        await get('memberA', `/works-councils/${orgA.worksCouncilId}/dashboard?weeks=3`).expect(200)
      ).body as Json;
      expect(d.today).toBe('2026-04-01');
      expect(d).toMatchObject({
        worksCouncilId: orgA.worksCouncilId,
        worksCouncilName: 'OR Alfa Logistiek',
        organisationId: orgA.organisationId,
        organisationName: 'Alfa Logistiek B.V.',
      });
      expect(d.totals).toEqual({
        cases: 3,
        blocked: 1,
        overdueDeadlines: 2,
        openInformationRequests: 1,
        upcomingMeetings: 2,
        openVotes: 2,
      });
      expect(d.casesByStage).toEqual([
        { key: 'employer_decision', count: 1 },
        { key: 'prohibited', count: 1 },
        { key: 'screening', count: 1 },
      ]);
      expect((d.cases as Json[]).map((c) => c.id).sort()).toEqual([ids.A1, ids.A2, ids.A3].sort());
      expect(d.deadlineTimeline).toEqual([
        {
          weekStart: '2026-03-30',
          weekEnd: '2026-04-05',
          count: 1,
          deadlines: [deadline(ids.A1, 'employer_decision_sla', '2026-04-05', 4)],
        },
        { weekStart: '2026-04-06', weekEnd: '2026-04-12', count: 0, deadlines: [] },
        {
          weekStart: '2026-04-13',
          weekEnd: '2026-04-19',
          count: 1,
          deadlines: [deadline(ids.A2, 'employer_decision_sla', '2026-04-15', 14)],
        },
      ]);
      expect(d.overdueDeadlines).toEqual([
        deadline(ids.A2, 'information_response_term', '2026-03-16', -16),
        deadline(ids.A1, 'employer_decision_sla', '2026-03-26', -6),
      ]);
      expect(d.openInformationRequests).toEqual([
        {
          id: expect.any(String),
          caseId: ids.A2,
          caseTitle: 'Introductie WarehouseInsight',
          question: 'Welke data?',
          askedAt: '2026-03-02T09:00:00.000Z',
          dueDate: '2026-03-16',
          overdue: true,
        },
      ]);
      // Planned from now on (the one of 20 March is past), soonest first.
      expect(d.upcomingMeetings).toEqual([
        {
          id: ids.consultation,
          kind: 'consultation',
          title: 'Overlegvergadering april',
          startsAt: '2026-04-03T10:00:00.000Z',
          status: 'planned',
          caseIds: [ids.A1],
          cases: [{ id: ids.A1, title: 'Introductie WarehouseInsight' }],
        },
        {
          id: ids.internalMeeting,
          kind: 'internal',
          title: 'OR-vergadering',
          startsAt: '2026-04-08T16:00:00.000Z',
          status: 'planned',
          caseIds: [],
          cases: [],
        },
      ]);
      // Closing soonest first; the member voted on A1's only.
      expect(d.openVotes).toEqual([
        {
          id: ids.voteA2,
          caseId: ids.A2,
          caseTitle: 'Introductie WarehouseInsight',
          proposal: 'Positief adviseren?',
          closesAt: '2026-04-05T12:00:00.000Z',
          quorum: 3,
          ballotsCast: 0,
          youVoted: false,
        },
        {
          id: ids.voteA1,
          caseId: ids.A1,
          caseTitle: 'Introductie WarehouseInsight',
          proposal: 'Positief adviseren?',
          closesAt: '2026-04-10T12:00:00.000Z',
          quorum: 3,
          ballotsCast: 1,
          youVoted: true,
        },
      ]);
      const six = (
        await get('chairA', `/works-councils/${orgA.worksCouncilId}/dashboard`).expect(200)
      ).body as Json;
      expect(six.openVotes.map((v: Json) => v.youVoted)).toEqual([false, false]);
      expect(six.deadlineTimeline).toHaveLength(6);
    });

    it("is the council's own: employer, experts, unions and other councils get 404", async () => {
      for (const who of ['hrA', 'expertA', 'x', 'chairB']) {
        const res = await get(who, `/works-councils/${orgA.worksCouncilId}/dashboard`).expect(404);
        expect(res.body.code).toBe('works_council.not_found');
      }
    });
  });

  describe("employer's overview", () => {
    it('lists the AI register with the state of each system’s case and go-live gate', async () => {
      const d = (await get('hrA', `/organisations/${orgA.organisationId}/overview`).expect(200))
        .body as Json;
      expect(d.totals).toEqual({
        systems: 5,
        systemsWithoutCase: 1,
        liveWithoutOpenGate: 2,
        blockedCases: 1,
      });
      expect(d.casesByStage).toEqual([
        { key: 'draft', count: 1 },
        { key: 'employer_decision', count: 1 },
        { key: 'prohibited', count: 1 },
        { key: 'screening', count: 1 },
      ]);
      const bySystem = Object.fromEntries((d.systems as Json[]).map((s) => [s.id, s]));
      const a1 = bySystem[systems[ids.A1]];
      expect(a1).toMatchObject({
        status: 'live',
        primaryPurpose: 'control_monitor',
        currentCase: {
          id: ids.A1,
          status: 'sent',
          stage: 'employer_decision',
          blocked: false,
          goLiveGate: { open: false },
        },
      });
      expect(a1.currentCase.goLiveGate.unmet.length).toBeGreaterThan(0);
      const gate = (await get('hrA', `/cases/${ids.A1}/go-live-gate`).expect(200)).body as Json;
      expect(a1.currentCase.goLiveGate.unmet).toEqual(
        gate.conditions.filter((c: Json) => !c.met).map((c: Json) => c.key),
      );
      expect(bySystem[systems[ids.A4]].currentCase).toMatchObject({
        id: ids.A4,
        status: 'draft',
        stage: 'draft',
      });
      expect(bySystem[systems[ids.A3]].currentCase).toMatchObject({
        id: ids.A3,
        blocked: true,
        stage: 'prohibited',
      });
      const shadow = (d.systems as Json[]).find((s) => s.name === 'ShadowChat');
      expect(shadow).toMatchObject({ status: 'live', currentCase: null, cases: [] });
    });

    it("is the employer's own", async () => {
      for (const who of ['chairA', 'x', 'hrB']) {
        expect(
          (await get(who, `/organisations/${orgA.organisationId}/overview`).expect(404)).body.code,
        ).toBe('organisation.not_found');
      }
    });
  });

  describe('CSV exports of cases', () => {
    it('exports the visible cases, quoting and neutralising formulas', async () => {
      const res = await get('x', '/cases.csv').expect(200);
      expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
      const lines = res.text.split('\r\n').filter(Boolean);
      expect(lines[0]).toBe(
        'id,title,organisation_id,works_council_id,ai_system_id,status,stage,blocked,version,updated_at',
      );
      expect(
        lines
          .slice(1)
          .map((l) => l.slice(0, 36))
          .sort(),
      ).toEqual([ids.A1, ids.A2, ids.A3, ids.B1, ids.B2].sort());
      expect(lines.find((l) => l.startsWith(ids.B2))).toContain(
        `,"'=HYPERLINK(""http://evil.example"",""open""), ""quoted""",`,
      );
      const drafts = (await get('hrA', '/cases.csv?status=draft').expect(200)).text
        .split('\r\n')
        .filter(Boolean);
      expect(drafts.slice(1).map((l) => l.slice(0, 36))).toEqual([ids.A4]);
    });

    it("exports a case's deadlines and audit trail under the same policy as their JSON routes", async () => {
      const json = (await get('chairA', `/cases/${ids.A1}/deadlines`).expect(200)).body
        .items as Json[];
      const csv = (await get('chairA', `/cases/${ids.A1}/deadlines.csv`).expect(200)).text
        .split('\r\n')
        .filter(Boolean);
      expect(csv[0]).toBe(
        'id,track,rule_id,source,statutory,fatal,trigger_date,strict_date,extended_date,due_at,status',
      );
      expect(csv.slice(1)).toEqual(
        json.map((d) =>
          [
            d.id,
            d.track,
            d.ruleId,
            d.source,
            d.statutory,
            d.fatal,
            d.triggerDate,
            d.strictDate,
            d.extendedDate,
            d.dueAt,
            d.status,
          ].join(','),
        ),
      );

      const trail = (await get('chairA', `/cases/${ids.A1}/audit`).expect(200)).body
        .items as Json[];
      const audit = await get('chairA', `/cases/${ids.A1}/audit.csv`).expect(200);
      const lines = audit.text.split('\r\n').filter(Boolean);
      expect(lines[0]).toBe('seq,occurred_at,actor_id,action,before,after,hash');
      expect(lines).toHaveLength(trail.length + 1);
      expect(
        lines[1].startsWith(`1,${trail[0].occurredAt},${trail[0].actorId},case.created,,"{`),
      ).toBe(true);
      expect(lines.some((l) => l.includes(',union_share.granted,'))).toBe(true);

      await get('hrB', `/cases/${ids.A1}/deadlines.csv`).expect(404);
      await get('hrB', `/cases/${ids.A1}/audit.csv`).expect(404);
      expect((await get('y', `/cases/${ids.A1}/audit.csv`).expect(403)).body.code).toBe(
        'auth.permission_denied',
      );
    });
  });
});
