import { Injectable } from '@nestjs/common';

import { Clock } from '@wc/core';
import { Outbox, TransactionHost } from '@wc/database';

/** How long before a vote closes its members who have not voted are reminded. */
export const VOTE_CLOSING_LEAD_HOURS = 24;

/**
 * Issue #16: a vote closing within a day reminds the council members who have not voted yet,
 * once. It claims each vote in `vote_closing_reminder` (its own table; it reads `vote` read-only,
 * like the reminder sweep reads deadlines) and appends one `internal.vote_closing_soon` event,
 * which the notification relay sends to exactly the members without a ballot (`council_voters`).
 * The case rows are locked first, as the council space does, so the case's event sequence holds.
 */
@Injectable()
export class VoteClosingSweep {
  constructor(
    private readonly tx: TransactionHost,
    private readonly outbox: Outbox,
    private readonly clock: Clock,
  ) {}

  async sweepOnce(): Promise<{ reminded: number }> {
    const now = this.clock.now();
    const until = new Date(now.getTime() + VOTE_CLOSING_LEAD_HOURS * 3_600_000);
    return this.tx.run(async () => {
      const due = await this.tx.manager.query<
        Array<{ id: string; case_id: string; closes_at: Date }>
      >(
        `SELECT v.id, v.case_id, v.closes_at FROM vote v
          WHERE v.status = 'open' AND v.closes_at > $1 AND v.closes_at <= $2
            AND NOT EXISTS (SELECT 1 FROM vote_closing_reminder r WHERE r.vote_id = v.id)
          ORDER BY v.case_id, v.id LIMIT 500`,
        [now, until],
      );
      if (due.length === 0) {
        return { reminded: 0 };
      }
      const cases = await this.tx.manager.query<
        Array<{ id: string; organisation_id: string; works_council_id: string }>
      >(
        // The outbox locks these cases when it numbers their events.
        `SELECT id, organisation_id, works_council_id FROM ai_case WHERE id = ANY($1)`,
        [[...new Set(due.map((v) => v.case_id))]],
      );
      // Another sweep may have claimed some meanwhile: only the votes this one inserted are reminded.
      const claimed = await this.tx.manager.query<Array<{ vote_id: string }>>(
        `INSERT INTO vote_closing_reminder (vote_id, reminded_at) SELECT unnest($1::uuid[]), $2 ON CONFLICT DO NOTHING RETURNING vote_id`,
        [due.map((v) => v.id), now],
      );
      const mine = new Set(claimed.map((r) => r.vote_id));
      const byId = new Map(cases.map((c) => [c.id, c]));
      await this.outbox.append(
        due
          .filter((v) => mine.has(v.id))
          .map((v) => {
            const aiCase = byId.get(v.case_id);
            return {
              type: 'internal.vote_closing_soon',
              caseId: v.case_id,
              organisationId: aiCase?.organisation_id ?? null,
              worksCouncilId: aiCase?.works_council_id ?? null,
              payload: { voteId: v.id, closesAt: new Date(v.closes_at).toISOString() },
            };
          }),
        null,
      );
      return { reminded: mine.size };
    });
  }
}
