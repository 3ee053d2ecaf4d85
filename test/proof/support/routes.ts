import type { INestApplication } from '@nestjs/common';
import { RequestMethod } from '@nestjs/common';
import { INTERCEPTORS_METADATA, METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { MetadataScanner, ModulesContainer } from '@nestjs/core';

import { IS_PUBLIC, REQUIRED_PERMISSION } from '@wc/auth';

/**
 * The live route list, walked the same way as test/route-permissions.e2e-spec.ts and keyed by the
 * same line (`GET /cases/:caseId -> case:read`), so a route added anywhere shows up here at once
 * and a changed permission changes the key (and so needs a reviewed expectation).
 */
export interface LiveRoute {
  method: string;
  path: string;
  decision: string;
  line: string;
  params: string[];
  /** Names of the handler's interceptors (a multer `FileInterceptor` marks an upload). */
  interceptors: string[];
}

const asArray = (value: unknown): string[] =>
  Array.isArray(value)
    ? value.map((part) => `${part as string}`)
    : [`${(value as string | undefined) ?? ''}`];

function joinPath(...parts: string[]): string {
  return `/${parts
    .flatMap((p) => p.split('/'))
    .filter((s) => s.length > 0)
    .join('/')}`;
}

export function liveRoutes(app: INestApplication): LiveRoute[] {
  const modules = app.get(ModulesContainer);
  const scanner = new MetadataScanner();
  const seen = new Set<unknown>();
  const routes = new Map<string, LiveRoute>();
  for (const moduleRef of modules.values()) {
    for (const wrapper of moduleRef.controllers.values()) {
      const controller = wrapper.metatype as (new (...args: never[]) => object) | null;
      if (!controller || seen.has(controller)) {
        continue;
      }
      seen.add(controller);
      const prototype = controller.prototype as Record<string, unknown>;
      for (const name of scanner.getAllMethodNames(prototype)) {
        const handler = prototype[name] as object;
        const handlerPath = Reflect.getMetadata(PATH_METADATA, handler) as unknown;
        if (handlerPath === undefined) {
          continue;
        }
        const method =
          RequestMethod[Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod];
        const isPublic = (Reflect.getMetadata(IS_PUBLIC, handler) ??
          Reflect.getMetadata(IS_PUBLIC, controller)) as boolean | undefined;
        const permission = (Reflect.getMetadata(REQUIRED_PERMISSION, handler) ??
          Reflect.getMetadata(REQUIRED_PERMISSION, controller)) as string | undefined;
        const decision = isPublic ? 'public' : (permission ?? 'NONE');
        const interceptors = [
          ...((Reflect.getMetadata(INTERCEPTORS_METADATA, handler) as unknown[]) ?? []),
          ...((Reflect.getMetadata(INTERCEPTORS_METADATA, controller) as unknown[]) ?? []),
        ].map((i) => (typeof i === 'function' ? i.name : (i as object).constructor.name));
        for (const base of asArray(Reflect.getMetadata(PATH_METADATA, controller))) {
          for (const own of asArray(handlerPath)) {
            const path = joinPath(base, own);
            const line = `${method} ${path} -> ${decision}`;
            routes.set(line, {
              method,
              path,
              decision,
              line,
              params: [...path.matchAll(/:([A-Za-z0-9_]+)/g)].map((m) => m[1]),
              interceptors,
            });
          }
        }
      }
    }
  }
  return [...routes.values()].sort((a, b) => a.line.localeCompare(b.line));
}

/** Fills `:name` placeholders; a missing value is a bug in the expectation table, not a skip. */
export function fillPath(route: LiveRoute, values: Record<string, string>): string {
  return route.path.replace(/:([A-Za-z0-9_]+)/g, (_, name: string) => {
    const value = values[name];
    if (value === undefined) {
      throw new Error(`${route.line}: no value for path parameter :${name}`);
    }
    return encodeURIComponent(value).replace(/%2E/gi, '.');
  });
}

export type Verb = 'get' | 'post' | 'put' | 'patch' | 'delete';
export const verbOf = (route: LiveRoute): Verb =>
  route.method === 'ALL' ? 'get' : (route.method.toLowerCase() as Verb);
