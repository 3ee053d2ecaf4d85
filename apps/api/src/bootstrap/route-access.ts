import type { INestApplication } from '@nestjs/common';
import { ModulesContainer } from '@nestjs/core';

import { AUTHENTICATED, IS_PUBLIC, REQUIRED_PERMISSION } from '@wc/auth';

/** Who may call a handler, as the global guard decides it: `public`, `authenticated` or a permission. */
export type RouteAccess =
  { kind: 'public' } | { kind: 'authenticated' } | { kind: 'permission'; permission: string };

/**
 * The access decision of every controller handler, keyed by the default operation id
 * (`<Controller>_<handler>`) that @nestjs/swagger gives it. Read the way the guard reads it
 * (handler first, then class), so the document cannot claim a route is public when it is not.
 */
export function routeAccessByOperationId(app: INestApplication): Map<string, RouteAccess> {
  const byId = new Map<string, RouteAccess>();
  for (const moduleRef of app.get(ModulesContainer).values()) {
    for (const wrapper of moduleRef.controllers.values()) {
      const controller = wrapper.metatype as (new (...args: never[]) => object) | null;
      if (!controller) {
        continue;
      }
      const prototype = controller.prototype as Record<string, unknown>;
      for (const name of Object.getOwnPropertyNames(prototype)) {
        const handler = prototype[name];
        if (name === 'constructor' || typeof handler !== 'function') {
          continue;
        }
        const read = (key: string): unknown =>
          Reflect.getMetadata(key, handler) ?? Reflect.getMetadata(key, controller);
        const permission = read(REQUIRED_PERMISSION) as string | undefined;
        const access: RouteAccess | undefined = read(IS_PUBLIC)
          ? { kind: 'public' }
          : permission === AUTHENTICATED
            ? { kind: 'authenticated' }
            : permission !== undefined
              ? { kind: 'permission', permission }
              : undefined;
        if (access) {
          byId.set(`${controller.name}_${name}`, access);
        }
      }
    }
  }
  return byId;
}
