import { buildOpenApiDocument } from '@wc/api';
import { PlatformService } from '@wc/councils';
import { MAX_PAGE_LIMIT } from '@wc/pagination';

import { startTestApp, type TestApp } from '../support/test-app';
import { buildWorld, type World } from './support/world';

/**
 * Issue #21, "one pagination convention": every collection GET of the running app's OpenAPI
 * document takes `?limit=&cursor=`, answers `{ items, nextCursor }`, pages to the end with
 * `limit=1` (each item once) and refuses a limit above the maximum with
 * `pagination.limit_too_large`. The list of collections is read from the document, so a new
 * collection that answers a bare array (or pages another way) fails here at once.
 */

interface Operation {
  parameters?: Array<{ name: string; in: string }>;
  responses: Record<string, { content?: Record<string, { schema?: Schema }> }>;
}
interface Schema {
  type?: string;
  $ref?: string;
  properties?: Record<string, Schema>;
  allOf?: Schema[];
}
interface Doc {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, Schema> };
}

/** GETs that carry an `items` list but are one resource, not a collection: each with its reason. */
const NOT_COLLECTIONS: Record<string, string> = {
  // A fixed checklist of the dossier (a dozen items, computed); it is one verdict on one case.
  '/cases/{caseId}/checklist': 'one verdict with its fixed list of checks',
};

/** Query values a collection needs besides the page (`q` of the search). */
const REQUIRED_QUERY: Record<string, Record<string, string>> = {
  '/search': { q: 'WarehouseInsight' },
};

function resolve(doc: Doc, schema: Schema | undefined): Schema | undefined {
  if (schema?.$ref) {
    return resolve(doc, doc.components.schemas[schema.$ref.split('/').pop()!]);
  }
  if (schema?.allOf) {
    return {
      properties: Object.assign({}, ...schema.allOf.map((s) => resolve(doc, s)?.properties ?? {})),
    };
  }
  return schema;
}

/** Every GET whose answer is an array, or an object with an `items` array. */
function collectionsOf(doc: Doc): Array<{ path: string; query: string[]; props: string[] }> {
  return Object.entries(doc.paths).flatMap(([path, item]) => {
    const get = item.get;
    const schema = resolve(doc, get?.responses['200']?.content?.['application/json']?.schema);
    if (!get || !schema) {
      return [];
    }
    const props = Object.keys(schema.properties ?? {});
    const isCollection =
      schema.type === 'array' || resolve(doc, schema.properties?.items)?.type === 'array';
    return isCollection && !(path in NOT_COLLECTIONS)
      ? [
          {
            path,
            query: (get.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name),
            props: schema.type === 'array' ? ['<array>'] : props,
          },
        ]
      : [];
  });
}

