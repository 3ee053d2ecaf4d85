import { createParamDecorator, type ExecutionContext, SetMetadata } from '@nestjs/common';

import type { Actor } from './actor';
import type { Permission } from './roles';

export const IS_PUBLIC = 'overleg:public';
export const REQUIRED_PERMISSION = 'overleg:permission';

/** Opts a route out of authentication. Every such route is listed in the route-permission test. */
export const Public = () => SetMetadata(IS_PUBLIC, true);

/** The coarse permission a route needs; the service's policy then checks the resource. */
export const RequirePermission = (permission: Permission) =>
  SetMetadata(REQUIRED_PERMISSION, permission);

/** Authenticated-only: any signed-in user may call it (e.g. their own profile). */
export const AUTHENTICATED = 'authenticated';
export const RequireAuthentication = () => SetMetadata(REQUIRED_PERMISSION, AUTHENTICATED);

export const DURING_ENROLMENT = 'overleg:during-enrolment';
/**
 * Also open to an enrolment-only session (the organisation requires a second factor the account
 * does not have yet): enrolling it, and reading one's own profile.
 */
export const AllowDuringEnrolment = () => SetMetadata(DURING_ENROLMENT, true);

export const CurrentActor = createParamDecorator(
  (_data: unknown, context: ExecutionContext): Actor => {
    const request = context.switchToHttp().getRequest<{ user: Actor }>();
    return request.user;
  },
);
