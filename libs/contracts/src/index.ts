/**
 * @wc/contracts: what the server, its relays and the web share, as types only (house style B.3).
 * No values, no imports of other libs: the web imports it with `import type`.
 */
export type * from './events';
export type * from './socket';
export type * from './errors';
