import fc from 'fast-check';
import { Logger } from '@nestjs/common';
import type { Response } from 'supertest';

import { buildOpenApiDocument } from '@wc/api';

import { startTestApp, type TestApp } from '../support/test-app';
import {
  type Attack,
  bodyAttacks,
  type FieldSchema,
  pathAttacks,
  type QueryParam,
  queryAttacks,
  uploadAttacks,
} from './support/attacks';
import { DbState, type TableState } from './support/db-state';
import {
  type CellContext,
  defaultValues,
  EXPECTATIONS,
  expectedStatus,
  type RouteExpectation,
  type Upload,
} from './support/matrix';
import { fillPath, type LiveRoute, liveRoutes, verbOf } from './support/routes';
import { buildWorld, type Principal, PRINCIPALS, type World } from './support/world';

/**
 * Issue #10, bad input: fast-check properties over every request body, query and path parameter
 * of every live route. Each answer is a 4xx application/problem+json or, for input that is merely
 * hostile (SQL/HTML metacharacters, odd unicode in free text), a 2xx; never a 5xx. After every
 * refused request the database is unchanged: row counts and a checksum of every table.
 *
 * Runs per route: PROOF_RUNS (default 25). The seed is fixed, so `npm test` checks the same inputs
 * on every machine and a red build is never luck; PROOF_SEED=random explores new inputs (run it
 * after changing a route), and a failure prints the seed and path to replay with PROOF_SEED=<seed>.
 */
const RUNS = Number(process.env.PROOF_RUNS ?? 25);
const FIXED_SEED = 20_261_124;
const SEED =
  process.env.PROOF_SEED === 'random' ? undefined : Number(process.env.PROOF_SEED ?? FIXED_SEED);

/** A refused login is recorded by design: failure counters per account and address (throttling, libs/auth). */
const RECORDED_ON_REFUSAL: Record<string, string[]> = {
  'POST /auth/login -> public': ['login_throttle'],
};

interface Target {
  route: LiveRoute;
  spec: RouteExpectation;
  c: CellContext;
}

