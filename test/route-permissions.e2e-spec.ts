import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { MetadataScanner, ModulesContainer } from '@nestjs/core';

import { AUTHENTICATED, IS_PUBLIC, Permission, REQUIRED_PERMISSION } from '@wc/auth';

import { startTestApp, type TestApp } from './support/test-app';

/**
 * Every HTTP route and the access decision it carries (house style B.10): `public`,
 * `authenticated`, or the coarse permission. A route without a decision is refused by the guard at
 * run time; this test catches it at review time, and the committed list makes every change to
 * who-may-call-what show up in a diff.
 */
const EXPECTATION_FILE = join(__dirname, 'route-permissions.txt');
const UPDATE_ENV = 'UPDATE_ROUTE_PERMISSIONS';
const DUMMY_UUID = '00000000-0000-4000-8000-000000000000';

interface Route {
  method: string;
  path: string;
  /** `public`, `authenticated`, a permission, or undefined when the route declares nothing. */
  decision: string | undefined;
  controller: string;
  handler: string;
}

function joinPath(...parts: string[]): string {
  const joined = parts
    .flatMap((p) => p.split('/'))
    .filter((segment) => segment.length > 0)
    .join('/');
  return `/${joined}`;
}

const asArray = (value: unknown): string[] =>
  Array.isArray(value)
    ? value.map((part) => `${part as string}`)
    : [`${(value as string | undefined) ?? ''}`];

/** Walks the controllers of every module, the way Nest's router explorer does. */
function collectRoutes(t: TestApp): Route[] {
  const modules = t.app.get(ModulesContainer);
  const scanner = new MetadataScanner();
  const routes: Route[] = [];
  const seen = new Set<unknown>();
  for (const moduleRef of modules.values()) {
    for (const wrapper of moduleRef.controllers.values()) {
      const controller = wrapper.metatype as (new (...args: never[]) => object) | null;
      if (!controller || seen.has(controller)) {
        continue;
      }
      seen.add(controller);
      const controllerPaths = asArray(Reflect.getMetadata(PATH_METADATA, controller));
      const prototype = controller.prototype as Record<string, unknown>;
      for (const name of scanner.getAllMethodNames(prototype)) {
        const handler = prototype[name] as object;
        const handlerPath = Reflect.getMetadata(PATH_METADATA, handler) as unknown;
        if (handlerPath === undefined) {
          continue; // not a route handler
        }
        const requestMethod = Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod;
        // The guard reads handler metadata first, then the class (Reflector.getAllAndOverride).
        const isPublic = (Reflect.getMetadata(IS_PUBLIC, handler) ??
          Reflect.getMetadata(IS_PUBLIC, controller)) as boolean | undefined;
        const permission = (Reflect.getMetadata(REQUIRED_PERMISSION, handler) ??
          Reflect.getMetadata(REQUIRED_PERMISSION, controller)) as string | undefined;
        const decision = isPublic ? 'public' : permission;
        for (const base of controllerPaths) {
          for (const own of asArray(handlerPath)) {
            routes.push({
              method: RequestMethod[requestMethod],
              path: joinPath(base, own),
              decision,
              controller: controller.name,
              handler: name,
            });
          }
        }
      }
    }
  }
  return routes;
}

type Verb = 'get' | 'post' | 'put' | 'patch' | 'delete' | 'head' | 'options';
/** The supertest method that exercises a route (an @All() route answers GET too). */
const verbOf = (route: Route): Verb =>
  route.method === 'ALL' ? 'get' : (route.method.toLowerCase() as Verb);

const line = (route: Route) => `${route.method} ${route.path} -> ${route.decision ?? 'NONE'}`;

function readExpectation(): string[] {
  try {
    return readFileSync(EXPECTATION_FILE, 'utf8')
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l.length > 0 && !l.startsWith('#'));
  } catch {
    return [];
  }
}

