import { Injectable } from '@nestjs/common';

import { Clock } from '@wc/core';
import { TransactionHost } from '@wc/database';

import { type ChainVerdict, entryHash, GENESIS_HASH, verifyChain } from './audit-chain';
import { AuditEntryEntity } from './audit-entry.entity';

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

/** Writes and checks the per-case audit trail. Callers hold the case row lock, so seq is safe. */
@Injectable()
export class AuditService {
  constructor(
    private readonly tx: TransactionHost,
    private readonly clock: Clock,
  ) {}

  async record(entry: AuditRecord): Promise<void> {
    const last = await this.tx.manager.findOne(AuditEntryEntity, { where: { caseId: entry.caseId }, order: { seq: 'DESC' } });
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
    await this.tx.manager.save(this.tx.manager.create(AuditEntryEntity, { ...fields, hash: entryHash(fields) }));
  }

  async list(caseId: string): Promise<AuditEntryView[]> {
    const rows = await this.tx.manager.find(AuditEntryEntity, { where: { caseId }, order: { seq: 'ASC' } });
    return rows.map((r) => ({ seq: r.seq, actorId: r.actorId, action: r.action, occurredAt: r.occurredAt.toISOString(), before: r.before, after: r.after, hash: r.hash }));
  }

  async verify(caseId: string): Promise<ChainVerdict> {
    const rows = await this.tx.manager.find(AuditEntryEntity, { where: { caseId }, order: { seq: 'ASC' } });
    return verifyChain(rows);
  }
}
