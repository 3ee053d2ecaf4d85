import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue #15: single sign-on (OpenID Connect) per organisation, and an organisation's own
 * authentication policy (a second factor required for everyone).
 * - sso_connection: the organisation's identity provider; the client secret is stored encrypted
 *   (AES-256-GCM, libs/auth secret-box.ts) and never returned by the API.
 * - sso_email_domain: which e-mail domains sign in there; a domain belongs to one organisation.
 * - sso_login: one started sign-in (state, nonce, PKCE verifier), used once, expiring quickly.
 * - app_user.sso_subject: the identity provider's `sub` the account was linked to at first sign-in.
 */
export class SingleSignOn1769800000000 implements MigrationInterface {
  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE organisation_auth_policy (
        organisation_id uuid NOT NULL,
        second_factor_required boolean NOT NULL DEFAULT false,
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT pk_organisation_auth_policy PRIMARY KEY (organisation_id),
        CONSTRAINT fk_organisation_auth_policy__organisation FOREIGN KEY (organisation_id) REFERENCES organisation (id) ON DELETE CASCADE
      )`);
    await db.query(`
      CREATE TABLE sso_connection (
        organisation_id uuid NOT NULL,
        issuer text NOT NULL,
        client_id text NOT NULL,
        client_secret text NOT NULL,
        group_roles jsonb NOT NULL DEFAULT '[]',
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT pk_sso_connection PRIMARY KEY (organisation_id),
        CONSTRAINT fk_sso_connection__organisation FOREIGN KEY (organisation_id) REFERENCES organisation (id) ON DELETE CASCADE
      )`);
    await db.query(`
      CREATE TABLE sso_email_domain (
        domain text NOT NULL,
        organisation_id uuid NOT NULL,
        CONSTRAINT pk_sso_email_domain PRIMARY KEY (domain),
        CONSTRAINT fk_sso_email_domain__sso_connection FOREIGN KEY (organisation_id) REFERENCES sso_connection (organisation_id) ON DELETE CASCADE
      )`);
    await db.query(
      `CREATE INDEX ix_sso_email_domain__organisation ON sso_email_domain (organisation_id)`,
    );
    await db.query(`
      CREATE TABLE sso_login (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        state_hash text NOT NULL,
        organisation_id uuid NOT NULL,
        code_verifier text NOT NULL,
        nonce text NOT NULL,
        expires_at timestamptz NOT NULL,
        used_at timestamptz,
        CONSTRAINT pk_sso_login PRIMARY KEY (id),
        CONSTRAINT fk_sso_login__sso_connection FOREIGN KEY (organisation_id) REFERENCES sso_connection (organisation_id) ON DELETE CASCADE
      )`);
    await db.query(`CREATE UNIQUE INDEX uq_sso_login__state_hash ON sso_login (state_hash)`);
    await db.query(`ALTER TABLE app_user ADD COLUMN sso_subject text`);
    await db.query(
      `CREATE UNIQUE INDEX uq_app_user__organisation_sso_subject ON app_user (organisation_id, sso_subject)`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX uq_app_user__organisation_sso_subject`);
    await db.query(`ALTER TABLE app_user DROP COLUMN sso_subject`);
    await db.query(`DROP TABLE sso_login`);
    await db.query(`DROP TABLE sso_email_domain`);
    await db.query(`DROP TABLE sso_connection`);
    await db.query(`DROP TABLE organisation_auth_policy`);
  }
}
