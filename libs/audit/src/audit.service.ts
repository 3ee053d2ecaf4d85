import { Injectable } from '@nestjs/common';
import { MoreThan } from 'typeorm';

import { Clock } from '@wc/core';
import { TransactionHost } from '@wc/database';

import { type ChainVerdict, entryHash, GENESIS_HASH, verifyChain } from './audit-chain';
import { AuditEntryEntity } from './audit-entry.entity';
import { AuditHeadEntity } from './audit-head.entity';

export interface AuditRecord {
  caseId: string;
  actorId: string | null;
  action: string;
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
}

export interface AuditEntryView {
  seq: number;
  actorId: string | null;
  action: string;
  occurredAt: string;
  before: unknown;
  after: unknown;
  hash: string;
}

const VERIFY_SQL = `
  SELECT h.seq AS head_seq, h.hash AS head_hash,
         e.seq, e.actor_id, e.action, e.occurred_at, e.before, e.after, e.prev_hash, e.hash
  FROM (SELECT 1) AS one
  LEFT JOIN audit_head h ON h.case_id = $1
  LEFT JOIN audit_entry e ON e.case_id = $1
  ORDER BY e.seq`;

interface VerifyRow {
  head_seq: number | null;
  head_hash: string | null;
  seq: number | null;
  actor_id: string | null;
  action: string | null;
  occurred_at: Date | null;
  before: unknown;
  after: unknown;
  prev_hash: string | null;
  hash: string | null;
}

/** Writes and checks the per-case audit trail. Callers hold the case row lock, so seq is safe. */
@Injectable()
export class AuditService {
  constructor(
    private readonly tx: TransactionHost,
    private readonly clock: Clock,
  ) {}

  async record(entry: AuditRecord): Promise<void> {
    // The chain continues from its anchored head: entries removed after it stay a visible gap.
    const last = await this.tx.manager.findOne(AuditHeadEntity, {
      where: { caseId: entry.caseId },
    });
    const fields = {
      caseId: entry.caseId,
      seq: (last?.seq ?? 0) + 1,
      actorId: entry.actorId,
      action: entry.action,
      // Millisecond precision survives timestamptz round trips, so the hash stays verifiable.
      occurredAt: new Date(this.clock.now().getTime()),
      before: entry.before ?? null,
      after: entry.after ?? null,
      prevHash: last?.hash ?? GENESIS_HASH,
    };
    await this.tx.manager.save(
      this.tx.manager.create(AuditEntryEntity, { ...fields, hash: entryHash(fields) }),
    );
  }

  /** Up to `take` entries after `afterSeq` (0: from the start), oldest first. */
  async list(caseId: string, afterSeq: number, take: number): Promise<AuditEntryView[]> {
    const rows = await this.tx.manager.find(AuditEntryEntity, {
      where: { caseId, seq: MoreThan(afterSeq) },
      order: { seq: 'ASC' },
      take,
    });
    return rows.map((r) => ({
      seq: r.seq,
      actorId: r.actorId,
      action: r.action,
      occurredAt: r.occurredAt.toISOString(),
      before: r.before,
      after: r.after,
      hash: r.hash,
    }));
  }

  async verify(caseId: string): Promise<ChainVerdict> {
    // One statement, so one snapshot: an append committing meanwhile cannot look like tampering.
    const rows = await this.tx.query<VerifyRow>(VERIFY_SQL, [caseId]);
    const head =
      rows[0]?.head_seq === null || rows[0]?.head_seq === undefined
        ? null
        : { seq: rows[0].head_seq, hash: rows[0].head_hash ?? '' };
    const entries = rows
      .filter((r): r is VerifyRow & { seq: number } => r.seq !== null)
      .map((r) => ({
        caseId,
        seq: r.seq,
        actorId: r.actor_id,
        action: r.action ?? '',
        occurredAt: r.occurred_at ?? new Date(0),
        before: r.before,
        after: r.after,
        prevHash: r.prev_hash ?? '',
        hash: r.hash ?? '',
      }));
    return verifyChain(entries, head);
  }
}
