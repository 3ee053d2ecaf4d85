import { Injectable } from '@nestjs/common';

import type { Actor } from '@wc/auth';
import { type ActorSide, CaseService } from '@wc/cases';
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
  constructor(private readonly cases: CaseService) {}

  async assertInternal(actor: Actor, caseId: string): Promise<InternalAccess> {
    const { organisationId, worksCouncilId, side, internalAllowed } = await this.cases.assertVisible(actor, caseId);
    if (!internalAllowed) {
      throw new NotFound('case');
    }
    return { caseId, organisationId, worksCouncilId, side };
  }

  assertBoard(access: InternalAccess, what: string): void {
    if (access.side !== 'council_board') {
      throw new Forbidden('internal.board_only', `Only the council's chair or secretary ${what}.`);
    }
  }
}
