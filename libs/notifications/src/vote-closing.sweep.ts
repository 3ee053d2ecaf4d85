import { Injectable } from '@nestjs/common';

import { AudienceDirectory } from '@wc/access';
import { Clock } from '@wc/core';
import { Outbox, TransactionHost } from '@wc/database';

/** How long before a vote closes its members who have not voted are reminded. */
export const VOTE_CLOSING_LEAD_HOURS = 24;

/**
 * Issue #16: a vote closing within a day reminds the council members who have not voted yet,
 * once. @wc/access lists the open votes closing within the day with their cases (one statement);
 * the sweep claims each in `vote_closing_reminder` (its own table) and appends one
 * `internal.vote_closing_soon` event, which the notification relay sends to exactly the members
 * without a ballot (`council_voters`). The outbox locks the case rows when it numbers the events.
 */
@Injectable()
export class VoteClosingSweep {
  constructor(
    private readonly tx: TransactionHost,
    private readonly outbox: Outbox,
    private readonly clock: Clock,
    private readonly audiences: AudienceDirectory,
  ) {}

  async sweepOnce(): Promise<{ reminded: number }> {
    const now = this.clock.now();
    const until = new Date(now.getTime() + VOTE_CLOSING_LEAD_HOURS * 3_600_000);
    return this.tx.run(async () => {
      const closing = await this.audiences.votesClosing(now, until);
      if (closing.length === 0) {
        return { reminded: 0 };
      }
      // Reminded before, or by another sweep meanwhile: only the votes this one inserts are reminded.
      const claimed = await this.tx.manager.query<Array<{ vote_id: string }>>(
        `INSERT INTO vote_closing_reminder (vote_id, reminded_at) SELECT unnest($1::uuid[]), $2 ON CONFLICT DO NOTHING RETURNING vote_id`,
        [closing.map((v) => v.id), now],
      );
      const mine = new Set(claimed.map((r) => r.vote_id));
      await this.outbox.append(
        closing
          .filter((v) => mine.has(v.id))
          .map((v) => ({
            type: 'internal.vote_closing_soon',
            caseId: v.caseId,
            organisationId: v.organisationId,
            worksCouncilId: v.worksCouncilId,
            payload: { voteId: v.id, closesAt: new Date(v.closesAt).toISOString() },
          })),
        null,
      );
      return { reminded: mine.size };
    });
  }
}
