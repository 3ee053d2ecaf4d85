import { Injectable } from '@nestjs/common';

import { Clock } from '@wc/core';
import { domainEvent, Outbox, TransactionHost } from '@wc/database';
import { addTerm, toAmsterdamDate } from '@wc/deadlines';

import { CommitmentRepository } from './commitment.repository';

/** How many days before its due date the owner of an open commitment is reminded. */
export const COMMITMENT_REMINDER_LEAD_DAYS = 7;

/**
 * Reminds each open commitment's owner once per due date, a week before it (or at once when the
 * date is nearer): one `commitment.due_soon` event addressed to the owner, which the notification
 * relay turns into an inbox item and an e-mail. Run by the worker's sweep job (pg-boss cron);
 * rows are claimed FOR UPDATE SKIP LOCKED, so overlapping sweeps remind once.
 */
@Injectable()
export class CommitmentReminderSweep {
  constructor(
    private readonly tx: TransactionHost,
    private readonly repo: CommitmentRepository,
    private readonly outbox: Outbox,
    private readonly clock: Clock,
  ) {}

  async sweepOnce(): Promise<{ reminded: number }> {
    const until = addTerm(toAmsterdamDate(this.clock.now()), {
      days: COMMITMENT_REMINDER_LEAD_DAYS,
    });
    return this.tx.run(async () => {
      const due = await this.repo.dueForReminder(until, 500);
      for (const c of due) {
        c.remindedFor = c.dueDate;
        await this.repo.save(c);
      }
      await this.outbox.append(
        due.map((c) =>
          domainEvent(
            'commitment.due_soon',
            {
              commitmentId: c.id,
              track: c.track,
              status: c.status,
              version: c.version,
              dueDate: c.dueDate!,
            },
            {
              caseId: c.caseId,
              organisationId: c.organisationId,
              worksCouncilId: c.worksCouncilId,
              userId: c.ownerId,
            },
          ),
        ),
        null,
      );
      return { reminded: due.length };
    });
  }
}
