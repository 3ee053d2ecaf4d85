import { Injectable, Logger } from '@nestjs/common';

import { AccountService, Role } from '@wc/auth';
import { Clock } from '@wc/core';
import { TransactionHost } from '@wc/database';

import { CouncilsRepository } from './councils.repository';

export const DEMO_ORGANISATION = 'Demo Logistiek B.V.';
export const DEMO_PASSWORD = 'overleg-demo-2026';

export interface DemoLogin {
  role: string;
  email: string;
  password: string;
}

const DEMO_PEOPLE: Array<{
  email: string;
  name: string;
  role: Role;
  place: 'org' | 'council' | 'committee' | 'union';
  language?: 'nl' | 'en';
}> = [
  {
    email: 'hr@demo-logistiek.nl',
    name: 'Hanna de Vries (HR)',
    role: Role.HrManager,
    place: 'org',
  },
  {
    email: 'directeur@demo-logistiek.nl',
    name: 'Dirk Bakker (bestuurder)',
    role: Role.EmployerRepresentative,
    place: 'org',
  },
  {
    email: 'admin@demo-logistiek.nl',
    name: 'Anton Jansen (beheer)',
    role: Role.OrgAdmin,
    place: 'org',
  },
  {
    email: 'voorzitter@demo-logistiek.nl',
    name: 'Vera Visser (OR-voorzitter)',
    role: Role.CouncilChair,
    place: 'council',
  },
  {
    email: 'secretaris@demo-logistiek.nl',
    name: 'Sam Smit (OR-secretaris)',
    role: Role.CouncilSecretary,
    place: 'council',
  },
  {
    email: 'lid@demo-logistiek.nl',
    name: 'Lotte Mulder (OR-lid)',
    role: Role.CouncilMember,
    place: 'council',
  },
  {
    email: 'member@demo-logistiek.nl',
    name: 'Mark Peters (OR member)',
    role: Role.CouncilMember,
    place: 'council',
    language: 'en',
  },
  {
    email: 'commissie@demo-logistiek.nl',
    name: 'Kees de Boer (commissie T&D)',
    role: Role.CommitteeMember,
    place: 'committee',
  },
  {
    email: 'bestuurder@demo-vakbond.nl',
    name: 'Fatima El Amrani (vakbond)',
    role: Role.UnionOfficer,
    place: 'union',
  },
];

/** Seeds the demo organisation once; a second start finds it and changes nothing. */
@Injectable()
export class DemoSeeder {
  private readonly logger = new Logger(DemoSeeder.name);

  constructor(
    private readonly tx: TransactionHost,
    private readonly repo: CouncilsRepository,
    private readonly accounts: AccountService,
    private readonly clock: Clock,
  ) {}

  async seedOnce(): Promise<{ created: boolean; logins: DemoLogin[] }> {
    const logins = DEMO_PEOPLE.map((p) => ({
      role: p.role,
      email: p.email,
      password: DEMO_PASSWORD,
    }));
    if (await this.accounts.findUserIdByEmail(DEMO_PEOPLE[0].email)) {
      return { created: false, logins };
    }
    await this.tx.run(async () => {
      const employer = await this.repo.createOrganisation({
        name: DEMO_ORGANISATION,
        kind: 'employer',
        headcount: 420,
      });
      const union = await this.repo.createOrganisation({ name: 'Demo Vakbond', kind: 'union' });
      const council = await this.repo.createCouncil({
        organisationId: employer.id,
        name: 'Ondernemingsraad Demo Logistiek',
        kind: 'or',
      });
      const committee = await this.repo.createCommittee({
        worksCouncilId: council.id,
        name: 'Commissie Technologie & Digitalisering',
      });
      for (const person of DEMO_PEOPLE) {
        const organisationId = person.place === 'union' ? union.id : employer.id;
        const user = await this.accounts.createUser({
          email: person.email,
          displayName: person.name,
          password: DEMO_PASSWORD,
          organisationId,
          language: person.language ?? 'nl',
        });
        const membership = await this.accounts.addMembership({
          userId: user.userId,
          organisationId,
          worksCouncilId:
            person.place === 'council' || person.place === 'committee' ? council.id : null,
          committeeId: person.place === 'committee' ? committee.id : null,
          role: person.role,
        });
        if (membership.worksCouncilId) {
          // The council's record starts with its seeded roles; no one granted them (actor null).
          await this.repo.recordRoleChanges([
            {
              worksCouncilId: membership.worksCouncilId,
              subjectUserId: user.userId,
              membershipId: membership.id,
              change: 'granted',
              role: membership.role,
              previousRole: null,
              committeeId: membership.committeeId,
              actorUserId: null,
              occurredAt: this.clock.now(),
            },
          ]);
        }
      }
    });
    this.logger.log('demo organisation seeded');
    return { created: true, logins };
  }
}
