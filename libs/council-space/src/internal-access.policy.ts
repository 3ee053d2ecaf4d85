import { Injectable } from '@nestjs/common';

import { AccessService, type ActorSide } from '@wc/access';
import type { Actor } from '@wc/auth';
import { Forbidden, NotFound } from '@wc/core';

export interface InternalAccess {
  caseId: string;
  organisationId: string;
  worksCouncilId: string;
  side: ActorSide;
}

/**
 * The council-internal space of a case is for the council's own members (board and members).
 * Everyone else, the employer side included, gets the answer for a case they cannot see: they
 * must not even learn that the council deliberates.
 */
@Injectable()
export class InternalAccessPolicy {
  constructor(private readonly access: AccessService) {}

  async assertInternal(actor: Actor, caseId: string): Promise<InternalAccess> {
    const { organisationId, worksCouncilId, side, internalAllowed } = await this.access.requireCase(
      actor,
      caseId,
    );
    if (!internalAllowed) {
      throw new NotFound('case');
    }
    return { caseId, organisationId, worksCouncilId, side };
  }

  /** Of these cases, those whose internal space the actor may use (one statement). */
  internalCaseIds(actor: Actor, caseIds: readonly string[]): Promise<Set<string>> {
    return this.access.internalCaseIds(actor, caseIds);
  }

  /** The case row lock: internal events are case events, numbered per case under it. */
  lockCase(caseId: string): Promise<void> {
    return this.access.lockCases([caseId]);
  }

  assertBoard(access: InternalAccess, what: string): void {
    if (access.side !== 'council_board') {
      throw new Forbidden('internal.board_only', `Only the council's chair or secretary ${what}.`);
    }
  }
}
