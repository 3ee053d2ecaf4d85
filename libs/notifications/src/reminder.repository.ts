import { Injectable } from '@nestjs/common';

import { TransactionHost } from '@wc/database';

import type { DeadlineStatus, LedgerEntry, ReminderStatus } from './domain';

export interface StoredLedgerEntry extends LedgerEntry {
  deadlineId: string;
}

/** A due reminder, locked for this transaction; what its notifications say comes from its deadline. */
export interface DueReminder {
  id: string;
  deadlineId: string;
  kind: string;
  dueAt: Date;
  revision: number;
}

export interface LedgerWrite {
  deadlineId: string;
  deadlineDueAt: Date;
  kind: string;
  dueAt: Date;
  id?: string;
}

/** Arbitrary constant: the advisory lock that lets one sweeper at a time plan reminders. */
const PLANNING_LOCK = 7_001_202_601;

/**
 * The reminder ledger (`reminder`), the plan markers (`reminder_plan`) and the planning requests
 * (`reminder_plan_request`, filled by a trigger when a deadline is created, moved or closed). The
 * deadlines themselves are @wc/deadlines', asked for in bulk through @wc/access.
 */
@Injectable()
export class ReminderRepository {
  constructor(private readonly tx: TransactionHost) {}

  /** Only one planner at a time; others skip planning and go on to dispatch. Held until commit. */
  async tryLockPlanning(): Promise<boolean> {
    const [row] = await this.tx.manager.query<Array<{ locked: boolean }>>(
      `SELECT pg_try_advisory_xact_lock($1) AS locked`,
      [PLANNING_LOCK],
    );
    return row.locked;
  }

  /**
   * Up to `limit` deadlines to (re)plan: the planning requests (new, moved, closed or reopened
   * deadlines), taken for this transaction, then open plans that are stale or whose next reminder
   * comes within `horizon`. A request taken is gone once the transaction commits; a deadline that
   * changes meanwhile waits on it and files a new one.
   */
  async takePlanCandidates(horizon: Date, limit: number): Promise<string[]> {
    const rows = await this.tx.manager.query<Array<{ deadline_id: string }>>(
      `WITH requested AS (
         DELETE FROM reminder_plan_request
          WHERE deadline_id IN (SELECT deadline_id FROM reminder_plan_request ORDER BY deadline_id LIMIT $1 FOR UPDATE SKIP LOCKED)
         RETURNING deadline_id)
       SELECT deadline_id FROM requested
       UNION ALL
       (SELECT p.deadline_id FROM reminder_plan p
         WHERE p.deadline_status = 'open' AND (p.stale OR p.next_due_at <= $2)
           AND p.deadline_id NOT IN (SELECT deadline_id FROM requested)
         LIMIT GREATEST(0, $1 - (SELECT count(*) FROM requested)))`,
      [limit, horizon],
    );
    return rows.map((r) => r.deadline_id);
  }

  async ledgerFor(deadlineIds: readonly string[]): Promise<StoredLedgerEntry[]> {
    const rows = await this.tx.manager.query<Array<Record<string, unknown>>>(
      `SELECT id, deadline_id, kind, status, due_at, deadline_due_at FROM reminder WHERE deadline_id = ANY($1::uuid[])`,
      [deadlineIds],
    );
    return rows.map((r) => ({
      id: r.id as string,
      deadlineId: r.deadline_id as string,
      kind: r.kind as string,
      status: r.status as ReminderStatus,
      dueAt: r.due_at as Date,
      deadlineDueAt: r.deadline_due_at as Date,
    }));
  }

  async insert(rows: readonly LedgerWrite[], now: Date): Promise<void> {
    if (rows.length === 0) {
      return;
    }
    await this.tx.manager.query(
      `INSERT INTO reminder (deadline_id, kind, due_at, deadline_due_at, created_at)
       SELECT v.deadline_id, v.kind, v.due_at, v.deadline_due_at, $5
         FROM unnest($1::uuid[], $2::text[], $3::timestamptz[], $4::timestamptz[]) AS v(deadline_id, kind, due_at, deadline_due_at)
       ON CONFLICT (deadline_id, kind) DO NOTHING`,
      [
        rows.map((r) => r.deadlineId),
        rows.map((r) => r.kind),
        rows.map((r) => r.dueAt),
        rows.map((r) => r.deadlineDueAt),
        now,
      ],
    );
  }

  async reschedule(rows: readonly LedgerWrite[]): Promise<void> {
    if (rows.length === 0) {
      return;
    }
    await this.tx.manager.query(
      `UPDATE reminder r SET due_at = v.due_at, deadline_due_at = v.deadline_due_at
         FROM unnest($1::uuid[], $2::timestamptz[], $3::timestamptz[]) AS v(id, due_at, deadline_due_at)
        WHERE r.id = v.id AND r.status = 'pending'`,
      [rows.map((r) => r.id), rows.map((r) => r.dueAt), rows.map((r) => r.deadlineDueAt)],
    );
  }