describe('route permissions (e2e)', () => {
  let t: TestApp;
  let routes: Route[];

  beforeAll(async () => {
    t = await startTestApp();
    routes = collectRoutes(t);
  });
  afterAll(() => t.close());

  it('finds the routes at all (guards the walker itself)', () => {
    expect(routes.map(line)).toEqual(
      expect.arrayContaining([
        'POST /auth/login -> public',
        'GET /auth/me -> authenticated',
        'GET /organisations/:organisationId -> organisation:read',
      ]),
    );
  });

  it('gives every route an access decision: @Public(), @RequireAuthentication() or @RequirePermission()', () => {
    const undecided = routes
      .filter((r) => r.decision === undefined)
      .map((r) => `  ${r.method} ${r.path}  (${r.controller}.${r.handler})`);
    if (undecided.length > 0) {
      throw new Error(
        `These routes declare no access decision; the guard refuses them with 403 for everyone:\n${undecided.join('\n')}`,
      );
    }
    expect(undecided).toEqual([]);
  });

  it('declares each route at most once (no two handlers on one method and path)', () => {
    const keys = routes.map((r) => `${r.method} ${r.path}`);
    const duplicates = keys.filter((key, i) => keys.indexOf(key) !== i);
    expect(duplicates).toEqual([]);
  });

  it('matches the reviewed list in test/route-permissions.txt', () => {
    const actual = [...new Set(routes.map(line))].sort();
    if (process.env[UPDATE_ENV] === '1') {
      writeFileSync(EXPECTATION_FILE, `${actual.join('\n')}\n`);
    }
    const expected = readExpectation();
    const added = actual.filter((l) => !expected.includes(l));
    const removed = expected.filter((l) => !actual.includes(l));
    if (added.length > 0 || removed.length > 0) {
      throw new Error(
        [
          'The routes or their access decisions differ from test/route-permissions.txt.',
          'Review the change, then update the file (by hand, or run',
          `  ${UPDATE_ENV}=1 npx jest test/route-permissions.e2e-spec.ts`,
          'and commit the diff).',
          '',
          ...removed.map((l) => `- ${l}`),
          ...added.map((l) => `+ ${l}`),
        ].join('\n'),
      );
    }
    expect(actual).toEqual(expected);
  });

  it('answers every non-public route without a token with a 401 problem', async () => {
    const guarded = routes.filter((r) => r.decision !== 'public');
    expect(guarded.length).toBeGreaterThan(0);
    const outcomes = [];
    for (const route of guarded) {
      const path = route.path.replace(/:[A-Za-z0-9_]+/g, DUMMY_UUID);
      const res = await t.http()[verbOf(route)](path).send({});
      outcomes.push({
        route: `${route.method} ${route.path}`,
        status: res.status,
        type: res.headers['content-type'],
        code: res.body?.code,
      });
    }
    const expected = guarded.map((r) => ({
      route: `${r.method} ${r.path}`,
      status: 401,
      type: expect.stringMatching(/^application\/problem\+json/),
      code: 'auth.unauthenticated',
    }));
    expect(outcomes).toEqual(expected);
  });

  it('refuses a forged token on every non-public route', async () => {
    const forged =
      'Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIwMDAwMDAwMC0wMDAwLTQwMDAtODAwMC0wMDAwMDAwMDAwMDAiLCJleHAiOjQxMDI0NDQ4MDB9.c2lnbmF0dXJl';
    const guarded = routes.filter((r) => r.decision !== 'public');
    const statuses = [];
    for (const route of guarded) {
      const path = route.path.replace(/:[A-Za-z0-9_]+/g, DUMMY_UUID);
      const res = await t.http()[verbOf(route)](path).set('Authorization', forged).send({});
      statuses.push({
        route: `${route.method} ${route.path}`,
        status: res.status,
        code: res.body?.code,
      });
    }
    expect(statuses).toEqual(
      guarded.map((r) => ({
        route: `${r.method} ${r.path}`,
        status: 401,
        code: 'auth.invalid_token',
      })),
    );
  });

  it('uses only the known decision values', () => {
    const known = new Set(['public', AUTHENTICATED, ...Object.values<string>(Permission)]);
    const unknown = routes
      .filter((r) => r.decision !== undefined && !known.has(r.decision))
      .map(line);
    expect(unknown).toEqual([]);
  });
});
