import type { GivenOrganisation } from '@wc/testing';

import {
  completeDossier,
  fileCase,
  monitoringTriageAnswers,
  trainOverseers,
  fulfilGoLiveDuties,
} from './support/case-fixtures';
import { itemsOf } from './support/pages';
import { startTestApp, type TestApp } from './support/test-app';

describe('AI introduction cases (e2e)', () => {
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

  async function act(
    bearer: string,
    caseId: string,
    kind: string,
    action: Record<string, unknown>,
    expected = 201,
  ) {
    const current = await t.http().get(`/cases/${caseId}`).set('Authorization', hr).expect(200);
    const res = await t
      .http()
      .post(`/cases/${caseId}/tracks/${kind}/transitions`)
      .set('Authorization', bearer)
      .send({ version: current.body.version, action });
    if (res.status !== expected) {
      throw new Error(
        `${kind}/${String(action.type)}: expected ${expected}, got ${res.status} ${JSON.stringify(res.body)}`,
      );
    }
    if (res.status === 201) {
      stages.push(`${kind}/${String(action.type)} → ${res.body.stage}`);
    }
    return res;
  }
  /** The case's overall stage (the header badge) after each step, for hand-worked sequences. */
  let stages: string[] = [];

  it('triage decides the rights with reasons and sources, and opens the parallel tracks', async () => {
    const { caseId } = await fileCase(t, org, hr);
    const res = await t.http().get(`/cases/${caseId}`).set('Authorization', member).expect(200);
    const outcome = res.body.triage.outcome;
    expect(outcome.advice).toMatchObject({ applies: true, letters: expect.arrayContaining(['k']) });
    expect(outcome.consent).toMatchObject({
      applies: true,
      letters: expect.arrayContaining(['k', 'l']),
    });
    expect(outcome.aiAct).toMatchObject({
      highRisk: true,
      noticeToWorkersRequired: true,
      fria: false,
    });
    expect(outcome.dpia.required).toBe(true);
    expect(outcome.reasons.length).toBeGreaterThan(3);
    for (const reason of outcome.reasons) {
      expect(reason.sources.length).toBeGreaterThan(0);
    }
    expect(res.body.tracks.map((tr: { kind: string }) => tr.kind).sort()).toEqual([
      'advice',
      'ai_act',
      'consent',
      'dpia',
      'skills',
    ]);
    expect(res.body.yourSide).toBe('council_member');
  });

  it('re-triage keeps its history, opens newly required tracks and withdraws dropped ones', async () => {
    const { caseId, version } = await fileCase(t, org, hr, {
      answers: monitoringTriageAnswers({
        canMonitorStaff: false,
        processesStaffPersonalData: false,
        largeScaleMonitoring: false,
      }),
      send: false,
    });
    const before = await t.http().get(`/cases/${caseId}`).set('Authorization', hr).expect(200);
    expect(before.body.tracks.map((tr: { kind: string }) => tr.kind)).not.toContain('consent');
    const again = await t
      .http()
      .put(`/cases/${caseId}/triage`)
      .set('Authorization', hr)
      .send({ version, answers: monitoringTriageAnswers() })
      .expect(200);
    expect(again.body.tracks.find((tr: { kind: string }) => tr.kind === 'consent').stage).toBe(
      'screening',
    );
    const third = await t
      .http()
      .put(`/cases/${caseId}/triage`)
      .set('Authorization', hr)
      .send({
        version: again.body.version,
        answers: monitoringTriageAnswers({
          canMonitorStaff: false,
          processesStaffPersonalData: false,
          largeScaleMonitoring: false,
        }),
      })
      .expect(200);
    expect(third.body.tracks.find((tr: { kind: string }) => tr.kind === 'consent').stage).toBe(
      'withdrawn',
    );
    const [{ count }] = await t.db.query<Array<{ count: string }>>(
      `SELECT count(*) FROM triage_record WHERE case_id = $1 AND kind = 'triage'`,
      [caseId],
    );
    expect(Number(count)).toBe(3);
  });

  it('keeps drafts private to the employer side and hides cases from other organisations', async () => {
    const { caseId } = await fileCase(t, org, hr, { send: false });
    await t.http().get(`/cases/${caseId}`).set('Authorization', hr).expect(200);
    const hidden = await t.http().get(`/cases/${caseId}`).set('Authorization', member).expect(404);
    expect(hidden.body.code).toBe('case.not_found');
    const list = await t.http().get('/cases').set('Authorization', member).expect(200);
    expect(list.body.items.map((c: { id: string }) => c.id)).not.toContain(caseId);
    const stranger = await t.login(other.hr);
    const foreign = await t
      .http()
      .get(`/cases/${caseId}`)
      .set('Authorization', stranger)
      .expect(404);
    const unknown = await t
      .http()
      .get('/cases/00000000-0000-4000-8000-000000000000')
      .set('Authorization', stranger)
      .expect(404);
    expect({ ...foreign.body, instance: undefined, correlationId: undefined }).toEqual({
      ...unknown.body,
      instance: undefined,
      correlationId: undefined,
    });
  });

  it('pages the case list newest first with a cursor to the next page, and ends with null', async () => {
    const own = await t.given.organisation();
    const ownHr = await t.login(own.hr);
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      ids.push((await fileCase(t, own, ownHr, { send: i !== 1 })).caseId);
      t.clock.advance({ minutes: 1 });
    }
    const page = async (bearer: string, query: Record<string, string | number>) =>
      (await t.http().get('/cases').query(query).set('Authorization', bearer).expect(200)).body as {
        items: Array<{ id: string }>;
        nextCursor: string | null;
      };
    const first = await page(ownHr, { limit: 2 });
    expect(first.items.map((c) => c.id)).toEqual([ids[2], ids[1]]);
    expect(typeof first.nextCursor).toBe('string');
    const second = await page(ownHr, { limit: 2, cursor: first.nextCursor! });
    expect(second).toEqual({ items: [expect.objectContaining({ id: ids[0] })], nextCursor: null });
    // The council sees the two sent cases only; filters narrow the pages as well.
    const ownMember = await t.login(own.member);
    expect(itemsOf(await page(ownMember, { limit: 200 })).map((c) => c.id)).toEqual([
      ids[2],
      ids[0],
    ]);
    expect(await page(ownHr, { status: 'draft' })).toEqual({
      items: [expect.objectContaining({ id: ids[1] })],
      nextCursor: null,
    });
  });
  it('tells both sides, once, when a case step opens the go-live gate and when one closes it again', async () => {
    const { caseId } = await fileCase(t, org, hr);
    await completeDossier(t, caseId, hr);
    const gateEvents = async () =>
      (
        await t.db.query<Array<{ type: string; payload: { unmet: string[] } }>>(
          `SELECT type, payload FROM domain_event WHERE case_id = $1 AND type LIKE 'case.go_live_gate_%' ORDER BY id`,
          [caseId],
        )
      ).map((e) => [e.type, e.payload.unmet]);
    for (const kind of ['advice', 'consent']) {
      await act(hr, caseId, kind, { type: 'submit_request' });
      await act(chair, caseId, kind, { type: 'record_consultation_held', heldOn: '2026-03-02' });
    }
    const steps: Array<[string, string, Record<string, unknown>]> = [
      [chair, 'advice', { type: 'record_council_position', position: 'positive' }],
      [
        chair,
        'consent',
        { type: 'record_council_position', position: 'granted', reasons: 'Met waarborgen' },
      ],
      [hr, 'advice', { type: 'record_employer_decision', follows: true, receivedOn: '2026-03-02' }],
      [
        hr,
        'consent',
        {
          type: 'record_employer_decision',
          follows: true,
          implementationDate: '2026-05-01',
          receivedOn: '2026-03-02',
        },
      ],
      [hr, 'ai_act', { type: 'prepare_notice' }],
      [
        hr,
        'ai_act',
        { type: 'send_notice', recipients: ['workers_representatives', 'affected_workers'] },
      ],
      [hr, 'dpia', { type: 'start_dpia' }],
      [hr, 'dpia', { type: 'complete_dpia', residualHighRisk: false }],
    ];
    // Each step is told exactly when it is the one that opens the gate; later steps keep it open, silently.
    let wasOpen = false;
    for (const [who, kind, action] of steps) {
      const res = await act(who, caseId, kind, action);
      const open = res.body.goLiveGate.open as boolean;
      expect({ step: action.type, events: await gateEvents() }).toEqual({
        step: action.type,
        events: wasOpen || open ? [['case.go_live_gate_opened', []]] : [],
      });
      wasOpen = wasOpen || open;
    }
    expect(wasOpen).toBe(true);
    // A dossier change moves the gate as well: the overseer's training taken back closes it,
    // recorded again opens it, each told once.
    const plan = await t
      .http()
      .get(`/cases/${caseId}/training-plan`)
      .set('Authorization', hr)
      .expect(200);
    const [completion] = plan.body.completions as Array<{ id: string }>;
    await t
      .http()
      .delete(`/cases/${caseId}/training-plan/completions/${completion.id}`)
      .set('Authorization', hr)
      .expect(204);
    expect((await gateEvents()).slice(1)).toEqual([
      ['case.go_live_gate_closed', ['oversight_trained']],
    ]);
    await trainOverseers(t, caseId, hr);
    expect((await gateEvents()).slice(2)).toEqual([['case.go_live_gate_opened', []]]);
    // Parking the advice track closes the gate again: one event, naming what is now unmet.
    const held = await act(chair, caseId, 'advice', { type: 'put_on_hold' });
    expect(held.body.goLiveGate.open).toBe(false);
    const events = await gateEvents();
    expect(events).toHaveLength(4);
    expect(events[3][0]).toBe('case.go_live_gate_closed');
    expect(events[3][1]).toEqual(
      held.body.goLiveGate.conditions
        .filter((c: { met: boolean }) => !c.met)
        .map((c: { key: string }) => c.key),
    );
  });

  it('drives advice and consent to implementation and evaluation, with a deviating decision, suspension and waiver', async () => {
    const { caseId } = await fileCase(t, org, hr);
    stages = [];
    await completeDossier(t, caseId, hr, { trainOverseers: false });
    for (const kind of ['advice', 'consent']) {
      await act(hr, caseId, kind, {
        type: 'request_consultation',
        reasons: 'Bespreken voorgenomen besluit',
      });
      await act(chair, caseId, kind, { type: 'record_consultation_held', heldOn: '2026-03-02' });
      await act(hr, caseId, kind, { type: 'submit_request' });
    }
    await act(chair, caseId, 'advice', {
      type: 'record_council_position',
      position: 'negative',
      reasons: 'Geen individuele monitoring',
    });
    await act(chair, caseId, 'consent', {
      type: 'record_council_position',
      position: 'granted',
      reasons: 'Met waarborgen',
    });
    const deviated = await act(hr, caseId, 'advice', {
      type: 'record_employer_decision',
      follows: false,
      reasons: 'Bedrijfsbelang',
      receivedOn: '2026-03-02',
    });
    expect(deviated.body.tracks.find((tr: { kind: string }) => tr.kind === 'advice').stage).toBe(
      'suspension',
    );
    const deadlines = deviated.body.deadlines.filter(
      (d: { status: string }) => d.status === 'open',
    );
    expect(deadlines).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          ruleId: 'suspension_term',
          strictDate: '2026-04-02',
          statutory: true,
        }),
        expect.objectContaining({ ruleId: 'appeal_term', strictDate: '2026-04-02', fatal: true }),
      ]),
    );
    await act(hr, caseId, 'consent', {
      type: 'record_employer_decision',
      follows: true,
      implementationDate: '2026-05-01',
      receivedOn: '2026-03-02',
    });

    // Go-live during the suspension is refused, listing what is missing.
    const refused = await act(hr, caseId, 'advice', { type: 'mark_implemented' }, 409);
    expect(refused.body.code).toBe('case.transition_not_allowed');

    await act(chair, caseId, 'advice', { type: 'waive_suspension', whole: true });
    await fulfilGoLiveDuties((kind, action) => act(hr, caseId, kind, action));

    const gateBefore = await t
      .http()
      .get(`/cases/${caseId}/go-live-gate`)
      .set('Authorization', hr)
      .expect(200);
    expect(gateBefore.body.open).toBe(false);
    expect(
      gateBefore.body.conditions.find((c: { key: string }) => c.key === 'oversight_trained').met,
    ).toBe(false);

    // The oversight arrangement in the dossier feeds the gate once its overseer is trained.
    await trainOverseers(t, caseId, hr);
    const gate = await t
      .http()
      .get(`/cases/${caseId}/go-live-gate`)
      .set('Authorization', hr)
      .expect(200);
    expect(gate.body).toMatchObject({ open: true });

    await act(hr, caseId, 'advice', { type: 'mark_implemented' });
    await act(hr, caseId, 'consent', { type: 'mark_implemented' });
    await act(hr, caseId, 'advice', { type: 'start_evaluation' });
    const done = await act(hr, caseId, 'consent', { type: 'start_evaluation' });
    expect(done.body.stage).toBe('evaluation');
    // The overall stage agrees with the tracks at every step (legal-rules (c), by hand): the least
    // advanced WOR track leads; the AI Act, DPIA and skills tracks run alongside.
    expect(stages).toEqual([
      'advice/request_consultation → screening',
      'advice/record_consultation_held → screening',
      'advice/submit_request → screening',
      'consent/request_consultation → consultation',
      'consent/record_consultation_held → consultation',
      'consent/submit_request → request_submitted',
      'advice/record_council_position → request_submitted',
      'consent/record_council_position → employer_decision',
      'advice/record_employer_decision → employer_decision',
      'consent/record_employer_decision → suspension',
      'advice/waive_suspension → go_live_gate',
      'ai_act/prepare_notice → go_live_gate',
      'ai_act/send_notice → go_live_gate',
      'dpia/start_dpia → go_live_gate',
      'dpia/complete_dpia → go_live_gate',
      'skills/start_training → go_live_gate',
      'skills/complete_training → go_live_gate',
      'advice/mark_implemented → go_live_gate',
      'consent/mark_implemented → implemented',
      'advice/start_evaluation → implemented',
      'consent/start_evaluation → evaluation',
    ]);
    // The case list shows the same badge as the header.
    const listed = await t.http().get('/cases?limit=100').set('Authorization', chair).expect(200);
    expect(listed.body.items.find((c: { id: string }) => c.id === caseId).stage).toBe('evaluation');

    const verdict = await t
      .http()
      .get(`/cases/${caseId}/audit/verify`)
      .set('Authorization', chair)
      .expect(200);
    expect(verdict.body).toMatchObject({ valid: true });
    expect(verdict.body.entries).toBeGreaterThan(20);
  });

  it('refuses a request with missing contents and lists them', async () => {
    const { caseId } = await fileCase(t, org, hr, {
      contents: { intendedDecision: 'Introduce X' },
    });
    const res = await act(hr, caseId, 'advice', { type: 'submit_request' }, 409);
    expect(res.body.missing).toEqual(
      expect.arrayContaining([
        'request_contents:reasons',
        'request_contents:consequences_for_staff',
        'request_contents:measures',
      ]),
    );
  });

  it('only the council board records a position', async () => {
    const { caseId } = await fileCase(t, org, hr);
    await completeDossier(t, caseId, hr);
    await act(hr, caseId, 'consent', { type: 'request_consultation', reasons: 'Overleg' });
    await act(hr, caseId, 'consent', { type: 'record_consultation_held', heldOn: '2026-03-02' });
    await act(hr, caseId, 'consent', { type: 'submit_request' });
    const res = await act(
      hr,
      caseId,
      'consent',
      { type: 'record_council_position', position: 'granted' },
      409,
    );
    expect(res.body.missing).toContain('actor_side:council_board');
  });

  it('a refused consent waits for substitute permission', async () => {
    const { caseId } = await fileCase(t, org, hr);
    await completeDossier(t, caseId, hr);
    await act(hr, caseId, 'consent', { type: 'request_consultation', reasons: 'Overleg' });
    await act(chair, caseId, 'consent', { type: 'record_consultation_held', heldOn: '2026-03-02' });
    await act(hr, caseId, 'consent', { type: 'submit_request' });
    await act(chair, caseId, 'consent', {
      type: 'record_council_position',
      position: 'refused',
      reasons: 'Disproportioneel',
    });
    const res = await act(hr, caseId, 'consent', {
      type: 'record_employer_decision',
      follows: false,
      reasons: 'Naar de kantonrechter',
      receivedOn: '2026-03-02',
    });
    expect(res.body.tracks.find((tr: { kind: string }) => tr.kind === 'consent').stage).toBe(
      'substitute_permission_pending',
    );
  });

  it('blocks a prohibited emotion-recognition system with the reason', async () => {
    const { caseId, version } = await fileCase(t, org, hr, {
      answers: monitoringTriageAnswers({ infersEmotions: true }),
      send: false,
    });
    const res = await t.http().get(`/cases/${caseId}`).set('Authorization', hr).expect(200);
    expect(res.body).toMatchObject({ blocked: true, stage: 'prohibited' });
    expect(res.body.triage.outcome.blockReason.sources).toEqual(expect.arrayContaining(['E2']));
    const send = await t
      .http()
      .post(`/cases/${caseId}/sending`)
      .set('Authorization', hr)
      .send({ version })
      .expect(422);
    expect(send.body.missing).toContain('not_prohibited');
  });

  it('refuses a stale version with 409 and keeps the first edit', async () => {
    const { caseId, version } = await fileCase(t, org, hr);
    const [a, b] = await Promise.all([
      t
        .http()
        .patch(`/cases/${caseId}`)
        .set('Authorization', hr)
        .send({ version, title: 'Edit A' }),
      t
        .http()
        .patch(`/cases/${caseId}`)
        .set('Authorization', hr)
        .send({ version, title: 'Edit B' }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const loser = a.status === 409 ? a : b;
    expect(loser.body.code).toBe('case.version_conflict');
    const winner = a.status === 200 ? 'Edit A' : 'Edit B';
    const res = await t.http().get(`/cases/${caseId}`).set('Authorization', hr).expect(200);
    expect(res.body).toMatchObject({ title: winner, version: version + 1 });
  });

  it('makes the audit trail append-only and detects a tampered row', async () => {
    const { caseId } = await fileCase(t, org, hr);
    // The app's role may not change the trail; the owner's statement meets the trigger.
    await expect(
      t.db.query(`UPDATE audit_entry SET action = 'forged' WHERE case_id = $1`, [caseId]),
    ).rejects.toMatchObject({ code: '42501', message: expect.stringMatching(/permission denied/) });
    await expect(
      t.db.query(`DELETE FROM audit_entry WHERE case_id = $1`, [caseId]),
    ).rejects.toMatchObject({ code: '42501', message: expect.stringMatching(/permission denied/) });
    await expect(
      t.ownerQuery(`UPDATE audit_entry SET action = 'forged' WHERE case_id = $1`, [caseId]),
    ).rejects.toThrow(/append-only/);
    await expect(
      t.ownerQuery(`DELETE FROM audit_entry WHERE case_id = $1`, [caseId]),
    ).rejects.toThrow(/append-only/);
    const ok = await t
      .http()
      .get(`/cases/${caseId}/audit/verify`)
      .set('Authorization', hr)
      .expect(200);
    expect(ok.body).toMatchObject({ valid: true, reason: null });
    // Someone with the power to disable triggers edits history; the chain still tells.
    await t.ownerQuery(`
      BEGIN;
      ALTER TABLE audit_entry DISABLE TRIGGER tr_audit_entry__append_only;
      UPDATE audit_entry SET after = '{"title":"forged"}' WHERE case_id = '${caseId}' AND seq = 1;
      ALTER TABLE audit_entry ENABLE TRIGGER tr_audit_entry__append_only;
      COMMIT;`);
    const bad = await t
      .http()
      .get(`/cases/${caseId}/audit/verify`)
      .set('Authorization', hr)
      .expect(200);
    expect(bad.body).toMatchObject({ valid: false, reason: 'edited', firstInvalidSeq: 1 });
  });

  it('detects the newest audit entries deleted, even by the owner with the trigger disabled', async () => {
    const { caseId, version } = await fileCase(t, org, hr, { send: false });
    let current = version;
    for (const title of ['Eerste', 'Tweede', 'Derde']) {
      current = (
        await t
          .http()
          .patch(`/cases/${caseId}`)
          .set('Authorization', hr)
          .send({ version: current, title })
          .expect(200)
      ).body.version;
    }
    const before = await t
      .http()
      .get(`/cases/${caseId}/audit/verify`)
      .set('Authorization', hr)
      .expect(200);
    expect(before.body).toMatchObject({ valid: true, reason: null });
    const total: number = before.body.entries;
    expect(before.body).toMatchObject({ expectedSeq: total, foundSeq: total });

    await t.ownerQuery(`
      BEGIN;
      ALTER TABLE audit_entry DISABLE TRIGGER tr_audit_entry__append_only;
      DELETE FROM audit_entry WHERE case_id = '${caseId}' AND seq > ${total - 2};
      ALTER TABLE audit_entry ENABLE TRIGGER tr_audit_entry__append_only;
      COMMIT;`);
    const after = await t
      .http()
      .get(`/cases/${caseId}/audit/verify`)
      .set('Authorization', hr)
      .expect(200);
    expect(after.body).toEqual({
      valid: false,
      entries: total - 2,
      firstInvalidSeq: total - 1,
      reason: 'truncated',
      expectedSeq: total,
      foundSeq: total - 2,
    });

    // The trail goes on from its anchored head, so the gap stays on the record.
    await t
      .http()
      .patch(`/cases/${caseId}`)
      .set('Authorization', hr)
      .send({ version: current, title: 'Vierde' })
      .expect(200);
    const later = await t
      .http()
      .get(`/cases/${caseId}/audit/verify`)
      .set('Authorization', hr)
      .expect(200);
    expect(later.body).toMatchObject({
      valid: false,
      reason: 'edited',
      firstInvalidSeq: total - 1,
      expectedSeq: total + 1,
      foundSeq: total + 1,
    });
  });

  it('records information requests under art. 31 with a response deadline', async () => {
    const { caseId } = await fileCase(t, org, hr);
    const asked = await t
      .http()
      .post(`/cases/${caseId}/information-requests`)
      .set('Authorization', member)
      .send({ question: 'Welke data?' })
      .expect(201);
    expect(asked.body.dueDate).toBe('2026-03-16');
    await t
      .http()
      .post(`/cases/${caseId}/information-requests/${asked.body.id}/answer`)
      .set('Authorization', member)
      .send({ answer: 'x' })
      .expect(403);
    await t
      .http()
      .post(`/cases/${caseId}/information-requests/${asked.body.id}/answer`)
      .set('Authorization', hr)
      .send({ answer: 'Pick rates en locaties' })
      .expect(201);
    const deadlines = await t
      .http()
      .get(`/cases/${caseId}/deadlines`)
      .set('Authorization', hr)
      .expect(200);
    expect(itemsOf(deadlines)).toEqual([
      expect.objectContaining({ ruleId: 'information_response_term', status: 'met' }),
    ]);
  });

  it('serves the case event log after a cursor', async () => {
    const { caseId } = await fileCase(t, org, hr);
    const all = await t.http().get(`/cases/${caseId}/events`).set('Authorization', hr).expect(200);
    expect(itemsOf(all).map((e: { caseSeq: number }) => e.caseSeq)).toEqual(
      itemsOf(all).map((_: unknown, i: number) => i + 1),
    );
    const later = await t
      .http()
      .get(`/cases/${caseId}/events?after=2`)
      .set('Authorization', hr)
      .expect(200);
    expect(itemsOf(later)[0].caseSeq).toBe(3);
  });
});