describe('every collection pages the same way (issue #21, e2e)', () => {
  let t: TestApp;
  let world: World;
  let doc: Doc;
  let operatorBearer: string;
  let letterId: string;

  beforeAll(async () => {
    t = await startTestApp();
    world = await buildWorld(t);
    doc = JSON.parse(JSON.stringify(await buildOpenApiDocument(t.app))) as Doc;
    const operatorOrg = await t.app.get(PlatformService).ensureOperator();
    operatorBearer = await t.login(await t.given.user(operatorOrg.id, 'platform_admin'));
    letterId = await councilLetterWithTwoVersions();
    await complaintDeskWithTwoComplaints();
    await twoSignalsAndTwoExperts();
  });

  /** Two of the council's signals and two expert engagements: lists added since the first proof. */
  async function twoSignalsAndTwoExperts(): Promise<void> {
    const { org, memberBearer, chairBearer } = world.own;
    for (const text of ['Er komt een planningsmodule.', 'De scanners krijgen een update.']) {
      await t
        .http()
        .post(`/works-councils/${org.worksCouncilId}/signals`)
        .set('Authorization', memberBearer)
        .send({ text, sourceKind: 'heard' })
        .expect(201);
    }
    for (const email of ['expert-een@example.test', 'expert-twee@example.test']) {
      await t
        .http()
        .post(`/works-councils/${org.worksCouncilId}/expert-engagements`)
        .set('Authorization', chairBearer)
        .send({ email, purpose: 'Toets van de DPIA', expectedCostsCents: 4_500_00 })
        .expect(201);
    }
  }

  /** The HR manager keeps the system's complaint desk, with two complaints on it. */
  async function complaintDeskWithTwoComplaints(): Promise<void> {
    const { aiSystemId, hrBearer, org } = world.own;
    await t
      .http()
      .put(`/ai-systems/${aiSystemId}/complaint-contact`)
      .set('Authorization', hrBearer)
      .send({ userId: org.hr.id })
      .expect(200);
    for (const receivedOn of ['2026-03-01', '2026-03-02']) {
      await t
        .http()
        .post(`/ai-systems/${aiSystemId}/complaints`)
        .set('Authorization', hrBearer)
        .send({
          kind: 'complaint',
          legalBasis: 'gdpr_22',
          complainant: 'Piet Jansen',
          description: 'Besluit zonder menselijke blik',
          receivedOn,
        })
        .expect(201);
    }
  }

  /** A council draft on the sent case, written twice: a letter's versions are a collection too. */
  async function councilLetterWithTwoVersions(): Promise<string> {
    const base = `/cases/${world.own.sentCase.caseId}/letters`;
    const drafted = await t
      .http()
      .post(base)
      .set('Authorization', world.own.chairBearer)
      .send({ kind: 'initiative_proposal', fields: { proposal: 'Een algoritmeregister' } })
      .expect(201);
    await t
      .http()
      .put(`${base}/${drafted.body.id}`)
      .set('Authorization', world.own.chairBearer)
      .send({ version: drafted.body.version, body: 'Tweede versie van het voorstel.' })
      .expect(200);
    return drafted.body.id as string;
  }
  afterAll(() => t.close());

  /** Who reads each collection, and the values of its path. */
  function callerOf(path: string): { bearer: string; url: string } {
    const o = world.own;
    const values: Record<string, string> = {
      organisationId: o.org.organisationId,
      worksCouncilId: o.org.worksCouncilId,
      aiSystemId: o.aiSystemId,
      caseId: o.sentCase.caseId,
      commentId: o.caseCommentId,
      webhookEndpointId: o.webhookEndpointId,
      letterId,
    };
    const url = path.replace(/\{([^}]+)\}/g, (_, name: string) => {
      if (!(name in values)) {
        throw new Error(`${path}: no value for {${name}} in this proof`);
      }
      return values[name];
    });
    const bearer = path.startsWith('/platform/')
      ? operatorBearer
      : path.includes('ai-systems')
        ? o.hrBearer
        : /webhook|ai-systems|memberships|works-councils$/.test(path) &&
            !path.includes('{worksCouncilId}')
          ? o.adminBearer
          : path.includes('/ai-systems') || path.includes('/changes')
            ? o.hrBearer
            : o.chairBearer;
    return { bearer, url };
  }

  it('finds the collections in the document, the audit trail and the delivery log among them', () => {
    const paths = collectionsOf(doc).map((c) => c.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        '/cases',
        '/cases/{caseId}/audit',
        '/webhook-endpoints/{webhookEndpointId}/deliveries',
        '/notifications',
        '/me/agenda',
        '/search',
      ]),
    );
    expect(paths.length).toBeGreaterThanOrEqual(30);
  });

  it('documents `limit` and `cursor` and the `{ items, nextCursor }` page on every collection', () => {
    const offenders = collectionsOf(doc).filter(
      (c) =>
        !c.query.includes('limit') ||
        !c.query.includes('cursor') ||
        c.query.includes('offset') ||
        !c.props.includes('items') ||
        !c.props.includes('nextCursor'),
    );
    expect(offenders).toEqual([]);
  });

  /** Collections the proof world fills with two or more items, so limit=1 must cross pages. */
  const SEVERAL = [
    '/organisations/{organisationId}/memberships',
    '/organisations/{organisationId}/ai-systems',
    '/works-councils/{worksCouncilId}/expert-engagements',
    '/platform/organisations',
    '/cases/{caseId}/deadlines',
    '/cases/{caseId}/audit',
    '/cases/{caseId}/events',
    '/unions',
    '/works-councils/{worksCouncilId}/union-shares',
    '/me/agenda',
    '/cases/{caseId}/letters/{letterId}/versions',
    '/cases/{caseId}/comments/mentionable',
    '/search',
    '/webhook-event-types',
    '/works-councils/{worksCouncilId}/signals',
    '/ai-systems/{aiSystemId}/complaints',
    '/works-councils/{worksCouncilId}/complaint-counts',
  ];

  it('pages every collection with limit=1 to the end, each item once, and refuses a limit above the maximum', async () => {
    const report: string[] = [];
    for (const { path } of collectionsOf(doc)) {
      const { bearer, url } = callerOf(path);
      const extra = REQUIRED_QUERY[path] ?? {};
      const seen: string[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const res = await t
          .http()
          .get(url)
          .query({ ...extra, limit: 1, ...(cursor ? { cursor } : {}) })
          .set('Authorization', bearer);
        if (res.status !== 200) {
          report.push(`${path}: ${res.status} ${JSON.stringify(res.body).slice(0, 200)}`);
          break;
        }
        const body = res.body as { items: unknown[]; nextCursor: string | null };
        if (!Array.isArray(body.items) || body.items.length > 1 || !('nextCursor' in body)) {
          report.push(`${path}: not a page of at most 1: ${JSON.stringify(body).slice(0, 200)}`);
          break;
        }
        seen.push(...body.items.map((item) => JSON.stringify(item)));
        cursor = body.nextCursor;
        pages += 1;
        if (pages > 500) {
          report.push(`${path}: no end after 500 pages`);
          break;
        }
      } while (cursor);
      if (SEVERAL.includes(path) && pages < 2) {
        report.push(`${path}: ${seen.length} item(s), one page: the proof world should fill it`);
      }
      if (new Set(seen).size !== seen.length) {
        report.push(`${path}: an item came twice`);
      }
      // The whole list in one page must be the same items, in the same order.
      const whole = await t
        .http()
        .get(url)
        .query({ ...extra, limit: MAX_PAGE_LIMIT })
        .set('Authorization', bearer);
      if (
        whole.status === 200 &&
        JSON.stringify((whole.body as { items: unknown[] }).items.map((i) => JSON.stringify(i))) !==
          JSON.stringify(seen)
      ) {
        report.push(`${path}: limit=1 pages differ from one page of ${MAX_PAGE_LIMIT}`);
      }
      const refused = await t
        .http()
        .get(url)
        .query({ ...extra, limit: MAX_PAGE_LIMIT + 1 })
        .set('Authorization', bearer);
      if (
        refused.status !== 400 ||
        !String(refused.headers['content-type']).startsWith('application/problem+json') ||
        (refused.body as { code?: string }).code !== 'pagination.limit_too_large'
      ) {
        report.push(`${path}: limit ${MAX_PAGE_LIMIT + 1} answered ${refused.status}`);
      }
    }
    expect(report).toEqual([]);
  });

  it('pages the case list with several cases: limit=1 gives one case and a cursor to the next', async () => {
    const first = await t
      .http()
      .get('/cases')
      .query({ limit: 1 })
      .set('Authorization', world.own.hrBearer)
      .expect(200);
    expect(first.body.items).toHaveLength(1);
    expect(typeof first.body.nextCursor).toBe('string');
  });
});
