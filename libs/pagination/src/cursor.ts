import { BadRequest } from '@wc/core';

/**
 * Cursors are opaque to clients: base64url JSON of the last row's sort key. Clients pass back
 * what `nextCursor` gave them and never build one themselves, so the key may change shape later.
 */
export function encodeCursor(key: Record<string, string | number>): string {
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
