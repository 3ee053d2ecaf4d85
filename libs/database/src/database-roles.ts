import { Client } from 'pg';

/**
 * The group role the application's privileges are granted to (by the migrations). The login role
 * the API and the worker connect as (DATABASE_URL) is a member of it; the migrations run as the
 * owner of the tables (MIGRATION_DATABASE_URL), so the application can never ALTER them, disable
 * their triggers, or UPDATE/DELETE the append-only ones. Roles are cluster-wide: every database
 * on a server shares this one.
 */
export const RUNTIME_ROLE = 'overleg_runtime';

/** The login role `npm start` and the tests create for the application on their own servers. */
export const DEFAULT_APP_USER = 'overleg_app';
export const DEFAULT_APP_PASSWORD = 'overleg_app';

/** The same server and database as `url`, as another login. */
export function withCredentials(url: string, user: string, password: string): string {
  const parsed = new URL(url);
  parsed.username = encodeURIComponent(user);
  parsed.password = encodeURIComponent(password);
  return parsed.toString();
}

/** The login role a connection URL names (decoded). */
export function userOf(url: string): string {
  return decodeURIComponent(new URL(url).username);
}

/**
 * Creates, as the owner, the application's login role named in `appUrl` when missing, makes it a
 * member of RUNTIME_ROLE, and grants it what it needs on this database beyond the tables: CONNECT,
 * and CREATE for the schema pg-boss creates (and owns) at run time: pg-boss adds a partition
 * table per queue, which only the owner of its tables may do. Each step runs only when missing,
 * so an operator who provisioned the roles by hand needs no extra rights for the migrate step.
 * Idempotent and safe when several processes do it at once on one server (parallel test runs):
 * a role or membership that appeared meanwhile is not an error. Does nothing when both URLs name
 * the same login.
 */
export async function provisionAppRole(ownerUrl: string, appUrl: string): Promise<void> {
  const user = userOf(appUrl);
  if (user === userOf(ownerUrl)) {
    return;
  }
  const password = decodeURIComponent(new URL(appUrl).password);
  const client = new Client({ connectionString: ownerUrl });
  await client.connect();
  try {
    const role = client.escapeIdentifier(user);
    const name = client.escapeLiteral(user);
    const login = password ? `LOGIN PASSWORD ${client.escapeLiteral(password)}` : 'LOGIN';
    await client.query(`
      DO $$ BEGIN
        ${ensureRoleSql(RUNTIME_ROLE, 'NOLOGIN')}
        IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = ${name}) THEN
          BEGIN
            CREATE ROLE ${role} ${login} NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS;
          EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
          END;
        END IF;
        IF NOT pg_has_role(${name}, '${RUNTIME_ROLE}', 'MEMBER') THEN
          BEGIN
            GRANT ${RUNTIME_ROLE} TO ${role};
          EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
          END;
        END IF;
        IF NOT has_database_privilege(${name}, current_database(), 'CONNECT') THEN
          EXECUTE format('GRANT CONNECT ON DATABASE %I TO %I', current_database(), ${name});
        END IF;
        IF NOT has_database_privilege(${name}, current_database(), 'CREATE') THEN
          EXECUTE format('GRANT CREATE ON DATABASE %I TO %I', current_database(), ${name});
        END IF;
      END $$`);
    await client.query(handOverSql(PG_BOSS_SCHEMA, name));
  } finally {
    await client.end();
  }
}

/** pg-boss's default schema, which JobQueue uses. */
const PG_BOSS_SCHEMA = 'pgboss';

/**
 * Gives the app login a schema someone else created: pg-boss's, created by the single role of a
 * database from before there were two roles. Its tables, sequences, functions and types too, as
 * pg-boss attaches partitions to its tables when it creates a queue.
 */
function handOverSql(schema: string, role: string): string {
  return `
      DO $$
      DECLARE
        item record;
      BEGIN
        IF NOT EXISTS (SELECT FROM pg_namespace WHERE nspname = '${schema}' AND nspowner <> (SELECT oid FROM pg_roles WHERE rolname = ${role})) THEN
          RETURN;
        END IF;
        EXECUTE format('ALTER SCHEMA %I OWNER TO %I', '${schema}', ${role});
        FOR item IN SELECT c.relname, c.relkind FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                    WHERE n.nspname = '${schema}' AND c.relkind IN ('r', 'p', 'v', 'm') LOOP
          EXECUTE format('ALTER TABLE %I.%I OWNER TO %I', '${schema}', item.relname, ${role});
        END LOOP;
        FOR item IN SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                    WHERE n.nspname = '${schema}' AND c.relkind = 'S' AND c.relowner <> (SELECT oid FROM pg_roles WHERE rolname = ${role}) LOOP
          EXECUTE format('ALTER SEQUENCE %I.%I OWNER TO %I', '${schema}', item.relname, ${role});
        END LOOP;
        FOR item IN SELECT p.oid::regprocedure AS signature FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
                    WHERE n.nspname = '${schema}' LOOP
          EXECUTE format('ALTER ROUTINE %s OWNER TO %I', item.signature, ${role});
        END LOOP;
        FOR item IN SELECT t.typname FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
                    WHERE n.nspname = '${schema}' AND t.typtype IN ('e', 'd', 'c')
                      AND NOT EXISTS (SELECT FROM pg_class c WHERE c.reltype = t.oid) LOOP
          EXECUTE format('ALTER TYPE %I.%I OWNER TO %I', '${schema}', item.typname, ${role});
        END LOOP;
      END $$`;
}

/**
 * PL/pgSQL that creates `role` unless it exists, tolerating a concurrent creator (42710 or a
 * unique violation on pg_authid). (The migration that grants the privileges has its own copy: migrations never import code.)
 */
function ensureRoleSql(role: string, options: string): string {
  return `
        IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '${role}') THEN
          BEGIN
            CREATE ROLE ${role} ${options};
          EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
          END;
        END IF;`;
}
