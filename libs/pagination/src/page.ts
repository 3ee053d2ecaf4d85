import { Type as NestType } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';

import { DEFAULT_PAGE_LIMIT, type CursorPageQueryDto } from './page-query.dto';
import { encodeCursor } from './cursor';

/** One page of a collection; `nextCursor` is null on the last page. */
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export const limitOf = (query: CursorPageQueryDto): number => query.limit ?? DEFAULT_PAGE_LIMIT;

/**
 * Builds a page from rows fetched with `LIMIT limit + 1`: the extra row only tells that there is
 * a next page, so the last page never costs an empty round trip.
 */
export function pageFrom<R, T>(
  rows: readonly R[],
  limit: number,
  sortKeyOf: (row: R) => Record<string, unknown>,
  toItem: (row: R) => T,
): Page<T> {
  const items = rows.slice(0, limit);
  return {
    items: items.map(toItem),
    nextCursor: rows.length > limit ? encodeCursor(sortKeyOf(items[items.length - 1])) : null,
  };
}

/** The OpenAPI schema of a page of `item`, named `<Item>Page`. */
export function PageResponseOf<T>(item: NestType<T>): NestType<Page<T>> {
  class PageResponse implements Page<T> {
    @ApiProperty({ type: [item] }) items!: T[];
    @ApiProperty({
      type: String,
      nullable: true,
      description: 'Pass as `cursor` for the next page; null on the last page.',
    })
    nextCursor!: string | null;
  }
  Object.defineProperty(PageResponse, 'name', {
    value: `${item.name.replace(/Response$/, '')}Page`,
  });
  return PageResponse;
}

/** The same page with its items converted. */
export const mapPage = <A, B>(page: Page<A>, toItem: (item: A) => B): Page<B> => ({
  items: page.items.map(toItem),
  nextCursor: page.nextCursor,
});
