import type { GivenOrganisation } from '@wc/testing';

import { completeDossier, fileCase, monitoringTriageAnswers } from './support/case-fixtures';
import { allItems } from './support/pages';
import { startTestApp, type TestApp } from './support/test-app';

type Json = Record<string, any>;

/**
 * Issue #14: the council's rights and the record hold. A re-triage does not take a right the
 * council holds; dates follow the case's own events; one meeting counts for every track; the
 * register respects the go-live gate. The clock starts on Monday 2 March 2026 and only the last
 * block moves it.
 */
describe('the integrity of the record (e2e, issue #14)', () => {
  let t: TestApp;
  let org: GivenOrganisation;
  const bearer: Record<string, string> = {};

  /** Logs everyone in again: access tokens expire when the clock jumps days. */
  async function login(): Promise<void> {
    for (const [name, user] of Object.entries({
      hr: org.hr,
      chair: org.chair,
      secretary: org.secretary,
      member: org.member,
    })) {
      bearer[name] = await t.login(user);
    }
  }

  beforeAll(async () => {
    t = await startTestApp();
    org = await t.given.organisation();
    await login();
  });
  afterAll(() => t.close());

  const get = async (caseId: string, who = 'hr'): Promise<Json> =>
    (await t.http().get(`/cases/${caseId}`).set('Authorization', bearer[who]).expect(200))
      .body as Json;
  const stageOf = (body: Json, kind: string): string =>
    (body.tracks as Json[]).find((tr) => tr.kind === kind)?.stage;

  async function act(who: string, caseId: string, kind: string, action: Json, expected = 201) {
    const { version } = await get(caseId);
    const res = await t
      .http()
      .post(`/cases/${caseId}/tracks/${kind}/transitions`)
      .set('Authorization', bearer[who])
      .send({ version, action });
    if (res.status !== expected) {
      throw new Error(
        `${kind}/${String(action.type)}: expected ${expected}, got ${res.status} ${JSON.stringify(res.body)}`,
      );
    }
    return res;
  }

  /** A sent case with both requests submitted on 2 March after a consultation on each track. */
  async function caseWithRequests(): Promise<string> {
    const { caseId } = await fileCase(t, org, bearer.hr);
    await completeDossier(t, caseId, bearer.hr);
    for (const kind of ['advice', 'consent']) {
      await act('hr', caseId, kind, {
        type: 'request_consultation',
        reasons: 'Voorgenomen besluit bespreken',
      });
      await act('chair', caseId, kind, { type: 'record_consultation_held', heldOn: '2026-03-02' });
      await act('hr', caseId, kind, { type: 'submit_request' });
    }
    return caseId;
  }

  /** After a negative advice and a refused consent, HR answers "no works council". */
  async function proposedAfterNegativePositions(): Promise<string> {
    const caseId = await caseWithRequests();
    await act('chair', caseId, 'advice', {
      type: 'record_council_position',
      position: 'negative',
      reasons: 'Geen individuele monitoring',
    });
    await act('chair', caseId, 'consent', {
      type: 'record_council_position',
      position: 'refused',
      reasons: 'Regeling te ruim',
    });
    const { version } = await get(caseId);
    const res = await t
      .http()
      .put(`/cases/${caseId}/triage`)
      .set('Authorization', bearer.hr)
      .send({ version, answers: monitoringTriageAnswers({ councilType: 'none' }) })
      .expect(200);
    expect(res.body.version).toBe(version + 1);
    return caseId;
  }

  describe('rights once held are not removed by a form', () => {
    it('turns a withdrawing re-triage into a proposal: tracks stay, the gate stays closed, the council sees the answers', async () => {
      const caseId = await proposedAfterNegativePositions();
      const seen = await get(caseId, 'member');
      expect([stageOf(seen, 'advice'), stageOf(seen, 'consent')]).toEqual([
        'council_position',
        'council_position',
      ]);
      expect(seen.triage.outcome.advice.applies).toBe(true);
      expect(seen.triage.answers.councilType).toBe('or');
      expect(seen.triage.proposal).toMatchObject({
        status: 'proposed',
        answers: expect.objectContaining({ councilType: 'none' }),
        reasons: expect.arrayContaining([
          'withdraws_track:advice',
          'withdraws_track:consent',
          'contradicts:councilType',
        ]),
        contradictions: [
          { answer: 'councilType', given: 'none', known: 'or', source: 'works_council' },
        ],
      });
      expect(seen.goLiveGate.open).toBe(false);
      expect(seen.goLiveGate.conditions).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ key: 'suspension_over', met: false }),
          expect.objectContaining({ key: 'consent_present', met: false }),
        ]),
      );
      const log = await allItems<Json>(t, `/cases/${caseId}/events?after=0`, bearer.chair);
      expect(log.filter((e) => e.type === 'case.triage_proposed')).toEqual([
        expect.objectContaining({
          payload: expect.objectContaining({
            proposalId: seen.triage.proposal.id,
            awaiting: 'council_board',
          }),
        }),
      ]);
      const audit = (
        await t.http().get(`/cases/${caseId}/audit`).set('Authorization', bearer.chair).expect(200)
      ).body.items as Json[];
      expect(audit.map((a) => a.action)).toContain('case.triage_proposed');
    });

    it('applies the proposal when the board accepts it: the tracks are withdrawn', async () => {
      const caseId = await proposedAfterNegativePositions();
      const { version } = await get(caseId);
      await t
        .http()
        .post(`/cases/${caseId}/triage-proposal/acceptance`)
        .set('Authorization', bearer.member)
        .send({ version })
        .expect(403);
      await t
        .http()
        .post(`/cases/${caseId}/triage-proposal/acceptance`)
        .set('Authorization', bearer.hr)
        .send({ version })
        .expect(403);
      const stale = await t
        .http()
        .post(`/cases/${caseId}/triage-proposal/acceptance`)
        .set('Authorization', bearer.chair)
        .send({ version: version - 1 })
        .expect(409);
      expect(stale.body.code).toBe('case.version_conflict');
      const accepted = await t
        .http()
        .post(`/cases/${caseId}/triage-proposal/acceptance`)
        .set('Authorization', bearer.chair)
        .send({ version })
        .expect(201);
      expect([stageOf(accepted.body, 'advice'), stageOf(accepted.body, 'consent')]).toEqual([
        'withdrawn',
        'withdrawn',
      ]);
      expect(accepted.body.triage).toMatchObject({
        answers: { councilType: 'none' },
        lastProposal: { status: 'accepted' },
      });
      expect(accepted.body.triage.proposal).toBeUndefined();
      const again = await t
        .http()
        .post(`/cases/${caseId}/triage-proposal/acceptance`)
        .set('Authorization', bearer.chair)
        .send({ version: accepted.body.version })
        .expect(409);
      expect(again.body.code).toBe('case.triage_proposal_missing');
    });

    it('keeps the rights when the board contests a specific answer', async () => {
      const caseId = await proposedAfterNegativePositions();
      const { version } = await get(caseId);
      const unknown = await t
        .http()
        .post(`/cases/${caseId}/triage-proposal/contest`)
        .set('Authorization', bearer.secretary)
        .send({ version, reasons: 'Onjuist', answers: ['noSuchAnswer'] })
        .expect(422);
      expect(unknown.body.code).toBe('case.triage_answer_unknown');
      const contested = await t
        .http()
        .post(`/cases/${caseId}/triage-proposal/contest`)
        .set('Authorization', bearer.secretary)
        .send({
          version,
          reasons: 'Deze onderneming heeft een ondernemingsraad.',
          answers: ['councilType'],
        })
        .expect(201);
      expect([stageOf(contested.body, 'advice'), stageOf(contested.body, 'consent')]).toEqual([
        'council_position',
        'council_position',
      ]);
      expect(contested.body.triage.proposal).toMatchObject({
        status: 'contested',
        contest: {
          answers: ['councilType'],
          reasons: 'Deze onderneming heeft een ondernemingsraad.',
        },
      });
      expect(contested.body.goLiveGate.open).toBe(false);
      // A contested proposal can still be accepted once the parties agree.
      await t
        .http()
        .post(`/cases/${caseId}/triage-proposal/acceptance`)
        .set('Authorization', bearer.chair)
        .send({ version: contested.body.version })
        .expect(201);
    });

    it('applies a re-triage that only adds rights at once', async () => {
      const { caseId, version } = await fileCase(t, org, bearer.hr);
      const res = await t
        .http()
        .put(`/cases/${caseId}/triage`)
        .set('Authorization', bearer.hr)
        .send({ version, answers: monitoringTriageAnswers({ usedForAppraisal: true }) })
        .expect(200);
      expect(res.body.triage.outcome.consent.letters).toContain('g');
      expect(res.body.triage.proposal).toBeUndefined();
    });
  });

  describe('one meeting, every track it covers', () => {
    it('a consultation recorded on the advice track counts for the consent request on the table', async () => {
      const { caseId } = await fileCase(t, org, bearer.hr);
      await completeDossier(t, caseId, bearer.hr);
      for (const kind of ['advice', 'consent']) {
        await act('hr', caseId, kind, { type: 'submit_request' });
      }
      const held = await act('chair', caseId, 'advice', {
        type: 'record_consultation_held',
        heldOn: '2026-03-02',
      });
      expect(
        (held.body.tracks as Json[])
          .filter((tr) => ['advice', 'consent'].includes(tr.kind))
          .map((tr) => tr.snapshot.consultationsHeld),
      ).toEqual([1, 1]);
      await act('chair', caseId, 'advice', {
        type: 'record_council_position',
        position: 'positive',
      });
      await act('chair', caseId, 'consent', {
        type: 'record_council_position',
        position: 'granted',
        reasons: 'Met waarborgen',
      });
    });

    it('a consultation meeting held after both requests satisfies advice and consent', async () => {
      const { caseId } = await fileCase(t, org, bearer.hr);
      await completeDossier(t, caseId, bearer.hr);
      for (const kind of ['advice', 'consent']) {
        await act('hr', caseId, kind, { type: 'submit_request' });
      }
      const meeting = await t
        .http()
        .post(`/works-councils/${org.worksCouncilId}/meetings`)
        .set('Authorization', bearer.hr)
        .send({
          kind: 'consultation',
          title: 'Overleg',
          startsAt: '2026-03-02T08:00:00Z',
          location: 'Zaal 1',
        })
        .expect(201);
      const item = await t
        .http()
        .post(`/meetings/${meeting.body.id}/agenda-items`)
        .set('Authorization', bearer.hr)
        .send({ title: 'WarehouseInsight', caseId })
        .expect(201);
      const held = await t
        .http()
        .post(`/meetings/${meeting.body.id}/held`)
        .set('Authorization', bearer.chair)
        .send({ version: item.body.version })
        .expect(200);
      expect(held.body.consultationsRecorded).toEqual([
        { caseId, track: 'advice' },
        { caseId, track: 'consent' },
      ]);
      await act('chair', caseId, 'consent', {
        type: 'record_council_position',
        position: 'granted',
        reasons: 'Met waarborgen',
      });
      await act('chair', caseId, 'advice', {
        type: 'record_council_position',
        position: 'positive',
      });
    });

    it('refuses a meeting "held" in 2020 with the event it contradicts', async () => {
      const { caseId } = await fileCase(t, org, bearer.hr);
      await act('hr', caseId, 'advice', { type: 'request_consultation', reasons: 'Bespreken' });
      const meeting = await t
        .http()
        .post(`/works-councils/${org.worksCouncilId}/meetings`)
        .set('Authorization', bearer.hr)
        .send({
          kind: 'consultation',
          title: 'Overleg',
          startsAt: '2026-03-02T08:00:00Z',
          location: 'Zaal 1',
        })
        .expect(201);
      const item = await t
        .http()
        .post(`/meetings/${meeting.body.id}/agenda-items`)
        .set('Authorization', bearer.hr)
        .send({ title: 'WarehouseInsight', caseId })
        .expect(201);
      const refused = await t
        .http()
        .post(`/meetings/${meeting.body.id}/held`)
        .set('Authorization', bearer.chair)
        .send({ version: item.body.version, heldOn: '2020-06-01' })
        .expect(422);
      expect(refused.body).toMatchObject({
        code: 'case.date_before_event',
        event: 'consultation_requested',
        eventDate: '2026-03-02',
      });
      expect(
        (
          await t
            .http()
            .get(`/meetings/${meeting.body.id}`)
            .set('Authorization', bearer.hr)
            .expect(200)
        ).body.status,
      ).toBe('planned');
    });
  });

  describe('the register respects the gate', () => {
    it('refuses "live" while a case gate is closed, listing the open conditions, and tells the council of a pilot', async () => {
      const { caseId } = await fileCase(t, org, bearer.hr);
      const { aiSystemId } = await get(caseId);
      const system = (
        await t.http().get(`/ai-systems/${aiSystemId}`).set('Authorization', bearer.hr).expect(200)
      ).body as Json;
      const refused = await t
        .http()
        .patch(`/ai-systems/${aiSystemId}`)
        .set('Authorization', bearer.hr)
        .send({ version: system.version, status: 'live' })
        .expect(409);
      expect(refused.body).toMatchObject({
        code: 'ai_system.go_live_blocked',
        cases: [
          {
            caseId,
            openConditions: expect.arrayContaining([
              'suspension_over',
              'consent_present',
              'dpia_done',
            ]),
          },
        ],
      });
      expect(
        (
          await t
            .http()
            .get(`/ai-systems/${aiSystemId}`)
            .set('Authorization', bearer.hr)
            .expect(200)
        ).body.status,
      ).toBe('planned');

      const pilot = await t
        .http()
        .patch(`/ai-systems/${aiSystemId}`)
        .set('Authorization', bearer.hr)
        .send({ version: system.version, status: 'pilot' })
        .expect(200);
      expect(pilot.body.status).toBe('pilot');
      const log = await allItems<Json>(t, `/cases/${caseId}/events?after=0`, bearer.member);
      expect(log.filter((e) => e.type === 'ai_system.use_started_gate_closed')).toEqual([
        expect.objectContaining({
          payload: expect.objectContaining({
            aiSystemId,
            status: 'pilot',
            openConditions: expect.arrayContaining(['consent_present']),
          }),
        }),
      ]);
      const stillRefused = await t
        .http()
        .patch(`/ai-systems/${aiSystemId}`)
        .set('Authorization', bearer.hr)
        .send({ version: pilot.body.version, status: 'live' })
        .expect(409);
      expect(stillRefused.body.code).toBe('ai_system.go_live_blocked');
    });
  });

  describe('a use the council reports', () => {
    it('is audited and emitted at once with the gate conditions still open', async () => {
      const { caseId } = await fileCase(t, org, bearer.hr);
      const { version } = await get(caseId);
      await t
        .http()
        .post(`/cases/${caseId}/use-reports`)
        .set('Authorization', bearer.hr)
        .send({ version, observedOn: '2026-03-02', note: 'Draait al' })
        .expect(403);
      const future = await t
        .http()
        .post(`/cases/${caseId}/use-reports`)
        .set('Authorization', bearer.member)
        .send({ version, observedOn: '2026-03-03', note: 'Draait al' })
        .expect(422);
      expect(future.body.code).toBe('case.date_in_future');
      await t
        .http()
        .post(`/cases/${caseId}/use-reports`)
        .set('Authorization', bearer.member)
        .send({ version, observedOn: '2026-03-02', note: 'Het systeem draait al in magazijn 3.' })
        .expect(201);
      const log = await allItems<Json>(t, `/cases/${caseId}/events?after=0`, bearer.hr);
      expect(log.filter((e) => e.type === 'case.use_reported').map((e) => e.payload)).toEqual([
        expect.objectContaining({
          observedOn: '2026-03-02',
          gateOpen: false,
          openConditions: expect.arrayContaining(['consent_present']),
        }),
      ]);
      const audit = (
        await t.http().get(`/cases/${caseId}/audit`).set('Authorization', bearer.chair).expect(200)
      ).body.items as Json[];
      expect(audit.at(-1)).toMatchObject({
        action: 'case.use_reported',
        after: expect.objectContaining({ note: 'Het systeem draait al in magazijn 3.' }),
      });
    });
  });

  describe('dates are checked against the case events', () => {
    it('refuses each kind of backdated date, naming the event and its date', async () => {
      const { caseId } = await fileCase(t, org, bearer.hr);
      await completeDossier(t, caseId, bearer.hr);
      const before = await act(
        'hr',
        caseId,
        'advice',
        { type: 'submit_request', receivedOn: '2026-02-27' },
        422,
      );
      expect(before.body).toMatchObject({
        code: 'case.date_before_event',
        event: 'case_sent',
        eventDate: '2026-03-02',
        status: 422,
      });
      await act('hr', caseId, 'consent', { type: 'request_consultation', reasons: 'Bespreken' });
      const early = await act(
        'chair',
        caseId,
        'consent',
        { type: 'record_consultation_held', heldOn: '2026-03-01' },
        422,
      );
      expect(early.body).toMatchObject({
        event: 'consultation_requested',
        eventDate: '2026-03-02',
      });
      await act('chair', caseId, 'consent', {
        type: 'record_consultation_held',
        heldOn: '2026-03-02',
      });
      for (const kind of ['advice', 'consent']) {
        await act('hr', caseId, kind, { type: 'submit_request' });
      }
      await act('chair', caseId, 'advice', {
        type: 'record_consultation_held',
        heldOn: '2026-03-02',
      });
      const advice = await act(
        'chair',
        caseId,
        'advice',
        {
          type: 'record_council_position',
          position: 'negative',
          reasons: 'Te ingrijpend',
          receivedOn: '2026-02-20',
        },
        422,
      );
      expect(advice.body).toMatchObject({
        code: 'case.date_before_event',
        event: 'request_received',
        eventDate: '2026-03-02',
      });

      t.clock.advance({ days: 3 });
      await login();
      await act('chair', caseId, 'advice', {
        type: 'record_council_position',
        position: 'negative',
        reasons: 'Te ingrijpend',
        receivedOn: '2026-03-04',
      });
      const beforePosition = await act(
        'hr',
        caseId,
        'advice',
        {
          type: 'record_employer_decision',
          follows: false,
          reasons: 'Bedrijfsbelang',
          receivedOn: '2026-03-03',
        },
        422,
      );
      expect(beforePosition.body).toMatchObject({
        event: 'council_position_received',
        eventDate: '2026-03-04',
      });
      const twoMonthsBack = await act(
        'hr',
        caseId,
        'advice',
        {
          type: 'record_employer_decision',
          follows: false,
          reasons: 'Bedrijfsbelang',
          receivedOn: '2026-01-02',
        },
        422,
      );
      expect(twoMonthsBack.body).toMatchObject({
        event: 'request_received',
        eventDate: '2026-03-02',
      });
      const future = await act(
        'hr',
        caseId,
        'advice',
        {
          type: 'record_employer_decision',
          follows: false,
          reasons: 'Bedrijfsbelang',
          receivedOn: '2026-03-20',
        },
        409,
      );
      expect(future.body.missing).toContain('received_on');
      expect(stageOf(await get(caseId), 'advice')).toBe('council_position');

      // Thursday 5 → Monday 9 March: a decision received on Wednesday 4 March is three working
      // days old. Accepted, flagged, audited, and the suspension runs from the day received.
      t.clock.advance({ days: 4 });
      await login();
      const late = await act('hr', caseId, 'advice', {
        type: 'record_employer_decision',
        follows: false,
        reasons: 'Bedrijfsbelang',
        receivedOn: '2026-03-04',
      });
      expect(late.body.lateEntries).toEqual([
        {
          track: 'advice',
          action: 'record_employer_decision',
          at: expect.any(String),
          claimedOn: '2026-03-04',
          recordedOn: '2026-03-09',
        },
      ]);
      const history = (late.body.tracks as Json[]).find((tr) => tr.kind === 'advice')?.snapshot
        .history as Json[];
      expect(history.at(-1)).toMatchObject({
        to: 'suspension',
        recordedLate: { claimedOn: '2026-03-04', recordedOn: '2026-03-09' },
      });
      expect(late.body.deadlines).toEqual(
        expect.arrayContaining([
          expect.objectContaining({
            ruleId: 'suspension_term',
            triggerDate: '2026-03-04',
            strictDate: '2026-04-04',
          }),
        ]),
      );
      const audit = (
        await t.http().get(`/cases/${caseId}/audit`).set('Authorization', bearer.chair).expect(200)
      ).body.items as Json[];
      expect(audit.at(-1)).toMatchObject({
        action: 'case.track_transitioned',
        after: expect.objectContaining({
          recordedLate: { claimedOn: '2026-03-04', recordedOn: '2026-03-09' },
        }),
      });
      const log = await allItems<Json>(t, `/cases/${caseId}/events?after=0`, bearer.member);
      expect(
        log.filter((e) => e.type === 'case.entry_recorded_late').map((e) => e.payload),
      ).toEqual([expect.objectContaining({ claimedOn: '2026-03-04', recordedOn: '2026-03-09' })]);
    });
  });
});
