import { Injectable } from '@nestjs/common';
import { IsNull } from 'typeorm';

import { TransactionHost } from '@wc/database';

import { UnionShareEntity } from './union-share.entity';

/** The only file that queries `union_share`. */
@Injectable()
export class UnionShareRepository {
  constructor(private readonly tx: TransactionHost) {}

  create(fields: Partial<UnionShareEntity>): UnionShareEntity {
    return this.tx.manager.create(UnionShareEntity, fields);
  }

  save(share: UnionShareEntity): Promise<UnionShareEntity> {
    return this.tx.manager.save(share);
  }

  get(id: string): Promise<UnionShareEntity | null> {
    return this.tx.manager.findOneBy(UnionShareEntity, { id });
  }

  getForUpdate(id: string): Promise<UnionShareEntity | null> {
    return this.tx.manager.findOne(UnionShareEntity, {
      where: { id },
      lock: { mode: 'pessimistic_write' },
    });
  }

  listForCouncil(worksCouncilId: string): Promise<UnionShareEntity[]> {
    return this.tx.manager.find(UnionShareEntity, {
      where: { worksCouncilId },
      order: { grantedAt: 'DESC', id: 'ASC' },
    });
  }

  activeForUnion(unionOrganisationId: string): Promise<UnionShareEntity[]> {
    return this.tx.manager.find(UnionShareEntity, {
      where: { unionOrganisationId, revokedAt: IsNull() },
      order: { grantedAt: 'ASC', id: 'ASC' },
    });
  }

  findActive(
    worksCouncilId: string,
    unionOrganisationId: string,
    caseId: string | null,
  ): Promise<UnionShareEntity | null> {
    return this.tx.manager.findOneBy(UnionShareEntity, {
      worksCouncilId,
      unionOrganisationId,
      caseId: caseId ?? IsNull(),
      revokedAt: IsNull(),
    });
  }

  /** Serialises grants of one council, so the "one active share" check cannot race (transaction-scoped). */
  async lockCouncil(worksCouncilId: string): Promise<void> {
    await this.tx.manager.query(
      `SELECT pg_advisory_xact_lock(hashtextextended('union_share:' || $1::text, 0))`,
      [worksCouncilId],
    );
  }

  /**
   * The kind of an organisation ('employer' | 'union'), or null. `@wc/councils` owns the table and
   * offers no actor-free lookup of another tenant; this one column is all a grant needs.
   */
  async organisationKind(organisationId: string): Promise<string | null> {
    const rows = await this.tx.manager.query<Array<{ kind: string }>>(
      `SELECT kind FROM organisation WHERE id = $1`,
      [organisationId],
    );
    return rows[0]?.kind ?? null;
  }

  /**
   * Every union organisation, by name: the directory a council board picks from. Unions are public
   * bodies; their id and name are all that is read.
   */
  listUnions(): Promise<Array<{ id: string; name: string }>> {
    return this.tx.query<{ id: string; name: string }>(
      `SELECT id, name FROM organisation WHERE kind = 'union' ORDER BY name, id`,
    );
  }

  /** The names of these union organisations (other kinds are left out, so no employer's name is read). */
  async unionNames(organisationIds: readonly string[]): Promise<Map<string, string>> {
    if (organisationIds.length === 0) {
      return new Map();
    }
    const rows = await this.tx.query<{ id: string; name: string }>(
      `SELECT id, name FROM organisation WHERE id = ANY($1) AND kind = 'union'`,
      [[...new Set(organisationIds)]],
    );
    return new Map(rows.map((r) => [r.id, r.name]));
  }
}
