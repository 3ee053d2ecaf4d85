import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateAccountsAndCouncils1767225600000 implements MigrationInterface {
  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE organisation (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        name text NOT NULL,
        kind text NOT NULL,
        headcount integer,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT pk_organisation PRIMARY KEY (id),
        CONSTRAINT ck_organisation__kind CHECK (kind IN ('employer', 'union'))
      )`);
    await db.query(`
      CREATE TABLE works_council (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        organisation_id uuid NOT NULL,
        name text NOT NULL,
        kind text NOT NULL,
        settings jsonb NOT NULL DEFAULT '{}'::jsonb,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT pk_works_council PRIMARY KEY (id),
        CONSTRAINT ck_works_council__kind CHECK (kind IN ('or', 'cor', 'gor', 'pvt', 'none')),
        CONSTRAINT fk_works_council__organisation FOREIGN KEY (organisation_id) REFERENCES organisation (id) ON DELETE CASCADE
      )`);
    await db.query(
      `CREATE INDEX ix_works_council__organisation ON works_council (organisation_id)`,
    );
    await db.query(`
      CREATE TABLE committee (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        works_council_id uuid NOT NULL,
        name text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT pk_committee PRIMARY KEY (id),
        CONSTRAINT fk_committee__works_council FOREIGN KEY (works_council_id) REFERENCES works_council (id) ON DELETE CASCADE
      )`);
    await db.query(`CREATE INDEX ix_committee__works_council ON committee (works_council_id)`);
    await db.query(`
      CREATE TABLE app_user (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        email text NOT NULL,
        display_name text NOT NULL,
        password_hash text NOT NULL,
        language text NOT NULL DEFAULT 'nl',
        organisation_id uuid NOT NULL,
        failed_logins integer NOT NULL DEFAULT 0,
        locked_until timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT pk_app_user PRIMARY KEY (id),
        CONSTRAINT ck_app_user__language CHECK (language IN ('nl', 'en')),
        CONSTRAINT fk_app_user__organisation FOREIGN KEY (organisation_id) REFERENCES organisation (id) ON DELETE RESTRICT
      )`);
    await db.query(`CREATE UNIQUE INDEX uq_app_user__email ON app_user (email)`);
    await db.query(`
      CREATE TABLE membership (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL,
        organisation_id uuid NOT NULL,
        works_council_id uuid,
        committee_id uuid,
        role text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT pk_membership PRIMARY KEY (id),
        CONSTRAINT ck_membership__role CHECK (role IN ('hr_manager', 'employer_representative', 'council_chair', 'council_secretary', 'council_member', 'committee_member', 'external_expert', 'union_officer', 'org_admin')),
        CONSTRAINT fk_membership__user FOREIGN KEY (user_id) REFERENCES app_user (id) ON DELETE CASCADE,
        CONSTRAINT fk_membership__organisation FOREIGN KEY (organisation_id) REFERENCES organisation (id) ON DELETE CASCADE,
        CONSTRAINT fk_membership__works_council FOREIGN KEY (works_council_id) REFERENCES works_council (id) ON DELETE CASCADE,
        CONSTRAINT fk_membership__committee FOREIGN KEY (committee_id) REFERENCES committee (id) ON DELETE CASCADE
      )`);
    await db.query(`CREATE INDEX ix_membership__user ON membership (user_id)`);
    await db.query(`CREATE INDEX ix_membership__works_council ON membership (works_council_id)`);
    await db.query(`
      CREATE TABLE refresh_token (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL,
        family_id uuid NOT NULL,
        token_hash text NOT NULL,
        expires_at timestamptz NOT NULL,
        used_at timestamptz,
        revoked_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT pk_refresh_token PRIMARY KEY (id),
        CONSTRAINT fk_refresh_token__user FOREIGN KEY (user_id) REFERENCES app_user (id) ON DELETE CASCADE
      )`);
    await db.query(
      `CREATE UNIQUE INDEX uq_refresh_token__token_hash ON refresh_token (token_hash)`,
    );
    await db.query(`CREATE INDEX ix_refresh_token__family ON refresh_token (family_id)`);
    await db.query(`
      CREATE TABLE login_failure (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        ip text NOT NULL,
        occurred_at timestamptz NOT NULL,
        CONSTRAINT pk_login_failure PRIMARY KEY (id)
      )`);
    await db.query(
      `CREATE INDEX ix_login_failure__ip_occurred_at ON login_failure (ip, occurred_at)`,
    );
    await db.query(`
      CREATE TABLE invitation (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        organisation_id uuid NOT NULL,
        email text NOT NULL,
        roles jsonb NOT NULL,
        token_hash text NOT NULL,
        invited_by uuid NOT NULL,
        expires_at timestamptz NOT NULL,
        accepted_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT pk_invitation PRIMARY KEY (id),
        CONSTRAINT fk_invitation__organisation FOREIGN KEY (organisation_id) REFERENCES organisation (id) ON DELETE CASCADE
      )`);
    await db.query(`CREATE UNIQUE INDEX uq_invitation__token_hash ON invitation (token_hash)`);
    await db.query(`CREATE INDEX ix_invitation__organisation ON invitation (organisation_id)`);
  }

  async down(db: QueryRunner): Promise<void> {
    for (const table of [
      'invitation',
      'login_failure',
      'refresh_token',
      'membership',
      'app_user',
      'committee',
      'works_council',
      'organisation',
    ]) {
      await db.query(`DROP TABLE ${table}`);
    }
  }
}
