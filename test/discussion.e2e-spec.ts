import { AuthService } from '@wc/auth';
import { TransactionHost } from '@wc/database';
import { CommentService } from '@wc/discussion';
import type { GivenOrganisation, GivenUser } from '@wc/testing';

import { fileCase } from './support/case-fixtures';
import { Listener, QUIET_MS, sleep } from './support/sockets';
import { itemsOf } from './support/pages';
import { startTestApp, type TestApp } from './support/test-app';

const DOCUMENT_ID = '5b0c8a3e-2f1d-4c6b-9a7e-8d9c0b1a2f3e';

describe('discussion: comment threads (e2e)', () => {
  let t: TestApp;
  let org: GivenOrganisation;
  let other: GivenOrganisation;
  let union: { organisationId: string; officer: GivenUser };
  const bearer: Record<string, string> = {};
  const listeners: Listener[] = [];

  async function listen(user: GivenUser): Promise<Listener> {
    const listener = await Listener.connect(t.url, (await t.login(user)).replace(/^Bearer /, ''));
    listeners.push(listener);
    return listener;
  }

  function post(caseId: string, who: string, body: Record<string, unknown>, thread?: string) {
    // A second apart, so threads read in a stable order (the fake clock stands still otherwise).
    t.clock.set(new Date(t.clock.now().getTime() + 1000));
    return t
      .http()
      .post(`/cases/${caseId}/comments${thread ? `?thread=${encodeURIComponent(thread)}` : ''}`)
      .set('Authorization', bearer[who])
      .send(body);
  }

  function list(caseId: string, who: string, thread?: string) {
    return t
      .http()
      .get(`/cases/${caseId}/comments${thread ? `?thread=${encodeURIComponent(thread)}` : ''}`)
      .set('Authorization', bearer[who]);
  }

  beforeAll(async () => {
    t = await startTestApp();
    org = await t.given.organisation();
    other = await t.given.organisation();
    union = await t.given.union();
    const users = {
      hr: org.hr,
      chair: org.chair,
      member: org.member,
      expert: org.expert,
      otherHr: other.hr,
      officer: union.officer,
    };
    for (const [name, user] of Object.entries(users)) {
      bearer[name] = await t.login(user);
    }
  });
  afterEach(() => {
    for (const listener of listeners.splice(0)) {
      listener.socket.disconnect();
    }
  });
  afterAll(() => t.close());

  async function caseWithExpert(): Promise<string> {
    const { caseId, version } = await fileCase(t, org, bearer.hr);
    await t
      .http()
      .post(`/cases/${caseId}/experts`)
      .set('Authorization', bearer.chair)
      .send({ version, userId: org.expert.id })
      .expect(201);
    return caseId;
  }

  it('keeps threads on the case and on dossier items, with edits and deletes kept in history', async () => {
    const caseId = await caseWithExpert();
    const onCase = await post(caseId, 'hr', {
      body: 'Graag jullie reactie op het voorstel.',
    }).expect(201);
    expect(onCase.body).toMatchObject({
      caseId,
      thread: 'case',
      visibility: 'case',
      authorId: org.hr.id,
      body: 'Graag jullie reactie op het voorstel.',
      version: 1,
      editedAt: null,
      deletedAt: null,
    });
    const onQuestion = await post(
      caseId,
      'member',
      { body: 'Wie ziet de pickscores?' },
      'assessment:A1',
    ).expect(201);
    await post(
      caseId,
      'expert',
      { body: 'Bijlage 3 mist de bewaartermijn.' },
      `document:${DOCUMENT_ID}`,
    ).expect(201);

    const all = await list(caseId, 'chair').expect(200);
    expect(itemsOf(all).map((c: { thread: string }) => c.thread)).toEqual([
      'case',
      'assessment:A1',
      `document:${DOCUMENT_ID}`,
    ]);
    const question = await list(caseId, 'hr', 'assessment:A1').expect(200);
    expect(itemsOf(question).map((c: { id: string }) => c.id)).toEqual([onQuestion.body.id]);
    await list(caseId, 'hr', 'assessment:').expect(400);
    await post(caseId, 'hr', { body: 'x' }, 'internal').expect(400);

    // Only the author edits, against the version they saw.
    const url = `/cases/${caseId}/comments/${onQuestion.body.id}`;
    const notAuthor = await t
      .http()
      .patch(url)
      .set('Authorization', bearer.hr)
      .send({ version: 1, body: 'Overschreven' })
      .expect(403);
    expect(notAuthor.body.code).toBe('comment.author_only');
    const edited = await t
      .http()
      .patch(url)
      .set('Authorization', bearer.member)
      .send({ version: 1, body: 'Wie ziet de pickscores, en hoe lang?' })
      .expect(200);
    expect(edited.body).toMatchObject({
      body: 'Wie ziet de pickscores, en hoe lang?',
      version: 2,
      editedAt: t.clock.now().toISOString(),
    });
    const stale = await t
      .http()
      .patch(url)
      .set('Authorization', bearer.member)
      .send({ version: 1, body: 'Oud' })
      .expect(409);
    expect(stale.body).toMatchObject({ code: 'comment.version_conflict', currentVersion: 2 });
    const history = await t
      .http()
      .get(`${url}/revisions`)
      .set('Authorization', bearer.hr)
      .expect(200);
    expect(itemsOf(history)).toEqual([
      { revision: 1, body: 'Wie ziet de pickscores?', revisedAt: expect.any(String) },
      { revision: 2, body: 'Wie ziet de pickscores, en hoe lang?', revisedAt: expect.any(String) },
    ]);

    // A delete hides the text but keeps the comment, and its history stays stored for the record.
    await t.http().delete(url).set('Authorization', bearer.hr).expect(403);
    const deleted = await t.http().delete(url).set('Authorization', bearer.member).expect(200);
    expect(deleted.body).toMatchObject({
      id: onQuestion.body.id,
      body: null,
      deletedAt: expect.any(String),
      version: 3,
    });
    const afterDelete = await list(caseId, 'hr', 'assessment:A1').expect(200);
    expect(itemsOf(afterDelete)).toEqual([
      expect.objectContaining({ id: onQuestion.body.id, body: null }),
    ]);
    const hidden = await t
      .http()
      .get(`${url}/revisions`)
      .set('Authorization', bearer.member)
      .expect(200);
    expect(itemsOf(hidden).map((r: { body: string | null }) => r.body)).toEqual([null, null]);
    const stored = await t.db.query<Array<{ body: string }>>(
      `SELECT body FROM comment_revision WHERE comment_id = $1 ORDER BY revision`,
      [onQuestion.body.id],
    );
    expect(stored.map((r) => r.body)).toEqual([
      'Wie ziet de pickscores?',
      'Wie ziet de pickscores, en hoe lang?',
    ]);
    const again = await t
      .http()
      .patch(url)
      .set('Authorization', bearer.member)
      .send({ version: 3, body: 'Terug' })
      .expect(409);
    expect(again.body.code).toBe('comment.deleted');

    const audit = await t
      .http()
      .get(`/cases/${caseId}/audit`)
      .set('Authorization', bearer.chair)
      .expect(200);
    const actions = (audit.body.items as Array<{ action: string }>).map((e) => e.action);
    expect(actions.filter((a) => a.startsWith('comment.'))).toEqual([
      'comment.created',
      'comment.created',
      'comment.created',
      'comment.edited',
      'comment.deleted',
    ]);
    const verdict = await t
      .http()
      .get(`/cases/${caseId}/audit/verify`)
      .set('Authorization', bearer.chair)
      .expect(200);
    expect(verdict.body).toMatchObject({ valid: true });

    // Another organisation cannot see the case, nor its threads.
    const foreign = await list(caseId, 'otherHr').expect(404);
    expect(foreign.body.code).toBe('case.not_found');
    await post(caseId, 'otherHr', { body: 'Hallo?' }).expect(404);
  });

  it('keeps the union thread between the council and its union officers', async () => {
    const caseId = await caseWithExpert();
    await t
      .http()
      .post(`/works-councils/${org.worksCouncilId}/union-shares`)
      .set('Authorization', bearer.chair)
      .send({ unionOrganisationId: union.organisationId, caseId, scope: 'status' })
      .expect(201);
    await post(caseId, 'hr', { body: 'Voor iedereen' }).expect(201);
    const fromOfficer = await post(
      caseId,
      'officer',
      { body: 'Sluit dit aan op de cao?' },
      'union',
    ).expect(201);
    expect(fromOfficer.body).toMatchObject({ thread: 'union', visibility: 'union' });
    await post(caseId, 'chair', { body: 'We bekijken het.' }, 'union').expect(201);

    expect(
      (await list(caseId, 'officer').expect(200)).body.items.map(
        (c: { thread: string }) => c.thread,
      ),
    ).toEqual(['union', 'union']);
    expect((await list(caseId, 'officer', 'case').expect(404)).body.code).toBe(
      'comment_thread.not_found',
    );
    await post(caseId, 'officer', { body: 'Mag ik meelezen?' }).expect(404);
    expect(
      (await list(caseId, 'member').expect(200)).body.items.map(
        (c: { thread: string }) => c.thread,
      ),
    ).toEqual(['case', 'union', 'union']);
    for (const who of ['hr', 'expert']) {
      expect(
        (await list(caseId, who).expect(200)).body.items.map((c: { thread: string }) => c.thread),
      ).toEqual(['case']);
      expect((await list(caseId, who, 'union').expect(404)).body.code).toBe(
        'comment_thread.not_found',
      );
      await t
        .http()
        .get(`/cases/${caseId}/comments/${fromOfficer.body.id}/revisions`)
        .set('Authorization', bearer[who])
        .expect(404);
    }

    // Union-thread events stay out of the case's event log, which the employer side reads.
    const log = await t
      .http()
      .get(`/cases/${caseId}/events?after=0`)
      .set('Authorization', bearer.hr)
      .expect(200);
    const types = (log.body.items as Array<{ type: string }>).map((e) => e.type);
    expect(types.filter((type) => type.startsWith('comment.'))).toEqual(['comment.created']);
    const [event] = await t.db.query<
      Array<{ case_id: string | null; works_council_id: string; payload: Record<string, unknown> }>
    >(
      `SELECT case_id, works_council_id, payload FROM domain_event WHERE type = 'comment.created' AND payload->>'commentId' = $1`,
      [fromOfficer.body.id],
    );
    expect(event).toMatchObject({
      case_id: null,
      works_council_id: org.worksCouncilId,
      payload: { subjectCaseId: caseId, thread: 'union' },
    });
  });

  it('offers after @ exactly the people who can read the thread, and a plain @Name of one of them mentions them', async () => {
    const caseId = await caseWithExpert();
    await t
      .http()
      .post(`/works-councils/${org.worksCouncilId}/union-shares`)
      .set('Authorization', bearer.chair)
      .send({ unionOrganisationId: union.organisationId, caseId, scope: 'status' })
      .expect(201);
    const names: Record<string, string> = {
      hr: 'Hanna de Vries',
      member: 'Sanne Bakker',
      expert: 'Erik Deskundige',
      officer: 'Kees Smit',
      chair: 'Pieter Jansen',
    };
    const ids: Record<string, string> = {
      hr: org.hr.id,
      member: org.member.id,
      expert: org.expert.id,
      officer: union.officer.id,
      chair: org.chair.id,
    };
    for (const [who, name] of Object.entries(names)) {
      await t.db.query(`UPDATE app_user SET display_name = $2 WHERE id = $1`, [ids[who], name]);
    }
    const offered = async (who: string, thread: string) =>
      (
        (
          await t
            .http()
            .get(`/cases/${caseId}/comments/mentionable?thread=${thread}`)
            .set('Authorization', bearer[who])
            .expect(200)
        ).body.items as Array<{ userId: string; displayName: string }>
      ).map((p) => p.userId);
    // The case thread: everyone who sees the case (employer side, council, expert), never the union officer or another employer.
    const caseThread = await offered('chair', 'case');
    for (const who of ['hr', 'member', 'expert']) {
      expect(caseThread).toContain(ids[who]);
    }
    expect(caseThread).not.toContain(union.officer.id);
    expect(caseThread).not.toContain(other.hr.id);
    expect(caseThread).not.toContain(org.chair.id);
    // The union thread: the council and the union's officers; never the employer side or the expert.
    const unionThread = await offered('member', 'union');
    expect(unionThread).toEqual(expect.arrayContaining([org.chair.id, union.officer.id]));
    expect(unionThread).not.toContain(org.hr.id);
    expect(unionThread).not.toContain(org.expert.id);
    // Who may not use a thread is not told who reads it.
    expect(
      (
        await t
          .http()
          .get(`/cases/${caseId}/comments/mentionable?thread=union`)
          .set('Authorization', bearer.hr)
          .expect(404)
      ).body.code,
    ).toBe('comment_thread.not_found');
    expect(
      (
        await t
          .http()
          .get(`/cases/${caseId}/comments/mentionable`)
          .set('Authorization', bearer.otherHr)
          .expect(404)
      ).body.code,
    ).toBe('case.not_found');

    const member = await listen(org.member);
    const created = await post(caseId, 'chair', {
      body: 'Kan @Sanne Bakker dit lezen, en @hanna de vries ook? @Sanne alleen is niemand.',
    }).expect(201);
    expect([...created.body.mentions].sort()).toEqual([org.hr.id, org.member.id].sort());
    expect(await member.event('comment.mentioned')).toMatchObject({
      userId: org.member.id,
      commentId: created.body.id,
    });
    // A plain @Name of someone outside the thread names no one: the union officer is not in the case thread.
    const outside = await post(caseId, 'chair', { body: 'Vraag @Kees Smit niets hier.' }).expect(
      201,
    );
    expect(outside.body.mentions).toEqual([]);
  });

  it("notifies a mentioned user's socket after the commit, and only people who can see the thread may be mentioned", async () => {
    const caseId = await caseWithExpert();
    const member = await listen(org.member);
    const expert = await listen(org.expert);
    expect(await expert.request('subscribe', { caseId })).toEqual({ ok: true });

    const created = await post(caseId, 'hr', {
      body: `Kan @[Lid OR](${org.member.id}) hiernaar kijken?`,
    }).expect(201);
    expect(created.body.mentions).toEqual([org.member.id]);
    const mention = await member.event('comment.mentioned');
    expect(mention).toMatchObject({
      userId: org.member.id,
      caseId: null,
      worksCouncilId: null,
      commentId: created.body.id,
      subjectCaseId: caseId,
      thread: 'case',
    });
    expect(mention).not.toHaveProperty('body');
    // The case room hears of the comment, not of whom it mentions.
    expect(await expert.event('comment.created')).toMatchObject({
      caseId,
      commentId: created.body.id,
      caseSeq: expect.any(Number),
    });
    await sleep(QUIET_MS);
    expect(expert.ofType('comment.mentioned')).toEqual([]);

    // An edit notifies only the newly mentioned, here through the explicit list.
    const edited = await t
      .http()
      .patch(`/cases/${caseId}/comments/${created.body.id}`)
      .set('Authorization', bearer.hr)
      .send({
        version: 1,
        body: `Kan @[Lid OR](${org.member.id}) hiernaar kijken?`,
        mentions: [org.expert.id],
      })
      .expect(200);
    expect(edited.body.mentions).toEqual([org.member.id, org.expert.id]);
    expect(await expert.event('comment.mentioned')).toMatchObject({
      userId: org.expert.id,
      commentId: created.body.id,
    });
    await sleep(QUIET_MS);
    expect(member.ofType('comment.mentioned')).toHaveLength(1);

    // Someone who cannot see the case, or the thread, cannot be mentioned; nothing is stored or sent.
    const stranger = await post(caseId, 'hr', {
      body: `Vraag @[HR elders](${other.hr.id})`,
    }).expect(422);
    expect(stranger.body).toMatchObject({
      code: 'comment.mention_not_allowed',
      userIds: [other.hr.id],
      errors: [{ path: 'mentions' }],
    });
    const employerInUnionThread = await post(
      caseId,
      'chair',
      { body: 'Intern', mentions: [org.hr.id] },
      'union',
    ).expect(422);
    expect(employerInUnionThread.body.userIds).toEqual([org.hr.id]);
    await post(caseId, 'hr', {
      body: 'Onbekend',
      mentions: ['00000000-0000-4000-8000-000000000000'],
    }).expect(422);
    const [{ count }] = await t.db.query<Array<{ count: string }>>(
      `SELECT count(*) FROM comment WHERE case_id = $1`,
      [caseId],
    );
    expect(Number(count)).toBe(1);
  });

  it('delivers comment events only once the transaction has committed, and never after a rollback', async () => {
    const caseId = await caseWithExpert();
    const member = await listen(org.member);
    const tx = t.app.get(TransactionHost);
    const comments = t.app.get(CommentService);
    const hr = (await t.app.get(AuthService).actorFor(org.hr.id))!;

    /** Writes a comment in a transaction held open until told to commit or roll back. */
    async function held(
      body: string,
    ): Promise<{ commit: () => Promise<void>; rollback: () => Promise<void> }> {
      let decide!: (outcome: 'commit' | 'rollback') => void;
      const decided = new Promise<'commit' | 'rollback'>((resolve) => (decide = resolve));
      let written!: () => void;
      const writtenYet = new Promise<void>((resolve) => (written = resolve));
      const done = tx.run(async () => {
        await comments.create(hr, caseId, 'case', { body: `${body} @[Lid](${org.member.id})` });
        written();
        if ((await decided) === 'rollback') {
          throw new Error('rolled back on purpose');
        }
      });
      await writtenYet;
      return {
        commit: async () => {
          decide('commit');
          await done;
        },
        rollback: async () => {
          decide('rollback');
          await expect(done).rejects.toThrow('rolled back on purpose');
        },
      };
    }

    const first = await held('Eerste');
    await sleep(QUIET_MS);
    expect(member.ofType('comment.mentioned')).toEqual([]);
    await first.rollback();
    const second = await held('Tweede');
    await sleep(QUIET_MS);
    expect(member.ofType('comment.mentioned')).toEqual([]);
    await second.commit();
    expect(await member.event('comment.mentioned')).toMatchObject({ userId: org.member.id });
    expect(member.ofType('comment.mentioned')).toHaveLength(1);
    const stored = await t.db.query<Array<{ body: string }>>(
      `SELECT body FROM comment WHERE case_id = $1`,
      [caseId],
    );
    expect(stored.map((r) => r.body)).toEqual([`Tweede @[Lid](${org.member.id})`]);
  });
});
