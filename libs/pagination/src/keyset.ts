import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';

import { exactTimeSql, keyIdCursor } from './cursor';
import { limitOf, pageFrom, type Page } from './page';
import type { CursorPageQueryDto } from './page-query.dto';

export interface KeysetOrder {
  /** The SQL column (`created_at`). */
  column: string;
  /** The entity's property for it (`createdAt`). */
  property: string;
  direction: 'ASC' | 'DESC';
  /** The column's type; `timestamptz` by default. */
  type?: 'timestamptz' | 'text';
}

/**
 * One keyset page of a query builder over one entity (no joins): ordered by one column and the
 * uuid id, both in `direction`, fetched with `LIMIT limit + 1` and continued from the cursor's
 * `(k, id)` with a row comparison, never an OFFSET, so rows added meanwhile shift nothing.
 */
export async function keysetPage<E extends ObjectLiteral>(
  qb: SelectQueryBuilder<E>,
  query: CursorPageQueryDto,
  { column, property, direction, type = 'timestamptz' }: KeysetOrder,
): Promise<Page<E>> {
  const alias = qb.alias;
  const after = keyIdCursor(query.cursor, type === 'timestamptz');
  if (after) {
    qb.andWhere(
      `(${alias}.${column}, ${alias}.id) ${direction === 'ASC' ? '>' : '<'} (:keysetK::${type}, :keysetId::uuid)`,
      { keysetK: after.k, keysetId: after.id },
    );
  }
  const limit = limitOf(query);
  // A text key as an expression, not the bare column: selecting `alias.column` under another
  // name takes it out of the entity (an AI system would come back without its name).
  const key =
    type === 'timestamptz'
      ? exactTimeSql(`${alias}.${column}`)
      : `CAST(${alias}.${column} AS text)`;
  const { entities, raw } = await qb
    .addSelect(key, 'keyset_k')
    .orderBy(`${alias}.${property}`, direction)
    .addOrderBy(`${alias}.id`, direction)
    .limit(limit + 1)
    .getRawAndEntities<{ keyset_k: string }>();
  const rows = entities.map((entity, i) => ({ entity, k: raw[i].keyset_k }));
  return pageFrom(
    rows,
    limit,
    (r) => ({ k: r.k, id: (r.entity as unknown as { id: string }).id }),
    (r) => r.entity,
  );
}
