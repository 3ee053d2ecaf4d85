import { Injectable } from '@nestjs/common';

import { TransactionHost } from '@wc/database';

/**
 * The one read the services do not offer: the register's purpose class of AI systems, for the
 * union dashboard. Union officers cannot read the employer's register (`AiSystemsService`), yet a
 * dossier share shows them what a system is for; callers pass only systems of cases the case policy
 * showed them with a 'dossier' share.
 */
@Injectable()
export class OverviewsRepository {
  constructor(private readonly tx: TransactionHost) {}

  async primaryPurposes(aiSystemIds: readonly string[]): Promise<Map<string, string>> {
    if (aiSystemIds.length === 0) {
      return new Map();
    }
    const rows = await this.tx.manager.query<Array<{ id: string; primary_purpose: string }>>(
      `SELECT id, primary_purpose FROM ai_system WHERE id = ANY($1)`,
      [[...new Set(aiSystemIds)]],
    );
    return new Map(rows.map((r) => [r.id, r.primary_purpose]));
  }
}
