import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { startTestApp, type TestApp } from './support/test-app';

/**
 * What integrators build on: the committed OpenAPI document names every operation with a stable
 * id and summary, declares its security, and lists the problem+json errors it can answer; every
 * response names the API version.
 */
interface Operation {
  operationId?: string;
  summary?: string;
  description?: string;
  security?: unknown[];
  parameters?: { in: string }[];
  requestBody?: unknown;
  responses: Record<string, { $ref?: string }>;
}
interface Document {
  paths: Record<string, Record<string, Operation>>;
  components: {
    responses: Record<string, { content: Record<string, { schema: { $ref: string } }> }>;
  };
}

const document = JSON.parse(
  readFileSync(join(__dirname, '..', 'openapi.json'), 'utf8'),
) as Document;
const operations = Object.entries(document.paths).flatMap(([path, item]) =>
  Object.entries(item).map(([method, operation]) => ({
    route: `${method.toUpperCase()} ${path}`,
    method,
    operation,
  })),
);
/** Routes the reviewed permission list marks public, in OpenAPI path syntax. */
const publicRoutes = new Set(
  readFileSync(join(__dirname, 'route-permissions.txt'), 'utf8')
    .split('\n')
    .filter((line) => line.endsWith('-> public'))
    .map((line) => line.replace(' -> public', '').replace(/:(\w+)/g, '{$1}')),
);

describe('API contract (e2e)', () => {
  it('documents every operation (guards the walk itself)', () => {
    expect(operations.length).toBeGreaterThan(100);
    expect(operations.map((o) => o.operation.operationId)).toEqual(
      expect.arrayContaining(['cases.list', 'cases.transition', 'aiSystems.create']),
    );
  });

  it('gives every operation a unique dotted id, a summary and a description', () => {
    const ids = operations.map((o) => o.operation.operationId);
    expect(new Set(ids).size).toBe(ids.length);
    for (const { route, operation } of operations) {
      expect({ route, id: operation.operationId }).toEqual({
        route,
        id: expect.stringMatching(/^[a-z][A-Za-z]*\.[a-z][A-Za-z]*$/),
      });
      expect({
        route,
        summary: (operation.summary ?? '').length > 5,
        description: (operation.description ?? '').length > 10,
      }).toEqual({ route, summary: true, description: true });
    }
  });

  it('declares security on every operation: none on exactly the public routes', () => {
    for (const { route, operation } of operations) {
      const expected = publicRoutes.has(route) ? [] : [{ bearer: [] }];
      expect({ route, security: operation.security }).toEqual({ route, security: expected });
    }
  });

  it('lists the problem+json error responses every operation can answer', () => {
    for (const { route, method, operation } of operations) {
      const statuses = Object.keys(operation.responses).filter((s) => Number(s) >= 400);
      const isPublic = publicRoutes.has(route);
      const expected = [
        ...(isPublic ? [] : ['401']),
        ...((operation.parameters ?? []).some((p) => p.in === 'path') ? ['404'] : []),
        ...((operation.parameters ?? []).length > 0 || operation.requestBody ? ['400'] : []),
        ...(!isPublic && ['post', 'put', 'patch', 'delete'].includes(method) ? ['409', '422'] : []),
      ];
      expect({ route, statuses }).toEqual({ route, statuses: expect.arrayContaining(expected) });
      // The liveness probe takes no input and answers 200 only.
      expect({ route, listsErrors: statuses.length > 0 }).toEqual({
        route,
        listsErrors: route !== 'GET /health/live',
      });
      for (const status of statuses) {
        const name = operation.responses[status].$ref?.replace('#/components/responses/', '') ?? '';
        expect(
          document.components.responses[name]?.content['application/problem+json'].schema.$ref,
        ).toBe('#/components/schemas/Problem');
      }
    }
  });

  describe('API version header', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await startTestApp();
    });
    afterAll(() => t.close());

    it('names the version on every response, errors and unknown routes included', async () => {
      const ok = await t.http().get('/health/live').expect(200);
      expect(ok.headers['overleg-api-version']).toBe('1');
      const unauthenticated = await t.http().get('/cases').expect(401);
      expect(unauthenticated.headers['overleg-api-version']).toBe('1');
      const unknown = await t.http().get('/no-such-route').expect(404);
      expect(unknown.headers['overleg-api-version']).toBe('1');
    });

    it('accepts the current version on a request and refuses an unsupported one with problem+json', async () => {
      await t.http().get('/health/live').set('Overleg-Api-Version', '1').expect(200);
      const refused = await t
        .http()
        .get('/health/live')
        .set('Overleg-Api-Version', '2')
        .expect(400);
      expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(refused.body).toMatchObject({
        status: 400,
        code: 'api.version_unsupported',
        supportedVersions: ['1'],
      });
    });
  });
});