describe('bad input (e2e, property-based)', () => {
  let t: TestApp;
  let w: World;
  let routes: LiveRoute[];
  let state: DbState;
  let openapi: {
    paths: Record<string, Record<string, OpenApiOperation>>;
    components?: { schemas?: Record<string, SchemaObject> };
  };
  let stats: Map<string, number>;

  /** What the server logged for each 5xx, by correlation id, so a failure shows its cause. */
  const serverErrors = new Map<string, string>();

  beforeAll(async () => {
    jest.spyOn(Logger.prototype, 'error').mockImplementation((entry: unknown) => {
      const { err, correlationId } = (entry ?? {}) as { err?: Error; correlationId?: string };
      if (correlationId) {
        serverErrors.set(
          correlationId,
          String(err?.stack ?? err)
            .split('\n')
            .slice(0, 6)
            .join(' | '),
        );
      }
    });
    t = await startTestApp();
    w = await buildWorld(t);
    routes = liveRoutes(t.app);
    state = await DbState.of(t.db);
    openapi = (await buildOpenApiDocument(t.app)) as unknown as typeof openapi;
    stats = new Map();
  }, 120_000);
  afterAll(async () => {
    if (stats) {
      const total = [...stats.values()].reduce((a, b) => a + b, 0);
      console.log(
        `bad input: ${total} requests: ${[...stats].map(([k, n]) => `${k} ${n}`).join(', ')}`,
      );
    }
    await t?.close();
  });

  it('knows every route (an expectation entry supplies its valid request)', () => {
    const missing = routes.filter((r) => !(r.line in EXPECTATIONS)).map((r) => r.line);
    if (missing.length > 0) {
      throw new Error(
        `No valid request known for these routes; add them to test/proof/support/matrix.ts:\n${missing.join('\n')}`,
      );
    }
  });

  it('refuses malformed bodies with a 4xx problem and leaves the database unchanged', async () => {
    const withBody = routes.filter(
      (r) =>
        r.line in EXPECTATIONS &&
        ['POST', 'PUT', 'PATCH'].includes(r.method) &&
        !EXPECTATIONS[r.line].upload,
    );
    expect(withBody.length).toBeGreaterThan(0);
    const failures: string[] = [];
    for (const route of withBody) {
      let target = await targetFor(route);
      const valid = target.spec.body?.(target.c) ?? {};
      const schema = bodySchema(route);
      await check(
        failures,
        fc.assert(
          fc.asyncProperty(
            bodyAttacks(
              valid,
              schema,
              operation(route)?.requestBody !== undefined || target.spec.body !== undefined,
            ),
            async (attack) => {
              const before = await state.snapshot();
              // The attacks were built on the first valid body; after an accepted request the target
              // is new (a fresh token, case, version), so its values replace the used-up ones.
              const current = target.spec.body?.(target.c) ?? {};
              const res = await send(
                target,
                attack.body === undefined
                  ? attack
                  : { ...attack, body: rebase(attack.body, valid, current) },
              );
              const accepted = await judge(route, attack, res, before);
              if (accepted) {
                target = await targetFor(route); // the accepted change used up the target (version, token…)
              }
            },
          ),
          { numRuns: RUNS, seed: SEED, endOnFailure: true },
        ),
      );
    }
    report(failures);
  }, 900_000);

  it('refuses malformed query strings with a 4xx problem', async () => {
    const withQuery = routes.filter((r) => r.line in EXPECTATIONS && queryParams(r).length > 0);
    expect(withQuery.length).toBeGreaterThan(0);
    const failures: string[] = [];
    for (const route of withQuery) {
      const target = await targetFor(route);
      const valid = target.spec.query?.(target.c) ?? {};
      await check(
        failures,
        fc.assert(
          fc.asyncProperty(queryAttacks(queryParams(route), valid), async (attack) => {
            const before = await state.snapshot();
            await judge(route, attack, await send(target, attack), before);
          }),
          { numRuns: RUNS, seed: SEED, endOnFailure: true },
        ),
      );
    }
    report(failures);
  }, 900_000);

  it('refuses malformed path parameters with a 4xx problem', async () => {
    const withParams = routes.filter((r) => r.line in EXPECTATIONS && r.params.length > 0);
    const failures: string[] = [];
    for (const route of withParams) {
      const target = await targetFor(route);
      await check(
        failures,
        fc.assert(
          fc.asyncProperty(fc.constantFrom(...route.params), pathAttacks, async (param, value) => {
            const valid = {
              ...defaultValues(target.c),
              ...target.c.values,
              ...(target.spec.values?.(target.c) ?? {}),
            }[param];
            fc.pre(value !== valid);
            const before = await state.snapshot();
            // Another number for a numeric parameter (`:seq`) may exist; anything else may not.
            const plausible = /^\d+$/.test(valid ?? '') && /^\d+$/.test(value);
            const attack: Attack = {
              kind: 'bad path parameter',
              mustRefuse: !plausible,
              body: target.spec.body?.(target.c),
              describe: `:${param} = ${JSON.stringify(value)}`,
            };
            // (Upload routes get their valid multipart body from `send`.)
            await judge(route, attack, await send(target, attack, { [param]: value }), before);
          }),
          { numRuns: Math.max(5, Math.ceil(RUNS / 3)), seed: SEED, endOnFailure: true },
        ),
      );
    }
    report(failures);
  }, 900_000);

  /**
   * Uploads: every route that takes a file (a multer interceptor or a multipart request body)
   * needs an entry here with a valid upload; then wrong types, oversized and empty files and
   * names with path separators are refused. None exists yet: the list is checked, not skipped.
   */
  it('refuses bad uploads (wrong type, oversized, empty, path separators in the name) on every route that takes a file', async () => {
    const uploads = routes.filter((r) => takesFile(r));
    const unknown = uploads.filter((r) => !EXPECTATIONS[r.line]?.upload);
    console.log(
      `bad input: ${uploads.length} upload route(s): ${uploads.map((r) => r.line).join(', ')}`,
    );
    if (unknown.length > 0) {
      throw new Error(
        `Upload routes without a valid upload in test/proof/support/matrix.ts (\`upload\`):\n${unknown.map((r) => r.line).join('\n')}`,
      );
    }
    const failures: string[] = [];
    for (const route of uploads) {
      let target = await targetFor(route);
      const valid = target.spec.upload!(target.c);
      await check(
        failures,
        fc.assert(
          fc.asyncProperty(uploadAttacks(t.config.storage.maxUploadBytes), async (attack) => {
            const before = await state.snapshot();
            const upload: Upload = {
              fields: valid.fields,
              file: { ...valid.file, ...attack.file },
            };
            const res = await send(
              target,
              { kind: attack.kind, mustRefuse: attack.mustRefuse, describe: attack.describe },
              {},
              upload,
            );
            const accepted = await judge(
              route,
              { kind: attack.kind, mustRefuse: attack.mustRefuse, describe: attack.describe },
              res,
              before,
            );
            if (accepted) {
              const names = ((res.body?.versions ?? []) as Array<{ filename: string }>).map(
                (v) => v.filename,
              );
              const unsafe = names.filter((n) => /[\\/]|^\.\.?$/.test(n) || n.includes('\u0000'));
              if (unsafe.length > 0) {
                throw new Error(
                  `${route.line}: ${attack.describe}: stored file name keeps a path: ${JSON.stringify(unsafe)}`,
                );
              }
              target = await targetFor(route);
            }
          }),
          { numRuns: Math.max(8, Math.ceil(RUNS / 2)), seed: SEED, endOnFailure: true },
        ),
      );
    }
    report(failures);
  }, 900_000);

  // -------------------------------------------------------------------------------------------

  /** A principal that passes the guard (the first whose own-organisation cell is a 2xx) and a prepared target. */
  async function targetFor(route: LiveRoute): Promise<Target> {
    const spec = EXPECTATIONS[route.line];
    let me: Principal | undefined;
    if (
      route.decision === 'public' ||
      route.decision === 'authenticated' ||
      spec.other === 'none'
    ) {
      // The user's own account (password, profile, sessions): a user of its own per route.
      const user = await t.given.user(w.own.org.organisationId, 'hr_manager');
      me =
        route.decision === 'public'
          ? { name: 'anonymous', role: null, user, bearer: null }
          : { name: 'hr_manager', role: 'hr_manager', user, bearer: await t.login(user) };
    } else {
      me = PRINCIPALS.map((name) => w.principals[name]).find(
        (p) => expectedStatus(route, spec, p, 'own').status < 300,
      );
    }
    me ??= w.principals.hr_manager;
    const c: CellContext = {
      w,
      me,
      ownership: 'own',
      org: w.own,
      aiCase: { ...w.own.sentCase },
      values: {},
      extra: {},
    };
    await spec.prepare?.(c);
    return { route, spec, c };
  }

  async function send(
    target: Target,
    attack: Attack,
    pathOverride: Record<string, string> = {},
    upload?: Upload,
  ): Promise<Response> {
    const { route, spec, c } = target;
    const values = { ...defaultValues(c), ...c.values, ...(spec.values?.(c) ?? {}) };
    let path = fillPath(route, values);
    for (const [param, value] of Object.entries(pathOverride)) {
      const encoded = encodePathAttack(value);
      path = fillPath(route, { ...values, [param]: '\u0001' }).replace(
        encodeURIComponent('\u0001'),
        encoded,
      );
    }
    let req = t.http()[verbOf(route)](path);
    if (c.me.bearer) {
      req = req.set('Authorization', c.me.bearer);
    }
    const query = attack.query ?? spec.query?.(c);
    if (query) {
      req = req.query(query);
    }
    stats.set(attack.kind, (stats.get(attack.kind) ?? 0) + 1);
    const multipart =
      upload ??
      (attack.body === undefined && attack.raw === undefined ? spec.upload?.(c) : undefined);
    if (multipart) {
      for (const [name, value] of Object.entries(multipart.fields)) {
        req = req.field(name, value);
      }
      return req.attach('file', multipart.file.content, {
        filename: multipart.file.name,
        contentType: multipart.file.type,
      });
    }
    if (attack.raw !== undefined) {
      return req.set('Content-Type', attack.contentType ?? 'application/json').send(attack.raw);
    }
    return attack.body === undefined ? req : req.send(attack.body as object);
  }

  /** Checks one answer; returns whether the input was accepted. */
  async function judge(
    route: LiveRoute,
    attack: Attack,
    res: Response,
    before: TableState[],
  ): Promise<boolean> {
    const where = `${route.line}: ${attack.kind} (${attack.describe.slice(0, 200)})`;
    if (res.status >= 500) {
      const cause = serverErrors.get(String(res.body?.correlationId));
      throw new Error(
        `${where}: ${res.status} ${JSON.stringify(res.body).slice(0, 300)}${cause ? `\n      server: ${cause}` : ''}`,
      );
    }
    if (res.status < 300) {
      if (attack.mustRefuse) {
        throw new Error(`${where}: accepted with ${res.status}, but the input breaks the contract`);
      }
      return true;
    }
    if (
      res.status < 400 ||
      !String(res.headers['content-type']).startsWith('application/problem+json')
    ) {
      throw new Error(
        `${where}: ${res.status} ${res.headers['content-type']} is not a 4xx problem+json`,
      );
    }
    if (typeof res.body?.code !== 'string' || res.body.status !== res.status) {
      throw new Error(`${where}: the problem lacks a code or status: ${JSON.stringify(res.body)}`);
    }
    const changed = DbState.diff(before, await state.snapshot(), RECORDED_ON_REFUSAL[route.line]);
    if (changed.length > 0) {
      throw new Error(
        `${where}: refused with ${res.status}, yet the database changed: ${changed.join('; ')}`,
      );
    }
    return false;
  }

  function operation(route: LiveRoute): OpenApiOperation | undefined {
    const path = route.path.replace(/:([A-Za-z0-9_]+)/g, '{$1}');
    return openapi.paths[path]?.[route.method.toLowerCase()];
  }

  function bodySchema(route: LiveRoute): FieldSchema | undefined {
    const schema = operation(route)?.requestBody?.content?.['application/json']?.schema;
    return schema ? resolve(schema) : undefined;
  }

  function queryParams(route: LiveRoute): QueryParam[] {
    return (operation(route)?.parameters ?? [])
      .filter((p) => p.in === 'query')
      .map((p) => ({ name: p.name, schema: resolve(p.schema ?? {}) ?? {} }));
  }

  /** Inlines $ref and allOf, so attacks can read types, enums and bounds per field. */
  function resolve(schema: SchemaObject, depth = 0): FieldSchema | undefined {
    if (depth > 8) {
      return undefined;
    }
    if (schema.$ref) {
      const name = schema.$ref.split('/').pop()!;
      const target = openapi.components?.schemas?.[name];
      return target ? resolve(target, depth + 1) : undefined;
    }
    if (schema.allOf) {
      const parts = schema.allOf
        .map((s) => resolve(s, depth + 1))
        .filter((s): s is FieldSchema => s !== undefined);
      return parts.reduce<FieldSchema>(
        (acc, s) => ({
          ...acc,
          ...s,
          properties: { ...acc.properties, ...s.properties },
          required: [...(acc.required ?? []), ...(s.required ?? [])],
        }),
        {},
      );
    }
    const properties = schema.properties
      ? Object.fromEntries(
          Object.entries(schema.properties).map(([k, v]) => [k, resolve(v, depth + 1) ?? {}]),
        )
      : undefined;
    const items = schema.items ? resolve(schema.items, depth + 1) : undefined;
    return { ...(schema as FieldSchema), properties, items };
  }

  function takesFile(route: LiveRoute): boolean {
    const op = operation(route);
    return (
      op?.requestBody?.content?.['multipart/form-data'] !== undefined ||
      route.interceptors.some((name) => /File|Multer|Upload/i.test(name))
    );
  }
});

