export { CursorPageQueryDto, DEFAULT_PAGE_LIMIT, MAX_PAGE_LIMIT } from './page-query.dto';
export { type Page, pageFrom, limitOf, mapPage, PageResponseOf } from './page';
export {
  decodeCursor,
  encodeCursor,
  exactTimeSql,
  keyIdCursor,
  type KeyIdKey,
  tupleCursor,
} from './cursor';
export { pageOfOrdered, pageOfSorted, type SortKey, type SortOrder } from './sorted';
export { keysetPage, type KeysetOrder } from './keyset';
