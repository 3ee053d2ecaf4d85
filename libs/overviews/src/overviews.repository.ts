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

  /**
   * The names of these works councils and of their employers, so dashboards show people names
   * rather than ids. Callers pass only councils of cases the case policy showed them (or the
   * caller's own council), so a dashboard never names an organisation it would not otherwise show.
   */
  async councilNames(worksCouncilIds: readonly string[]): Promise<CouncilNames> {
    const names: CouncilNames = { worksCouncils: new Map(), organisations: new Map() };
    if (worksCouncilIds.length === 0) {
      return names;
    }
    const rows = await this.tx.query<{
      id: string;
      name: string;
      organisation_id: string;
      organisation_name: string;
    }>(
      `SELECT wc.id, wc.name, wc.organisation_id, o.name AS organisation_name
         FROM works_council wc JOIN organisation o ON o.id = wc.organisation_id
        WHERE wc.id = ANY($1)`,
      [[...new Set(worksCouncilIds)]],
    );
    for (const r of rows) {
      names.worksCouncils.set(r.id, { name: r.name, organisationId: r.organisation_id });
      names.organisations.set(r.organisation_id, r.organisation_name);
    }
    return names;
  }
}

export interface CouncilNames {
  worksCouncils: Map<string, { name: string; organisationId: string }>;
  /** Only the employers of those councils. */
  organisations: Map<string, string>;
}
