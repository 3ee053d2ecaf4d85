import mammoth from 'mammoth';

import { type GivenOrganisation, pdfText } from '@wc/testing';

import { completeDossier, FULL_CONTENTS, fileCase } from './support/case-fixtures';
import { itemsOf } from './support/pages';
import { startTestApp, type TestApp } from './support/test-app';

/** Issue #22: formal letters drafted from the case, signed off, sent, received; the receipt starts the term. */
describe('formal letters (e2e)', () => {
  let t: TestApp;
  let org: GivenOrganisation;
  let other: GivenOrganisation;
  let hr: string;
  let rep: string;
  let chair: string;
  let secretary: string;
  let member: string;
  let expert: string;
  let admin: string;
  let otherChair: string;

  beforeAll(async () => {
    t = await startTestApp();
    org = await t.given.organisation();
    other = await t.given.organisation();
    hr = await t.login(org.hr);
    rep = await t.login(org.employerRep);
    chair = await t.login(org.chair);
    secretary = await t.login(org.secretary);
    member = await t.login(org.member);
    expert = await t.login(org.expert);
    admin = await t.login(org.admin);
    otherChair = await t.login(other.chair);
  });
  afterAll(() => t.close());

  /** Moves the fake clock and logs everyone in again (access tokens are short-lived). */
  async function at(instant: string): Promise<void> {
    t.clock.set(new Date(instant));
    [hr, rep, chair, secretary, member, expert, admin, otherChair] = await Promise.all(
      [
        org.hr,
        org.employerRep,
        org.chair,
        org.secretary,
        org.member,
        org.expert,
        org.admin,
        other.chair,
      ].map((u) => t.login(u)),
    );
  }

  /** A sent case whose dossier is complete, so that its requests can be submitted. */
  async function readyCase(): Promise<string> {
    const { caseId } = await fileCase(t, org, hr);
    await completeDossier(t, caseId, hr);
    return caseId;
  }

  const base = (caseId: string) => `/cases/${caseId}/letters`;

  async function draft(bearer: string, caseId: string, body: Record<string, unknown>) {
    const res = await t.http().post(base(caseId)).set('Authorization', bearer).send(body);
    if (res.status !== 201) {
      throw new Error(`draft: ${res.status} ${JSON.stringify(res.body)}`);
    }
    return res.body as Letter;
  }

  async function signAndSend(
    bearer: string,
    caseId: string,
    letter: Letter,
    send: Record<string, unknown> = { delivery: 'platform' },
  ): Promise<Letter> {
    const signed = await t
      .http()
      .post(`${base(caseId)}/${letter.id}/sign-off`)
      .set('Authorization', bearer)
      .send({ version: letter.version })
      .expect(200);
    expect(signed.body.status).toBe('signed');
    const sent = await t
      .http()
      .post(`${base(caseId)}/${letter.id}/sending`)
      .set('Authorization', bearer)
      .send({ version: signed.body.version, ...send })
      .expect(200);
    return sent.body as Letter;
  }

  async function act(bearer: string, caseId: string, kind: string, action: object) {
    const current = await t.http().get(`/cases/${caseId}`).set('Authorization', hr).expect(200);
    await t
      .http()
      .post(`/cases/${caseId}/tracks/${kind}/transitions`)
      .set('Authorization', bearer)
      .send({ version: current.body.version, action })
      .expect(201);
  }

  async function deadlines(caseId: string, ruleId: string) {
    const res = await t.http().get(`/cases/${caseId}`).set('Authorization', hr).expect(200);
    return (
      res.body.deadlines as Array<{
        ruleId: string;
        triggerDate: string;
        strictDate: string;
        status: string;
        track: string | null;
      }>
    ).filter((d) => d.ruleId === ruleId && d.status === 'open');
  }

  async function track(caseId: string, kind: string) {
    const res = await t.http().get(`/cases/${caseId}`).set('Authorization', hr).expect(200);
    return (
      res.body.tracks as Array<{ kind: string; stage: string; snapshot: Record<string, unknown> }>
    ).find((x) => x.kind === kind)!;
  }

  async function auditActions(caseId: string) {
    const res = await t
      .http()
      .get(`/cases/${caseId}/audit?limit=200`)
      .set('Authorization', chair)
      .expect(200);
    return res.body.items as Array<{
      action: string;
      before: Record<string, unknown> | null;
      after: Record<string, unknown> | null;
    }>;
  }

  it('advice request: drafted from the case with art. 25(3) and its term, edited with a diff, signed by the employer only, opened by the council, the advice term runs from that day', async () => {
    await at('2026-03-02T09:00:00Z');
    const caseId = await readyCase();
    const letter = await draft(hr, caseId, { kind: 'advice_request', language: 'nl' });
    expect(letter).toMatchObject({
      status: 'draft',
      senderSide: 'employer',
      track: 'advice',
      versionSeq: 1,
    });
    expect(letter.structured.references).toContain('WOR art. 25 lid 3');
    expect(letter.structured.sections).toEqual(
      expect.arrayContaining([
        { heading: 'Het voorgenomen besluit', lines: [FULL_CONTENTS.intendedDecision] },
        { heading: 'Maatregelen naar aanleiding daarvan', lines: [FULL_CONTENTS.measures] },
      ]),
    );
    // 6 weeks agreed (default), "if received today" until the receipt is recorded
    expect(letter.structured.terms).toEqual([
      expect.objectContaining({ ruleId: 'advice_response_term', lastDay: '2026-04-13' }),
    ]);

    // The council does not see the employer's draft; the expert and a stranger neither.
    for (const bearer of [chair, member, otherChair]) {
      await t
        .http()
        .get(`${base(caseId)}/${letter.id}`)
        .set('Authorization', bearer)
        .expect(404);
    }
    const councilList = await t.http().get(base(caseId)).set('Authorization', chair).expect(200);
    expect(councilList.body.items).toEqual([]);
    // The council's expert, not added to this case, does not see it at all.
    await t
      .http()
      .get(`${base(caseId)}/${letter.id}`)
      .set('Authorization', expert)
      .expect(404);

    // Edited: a new version, the diff shows the added paragraph.
    const edited = await t
      .http()
      .put(`${base(caseId)}/${letter.id}`)
      .set('Authorization', hr)
      .send({ version: letter.version, body: 'Wij vragen uw advies over WarehouseInsight.' })
      .expect(200);
    expect(edited.body.versionSeq).toBe(2);
    const diff = await t
      .http()
      .get(`${base(caseId)}/${letter.id}/diff?from=1&to=2`)
      .set('Authorization', hr)
      .expect(200);
    expect(diff.body.lines).toContainEqual({
      op: 'added',
      line: 'Wij vragen uw advies over WarehouseInsight.',
    });

    // Linked: a changed case text changes the structured part of the next version.
    const current = await t.http().get(`/cases/${caseId}`).set('Authorization', hr).expect(200);
    await t
      .http()
      .patch(`/cases/${caseId}`)
      .set('Authorization', hr)
      .send({
        version: current.body.version,
        contents: { ...FULL_CONTENTS, measures: 'Training for all pickers, no appraisal.' },
      })
      .expect(200);
    const relinked = await t
      .http()
      .put(`${base(caseId)}/${letter.id}`)
      .set('Authorization', hr)
      .send({ version: edited.body.version })
      .expect(200);
    expect(relinked.body.structured.sections).toContainEqual({
      heading: 'Maatregelen naar aanleiding daarvan',
      lines: ['Training for all pickers, no appraisal.'],
    });
    const diff23 = await t
      .http()
      .get(`${base(caseId)}/${letter.id}/diff?from=2&to=3`)
      .set('Authorization', hr)
      .expect(200);
    expect(diff23.body.lines).toEqual(
      expect.arrayContaining([
        { op: 'removed', line: FULL_CONTENTS.measures },
        { op: 'added', line: 'Training for all pickers, no appraisal.' },
      ]),
    );

    // Signed off by the employer side only: the org admin lacks the route permission.
    await t
      .http()
      .post(`${base(caseId)}/${letter.id}/sign-off`)
      .set('Authorization', admin)
      .send({ version: relinked.body.version })
      .expect(403);
    const sent = await signAndSend(rep, caseId, relinked.body as Letter);
    expect(sent).toMatchObject({ status: 'sent', delivery: 'platform', receivedOn: null });
    const events = await t.db.query<Array<{ type: string }>>(
      `SELECT type FROM domain_event WHERE case_id = $1 AND type LIKE 'letter.%' ORDER BY id`,
      [caseId],
    );
    expect(events.map((e) => e.type)).toEqual(['letter.sent_to_council']);
    // Nothing on the track yet: the term starts at receipt, not at sending.
    expect((await track(caseId, 'advice')).stage).toBe('screening');

    // Two days later a council member opens it: that is the receipt date.
    await at('2026-03-04T10:00:00Z');
    const opened = await t
      .http()
      .get(`${base(caseId)}/${letter.id}`)
      .set('Authorization', member)
      .expect(200);
    expect(opened.body).toMatchObject({
      status: 'received',
      receivedOn: '2026-03-04',
      receipt: [expect.objectContaining({ on: '2026-03-04', via: 'opened', side: 'council' })],
      termEffect: { recorded: true, action: 'submit_request' },
    });
    expect((await track(caseId, 'advice')).stage).toBe('request_submitted');
    expect(await deadlines(caseId, 'advice_response_term')).toEqual([
      expect.objectContaining({ triggerDate: '2026-03-04', strictDate: '2026-04-15' }),
    ]);
    // Opening again changes nothing; the sender sees the receipt.
    await at('2026-03-05T10:00:00Z');
    await t
      .http()
      .get(`${base(caseId)}/${letter.id}`)
      .set('Authorization', chair)
      .expect(200);
    const seen = await t
      .http()
      .get(`${base(caseId)}/${letter.id}`)
      .set('Authorization', hr)
      .expect(200);
    expect(seen.body.receivedOn).toBe('2026-03-04');
    expect(seen.body.receipt).toHaveLength(1);
    // The council sees only the signed version, not the drafts before it.
    const versions = await t
      .http()
      .get(`${base(caseId)}/${letter.id}/versions`)
      .set('Authorization', chair)
      .expect(200);
    expect(itemsOf(versions).map((v: { seq: number }) => v.seq)).toEqual([3]);
    expect((await auditActions(caseId)).map((a) => a.action)).toEqual(
      expect.arrayContaining([
        'letter.drafted',
        'letter.edited',
        'letter.signed',
        'letter.sent',
        'letter.received',
      ]),
    );
  });

  it('consent request: the regeling text, an explicit acknowledgement by the council, the consent term from it', async () => {
    await at('2026-03-02T09:00:00Z');
    const caseId = await readyCase();
    const letter = await draft(hr, caseId, { kind: 'consent_request', language: 'en' });
    expect(letter.structured.references).toEqual(['WOR art. 27(1)', 'WOR art. 27(2)']);
    expect(letter.structured.sections[0]).toEqual({
      heading: 'Text of the regeling',
      lines: [FULL_CONTENTS.regelingText],
    });
    const edited = await t
      .http()
      .put(`${base(caseId)}/${letter.id}`)
      .set('Authorization', hr)
      .send({ version: letter.version, body: 'We ask for your consent to this regeling.' })
      .expect(200);
    expect(edited.body).toMatchObject({ versionSeq: 2, fieldDefinitions: [] });
    await signOffRefused(admin, caseId, edited.body as Letter, 403);
    await signOffRefused(secretary, caseId, edited.body as Letter, 404);
    await signAndSend(hr, caseId, edited.body as Letter);
    await at('2026-03-03T08:00:00Z');
    // The sender cannot acknowledge its own letter.
    await t
      .http()
      .post(`${base(caseId)}/${letter.id}/receipt`)
      .set('Authorization', hr)
      .send({})
      .expect(403);
    const ack = await t
      .http()
      .post(`${base(caseId)}/${letter.id}/receipt`)
      .set('Authorization', secretary)
      .send({})
      .expect(200);
    expect(ack.body).toMatchObject({
      receivedOn: '2026-03-03',
      receipt: [expect.objectContaining({ via: 'acknowledged' })],
    });
    expect(await deadlines(caseId, 'consent_response_term')).toEqual([
      expect.objectContaining({ triggerDate: '2026-03-03', strictDate: '2026-04-14' }),
    ]);
    await t
      .http()
      .post(`${base(caseId)}/${letter.id}/receipt`)
      .set('Authorization', chair)
      .send({})
      .expect(409);
  });

  it("council's advice and the employer's deviating decision: signed by the chair only, the decision carries the case's conditions and the suspension, both terms from receipt", async () => {
    await at('2026-03-02T09:00:00Z');
    const caseId = await readyCase();
    await act(hr, caseId, 'advice', { type: 'submit_request' });
    await act(chair, caseId, 'advice', { type: 'record_consultation_held', heldOn: '2026-03-02' });

    // A council member drafts the advice; the employer side cannot draft the council's letter.
    await t
      .http()
      .post(base(caseId))
      .set('Authorization', hr)
      .send({ kind: 'council_decision', track: 'advice' })
      .expect(403);
    const advice = await draft(member, caseId, {
      kind: 'council_decision',
      track: 'advice',
      language: 'nl',
      fields: {
        position: 'conditional',
        conditions: ['Geen individuele beoordeling'],
        reasons: 'Privacy van de pickers',
      },
    });
    expect(advice.structured.references).toEqual(['WOR art. 25 lid 4', 'WOR art. 25 lid 6']);
    await t
      .http()
      .get(`${base(caseId)}/${advice.id}`)
      .set('Authorization', hr)
      .expect(404);
    const refused = await t
      .http()
      .post(`${base(caseId)}/${advice.id}/sign-off`)
      .set('Authorization', member)
      .send({ version: advice.version })
      .expect(403);
    expect(refused.body.code).toBe('letter.sign_off_not_allowed');
    const reworded = await edit(member, caseId, advice, {
      position: 'conditional',
      conditions: ['Geen individuele beoordeling'],
      reasons: 'Privacy van de pickers',
      waivesSuspension: false,
    });
    expect(reworded.versionSeq).toBe(2);
    expect(reworded.fieldDefinitions.map((f) => [f.name, f.type])).toEqual([
      ['position', 'choice'],
      ['conditions', 'list'],
      ['reasons', 'textarea'],
      ['waivesSuspension', 'yes_no'],
    ]);
    await signAndSend(chair, caseId, reworded);
    await at('2026-03-05T09:00:00Z');
    const received = await t
      .http()
      .get(`${base(caseId)}/${advice.id}`)
      .set('Authorization', hr)
      .expect(200);
    expect(received.body).toMatchObject({
      receivedOn: '2026-03-05',
      termEffect: { recorded: true },
    });
    const position = (await track(caseId, 'advice')).snapshot.councilPosition as Record<
      string,
      unknown
    >;
    expect(position).toMatchObject({
      position: 'conditional',
      conditions: ['Geen individuele beoordeling'],
      receivedOn: '2026-03-05',
    });
    expect(await deadlines(caseId, 'employer_decision_sla')).toEqual([
      expect.objectContaining({ triggerDate: '2026-03-05', strictDate: '2026-03-19' }),
    ]);

    // The employer's decision: linked to the council's position on the case.
    const decision = await draft(hr, caseId, {
      kind: 'employer_decision',
      track: 'advice',
      language: 'nl',
      fields: { follows: false, reasons: 'Operationele noodzaak' },
    });
    expect(decision.structured.sections).toEqual(
      expect.arrayContaining([
        {
          heading: 'Het advies of besluit van de ondernemingsraad',
          lines: ['advies of instemming onder voorwaarden', '1. Geen individuele beoordeling'],
        },
        expect.objectContaining({ heading: 'Opschorting' }),
      ]),
    );
    expect(decision.structured.references).toEqual([
      'WOR art. 25 lid 5',
      'WOR art. 25 lid 6',
      'WOR art. 26 lid 2',
    ]);
    const dated = await edit(hr, caseId, decision, {
      follows: false,
      reasons: 'Operationele noodzaak',
      implementationDate: '2026-05-01',
    });
    expect(dated.versionSeq).toBe(2);
    expect(lines(dated)).toContain('Datum van uitvoering: 2026-05-01.');
    expect(dated.fieldDefinitions.map((f) => [f.name, f.type])).toEqual([
      ['follows', 'yes_no'],
      ['reasons', 'textarea'],
      ['implementationDate', 'date'],
    ]);
    await signOffRefused(admin, caseId, dated, 403);
    await signOffRefused(chair, caseId, dated, 404);
    await signAndSend(hr, caseId, dated);
    await at('2026-03-09T09:00:00Z');
    const ack = await t
      .http()
      .post(`${base(caseId)}/${decision.id}/receipt`)
      .set('Authorization', chair)
      .send({})
      .expect(200);
    expect(ack.body.termEffect).toEqual({
      recorded: true,
      action: 'record_employer_decision',
      effect: 'term',
    });
    expect((await track(caseId, 'advice')).stage).toBe('suspension');
    // WOR 25(6) and 26(2): one month from the receipt on 9 March
    expect(await deadlines(caseId, 'suspension_term')).toEqual([
      expect.objectContaining({ triggerDate: '2026-03-09', strictDate: '2026-04-09' }),
    ]);
    expect(await deadlines(caseId, 'appeal_term')).toEqual([
      expect.objectContaining({ triggerDate: '2026-03-09', strictDate: '2026-04-09' }),
    ]);
    // The PDF shows the terms counted from the actual receipt.
    const pdf = await t
      .http()
      .get(`${base(caseId)}/${decision.id}/pdf`)
      .set('Authorization', chair)
      .buffer(true)
      .parse(binary)
      .expect(200);
    const text = (await pdfText(pdf.body as Buffer)).replace(/\s+/g, ' ');
    expect(text).toContain('uiterlijk 2026-04-09 (gerekend vanaf de ontvangst op 2026-03-09)');
    expect(text).toContain('Ontvangen op: 2026-03-09');
  });

  it('information request (art. 31): asked by a member, signed by the chair, the response term from the employer opening it', async () => {
    await at('2026-03-02T09:00:00Z');
    const caseId = await readyCase();
    const letter = await draft(member, caseId, {
      kind: 'information_request',
      language: 'en',
      fields: {},
    });
    expect(letter.missing).toEqual(['question']);
    await t
      .http()
      .post(`${base(caseId)}/${letter.id}/sign-off`)
      .set('Authorization', chair)
      .send({ version: letter.version })
      .expect(422);
    const edited = await t
      .http()
      .put(`${base(caseId)}/${letter.id}`)
      .set('Authorization', member)
      .send({
        version: letter.version,
        fields: { question: 'Which data is kept per picker, and for how long?' },
      })
      .expect(200);
    expect(edited.body.structured.references).toEqual(['WOR art. 31(1)']);
    expect((await signOffRefused(member, caseId, edited.body as Letter, 403)).code).toBe(
      'letter.sign_off_not_allowed',
    );
    await signAndSend(secretary, caseId, edited.body as Letter);
    await at('2026-03-03T09:00:00Z');
    await t
      .http()
      .get(`${base(caseId)}/${letter.id}`)
      .set('Authorization', rep)
      .expect(200);
    const requests = await t
      .http()
      .get(`/cases/${caseId}/information-requests`)
      .set('Authorization', hr)
      .expect(200);
    // 10 working days from Tuesday 3 March
    expect(itemsOf(requests)).toEqual([
      expect.objectContaining({
        question: 'Which data is kept per picker, and for how long?',
        dueDate: '2026-03-17',
      }),
    ]);
  });

  it('the employer records a decision delivered outside the platform; the council corrects the day it actually received it; the audit trail shows both', async () => {
    await at('2026-03-02T09:00:00Z');
    const caseId = await readyCase();
    await act(hr, caseId, 'advice', { type: 'submit_request' });
    await act(chair, caseId, 'advice', { type: 'record_consultation_held', heldOn: '2026-03-02' });
    await act(chair, caseId, 'advice', {
      type: 'record_council_position',
      position: 'negative',
      reasons: 'Te veel controle',
    });
    await at('2026-03-12T09:00:00Z');
    const decision = await draft(hr, caseId, {
      kind: 'employer_decision',
      track: 'advice',
      fields: { follows: false, reasons: 'Noodzakelijk voor de planning' },
    });
    const sent = await signAndSend(hr, caseId, decision, {
      delivery: 'outside',
      deliveredOn: '2026-03-10',
    });
    expect(sent).toMatchObject({
      status: 'received',
      delivery: 'outside',
      receivedOn: '2026-03-10',
      receipt: [expect.objectContaining({ on: '2026-03-10', via: 'outside', side: 'employer' })],
    });
    expect(await deadlines(caseId, 'appeal_term')).toEqual([
      expect.objectContaining({ triggerDate: '2026-03-10' }),
    ]);
    // The council received it on the 11th: only its chair or secretary corrects; the employer cannot.
    await t
      .http()
      .post(`${base(caseId)}/${decision.id}/receipt-correction`)
      .set('Authorization', hr)
      .send({ receivedOn: '2026-03-11' })
      .expect(403);
    await t
      .http()
      .post(`${base(caseId)}/${decision.id}/receipt-correction`)
      .set('Authorization', member)
      .send({ receivedOn: '2026-03-11' })
      .expect(403);
    await t
      .http()
      .post(`${base(caseId)}/${decision.id}/receipt-correction`)
      .set('Authorization', chair)
      .send({ receivedOn: '2026-03-13' })
      .expect(422);
    const corrected = await t
      .http()
      .post(`${base(caseId)}/${decision.id}/receipt-correction`)
      .set('Authorization', chair)
      .send({ receivedOn: '2026-03-11' })
      .expect(200);
    expect(corrected.body.receipt).toEqual([
      expect.objectContaining({ on: '2026-03-10', via: 'outside', side: 'employer' }),
      expect.objectContaining({ on: '2026-03-11', via: 'corrected', side: 'council' }),
    ]);
    // The sender sees the corrected date; the terms run from it.
    const seen = await t
      .http()
      .get(`${base(caseId)}/${decision.id}`)
      .set('Authorization', hr)
      .expect(200);
    expect(seen.body.receivedOn).toBe('2026-03-11');
    expect(await deadlines(caseId, 'appeal_term')).toEqual([
      expect.objectContaining({ triggerDate: '2026-03-11', strictDate: '2026-04-11' }),
    ]);
    expect(await deadlines(caseId, 'suspension_term')).toEqual([
      expect.objectContaining({ triggerDate: '2026-03-11' }),
    ]);
    expect(
      ((await track(caseId, 'advice')).snapshot.employerDecision as { receivedOn: string })
        .receivedOn,
    ).toBe('2026-03-11');
    const audit = await auditActions(caseId);
    expect(audit.find((a) => a.action === 'letter.received')?.after).toMatchObject({
      receivedOn: '2026-03-10',
      via: 'outside',
      side: 'employer',
    });
    expect(audit.find((a) => a.action === 'letter.receipt_corrected')).toMatchObject({
      before: { receivedOn: '2026-03-10' },
      after: { receivedOn: '2026-03-11', side: 'council' },
    });
    expect(audit.find((a) => a.action === 'case.receipt_corrected')).toMatchObject({
      before: { receivedOn: '2026-03-10' },
      after: {
        receivedOn: '2026-03-11',
        terms: expect.arrayContaining(['suspension_term', 'appeal_term']),
      },
    });

    // The dossier PDF lists the letter and its receipt record.
    const dossier = await t
      .http()
      .get(`/cases/${caseId}/dossier.pdf?language=en`)
      .set('Authorization', chair)
      .buffer(true)
      .parse(binary)
      .expect(200);
    const text = (await pdfText(dossier.body as Buffer)).replace(/\s+/g, ' ');
    expect(text).toContain('Letters and receipt');
    expect(text).toContain('received on 2026-03-11');
    expect(text).toContain('2026-03-10: outside Overleg (employer)');
    expect(text).toContain('2026-03-11: corrected (works council)');
  });

  it("the PDF's verification link resolves to the case's audit verification for whoever may see it, and to nothing for anyone else; the DOCX reads back", async () => {
    await at('2026-03-02T09:00:00Z');
    const caseId = await readyCase();
    const letter = await draft(hr, caseId, { kind: 'advice_request', language: 'en' });
    await signAndSend(hr, caseId, letter);
    const pdf = await t
      .http()
      .get(`${base(caseId)}/${letter.id}/pdf`)
      .set('Authorization', hr)
      .buffer(true)
      .parse(binary)
      .expect(200);
    const text = (await pdfText(pdf.body as Buffer)).replace(/\s+/g, '');
    const url = /Verifytheaudittrail:(https?:\/\/\S+?verification\?seq=\d+&hash=[0-9a-f]{64})/.exec(
      text,
    )?.[1];
    expect(url).toBeDefined();
    const path = new URL(url!).pathname + new URL(url!).search;
    expect(path).toContain(`/cases/${caseId}/letters/${letter.id}/verification`);
    for (const bearer of [hr, chair, member]) {
      const ok = await t.http().get(path).set('Authorization', bearer).expect(200);
      expect(ok.body).toMatchObject({ valid: true, headFound: true, caseId, letterId: letter.id });
      expect(ok.body.letterEntries.length).toBeGreaterThanOrEqual(3);
    }
    const stranger = await t.http().get(path).set('Authorization', otherChair).expect(404);
    expect(stranger.body.code).toBe('letter.not_found');
    await t.http().get(path).expect(401);
    await t.http().get(path).set('Authorization', expert).expect(403);
    // A tampered head is not found.
    const forged = path.replace(/hash=[0-9a-f]{4}/, 'hash=0000');
    expect(
      (await t.http().get(forged).set('Authorization', chair).expect(200)).body.headFound,
    ).toBe(false);

    const docx = await t
      .http()
      .get(`${base(caseId)}/${letter.id}/docx?language=nl`)
      .set('Authorization', chair)
      .buffer(true)
      .parse(binary)
      .expect(200);
    const words = (await mammoth.extractRawText({ buffer: docx.body as Buffer })).value;
    expect(words).toContain('Adviesaanvraag (WOR art. 25)');
    expect(words).toContain('WOR art. 25 lid 3');
  });

  it("consultation requests from either side: drafted with art. 23(1), the council's starts the two-week meeting term on receipt", async () => {
    await at('2026-03-02T09:00:00Z');
    const caseId = await readyCase();
    const expectations: Array<[string, Record<string, unknown>, string]> = [
      [
        chair,
        {
          kind: 'consultation_request',
          track: 'consent',
          language: 'nl',
          fields: { reasons: 'Bewaartermijn' },
        },
        'WOR art. 23 lid 1',
      ],
      [
        hr,
        {
          kind: 'consultation_request',
          track: 'advice',
          language: 'en',
          fields: { reasons: 'Planning' },
        },
        'WOR art. 23(1)',
      ],
    ];
    for (const [bearer, body, reference] of expectations) {
      const letter = await draft(bearer, caseId, body);
      expect({ kind: body.kind, refs: letter.structured.references }).toEqual({
        kind: body.kind,
        refs: expect.arrayContaining([reference]),
      });
    }
    // A consultation request from the council starts the two-week meeting term on receipt.
    const list = await t.http().get(base(caseId)).set('Authorization', chair).expect(200);
    const request = (list.body.items as Letter[]).find(
      (l) => l.kind === 'consultation_request' && l.senderSide === 'council',
    )!;
    const full = await t
      .http()
      .get(`${base(caseId)}/${request.id}`)
      .set('Authorization', chair)
      .expect(200);
    // Edited; signed off by the council's chair or secretary, not a member.
    const reasoned = await edit(chair, caseId, full.body as Letter, {
      reasons: 'Bewaartermijn en toegang',
    });
    expect(lines(reasoned)).toContain('Bewaartermijn en toegang');
    expect((await signOffRefused(member, caseId, reasoned, 403)).code).toBe(
      'letter.sign_off_not_allowed',
    );
    await signOffRefused(hr, caseId, reasoned, 404);
    await signAndSend(chair, caseId, reasoned);
    await at('2026-03-03T09:00:00Z');
    await t
      .http()
      .get(`${base(caseId)}/${request.id}`)
      .set('Authorization', hr)
      .expect(200);
    expect(await deadlines(caseId, 'consultation_meeting_term')).toEqual([
      expect.objectContaining({
        track: 'consent',
        triggerDate: '2026-03-03',
        strictDate: '2026-03-17',
      }),
    ]);
  });

  async function edit(bearer: string, caseId: string, letter: Letter, fields: object) {
    const res = await t
      .http()
      .put(`${base(caseId)}/${letter.id}`)
      .set('Authorization', bearer)
      .send({ version: letter.version, fields })
      .expect(200);
    return res.body as Letter;
  }

  async function signOffRefused(bearer: string, caseId: string, letter: Letter, status: number) {
    const res = await t
      .http()
      .post(`${base(caseId)}/${letter.id}/sign-off`)
      .set('Authorization', bearer)
      .send({ version: letter.version })
      .expect(status);
    return res.body as { code: string; details?: Record<string, unknown> };
  }

  async function openDeadlines(caseId: string) {
    const res = await t.http().get(`/cases/${caseId}`).set('Authorization', hr).expect(200);
    return (res.body.deadlines as Array<{ id: string; status: string }>)
      .filter((d) => d.status === 'open')
      .map((d) => d.id)
      .sort();
  }

  const lines = (letter: Letter) => letter.structured.sections.flatMap((x) => x.lines).join(' ');

  it('AI Act notice (art. 26(7)): drafted by the employer with how the workers are told, signed by the employer only; its receipt meets the go-live item, no term starts', async () => {
    await at('2026-03-02T09:00:00Z');
    const caseId = await readyCase();
    await t
      .http()
      .post(base(caseId))
      .set('Authorization', chair)
      .send({ kind: 'ai_act_notice' })
      .expect(403);
    const letter = await draft(hr, caseId, { kind: 'ai_act_notice', language: 'nl' });
    expect(letter).toMatchObject({ track: 'ai_act', senderSide: 'employer' });
    expect(letter.structured.references).toEqual(['AI-verordening (EU) 2024/1689 art. 26 lid 7']);
    expect(letter.structured.terms).toEqual([]);
    expect(letter.missing).toEqual(['affectedWorkersInformedBy']);
    expect(letter.fieldDefinitions.map((f) => [f.name, f.type])).toEqual([
      ['affectedWorkersInformedBy', 'textarea'],
    ]);
    expect((await signOffRefused(hr, caseId, letter, 422)).code).toBe('letter.incomplete');
    const edited = await edit(hr, caseId, letter, {
      affectedWorkersInformedBy: 'Werkoverleg per ploeg op 9 maart',
    });
    expect(edited.versionSeq).toBe(2);
    expect(lines(edited)).toContain('Werkoverleg per ploeg op 9 maart');
    expect(lines(edited)).toContain('Er gaat geen termijn in');
    await signOffRefused(admin, caseId, edited, 403);
    await signOffRefused(chair, caseId, edited, 404);
    const gateItem = async () =>
      (
        (await t.http().get(`/cases/${caseId}`).set('Authorization', hr).expect(200)).body
          .goLiveGate.conditions as Array<{ key: string; met: boolean }>
      ).find((c) => c.key === 'ai_act_notice_sent');
    expect(await gateItem()).toMatchObject({ met: false });
    await signAndSend(rep, caseId, edited);
    expect(await gateItem()).toMatchObject({ met: false });
    const before = await openDeadlines(caseId);

    await at('2026-03-04T09:00:00Z');
    const ack = await t
      .http()
      .post(`${base(caseId)}/${letter.id}/receipt`)
      .set('Authorization', chair)
      .send({})
      .expect(200);
    expect(ack.body).toMatchObject({
      receivedOn: '2026-03-04',
      termEffect: {
        recorded: true,
        action: 'send_notice',
        effect: 'go_live_item',
        gateItem: 'ai_act_notice_sent',
      },
    });
    const aiAct = await track(caseId, 'ai_act');
    expect(aiAct.stage).toBe('notice_sent');
    expect(aiAct.snapshot.noticeSentOn).toBe('2026-03-04');
    expect(await gateItem()).toMatchObject({ met: true });
    expect(await openDeadlines(caseId)).toEqual(before);
    // Nothing to answer on it: the receipt took the step.
    const noAnswer = await t
      .http()
      .post(`${base(caseId)}/${letter.id}/answer`)
      .set('Authorization', chair)
      .send({ version: ack.body.version, answer: 'Gezien' })
      .expect(409);
    expect(noAnswer.body.code).toBe('letter.no_answer_owed');

    // The council received it the day before it acknowledged it: the go-live item's day moves.
    await at('2026-03-09T09:00:00Z');
    const correct = (bearer: string, receivedOn: string) =>
      t
        .http()
        .post(`${base(caseId)}/${letter.id}/receipt-correction`)
        .set('Authorization', bearer)
        .send({ receivedOn });
    expect((await correct(hr, '2026-03-03').expect(403)).body.code).toBe('letter.not_recipient');
    await correct(member, '2026-03-03').expect(403);
    // Not before the letter was sent in the platform (2026-03-02), nor in the future.
    expect((await correct(chair, '2026-03-01').expect(422)).body).toMatchObject({
      code: 'case.date_before_event',
      event: 'letter_sent',
    });
    expect((await correct(chair, '2026-03-10').expect(422)).body.code).toBe('case.date_in_future');
    expect((await track(caseId, 'ai_act')).snapshot.noticeSentOn).toBe('2026-03-04');
    const corrected = await correct(chair, '2026-03-03').expect(200);
    expect(corrected.body).toMatchObject({
      receivedOn: '2026-03-03',
      termEffect: ack.body.termEffect,
    });
    const moved = await track(caseId, 'ai_act');
    expect(moved).toMatchObject({ stage: 'notice_sent' });
    expect(moved.snapshot.noticeSentOn).toBe('2026-03-03');
    expect(await gateItem()).toMatchObject({ met: true });
    expect(await openDeadlines(caseId)).toEqual(before);
    const audit = await auditActions(caseId);
    expect(audit.find((a) => a.action === 'case.receipt_corrected')).toMatchObject({
      before: { track: 'ai_act', act: 'send_notice', receivedOn: '2026-03-04' },
      after: { track: 'ai_act', act: 'send_notice', receivedOn: '2026-03-03' },
    });
    expect(audit.find((a) => a.action === 'letter.receipt_corrected')).toMatchObject({
      before: { letterId: letter.id, receivedOn: '2026-03-04' },
      after: { letterId: letter.id, receivedOn: '2026-03-03', side: 'council' },
    });
  });

  it("expert cost notice (art. 22(2)): drafted by a member, signed by the chair only; its receipt is recorded with the employer's answer owed, and no legal term is invented", async () => {
    await at('2026-03-02T09:00:00Z');
    const caseId = await readyCase();
    await t
      .http()
      .post(base(caseId))
      .set('Authorization', hr)
      .send({ kind: 'expert_cost_notice' })
      .expect(403);
    const letter = await draft(member, caseId, {
      kind: 'expert_cost_notice',
      language: 'en',
      fields: { expertName: 'Dr. Jansen' },
    });
    expect(letter.structured.references).toEqual(['WOR art. 16', 'WOR art. 22(2)', 'WOR art. 36']);
    expect(letter.missing).toEqual(['expectedCostsCents', 'purpose']);
    expect(letter.fieldDefinitions.map((f) => [f.name, f.type])).toEqual([
      ['expertName', 'text'],
      ['purpose', 'textarea'],
      ['expectedCostsCents', 'money'],
    ]);
    const edited = await edit(member, caseId, letter, {
      expertName: 'Dr. Jansen',
      purpose: 'Review of the vendor documentation',
      expectedCostsCents: 250000,
    });
    expect(edited.missing).toEqual([]);
    expect(lines(edited)).toContain('Expected costs: EUR 2500.00');
    expect(lines(edited)).toContain("The law sets no term for the employer's answer.");
    expect(edited.structured.terms).toEqual([]);
    await t
      .http()
      .get(`${base(caseId)}/${letter.id}`)
      .set('Authorization', hr)
      .expect(404);
    expect((await signOffRefused(member, caseId, edited, 403)).code).toBe(
      'letter.sign_off_not_allowed',
    );
    await signAndSend(secretary, caseId, edited);
    const before = await openDeadlines(caseId);

    await at('2026-03-05T09:00:00Z');
    const opened = await t
      .http()
      .get(`${base(caseId)}/${letter.id}`)
      .set('Authorization', hr)
      .expect(200);
    expect(opened.body).toMatchObject({
      status: 'received',
      receivedOn: '2026-03-05',
      receipt: [expect.objectContaining({ via: 'opened', side: 'employer' })],
      termEffect: {
        recorded: true,
        action: 'cost_notice_received',
        effect: 'no_term',
        duty: 'employer_answer',
      },
    });
    expect(await openDeadlines(caseId)).toEqual(before);
    // The employer's answer is recorded without a term having run.
    const answered = await t
      .http()
      .post(`${base(caseId)}/${letter.id}/answer`)
      .set('Authorization', hr)
      .send({ version: opened.body.version, answer: 'Geen bezwaar tegen de kosten.' })
      .expect(200);
    expect(answered.body.answer).toMatchObject({ text: 'Geen bezwaar tegen de kosten.' });
    expect(await openDeadlines(caseId)).toEqual(before);
    expect(
      (await auditActions(caseId)).find((a) => a.action === 'letter.received')?.after,
    ).toMatchObject({
      receivedOn: '2026-03-05',
      termEffect: { effect: 'no_term' },
    });
  });

  it("initiative proposal (art. 23(3)): drafted by a member, signed by the chair; its receipt starts the employer's answer term, labelled internal, and a corrected receipt moves it", async () => {
    await at('2026-03-02T09:00:00Z');
    const caseId = await readyCase();
    const letter = await draft(member, caseId, { kind: 'initiative_proposal', language: 'nl' });
    expect(letter.structured.references).toEqual(['WOR art. 23 lid 3']);
    expect(letter.missing).toEqual(['proposal']);
    const edited = await edit(member, caseId, letter, {
      proposal: 'Een openbaar algoritmeregister',
      reasons: 'Transparantie voor de werknemers',
    });
    // "If received today": six weeks, the platform's own term, not the law's.
    expect(edited.structured.terms).toEqual([
      expect.objectContaining({
        ruleId: 'initiative_response_term',
        lastDay: '2026-04-13',
        statutory: false,
        fatal: false,
        label: expect.stringContaining('interne termijn van Overleg, geen wettelijke termijn'),
      }),
    ]);
    await signOffRefused(member, caseId, edited, 403);
    await signAndSend(chair, caseId, edited);

    await at('2026-03-03T09:00:00Z');
    const opened = await t
      .http()
      .get(`${base(caseId)}/${letter.id}`)
      .set('Authorization', rep)
      .expect(200);
    expect(opened.body.termEffect).toEqual({
      recorded: true,
      action: 'initiative_response',
      effect: 'internal_term',
      ruleId: 'initiative_response_term',
      dueDate: '2026-04-14',
      statutory: false,
      duty: 'employer_answer',
    });
    expect(await deadlines(caseId, 'initiative_response_term')).toEqual([
      expect.objectContaining({
        track: `letter:${letter.id}`,
        triggerDate: '2026-03-03',
        strictDate: '2026-04-14',
        statutory: false,
      }),
    ]);
    // The employer received it on the day it was sent: the term runs from then.
    const corrected = await t
      .http()
      .post(`${base(caseId)}/${letter.id}/receipt-correction`)
      .set('Authorization', hr)
      .send({ receivedOn: '2026-03-02' })
      .expect(200);
    expect(corrected.body.termEffect).toMatchObject({ dueDate: '2026-04-13' });
    expect(await deadlines(caseId, 'initiative_response_term')).toEqual([
      expect.objectContaining({ triggerDate: '2026-03-02', strictDate: '2026-04-13' }),
    ]);

    // After the consultation meeting the employer answers in writing: the internal term is met.
    await at('2026-03-20T09:00:00Z');
    const current = await t
      .http()
      .get(`${base(caseId)}/${letter.id}`)
      .set('Authorization', rep)
      .expect(200);
    expect(current.body.allowedActions).toContain('answer');
    await t
      .http()
      .post(`${base(caseId)}/${letter.id}/answer`)
      .set('Authorization', chair)
      .send({ version: current.body.version, answer: 'Zelf beantwoord' })
      .expect(403);
    const answered = await t
      .http()
      .post(`${base(caseId)}/${letter.id}/answer`)
      .set('Authorization', rep)
      .send({ version: current.body.version, answer: 'Wij voeren het register in per 1 juni.' })
      .expect(200);
    expect(answered.body.answer).toMatchObject({
      text: 'Wij voeren het register in per 1 juni.',
      on: '2026-03-20',
    });
    expect(answered.body.allowedActions).not.toContain('answer');
    expect(await deadlines(caseId, 'initiative_response_term')).toEqual([]);
    const seen = await t
      .http()
      .get(`${base(caseId)}/${letter.id}`)
      .set('Authorization', chair)
      .expect(200);
    expect(seen.body.answer).toMatchObject({ on: '2026-03-20' });
    const again = await t
      .http()
      .post(`${base(caseId)}/${letter.id}/answer`)
      .set('Authorization', hr)
      .send({ version: answered.body.version, answer: 'Nogmaals' })
      .expect(409);
    expect(again.body.code).toBe('letter.already_answered');
    expect((await auditActions(caseId)).map((a) => a.action)).toContain('letter.answered');
  });

  it('nullity (art. 27(5)) after a written decision without consent: signed by the chair only, its receipt invokes nullity on the consent track', async () => {
    await at('2026-03-02T09:00:00Z');
    const caseId = await readyCase();
    await act(hr, caseId, 'consent', { type: 'submit_request' });
    await act(chair, caseId, 'consent', { type: 'record_consultation_held', heldOn: '2026-03-02' });
    await act(chair, caseId, 'consent', {
      type: 'record_council_position',
      position: 'refused',
      reasons: 'Geen doelbinding',
    });
    await at('2026-03-03T09:00:00Z');
    await act(hr, caseId, 'consent', {
      type: 'record_employer_decision',
      follows: false,
      reasons: 'Wij voeren het toch in',
      receivedOn: '2026-03-03',
    });

    await at('2026-03-10T09:00:00Z');
    await t
      .http()
      .post(base(caseId))
      .set('Authorization', hr)
      .send({ kind: 'nullity_invocation' })
      .expect(403);
    const letter = await draft(member, caseId, { kind: 'nullity_invocation', language: 'nl' });
    expect(letter).toMatchObject({ track: 'consent', missing: [] });
    expect(letter.structured.references).toEqual(['WOR art. 27 lid 5']);
    expect(lines(letter)).toContain('door de ondernemingsraad ontvangen op 2026-03-03');
    expect(letter.structured.terms).toEqual([
      expect.objectContaining({ ruleId: 'nullity_term', lastDay: '2026-04-03', fatal: true }),
    ]);
    const edited = await edit(member, caseId, letter, { reasons: 'Ingevoerd zonder instemming' });
    expect(edited.fieldDefinitions.map((f) => f.name)).toEqual(['learnedOn', 'reasons']);
    expect((await signOffRefused(member, caseId, edited, 403)).code).toBe(
      'letter.sign_off_not_allowed',
    );
    await signAndSend(chair, caseId, edited);

    await at('2026-03-11T09:00:00Z');
    const opened = await t
      .http()
      .get(`${base(caseId)}/${letter.id}`)
      .set('Authorization', hr)
      .expect(200);
    expect(opened.body).toMatchObject({
      receivedOn: '2026-03-11',
      termEffect: { recorded: true, action: 'invoke_nullity', effect: 'term' },
    });
    expect((await track(caseId, 'consent')).stage).toBe('nullity_invoked');
    expect(await deadlines(caseId, 'nullity_term')).toEqual([]);
    const audit = await auditActions(caseId);
    expect(
      audit.find(
        (a) => a.action === 'case.track_transitioned' && a.after?.action === 'invoke_nullity',
      ),
    ).toBeDefined();
    expect((await track(caseId, 'consent')).snapshot.nullityInvokedOn).toBe('2026-03-11');

    // The employer corrects the day the invocation reached it: within the month of 27(5) only,
    // and not before the letter was sent; a later day would void the council's timely letter.
    await at('2026-04-10T09:00:00Z');
    const correct = (bearer: string, receivedOn: string) =>
      t
        .http()
        .post(`${base(caseId)}/${letter.id}/receipt-correction`)
        .set('Authorization', bearer)
        .send({ receivedOn });
    expect((await correct(chair, '2026-03-12').expect(403)).body.code).toBe('letter.not_recipient');
    // The month ends on Good Friday 3 April; Easter takes the last day to Tuesday 7 April.
    expect((await correct(hr, '2026-04-08').expect(422)).body).toMatchObject({
      code: 'letter.nullity_term_passed',
      lastDay: '2026-04-03',
      extendedLastDay: '2026-04-07',
    });
    expect((await correct(hr, '2026-03-09').expect(422)).body).toMatchObject({
      code: 'case.date_before_event',
      event: 'letter_sent',
    });
    expect((await track(caseId, 'consent')).snapshot.nullityInvokedOn).toBe('2026-03-11');
    const corrected = await correct(hr, '2026-03-13').expect(200);
    expect(corrected.body).toMatchObject({ receivedOn: '2026-03-13', status: 'received' });
    const consent = await track(caseId, 'consent');
    expect(consent).toMatchObject({ stage: 'nullity_invoked' });
    expect(consent.snapshot.nullityInvokedOn).toBe('2026-03-13');
    expect(await deadlines(caseId, 'nullity_term')).toEqual([]);
    expect(
      (await auditActions(caseId)).find((a) => a.action === 'case.receipt_corrected'),
    ).toMatchObject({
      before: { track: 'consent', act: 'invoke_nullity', receivedOn: '2026-03-11' },
      after: { track: 'consent', act: 'invoke_nullity', receivedOn: '2026-03-13' },
    });
  });

  it('nullity after the council saw the decision implemented: the month runs from the day it gives, the letter is refused after that month, and a timely one invokes nullity', async () => {
    await at('2026-03-02T09:00:00Z');
    const caseId = await readyCase();
    const late = await draft(member, caseId, { kind: 'nullity_invocation', language: 'en' });
    // No written decision and no date: the letter cannot say when the month ran.
    const refused = await signOffRefused(chair, caseId, late, 422);
    expect(refused).toMatchObject({ code: 'letter.incomplete' });
    const dated = await edit(member, caseId, late, { learnedOn: '2026-03-02' });
    expect(lines(dated)).toContain(
      'on 2026-03-02 the works council found that it is being implemented',
    );
    expect(dated.structured.terms).toEqual([
      expect.objectContaining({ ruleId: 'nullity_term', lastDay: '2026-04-02' }),
    ]);
    const signed = await t
      .http()
      .post(`${base(caseId)}/${late.id}/sign-off`)
      .set('Authorization', chair)
      .send({ version: dated.version })
      .expect(200);
    // A month and a few days later the letter is no longer sent.
    await at('2026-04-07T09:00:00Z');
    const tooLate = await t
      .http()
      .post(`${base(caseId)}/${late.id}/sending`)
      .set('Authorization', chair)
      .send({ version: signed.body.version, delivery: 'platform' })
      .expect(422);
    expect(tooLate.body).toMatchObject({
      code: 'letter.nullity_term_passed',
      startsOn: '2026-03-02',
      lastDay: '2026-04-02',
    });
    // Implementation seen again on 20 March (a new application): that month still runs.
    const byHand = await draft(member, caseId, {
      kind: 'nullity_invocation',
      language: 'en',
      fields: { learnedOn: '2026-03-20' },
    });
    expect(byHand.structured.terms).toEqual([
      expect.objectContaining({ ruleId: 'nullity_term', lastDay: '2026-04-20' }),
    ]);
    await signAndSend(secretary, caseId, byHand);
    await at('2026-04-08T09:00:00Z');
    const ack = await t
      .http()
      .post(`${base(caseId)}/${byHand.id}/receipt`)
      .set('Authorization', hr)
      .send({})
      .expect(200);
    expect(ack.body).toMatchObject({
      receivedOn: '2026-04-08',
      termEffect: { recorded: true, action: 'invoke_nullity' },
    });
    expect((await track(caseId, 'consent')).stage).toBe('nullity_invoked');
    const audit = (await auditActions(caseId)).filter(
      (a) => a.action === 'case.track_transitioned',
    );
    expect(audit.map((a) => a.after?.action)).toEqual(
      expect.arrayContaining(['record_decision_without_consent', 'invoke_nullity']),
    );
  });

  it('nullity cannot be invoked against a decision taken with consent', async () => {
    await at('2026-03-02T09:00:00Z');
    const caseId = await readyCase();
    await act(hr, caseId, 'consent', { type: 'submit_request' });
    await act(chair, caseId, 'consent', { type: 'record_consultation_held', heldOn: '2026-03-02' });
    await act(chair, caseId, 'consent', {
      type: 'record_council_position',
      position: 'granted',
      reasons: 'Doelbinding is geregeld',
    });
    await act(hr, caseId, 'consent', {
      type: 'record_employer_decision',
      follows: true,
      implementationDate: '2026-04-01',
      receivedOn: '2026-03-02',
    });
    const letter = await draft(member, caseId, { kind: 'nullity_invocation', language: 'en' });
    expect(letter.structured.terms).toEqual([]);
    expect((await signOffRefused(chair, caseId, letter, 422)).code).toBe(
      'letter.nullity_not_available',
    );
  });
});

interface Letter {
  id: string;
  kind: string;
  senderSide: string;
  status: string;
  version: number;
  versionSeq: number;
  missing: string[];
  fieldDefinitions: Array<{ name: string; type: string }>;
  structured: {
    references: string[];
    sections: Array<{ heading: string; lines: string[] }>;
    terms: Array<{ ruleId: string; lastDay: string; statutory: boolean }>;
  };
}

function binary(res: unknown, done: (err: Error | null, body: Buffer) => void): void {
  const stream = res as NodeJS.ReadableStream;
  const chunks: Buffer[] = [];
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  stream.on('end', () => done(null, Buffer.concat(chunks)));
}
