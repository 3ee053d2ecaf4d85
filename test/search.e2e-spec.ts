import { randomUUID } from 'node:crypto';

import PDFDocument from 'pdfkit';

import type { GivenOrganisation, GivenUser } from '@wc/testing';

import { fileCase, FULL_CONTENTS } from './support/case-fixtures';
import { startTestApp, type TestApp } from './support/test-app';

type Json = Record<string, any>;
type Part =
  | { name: string; value: string }
  | { name: string; filename: string; bytes: Buffer; contentType: string };

/** A real PDF whose only text is `words`, as pdfkit writes it (the text lives in compressed content streams). */
async function pdfWith(words: string): Promise<Buffer> {
  const doc = new PDFDocument();
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const ended = new Promise<void>((resolve) => doc.on('end', () => resolve()));
  doc.text(words);
  doc.end();
  await ended;
  return Buffer.concat(chunks);
}

function multipart(parts: Part[]): { body: Buffer; contentType: string } {
  const boundary = `----overleg-${randomUUID()}`;
  const chunks: Buffer[] = [];
  for (const part of parts) {
    chunks.push(Buffer.from(`--${boundary}\r\n`));
    if ('bytes' in part) {
      chunks.push(
        Buffer.from(
          `Content-Disposition: form-data; name="${part.name}"; filename="${part.filename}"\r\nContent-Type: ${part.contentType}\r\n\r\n`,
          'utf8',
        ),
        part.bytes,
      );
    } else {
      chunks.push(
        Buffer.from(
          `Content-Disposition: form-data; name="${part.name}"\r\n\r\n${part.value}`,
          'utf8',
        ),
      );
    }
    chunks.push(Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { body: Buffer.concat(chunks), contentType: `multipart/form-data; boundary=${boundary}` };
}

/**
 * One search box over what a person may read (issue #13). Every word below occurs in exactly one
 * place, so each search names the one item it must (or must not) find:
 * - case 1 (sent, shared with the union at dossier scope, no committee): "zonnebloemroosteraar"
 *   in its request, "egelantier" in a comment on the case thread, "vlierbes" in the union thread,
 *   "kwartelkoning" inside a PDF, "geheimzegel" inside an art. 20 secret PDF;
 * - case 2 (sent, prepared by the committee): "hazelaarproject" in its title;
 * - a draft case: "vogelkers" in its request;
 * - an internal council meeting "lijsterbes"; a consultation meeting whose minutes say "meidoorn".
 */
describe('search (e2e)', () => {
  let t: TestApp;
  let org: GivenOrganisation;
  let union: { organisationId: string; officer: GivenUser };
  const bearer: Record<string, string> = {};
  const ids: Record<string, string> = {};

  const search = async (who: string, q: string): Promise<Json[]> =>
    (await t.http().get('/search').query({ q }).set('Authorization', bearer[who]).expect(200)).body
      .items as Json[];
  const found = async (who: string, q: string): Promise<string[]> =>
    (await search(who, q)).map((h) => `${h.kind}:${h.id}`);

  function upload(who: string, caseId: string, parts: Part[]) {
    const { body, contentType } = multipart(parts);
    return t
      .http()
      .post(`/cases/${caseId}/documents`)
      .set('Authorization', bearer[who])
      .set('Content-Type', contentType)
      .send(body);
  }

  beforeAll(async () => {
    t = await startTestApp();
    org = await t.given.organisation();
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
    const one = await fileCase(t, org, bearer.hr, {
      contents: {
        ...FULL_CONTENTS,
        intendedDecision:
          'Invoering van de Zonnebloemroosteraar, which schedules the shifts of the warehouse',
      },
    });
    ids.case1 = one.caseId;
    await t
      .http()
      .post(`/cases/${one.caseId}/experts`)
      .set('Authorization', bearer.chair)
      .send({ version: one.version, userId: org.expert.id })
      .expect(201);
    const two = await fileCase(t, org, bearer.hr);
    const twoNow = (
      await t.http().get(`/cases/${two.caseId}`).set('Authorization', bearer.hr).expect(200)
    ).body as Json;
    await t
      .http()
      .patch(`/cases/${two.caseId}`)
      .set('Authorization', bearer.hr)
      .send({ version: twoNow.version, title: 'Hazelaarproject personeelsplanning' })
      .expect(200);
    const twoSent = (
      await t.http().get(`/cases/${two.caseId}`).set('Authorization', bearer.hr).expect(200)
    ).body as Json;
    await t
      .http()
      .put(`/cases/${two.caseId}/committee`)
      .set('Authorization', bearer.chair)
      .send({ version: twoSent.version, committeeId: org.committeeId })
      .expect(200);
    ids.case2 = two.caseId;
    ids.draft = (
      await fileCase(t, org, bearer.hr, {
        send: false,
        contents: { ...FULL_CONTENTS, intendedDecision: 'Vogelkers in concept' },
      })
    ).caseId;

    await t
      .http()
      .post(`/works-councils/${org.worksCouncilId}/union-shares`)
      .set('Authorization', bearer.chair)
      .send({ unionOrganisationId: union.organisationId, caseId: ids.case1, scope: 'dossier' })
      .expect(201);
    ids.comment = (
      await t
        .http()
        .post(`/cases/${ids.case1}/comments`)
        .set('Authorization', bearer.chair)
        .send({ body: 'Wat doet de egelantier-module met verlof?' })
        .expect(201)
    ).body.id;
    ids.unionComment = (
      await t
        .http()
        .post(`/cases/${ids.case1}/comments?thread=union`)
        .set('Authorization', bearer.union)
        .send({ body: 'Onze achterban vraagt naar de vlierbes-regeling.' })
        .expect(201)
    ).body.id;
    ids.pdf = (
      await upload('hr', ids.case1, [
        { name: 'title', value: 'Bijlage A' },
        {
          name: 'file',
          filename: 'bijlage-a.pdf',
          bytes: await pdfWith(
            'De leverancier noemt het algoritme kwartelkoning in de handleiding.',
          ),
          contentType: 'application/pdf',
        },
      ]).expect(201)
    ).body.id;
    ids.secret = (
      await upload('hr', ids.case1, [
        { name: 'title', value: 'Modelkaart' },
        { name: 'confidentialScope', value: 'Modelkaart van de leverancier' },
        {
          name: 'file',
          filename: 'modelkaart.pdf',
          bytes: await pdfWith('Vertrouwelijk: het geheimzegel van de prijsopbouw.'),
          contentType: 'application/pdf',
        },
      ]).expect(201)
    ).body.id;
    ids.internal = (
      await t
        .http()
        .post(`/works-councils/${org.worksCouncilId}/meetings`)
        .set('Authorization', bearer.chair)
        .send({
          kind: 'internal',
          title: 'Voorbereiding lijsterbes',
          startsAt: '2026-03-10T09:00:00Z',
        })
        .expect(201)
    ).body.id;
    const consultation = (
      await t
        .http()
        .post(`/works-councils/${org.worksCouncilId}/meetings`)
        .set('Authorization', bearer.chair)
        .send({
          kind: 'consultation',
          title: 'Overlegvergadering maart',
          startsAt: '2026-03-11T09:00:00Z',
        })
        .expect(201)
    ).body as Json;
    ids.consultation = consultation.id;
    await t
      .http()
      .put(`/meetings/${consultation.id}/minutes`)
      .set('Authorization', bearer.chair)
      .send({
        version: consultation.version,
        minutes: 'Besproken: de meidoorn-afspraken over roosters.',
      })
      .expect(200);
  });
  afterAll(() => t.close());

  it('finds a case by a word in its request, with the word highlighted in the snippet, in Dutch and by English stem', async () => {
    const [hit] = await search('chair', 'zonnebloemroosteraar');
    expect(hit).toMatchObject({
      kind: 'case',
      id: ids.case1,
      caseId: ids.case1,
      title: 'Introductie WarehouseInsight',
    });
    expect(hit.snippet).toEqual(
      expect.arrayContaining([{ text: 'Zonnebloemroosteraar', match: true }]),
    );
    // "schedule" finds "schedules" through the English configuration.
    expect(await found('chair', 'schedule')).toEqual([`case:${ids.case1}`]);
  });

  it('finds a document by a word inside its PDF, and a comment by its text', async () => {
    const [doc] = await search('hr', 'kwartelkoning');
    expect(doc).toMatchObject({
      kind: 'document',
      id: ids.pdf,
      caseId: ids.case1,
      caseTitle: 'Introductie WarehouseInsight',
      title: 'Bijlage A',
    });
    expect(doc.snippet.filter((p: Json) => p.match).map((p: Json) => p.text)).toEqual([
      'kwartelkoning',
    ]);
    expect(await found('member', 'egelantier')).toEqual([`comment:${ids.comment}`]);
    expect(await found('member', 'meidoorn')).toEqual([`meeting:${ids.consultation}`]);
  });

  it('shows an art. 20 secret document only to those it is shared with', async () => {
    expect(await found('hr', 'geheimzegel')).toEqual([`document:${ids.secret}`]);
    expect(await found('member', 'geheimzegel')).toEqual([`document:${ids.secret}`]);
    // The expert on the case was not admitted to this item; the union never sees secret documents.
    expect(await found('expert', 'geheimzegel')).toEqual([]);
    expect(await found('union', 'geheimzegel')).toEqual([]);
    expect(await found('expert', 'kwartelkoning')).toEqual([`document:${ids.pdf}`]);
  });

  it('pages one hit at a time through what the exact rules leave, whichever of the best they drop', async () => {
    // Three matches, the secret document among them: the first page checks only the first two
    // candidates, and the rest when the rules drop one of those.
    const q = 'geheimzegel or kwartelkoning or zonnebloemroosteraar';
    const paged: string[] = [];
    let cursor: string | null = null;
    do {
      const res = await t
        .http()
        .get('/search')
        .query({ q, limit: 1, ...(cursor ? { cursor } : {}) })
        .set('Authorization', bearer.expert)
        .expect(200);
      const body = res.body as { items: Json[]; nextCursor: string | null };
      expect(body.items).toHaveLength(1);
      paged.push(...body.items.map((h) => `${h.kind}:${h.id}`));
      cursor = body.nextCursor;
    } while (cursor);
    expect(paged).toEqual(await found('expert', q));
    expect([...paged].sort()).toEqual([`case:${ids.case1}`, `document:${ids.pdf}`].sort());
  });

  it('lets a union officer find only the shared case, its documents and the union thread', async () => {
    expect(await found('union', 'zonnebloemroosteraar')).toEqual([`case:${ids.case1}`]);
    expect(await found('union', 'kwartelkoning')).toEqual([`document:${ids.pdf}`]);
    expect(await found('union', 'vlierbes')).toEqual([`comment:${ids.unionComment}`]);
    for (const word of [
      'egelantier',
      'hazelaarproject',
      'vogelkers',
      'lijsterbes',
      'meidoorn',
      'warehouseinsight',
    ]) {
      expect({
        word,
        hits: (await found('union', word)).filter((h) => h !== `case:${ids.case1}`),
      }).toEqual({ word, hits: [] });
    }
  });

  it("lets a committee member find only their committee's case and the council's meetings", async () => {
    expect(await found('committee', 'hazelaarproject')).toEqual([`case:${ids.case2}`]);
    expect(await found('committee', 'lijsterbes')).toEqual([`meeting:${ids.internal}`]);
    for (const word of [
      'zonnebloemroosteraar',
      'kwartelkoning',
      'egelantier',
      'vlierbes',
      'geheimzegel',
      'vogelkers',
    ]) {
      expect({ word, hits: await found('committee', word) }).toEqual({ word, hits: [] });
    }
  });

  it('never shows the employer side the council-internal space or the union thread, and the council no drafts', async () => {
    // The register: the employer side and the council read it, union officers never.
    expect((await search('hr', 'acme')).filter((h) => h.kind === 'ai_system')).toHaveLength(3);
    expect((await search('member', 'acme')).filter((h) => h.kind === 'ai_system')).toHaveLength(3);
    expect((await search('union', 'acme')).filter((h) => h.kind === 'ai_system')).toEqual([]);
    expect(await found('hr', 'lijsterbes')).toEqual([]);
    expect(await found('hr', 'vlierbes')).toEqual([]);
    expect(await found('hr', 'vogelkers')).toEqual([`case:${ids.draft}`]);
    expect(await found('hr', 'meidoorn')).toEqual([`meeting:${ids.consultation}`]);
    expect(await found('chair', 'vogelkers')).toEqual([]);
    expect(await found('chair', 'lijsterbes')).toEqual([`meeting:${ids.internal}`]);
  });

  it('drops a deleted comment from the index, and refuses an empty query with problem+json', async () => {
    await t
      .http()
      .delete(`/cases/${ids.case1}/comments/${ids.comment}`)
      .set('Authorization', bearer.chair)
      .expect(200);
    expect(await found('chair', 'egelantier')).toEqual([]);
    const refused = await t
      .http()
      .get('/search')
      .query({ q: '' })
      .set('Authorization', bearer.chair)
      .expect(400);
    expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(refused.body.code).toBe('request.validation_failed');
    await t.http().get('/search').query({ q: 'x' }).expect(401);
  });
});
