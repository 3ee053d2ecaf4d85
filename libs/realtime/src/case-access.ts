import { Injectable } from '@nestjs/common';

import type { Actor } from '@wc/auth';
import { NotFound } from '@wc/core';

/** Injection token for the case policy the gateway checks before joining a case room. */
export const CASE_ACCESS = Symbol('CASE_ACCESS');

export interface CaseVisibility {
  organisationId: string;
  worksCouncilId: string;
  /** May the actor see the council's internal deliberation (council roles only)? */
  internalAllowed: boolean;
}

/**
 * The same policy as HTTP `GET /cases/:caseId`, bound to `@wc/access`'s `AccessService` by the composition root.
 * Throws a DomainError (`NotFound`, 404) when the actor may not see the case.
 */
export interface CaseAccess {
  requireCase(actor: Actor, caseId: string): Promise<CaseVisibility>;
}

/** The fallback until a real policy is bound: fails closed, every case is invisible. */
@Injectable()
export class NoCaseAccess implements CaseAccess {
  requireCase(): Promise<CaseVisibility> {
    return Promise.reject(new NotFound('case'));
  }
}
