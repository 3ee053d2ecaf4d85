import { type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthGuard as PassportAuthGuard } from '@nestjs/passport';

import { Forbidden, Unauthorized } from '@wc/core';

import { type Actor, hasPermission } from './actor';
import { AUTHENTICATED, DURING_ENROLMENT, IS_PUBLIC, REQUIRED_PERMISSION } from './decorators';
import type { Permission } from './roles';

/**
 * The global guard (APP_GUARD): every HTTP route needs a valid bearer token (passport-jwt) and its
 * declared permission, unless marked @Public(). A route that declares neither is refused, so
 * forgetting the decision fails closed.
 */
@Injectable()
export class AuthGuard extends PassportAuthGuard('jwt') {
  constructor(private readonly reflector: Reflector) {
    super();
  }

  override async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) {
      return true;
    }
    await super.canActivate(context);
    const actor = context.switchToHttp().getRequest<{ user: Actor }>().user;
    if (
      actor.secondFactorEnrolmentPending &&
      !this.reflector.getAllAndOverride<boolean>(DURING_ENROLMENT, targets)
    ) {
      throw new Forbidden(
        'auth.second_factor_enrolment_required',
        'Your organisation requires a second factor: set one up first, then refresh the session.',
      );
    }
    const permission = this.reflector.getAllAndOverride<
      Permission | typeof AUTHENTICATED | undefined
    >(REQUIRED_PERMISSION, targets);
    if (permission === AUTHENTICATED) {
      return true;
    }
    if (!permission || !hasPermission(actor, permission)) {
      throw new Forbidden('auth.permission_denied', 'Your role does not allow this action.', {
        permission,
      });
    }
    return true;
  }

  /** Maps passport's outcome to our problem codes: no token vs. a bad or expired one. */
  override handleRequest<T>(error: unknown, user: T, info: unknown): T {
    if (error) {
      // Passport hands on what a strategy threw; anything else than an Error is a programming fault.
      throw error instanceof Error
        ? error
        : new Error('Authentication strategy failed.', { cause: error });
    }
    if (!user) {
      const noToken = info instanceof Error && info.message === 'No auth token';
      throw noToken
        ? new Unauthorized()
        : new Unauthorized('auth.invalid_token', 'The access token is invalid or expired.');
    }
    return user;
  }
}
