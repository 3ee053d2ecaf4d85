import { AuthService } from '@wc/auth';
import { CouncilDashboardService, UnionDashboardService } from '@wc/overviews';
import type { GivenOrganisation, GivenUser } from '@wc/testing';

import { fileCase } from './support/case-fixtures';
import { allItems, itemsOf } from './support/pages';
import { StatementCounter } from './support/statement-counter';
import { startTestApp, type TestApp } from './support/test-app';

/**
 * The council and union dashboards read sets, not cases one by one (issue #13): the number of SQL
 * statements one dashboard costs is the same for one case as for four, each with a committee, an
 * information request, a vote and an agenda item. Statements are counted at the pg client, for
 * the dashboard call only (an AsyncLocalStorage scope), so the relays' polling does not count.
 */
describe('dashboards run a constant number of SQL statements (e2e)', () => {
  let t: TestApp;
  let org: GivenOrganisation;
  let union: { organisationId: string; officer: GivenUser };
  let meetingId: string;
  const bearer: Record<string, string> = {};
  const counter = new StatementCounter();
  const statementsOf = <T>(run: () => Promise<T>) => counter.statementsOf(run);

  /** A sent case of the committee, with an open art. 31 request, an open vote and an agenda item. */
  async function addCase({ committee } = { committee: true }): Promise<void> {
    const filed = await fileCase(t, org, bearer.hr);
    if (committee) {
      await t
        .http()
        .put(`/cases/${filed.caseId}/committee`)
        .set('Authorization', bearer.chair)
        .send({ version: filed.version, committeeId: org.committeeId })
        .expect(200);
    }
    await t
      .http()
      .post(`/cases/${filed.caseId}/information-requests`)
      .set('Authorization', bearer.chair)
      .send({ question: 'Welke data?' })
      .expect(201);
    const closesAt = new Date(t.clock.now().getTime() + 2 * 86_400_000).toISOString();
    await t
      .http()
      .post(`/cases/${filed.caseId}/internal/votes`)
      .set('Authorization', bearer.chair)
      .send({
        proposal: 'Positief advies?',
        options: ['positive', 'negative'],
        quorum: 2,
        closesAt,
      })
      .expect(201);
    await t
      .http()
      .post(`/meetings/${meetingId}/agenda-items`)
      .set('Authorization', bearer.chair)
      .send({ title: 'Agendapunt', caseId: filed.caseId })
      .expect(201);
  }

  async function measure(): Promise<
    Record<
      string,
      {
        statements: number;
        cases: number;
        votes?: number;
        requests?: number;
        meetingCases?: number;
      }
    >
  > {
    const councilDashboards = t.app.get(CouncilDashboardService);
    const auth = t.app.get(AuthService);
    const chair = (await auth.actorFor(org.chair.id))!;
    const committeeMember = (await auth.actorFor(org.committeeMember.id))!;
    const officer = (await auth.actorFor(union.officer.id))!;
    const council = async (actor: typeof chair) => {
      const { result, statements } = await statementsOf(() =>
        councilDashboards.councilDashboard(actor, org.worksCouncilId, {}),
      );
      return {
        statements: statements.length,
        cases: result.totals.cases,
        votes: result.totals.openVotes,
        requests: result.totals.openInformationRequests,
        meetingCases: result.upcomingMeetings[0]?.cases.length ?? 0,
      };
    };
    const unionRun = await statementsOf(() =>
      t.app.get(UnionDashboardService).dashboard(officer, union.organisationId, {}),
    );
    return {
      chair: await council(chair),
      committeeMember: await council(committeeMember),
      union: { statements: unionRun.statements.length, cases: unionRun.result.totals.cases },
    };
  }

  beforeAll(async () => {
    counter.install();
    t = await startTestApp();
    org = await t.given.organisation();
    union = await t.given.union();
    for (const [name, user] of Object.entries({ hr: org.hr, chair: org.chair })) {
      bearer[name] = await t.login(user);
    }
    await t
      .http()
      .post(`/works-councils/${org.worksCouncilId}/union-shares`)
      .set('Authorization', bearer.chair)
      .send({ unionOrganisationId: union.organisationId, allCases: true, scope: 'dossier' })
      .expect(201);
    const meeting = await t
      .http()
      .post(`/works-councils/${org.worksCouncilId}/meetings`)
      .set('Authorization', bearer.chair)
      .send({
        kind: 'consultation',
        title: 'Overlegvergadering',
        startsAt: '2026-03-20T09:00:00Z',
        location: 'Zaal 2',
      })
      .expect(201);
    meetingId = meeting.body.id as string;
  });
  afterAll(async () => {
    counter.uninstall();
    await t.close();
  });

  it('costs the same statements for one case as for four, on the council dashboard (board and committee member) and the union dashboard', async () => {
    await addCase();
    const one = await measure();
    await addCase();
    await addCase();
    await addCase();
    const four = await measure();

    // The dashboards did see every case (so the counts compare like with like)...
    expect(one).toMatchObject({
      chair: { cases: 1, votes: 1, requests: 1, meetingCases: 1 },
      committeeMember: { cases: 1, votes: 1, requests: 1, meetingCases: 1 },
      union: { cases: 1 },
    });
    expect(four).toMatchObject({
      chair: { cases: 4, votes: 4, requests: 4, meetingCases: 4 },
      committeeMember: { cases: 4, votes: 4, requests: 4, meetingCases: 4 },
      union: { cases: 4 },
    });
    // ...and no statement more for the three extra cases.
    expect({
      chair: four.chair.statements,
      committeeMember: four.committeeMember.statements,
      union: four.union.statements,
    }).toEqual({
      chair: one.chair.statements,
      committeeMember: one.committeeMember.statements,
      union: one.union.statements,
    });
    // A handful, not one per case (and counted at all); the council's open requests outside any
    // case and the commitments (issue #19) cost one statement more than before on each.
    expect(one.chair.statements).toBeGreaterThanOrEqual(5);
    expect(one.union.statements).toBeGreaterThanOrEqual(4);
    expect(four.chair.statements).toBeLessThanOrEqual(15);
    expect(four.committeeMember.statements).toBeLessThanOrEqual(15);
    expect(four.union.statements).toBeLessThanOrEqual(9);
  });

  it('lists at most the list limit on both dashboards, while the totals and the union CSV count every case', async () => {
    const auth = t.app.get(AuthService);
    const [template] = await t.ownerQuery<{ id: string }>(
      `SELECT id FROM ai_case WHERE works_council_id = $1 AND status = 'sent' ORDER BY created_at LIMIT 1`,
      [org.worksCouncilId],
    );
    // Copies of a filed case, with its tracks and open terms, straight into the tables: sixty
    // cases through the API would only slow the test down.
    await t.ownerQuery(
      `WITH copies AS (
         INSERT INTO ai_case (organisation_id, works_council_id, ai_system_id, title, status, stage, blocked, contents, triage, gate_facts, expert_ids, sent_at, created_by, version)
         SELECT c.organisation_id, c.works_council_id, c.ai_system_id, c.title || ' #' || g, c.status, c.stage, c.blocked, c.contents, c.triage, c.gate_facts, c.expert_ids, c.sent_at, c.created_by, c.version
           FROM ai_case c, generate_series(1, 60) g WHERE c.id = $1 RETURNING id, organisation_id, works_council_id
       )
       INSERT INTO deadline (case_id, organisation_id, works_council_id, track_kind, rule_id, source, statutory, fatal, trigger_date, strict_date, extended_date, due_at, status)
       SELECT copies.id, copies.organisation_id, copies.works_council_id, d.track_kind, d.rule_id, d.source, d.statutory, d.fatal, d.trigger_date, d.strict_date, d.extended_date, d.due_at, d.status
         FROM copies JOIN deadline d ON d.case_id = $1 AND d.status = 'open'`,
      [template.id],
    );
    const chair = (await auth.actorFor(org.chair.id))!;
    const officer = (await auth.actorFor(union.officer.id))!;

    const council = await t.app
      .get(CouncilDashboardService)
      .councilDashboard(chair, org.worksCouncilId, {});
    const unionDashboard = t.app.get(UnionDashboardService);
    const shared = await unionDashboard.dashboard(officer, union.organisationId, {});
    const csvRows = (await unionDashboard.csv(officer, union.organisationId, {}))
      .trim()
      .split('\n');

    expect(council.listLimit).toBe(50);
    expect({ total: council.totals.cases, listed: council.cases.length }).toEqual({
      total: 64,
      listed: 50,
    });
    expect({ total: shared.totals.cases, listed: shared.cases.length }).toEqual({
      total: 64,
      listed: 50,
    });
    // Every term counted, the first fifty listed.
    const upcoming = shared.totals.upcomingDeadlines + shared.totals.overdueDeadlines;
    expect(upcoming).toBeGreaterThan(50);
    expect(shared.deadlines.upcoming.length + shared.deadlines.overdue.length).toBeLessThanOrEqual(
      100,
    );
    for (const week of council.deadlineTimeline) {
      expect(week.deadlines.length).toBe(Math.min(week.count, 50));
    }
    expect(csvRows).toHaveLength(1 + 64);
  });

  it('counts for members with several roles what the case routes show them: requests only where they read the dossier, votes only where they use the internal space', async () => {
    // A case outside the committee, with an open request and a vote, and a union whose share
    // shows status only; the committee member is an officer of that union, and the chair also
    // sits on the employer side (whose side comes first: no internal space for them).
    await addCase({ committee: false });
    const statusUnion = await t.given.union();
    await t
      .http()
      .post(`/works-councils/${org.worksCouncilId}/union-shares`)
      .set('Authorization', bearer.chair)
      .send({ unionOrganisationId: statusUnion.organisationId, allCases: true, scope: 'status' })
      .expect(201);
    await t.given.membership(org.committeeMember.id, statusUnion.organisationId, 'union_officer');
    await t.given.membership(org.chair.id, org.organisationId, 'hr_manager');
    const auth = t.app.get(AuthService);
    const dashboards = t.app.get(CouncilDashboardService);

    const seen: Record<string, unknown> = {};
    const shown: Record<string, unknown> = {};
    for (const [name, user] of Object.entries({
      committeeMember: org.committeeMember,
      chair: org.chair,
    })) {
      const dashboard = await dashboards.councilDashboard(
        (await auth.actorFor(user.id))!,
        org.worksCouncilId,
        {},
      );
      seen[name] = {
        cases: dashboard.totals.cases,
        requests: dashboard.totals.openInformationRequests,
        votes: dashboard.totals.openVotes,
      };
      const as = await t.login(user);
      const cases = await allItems<{ id: string }>(t, '/cases', as, {
        worksCouncilId: org.worksCouncilId,
        status: 'sent',
      });
      let requests = 0;
      let votes = 0;
      for (const { id } of cases) {
        const asked = await t
          .http()
          .get(`/cases/${id}/information-requests`)
          .set('Authorization', as);
        requests +=
          asked.status === 200
            ? itemsOf<{ answer: string | null }>(asked).filter((r) => r.answer === null).length
            : 0;
        const voted = await t.http().get(`/cases/${id}/internal/votes`).set('Authorization', as);
        votes +=
          voted.status === 200
            ? itemsOf<{ status: string }>(voted).filter((v) => v.status === 'open').length
            : 0;
      }
      shown[name] = { cases: cases.length, requests, votes };
    }

    expect(seen).toEqual(shown);
    // The committee member sees the other case through the status share: counted, but neither
    // its request nor its vote; the chair, on the employer side too, no vote at all.
    expect(seen).toMatchObject({
      committeeMember: { cases: 65, requests: 4, votes: 4 },
      chair: { cases: 65, requests: 5, votes: 0 },
    });
  });
});
