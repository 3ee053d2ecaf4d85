import { Injectable } from '@nestjs/common';

import { CouncilsRepository } from './councils.repository';

export interface CouncilNames {
  worksCouncils: Map<string, { name: string; organisationId: string }>;
  /** Only the employers of those councils. */
  organisations: Map<string, string>;
}

/**
 * Actor-free names and kinds of organisations and councils, for the libs that show them (union
 * shares, dashboards): `@wc/councils` owns the tables. Callers pass only ids the actor was shown
 * (cases `@wc/access` let through, or the caller's own council); unions are public bodies.
 */
@Injectable()
export class OrganisationDirectoryService {
  constructor(private readonly repo: CouncilsRepository) {}

  /** 'employer' | 'union', or null for no such organisation. */
  async kindOf(organisationId: string): Promise<string | null> {
    return (await this.repo.findOrganisation(organisationId))?.kind ?? null;
  }

  /** Every union organisation, by name: the directory a council board picks from. */
  unions(): Promise<Array<{ id: string; name: string }>> {
    return this.repo.unionOrganisations();
  }

  /** The names of these union organisations (other kinds are left out, so no employer's name is read). */
  unionNames(organisationIds: readonly string[]): Promise<Map<string, string>> {
    return this.repo.unionNames(organisationIds);
  }

  /** The names of these works councils and of their employers, in one statement. */
  async councilNames(worksCouncilIds: readonly string[]): Promise<CouncilNames> {
    const names: CouncilNames = { worksCouncils: new Map(), organisations: new Map() };
    for (const r of await this.repo.councilNames(worksCouncilIds)) {
      names.worksCouncils.set(r.id, { name: r.name, organisationId: r.organisationId });
      names.organisations.set(r.organisationId, r.organisationName);
    }
    return names;
  }
}
