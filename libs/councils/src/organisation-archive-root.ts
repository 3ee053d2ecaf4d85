import type { ArchiveRoot } from '@wc/database';

/**
 * Where an organisation's archive, import and deletion (issue #15) start: its row in this lib's
 * `organisation` table. @wc/database walks the rest of the schema from there by foreign key.
 */
export function organisationArchiveRoot(organisationId: string): ArchiveRoot {
  return { table: 'organisation', id: organisationId };
}
