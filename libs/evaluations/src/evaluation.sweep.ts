import { Injectable } from '@nestjs/common';

import { Clock } from '@wc/core';
import { Outbox, TransactionHost } from '@wc/database';
import { addTerm, toAmsterdamDate } from '@wc/deadlines';

import { EVALUATION_REMINDER_DAYS } from './domain/evaluation';
import { EvaluationsService } from './evaluations.service';

/**
 * Issue #19: plans the evaluations of newly implemented cases and reminds both parties of an
 * evaluation two weeks ahead, once (`evaluation.due_soon`, claimed by `reminded_at`). Go-live is
 * read from the outbox's published `case.implemented` events, like the other outbox consumers.
 */
@Injectable()
export class EvaluationSweep {
  constructor(
    private readonly tx: TransactionHost,
    private readonly clock: Clock,
    private readonly outbox: Outbox,
    private readonly evaluations: EvaluationsService,
  ) {}

  async sweepOnce(): Promise<{ planned: number; reminded: number }> {
    return this.tx.run(async () => {
      const unplanned = await this.tx.query<{ case_id: string; works_council_id: string }>(
        `SELECT DISTINCT e.case_id, e.works_council_id FROM domain_event e
          WHERE e.type = 'case.implemented' AND e.case_id IS NOT NULL AND e.works_council_id IS NOT NULL
            AND NOT EXISTS (SELECT 1 FROM evaluation v WHERE v.case_id = e.case_id)
          ORDER BY e.case_id LIMIT 500`,
      );
      for (const row of unplanned) {
        await this.evaluations.planFor(row.case_id, row.works_council_id);
      }
      const now = this.clock.now();
      const horizon = addTerm(toAmsterdamDate(now), { days: EVALUATION_REMINDER_DAYS });
      const due = await this.tx.query<{
        id: string;
        case_id: string;
        seq: number;
        due_on: string;
        organisation_id: string;
        works_council_id: string;
      }>(
        // A CTE, so the statement answers rows (TypeORM gives an UPDATE's rows with its count).
        `WITH reminded AS (UPDATE evaluation v SET reminded_at = $2
           FROM (SELECT DISTINCT ON (case_id) case_id, organisation_id, works_council_id
                   FROM domain_event WHERE type = 'case.implemented' ORDER BY case_id) e
          WHERE e.case_id = v.case_id AND v.status = 'scheduled' AND v.reminded_at IS NULL
            AND v.due_on <= $1
          RETURNING v.id, v.case_id, v.seq, to_char(v.due_on, 'YYYY-MM-DD') AS due_on,
                    e.organisation_id, e.works_council_id)
         SELECT * FROM reminded ORDER BY case_id, seq`,
        [horizon, now],
      );
      await this.outbox.append(
        due.map((d) => ({
          type: 'evaluation.due_soon' as const,
          caseId: d.case_id,
          organisationId: d.organisation_id,
          worksCouncilId: d.works_council_id,
          payload: { evaluationId: d.id, seq: d.seq, dueOn: d.due_on },
        })),
        null,
      );
      return { planned: unplanned.length, reminded: due.length };
    });
  }
}