/** `attack` with every leaf that still equals the first valid body's value set to the current one. */
function rebase(attack: unknown, first: unknown, current: unknown): unknown {
  if (first === current) {
    return attack;
  }
  if (
    typeof first !== 'object' ||
    first === null ||
    typeof current !== 'object' ||
    current === null
  ) {
    return attack === first ? current : attack;
  }
  if (typeof attack !== 'object' || attack === null) {
    return attack;
  }
  const out: Record<string, unknown> = Array.isArray(attack)
    ? ([...attack] as unknown as Record<string, unknown>)
    : { ...attack };
  for (const key of Object.keys(out)) {
    if (Object.prototype.hasOwnProperty.call(first, key)) {
      out[key] = rebase(
        out[key],
        (first as Record<string, unknown>)[key],
        (current as Record<string, unknown>)[key],
      );
    }
  }
  return out;
}

/** Runs one route's property; a counterexample is kept and the next route still runs. */
async function check(failures: string[], property: Promise<void>): Promise<void> {
  try {
    await property;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const cause =
      error instanceof Error && error.cause instanceof Error ? error.cause.message : undefined;
    const seed = /\{ seed: (-?\d+), path: "([^"]+)"/.exec(message);
    failures.push(`${cause ?? message.slice(0, 800)}${seed ? `  [PROOF_SEED=${seed[1]}]` : ''}`);
  }
}

/**
 * A value with its own percent sequences (`%00`, `%ZZ`) is sent with them intact; every other
 * character is still encoded, or a `#` or `?` would cut the path short and hit another route.
 */
function encodePathAttack(value: string): string {
  return /%[0-9A-Za-z]{2}/.test(value)
    ? value.replace(/[^%]/gu, (char) => encodeURIComponent(char))
    : encodeURIComponent(value);
}

function report(failures: string[]): void {
  if (failures.length > 0) {
    throw new Error(`${failures.length} route(s) mishandle bad input:\n${failures.join('\n')}`);
  }
}

interface SchemaObject {
  $ref?: string;
  allOf?: SchemaObject[];
  properties?: Record<string, SchemaObject>;
  items?: SchemaObject;
  [key: string]: unknown;
}

interface OpenApiOperation {
  parameters?: Array<{ in: string; name: string; schema?: SchemaObject }>;
  requestBody?: { content?: Record<string, { schema?: SchemaObject }> };
}
