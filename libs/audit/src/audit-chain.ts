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
  /** The first entry whose hash or link does not match, or the first one missing, if any. */
  firstInvalidSeq: number | null;
  /** Why the chain is not valid: a row edited, removed or added out of chain, or the newest removed. */
  reason: 'edited' | 'truncated' | null;
  /** The sequence number of the newest entry, as anchored at its append (0: none yet). */
  expectedSeq: number;
  /** The sequence number of the newest entry present (0: none). */
  foundSeq: number;
}

/** The anchored newest entry of a chain (`audit_head`). */
export interface ChainHead {
  seq: number;
  hash: string;
}

/**
 * Recomputes the chain in order; any edited, removed or reordered row breaks it. Against the
 * anchored head it also shows the newest entries removed (`truncated`), or replaced or added
 * beside the append path (`edited`).
 */
export function verifyChain(
  rows: readonly (ChainedFields & { hash: string })[],
  head: ChainHead | null,
): ChainVerdict {
  const expectedSeq = head?.seq ?? 0;
  const foundSeq = rows.at(-1)?.seq ?? 0;
  const verdict = (
    reason: ChainVerdict['reason'],
    firstInvalidSeq: number | null,
  ): ChainVerdict => ({
    valid: reason === null,
    entries: rows.length,
    firstInvalidSeq,
    reason,
    expectedSeq,
    foundSeq,
  });
  let prevHash = GENESIS_HASH;
  for (const [index, row] of rows.entries()) {
    if (row.seq !== index + 1 || row.prevHash !== prevHash || entryHash(row) !== row.hash) {
      return verdict('edited', Math.min(row.seq, index + 1));
    }
    prevHash = row.hash;
  }
  if (foundSeq < expectedSeq) {
    return verdict('truncated', foundSeq + 1);
  }
  if (foundSeq > expectedSeq) {
    return verdict('edited', expectedSeq + 1);
  }
  if (head && prevHash !== head.hash) {
    return verdict('edited', foundSeq);
  }
  return verdict(null, null);
}
