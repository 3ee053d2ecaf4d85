import { Injectable } from '@nestjs/common';

import type { AgendaLineContext } from '@wc/access';

import { TrainingRepository } from './training.repository';

/** The training a person must still complete across their cases (issue #16, the personal agenda). */
@Injectable()
export class TrainingDutiesQuery {
  constructor(private readonly training: TrainingRepository) {}

  /**
   * The modules the actor must still complete, on the agenda's cases where they act (not as a
   * union officer), as lines of the personal agenda's one statement (issue #13): the modules of
   * every audience that names them by user id (the overseers audience: the oversight
   * arrangement's overseers when there is one) and, on the council side, the council members'
   * modules, less those with a completion of theirs (by user id, else by the name they are known
   * by on the case, as `isSamePerson`).
   */
  agendaLinesSql(ctx: AgendaLineContext): string {
    return this.training.pendingModuleLinesSql(ctx);
  }
}
