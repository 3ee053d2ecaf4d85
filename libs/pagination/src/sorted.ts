import { decodeCursor, isTupleCursor } from './cursor';
import { limitOf, pageFrom, type Page } from './page';
import type { CursorPageQueryDto } from './page-query.dto';

/** A sort key: the values a list is ordered by, ending with a unique one (an id). */
export type SortKey = ReadonlyArray<string | number>;
export type SortOrder = ReadonlyArray<'asc' | 'desc'>;

function compare(a: SortKey, b: SortKey, order: SortOrder): number {
  for (let i = 0; i < Math.min(a.length, b.length); i += 1) {
    if (a[i] !== b[i]) {
      const less =
        typeof a[i] === 'number' && typeof b[i] === 'number' ? a[i] < b[i] : `${a[i]}` < `${b[i]}`;
      return (less ? -1 : 1) * (order[i] === 'desc' ? -1 : 1);
    }
  }
  return 0;
}

/**
 * One page of a list that is bounded by its nature and already assembled in memory (a case's
 * terms, the event catalogue, a computed agenda). It follows the same convention as the SQL
 * keyset pages: the cursor is the last item's sort key, so an item added or removed before it
 * shifts nothing. Lists that grow with use page in SQL (`pageFrom` over `LIMIT limit + 1`).
 */
export function pageOfSorted<T>(
  items: readonly T[],
  query: CursorPageQueryDto,
  keyOf: (item: T) => SortKey,
  order: SortOrder = [],
): Page<T> {
  const sorted = [...items].sort((a, b) => compare(keyOf(a), keyOf(b), order));
  const after = query.cursor ? decodeCursor(query.cursor, isTupleCursor).k : null;
  const start = after ? sorted.findIndex((item) => compare(keyOf(item), after, order) > 0) : 0;
  const limit = limitOf(query);
  const rest = start < 0 ? [] : sorted.slice(start, start + limit + 1);
  return pageFrom(
    rest,
    limit,
    (item) => ({ k: keyOf(item) }),
    (item) => item,
  );
}

interface PositionCursor {
  after: string;
  at: number;
}

const isPositionCursor = (value: unknown): value is PositionCursor =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as PositionCursor).after === 'string' &&
  Number.isSafeInteger((value as PositionCursor).at) &&
  (value as PositionCursor).at >= 0;

/**
 * One page of a list computed in memory whose order is a judgement rather than a column (the
 * agenda's urgency, a search's rank). The cursor names the last item shown: the next page starts
 * after it, or, when it is gone meanwhile, where it stood.
 */
export function pageOfOrdered<T>(
  ordered: readonly T[],
  query: CursorPageQueryDto,
  identityOf: (item: T) => string,
): Page<T> {
  const after = query.cursor ? decodeCursor(query.cursor, isPositionCursor) : null;
  let start = 0;
  if (after) {
    // The item at its old position first (cheapest, and right should identities ever repeat),
    // else wherever it moved.
    const atOld = after.at > 0 ? ordered[after.at - 1] : undefined;
    const found =
      atOld !== undefined && identityOf(atOld) === after.after
        ? after.at - 1
        : ordered.findIndex((item) => identityOf(item) === after.after);
    // Gone meanwhile: what followed it now starts where it stood (better shown twice than skipped).
    start = found >= 0 ? found + 1 : after.at - 1;
  }
  const limit = limitOf(query);
  const rest = ordered
    .slice(start, start + limit + 1)
    .map((item, i) => ({ item, at: start + i + 1 }));
  return pageFrom(
    rest,
    limit,
    (r) => ({ after: identityOf(r.item), at: r.at }),
    (r) => r.item,
  );
}