  /** A sent or cancelled reminder fires again as a new revision (the deadline moved or reopened). */
  async rearm(rows: readonly LedgerWrite[]): Promise<void> {
    if (rows.length === 0) {
      return;
    }
    await this.tx.manager.query(
      `UPDATE reminder r
          SET status = 'pending', due_at = v.due_at, deadline_due_at = v.deadline_due_at,
              revision = r.revision + 1, sent_at = NULL, late = NULL, recipient_count = NULL
         FROM unnest($1::uuid[], $2::timestamptz[], $3::timestamptz[]) AS v(id, due_at, deadline_due_at)
        WHERE r.id = v.id AND r.status <> 'pending'`,
      [rows.map((r) => r.id), rows.map((r) => r.dueAt), rows.map((r) => r.deadlineDueAt)],
    );
  }

  async cancel(ids: readonly string[]): Promise<void> {
    if (ids.length === 0) {
      return;
    }
    await this.tx.manager.query(
      `UPDATE reminder SET status = 'cancelled' WHERE id = ANY($1::uuid[]) AND status = 'pending'`,
      [ids],
    );
  }

  /** Records what the plan is now based on; a moved due date raises the calendar sequence. */
  async savePlans(
    plans: ReadonlyArray<{
      deadlineId: string;
      organisationId: string;
      worksCouncilId: string | null;
      dueAt: Date;
      status: DeadlineStatus;
      leadDays: readonly number[];
      nextDueAt: Date | null;
    }>,
    now: Date,
  ): Promise<void> {
    if (plans.length === 0) {
      return;
    }
    await this.tx.manager.query(
      `INSERT INTO reminder_plan (deadline_id, organisation_id, works_council_id, deadline_due_at, deadline_status, lead_days, next_due_at, stale, planned_at)
       SELECT v.deadline_id, v.organisation_id, v.works_council_id, v.due_at, v.status, v.lead_days::integer[], v.next_due_at, false, $6
         FROM unnest($1::uuid[], $2::timestamptz[], $3::text[], $4::text[], $5::timestamptz[], $7::uuid[], $8::uuid[])
              AS v(deadline_id, due_at, status, lead_days, next_due_at, organisation_id, works_council_id)
       ON CONFLICT (deadline_id) DO UPDATE
          SET sequence = reminder_plan.sequence + CASE WHEN reminder_plan.deadline_due_at <> EXCLUDED.deadline_due_at THEN 1 ELSE 0 END,
              deadline_due_at = EXCLUDED.deadline_due_at, deadline_status = EXCLUDED.deadline_status,
              lead_days = EXCLUDED.lead_days, next_due_at = EXCLUDED.next_due_at, stale = false, planned_at = EXCLUDED.planned_at`,
      [
        plans.map((p) => p.deadlineId),
        plans.map((p) => p.dueAt),
        plans.map((p) => p.status),
        plans.map((p) => `{${p.leadDays.join(',')}}`),
        plans.map((p) => p.nextDueAt),
        now,
        plans.map((p) => p.organisationId),
        plans.map((p) => p.worksCouncilId),
      ],
    );
  }

  /** Settings changed: the next sweep re-plans the open deadlines of these organisations or councils. */
  async markStale(scope: {
    organisationIds: readonly string[];
    worksCouncilIds: readonly string[];
  }): Promise<void> {
    await this.tx.manager.query(
      `UPDATE reminder_plan SET stale = true
        WHERE deadline_status = 'open' AND NOT stale
          AND (organisation_id = ANY($1::uuid[]) OR works_council_id = ANY($2::uuid[]))`,
      [scope.organisationIds, scope.worksCouncilIds],
    );
  }

  /**
   * Locks up to `limit` due reminders whose deadline is open and unmoved since planning (no
   * planning request waits for it), FOR UPDATE SKIP LOCKED: concurrent sweepers take disjoint
   * sets. Ordered by organisation, so one user's reminders share a batch and get one
   * `notification.created` event; every sweep sends all that is due, so the order decides
   * nothing else.
   */
  async claimDue(now: Date, limit: number): Promise<DueReminder[]> {
    const rows = await this.tx.manager.query<Array<Record<string, unknown>>>(
      `SELECT r.id, r.deadline_id, r.kind, r.due_at, r.revision
         FROM reminder r
         JOIN reminder_plan p ON p.deadline_id = r.deadline_id
        WHERE r.status = 'pending' AND r.due_at <= $1
          AND p.deadline_status = 'open' AND p.deadline_due_at = r.deadline_due_at
          AND NOT EXISTS (SELECT 1 FROM reminder_plan_request q WHERE q.deadline_id = r.deadline_id)
        ORDER BY p.organisation_id, r.due_at, r.id
        LIMIT $2
        FOR UPDATE OF r SKIP LOCKED`,
      [now, limit],
    );
    return rows.map((r) => ({
      id: r.id as string,
      deadlineId: r.deadline_id as string,
      kind: r.kind as string,
      dueAt: r.due_at as Date,
      revision: r.revision as number,
    }));
  }

  async markSent(
    rows: ReadonlyArray<{ id: string; late: boolean; recipientCount: number }>,
    now: Date,
  ): Promise<void> {
    if (rows.length === 0) {
      return;
    }
    await this.tx.manager.query(
      `UPDATE reminder r SET status = 'sent', sent_at = $4, late = v.late, recipient_count = v.recipient_count
         FROM unnest($1::uuid[], $2::boolean[], $3::integer[]) AS v(id, late, recipient_count)
        WHERE r.id = v.id`,
      [rows.map((r) => r.id), rows.map((r) => r.late), rows.map((r) => r.recipientCount), now],
    );
  }
}
