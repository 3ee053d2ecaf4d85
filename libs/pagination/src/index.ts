export { CursorPageQueryDto, DEFAULT_PAGE_LIMIT, MAX_PAGE_LIMIT } from './page-query.dto';
export { type Page, pageFrom, limitOf, PageResponseOf } from './page';
export { decodeCursor, encodeCursor } from './cursor';
