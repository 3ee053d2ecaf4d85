import type { TestApp } from './test-app';

/**
 * Issue #21: every collection answers one page, `{ items, nextCursor }`. Specs about something
 * else read a collection through these, so the page shape is stated once.
 */

interface PageBody<T> {
  items: T[];
  nextCursor: string | null;
}

/** The items of one page answer (a supertest response, or its body). */
export function itemsOf<T = any>(res: { body: unknown } | PageBody<T>): T[] {
  const body = 'body' in res ? (res.body as PageBody<T>) : res;
  if (!Array.isArray(body?.items) || !('nextCursor' in body)) {
    throw new Error(`not a page: ${JSON.stringify(body).slice(0, 200)}`);
  }
  return body.items;
}

/** Every item of the collection at `path`, following `nextCursor` with the largest page. */
export async function allItems<T = any>(
  t: TestApp,
  path: string,
  bearer: string,
  query: Record<string, string | number> = {},
): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | null = null;
  do {
    const res = await t
      .http()
      .get(path)
      .query({ ...query, limit: 200, ...(cursor ? { cursor } : {}) })
      .set('Authorization', bearer)
      .expect(200);
    const body = res.body as PageBody<T>;
    items.push(...itemsOf<T>(body));
    cursor = body.nextCursor;
  } while (cursor);
  return items;
}
