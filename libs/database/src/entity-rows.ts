import type { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';

/** Column types whose pg value (with `date` cast to text) is what TypeORM's hydration gives. */
const RAW_AS_TYPEORM = new Set([
  'uuid',
  'text',
  'boolean',
  'integer',
  'jsonb',
  'timestamp with time zone',
  'date',
  'bigint',
  'numeric',
]);

const selectLists = new Map<EntityTarget<ObjectLiteral>, Map<string, string>>();

/**
 * `alias.column AS "property", …` for every selected column of an entity, built once from its
 * metadata. Hot read paths query with it through `manager.query` and wrap rows with `asEntity`: the same
 * objects `find` returns (pg parses timestamptz and jsonb alike) without the query builder and
 * entity transformer, which were most of a case read's CPU (bench:http). Refuses entities whose
 * columns TypeORM converts in ways pg does not (transformers, simple-json and the like).
 */
export function selectListOf(
  manager: EntityManager,
  entity: EntityTarget<ObjectLiteral>,
  alias: string,
): string {
  let byAlias = selectLists.get(entity);
  if (!byAlias) {
    byAlias = new Map();
    selectLists.set(entity, byAlias);
  }
  let list = byAlias.get(alias);
  if (!list) {
    const { driver } = manager.connection;
    list = manager.connection
      .getMetadata(entity)
      // As `find`: a column marked `select: false` is not read.
      .columns.filter((column) => column.isSelect)
      .map((column) => {
        const type = driver.normalizeType(column);
        if (column.transformer || !RAW_AS_TYPEORM.has(type)) {
          throw new Error(
            `selectListOf: ${column.entityMetadata.name}.${column.propertyName} (${type}) needs TypeORM's own hydration`,
          );
        }
        // TypeORM reads a date as 'YYYY-MM-DD'; pg alone would make it a Date at local midnight.
        return `${alias}.${column.databaseName}${type === 'date' ? '::text' : ''} AS "${column.propertyName}"`;
      })
      .join(', ');
    byAlias.set(alias, list);
  }
  return list;
}

/** A raw row selected with `selectListOf` as an instance of its entity, so it can be saved. */
export function asEntity<T extends object>(entity: new () => T, row: object): T {
  return Object.assign(new entity(), row);
}
