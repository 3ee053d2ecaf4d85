import { createHash } from 'node:crypto';

export const GENESIS_HASH = '0'.repeat(64);

export interface ChainedFields {
  caseId: string;
  seq: number;
  actorId: string | null;
  action: string;
  occurredAt: Date;
  before: unknown;
  after: unknown;
  prevHash: string;
}

/** JSON with sorted keys, so jsonb's key reordering cannot change a hash. */
export function canonicalJson(value: unknown): string {
  if (value === null || value === undefined) {
    return 'null';
  }
  if (Array.isArray(value)) {
    return `[${value.map(canonicalJson).join(',')}]`;
  }
  if (value instanceof Date) {
    return JSON.stringify(value.toISOString());
  }
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

export function entryHash(fields: ChainedFields): string {
  return createHash('sha256')
    .update(
      canonicalJson({
        caseId: fields.caseId,
        seq: fields.seq,
        actorId: fields.actorId,
        action: fields.action,
        occurredAt: fields.occurredAt.toISOString(),
        before: fields.before,
        after: fields.after,
        prevHash: fields.prevHash,
      }),
    )
    .digest('hex');
}

export interface ChainVerdict {
  valid: boolean;
  entries: number;
  /** The first entry whose hash or link does not match, if any. */
  firstInvalidSeq: number | null;
}

/** Recomputes the chain in order; any edited, removed or reordered row breaks it. */
export function verifyChain(rows: readonly (ChainedFields & { hash: string })[]): ChainVerdict {
  let prevHash = GENESIS_HASH;
  for (const [index, row] of rows.entries()) {
    if (row.seq !== index + 1 || row.prevHash !== prevHash || entryHash(row) !== row.hash) {
      return { valid: false, entries: rows.length, firstInvalidSeq: row.seq };
    }
    prevHash = row.hash;
  }
  return { valid: true, entries: rows.length, firstInvalidSeq: null };
}
