import { BadRequest } from '@wc/core';

/**
 * Cursors are opaque to clients: base64url JSON of the last row's sort key. Clients pass back
 * what `nextCursor` gave them and never build one themselves, so the key may change shape later.
 */
export function encodeCursor(key: Record<string, unknown>): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

/** The sort key inside a cursor; `isKey` checks its shape, so a forged cursor is a 400, not a 500. */
export function decodeCursor<K>(cursor: string, isKey: (value: unknown) => value is K): K {
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    value = undefined;
  }
  if (!isKey(value)) {
    throw new BadRequest(
      'pagination.cursor_invalid',
      'The cursor is not one this collection gave out; start again without it.',
      {},
      [{ path: 'cursor', message: 'is not a cursor of this collection' }],
    );
  }
  return value;
}

/** The usual keyset key: the sort column's value (a timestamp as exact text) and the row's uuid. */
export interface KeyIdKey {
  k: string;
  id: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const isKeyIdKey = (value: unknown): value is KeyIdKey =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as KeyIdKey).k === 'string' &&
  typeof (value as KeyIdKey).id === 'string' &&
  UUID.test((value as KeyIdKey).id);

const isTimeIdKey = (value: unknown): value is KeyIdKey =>
  isKeyIdKey(value) && !Number.isNaN(Date.parse(value.k));

/** The `{ k, id }` key in `cursor` (`k` a timestamp when `time`), or null for the first page. */
export const keyIdCursor = (cursor: string | undefined, time = true): KeyIdKey | null =>
  cursor ? decodeCursor(cursor, time ? isTimeIdKey : isKeyIdKey) : null;

/**
 * A timestamptz column as exact UTC text (microseconds kept) for a cursor: a JS Date keeps only
 * milliseconds, and a cursor rounded down would hand out its own row again.
 */
export const exactTimeSql = (column: string): string =>
  `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

/** A cursor of a sort key of several values (`{ k: [...] }`), as in-memory and SQL tuple pages give. */
export interface TupleCursor {
  k: Array<string | number>;
}

export const isTupleCursor = (value: unknown): value is TupleCursor =>
  typeof value === 'object' &&
  value !== null &&
  Array.isArray((value as TupleCursor).k) &&
  (value as TupleCursor).k.every((v) => typeof v === 'string' || typeof v === 'number');

/**
 * The `{ k }` tuple in `cursor` when it has exactly these value types (a keyset in SQL compares
 * the whole tuple), or null for the first page; anything else is the usual 400.
 */
export function tupleCursor(
  cursor: string | undefined,
  types: ReadonlyArray<'string' | 'number'>,
): Array<string | number> | null {
  if (!cursor) {
    return null;
  }
  return decodeCursor(
    cursor,
    (value): value is TupleCursor =>
      isTupleCursor(value) &&
      value.k.length === types.length &&
      value.k.every((v, i) => typeof v === types[i]),
  ).k;
}
