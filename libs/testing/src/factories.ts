import { randomUUID } from 'node:crypto';

import * as argon2 from 'argon2';
import type { DataSource } from 'typeorm';

export const TEST_PASSWORD = 'correct horse battery staple';
let passwordHash: Promise<string> | undefined;
/** Hashing is slow by design; one hash of the shared test password serves every test user. */
const hashedTestPassword = () =>
  (passwordHash ??= argon2.hash(TEST_PASSWORD, { type: argon2.argon2id }));

let sequence = 0;
const next = () => `${process.pid}-${++sequence}-${randomUUID().slice(0, 8)}`;

export interface GivenUser {
  id: string;
  email: string;
  password: string;
}

export interface GivenOrganisation {
  organisationId: string;
  worksCouncilId: string;
  committeeId: string;
  hr: GivenUser;
  employerRep: GivenUser;
  chair: GivenUser;
  secretary: GivenUser;
  member: GivenUser;
  committeeMember: GivenUser;
  expert: GivenUser;
  admin: GivenUser;
}

/** Persisted test data, written straight to the database so tests set up fast and explicitly. */
export class Given {
  constructor(private readonly db: DataSource) {}

  async user(
    organisationId: string,
    role: string,
    place: { worksCouncilId?: string; committeeId?: string } = {},
  ): Promise<GivenUser> {
    const email = `${role}-${next()}@example.test`;
    const [{ id }] = await this.db.query<Array<{ id: string }>>(
      `INSERT INTO app_user (email, display_name, password_hash, organisation_id) VALUES ($1, $2, $3, $4) RETURNING id`,
      [email, `Test ${role}`, await hashedTestPassword(), organisationId],
    );
    await this.membership(id, organisationId, role, place);
    return { id, email, password: TEST_PASSWORD };
  }

  async membership(
    userId: string,
    organisationId: string,
    role: string,
    place: { worksCouncilId?: string; committeeId?: string } = {},
  ): Promise<void> {
    await this.db.query(
      `INSERT INTO membership (user_id, organisation_id, works_council_id, committee_id, role) VALUES ($1, $2, $3, $4, $5)`,
      [userId, organisationId, place.worksCouncilId ?? null, place.committeeId ?? null, role],
    );
  }

  /** An employer with a works council, a committee and one user in every role. */
  async organisation(name = `Org ${next()}`): Promise<GivenOrganisation> {
    const [{ id: organisationId }] = await this.db.query<Array<{ id: string }>>(
      `INSERT INTO organisation (name, kind, headcount) VALUES ($1, 'employer', 250) RETURNING id`,
      [name],
    );
    const [{ id: worksCouncilId }] = await this.db.query<Array<{ id: string }>>(
      `INSERT INTO works_council (organisation_id, name, kind) VALUES ($1, 'Ondernemingsraad', 'or') RETURNING id`,
      [organisationId],
    );
    const [{ id: committeeId }] = await this.db.query<Array<{ id: string }>>(
      `INSERT INTO committee (works_council_id, name) VALUES ($1, 'Technologie & Digitalisering') RETURNING id`,
      [worksCouncilId],
    );
    const council = { worksCouncilId };
    return {
      organisationId,
      worksCouncilId,
      committeeId,
      hr: await this.user(organisationId, 'hr_manager'),
      employerRep: await this.user(organisationId, 'employer_representative'),
      chair: await this.user(organisationId, 'council_chair', council),
      secretary: await this.user(organisationId, 'council_secretary', council),
      member: await this.user(organisationId, 'council_member', council),
      committeeMember: await this.user(organisationId, 'committee_member', {
        worksCouncilId,
        committeeId,
      }),
      expert: await this.user(organisationId, 'external_expert', council),
      admin: await this.user(organisationId, 'org_admin'),
    };
  }

  async union(name = `Union ${next()}`): Promise<{ organisationId: string; officer: GivenUser }> {
    const [{ id: organisationId }] = await this.db.query<Array<{ id: string }>>(
      `INSERT INTO organisation (name, kind) VALUES ($1, 'union') RETURNING id`,
      [name],
    );
    return { organisationId, officer: await this.user(organisationId, 'union_officer') };
  }
}
