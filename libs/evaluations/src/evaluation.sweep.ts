import { Injectable } from '@nestjs/common';

import { Clock } from '@wc/core';
import { EventLog, Outbox, type OutboxQueue, TransactionHost } from '@wc/database';
import { addTerm, toAmsterdamDate } from '@wc/deadlines';

import { EVALUATION_REMINDER_DAYS } from './domain/evaluation';
import { EvaluationsService } from './evaluations.service';

/** Committed `case.implemented` events whose cases may have no evaluations yet (its trigger). */
const PLANNING_QUEUE: OutboxQueue = { table: 'evaluation_planning_delivery' };

/** Planned cases per sweep: the queue is claimed in one transaction with their plans. */
const PLANNING_BATCH = 500;

/**
 * Issue #19: plans the evaluations of newly implemented cases and reminds both parties of an
 * evaluation two weeks ahead, once (`evaluation.due_soon`, claimed by `reminded_at`). It consumes
 * the outbox's published `case.implemented` events like the relays do, through @wc/database's
 * event log (issue #13): the planning claims them from its queue, in the transaction that plans.
 */
@Injectable()
export class EvaluationSweep {
  constructor(
    private readonly tx: TransactionHost,
    private readonly clock: Clock,
    private readonly outbox: Outbox,
    private readonly eventLog: EventLog,
    private readonly evaluations: EvaluationsService,
  ) {}

  async sweepOnce(): Promise<{ planned: number; reminded: number }> {
    return this.tx.run(async () => {
      const implemented = await this.eventLog.claim(PLANNING_QUEUE, PLANNING_BATCH);
      const unplanned = new Map(
        implemented.flatMap((e) =>
          e.caseId && e.worksCouncilId ? [[e.caseId, e.worksCouncilId] as const] : [],
        ),
      );
      let planned = 0;
      for (const [caseId, worksCouncilId] of unplanned) {
        planned += (await this.evaluations.planFor(caseId, worksCouncilId)) ? 1 : 0;
      }
      const now = this.clock.now();
      const horizon = addTerm(toAmsterdamDate(now), { days: EVALUATION_REMINDER_DAYS });
      const due = await this.tx.query<{ id: string; case_id: string; seq: number; due_on: string }>(
        // A CTE, so the statement answers rows (TypeORM gives an UPDATE's rows with its count).
        `WITH reminded AS (UPDATE evaluation v SET reminded_at = $2
          WHERE v.status = 'scheduled' AND v.reminded_at IS NULL AND v.due_on <= $1
          RETURNING v.id, v.case_id, v.seq, to_char(v.due_on, 'YYYY-MM-DD') AS due_on)
         SELECT * FROM reminded ORDER BY case_id, seq`,
        [horizon, now],
      );
      // Whose case it is: the parties its go-live event was published to.
      const parties = new Map(
        (
          await this.eventLog.caseEventsOfType(
            [...new Set(due.map((d) => d.case_id))],
            'case.implemented',
          )
        ).map((e) => [e.caseId, e]),
      );
      await this.outbox.append(
        due.flatMap((d) => {
          const live = parties.get(d.case_id);
          return live
            ? [
                {
                  type: 'evaluation.due_soon' as const,
                  caseId: d.case_id,
                  organisationId: live.organisationId,
                  worksCouncilId: live.worksCouncilId,
                  payload: { evaluationId: d.id, seq: d.seq, dueOn: d.due_on },
                },
              ]
            : [];
        }),
        null,
      );
      return { planned, reminded: due.length };
    });
  }
}
