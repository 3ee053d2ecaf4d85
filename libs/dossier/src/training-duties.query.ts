import { Injectable } from '@nestjs/common';

import type { AgendaLineContext } from '@wc/access';

import { TrainingRepository } from './training.repository';

/** The training a person must still complete across their cases (issue #16, the personal agenda). */
@Injectable()
export class TrainingDutiesQuery {
  constructor(private readonly training: TrainingRepository) {}

  /**
   * The modules the actor must still complete, on the agenda's cases where they act (not as a
   * union officer), as lines of the personal agenda's one statement (issue #13): the same rule as
   * `pendingModulesOf` (an audience the actor is named in, the overseers of the arrangement, or
   * council members' modules for the council side; no completion of theirs recorded).
   */
  agendaLinesSql(ctx: AgendaLineContext): string {
    return this.training.pendingModuleLinesSql(ctx);
  }
}
