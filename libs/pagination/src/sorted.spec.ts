import { pageOfOrdered, pageOfSorted } from './sorted';

/** Follows the pages of `read` with limit 1 to the end. */
function walk<T>(read: (cursor: string | undefined) => { items: T[]; nextCursor: string | null }) {
  const seen: T[] = [];
  let cursor: string | undefined;
  do {
    const page = read(cursor);
    expect(page.items.length).toBeLessThanOrEqual(1);
    seen.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return seen;
}

describe('in-memory pages', () => {
  const lines = ['a', 'b', 'c', 'd'];

  it('an ordered list pages with limit 1 to the end, each item once', () => {
    expect(walk((cursor) => pageOfOrdered(lines, { limit: 1, cursor }, (l) => l))).toEqual(lines);
  });

  it('an ordered list continues after the cursor item when one before it went meanwhile', () => {
    const first = pageOfOrdered(lines, { limit: 2 }, (l) => l);
    expect(first.items).toEqual(['a', 'b']);
    const next = pageOfOrdered(['b', 'c', 'd'], { limit: 2, cursor: first.nextCursor! }, (l) => l);
    expect(next).toEqual({ items: ['c', 'd'], nextCursor: null });
  });

  it('an ordered list resumes where the cursor item stood when it went meanwhile, skipping nothing', () => {
    const first = pageOfOrdered(lines, { limit: 2 }, (l) => l);
    const next = pageOfOrdered(['a', 'c', 'd'], { limit: 2, cursor: first.nextCursor! }, (l) => l);
    expect(next.items).toEqual(['c', 'd']);
  });

  it('a sorted list pages by its key, so an item added before the cursor shifts nothing', () => {
    const key = (n: { at: string; id: string }) => [n.at, n.id];
    const items = [
      { at: '2026-03-02', id: '2' },
      { at: '2026-03-01', id: '1' },
      { at: '2026-03-03', id: '3' },
    ];
    const first = pageOfSorted(items, { limit: 1 }, key);
    expect(first.items.map((i) => i.id)).toEqual(['1']);
    const grown = [...items, { at: '2026-02-01', id: '0' }];
    expect(
      walk((cursor) =>
        pageOfSorted(grown, { limit: 1, cursor: cursor ?? first.nextCursor! }, key),
      ).map((i) => i.id),
    ).toEqual(['2', '3']);
  });
});
