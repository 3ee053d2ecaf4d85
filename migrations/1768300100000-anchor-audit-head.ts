import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Anchors each case's audit chain (issue #14): `audit_head` holds the sequence number and hash of
 * the newest entry, written by a trigger in the same transaction as each append. The chain alone
 * shows an edited or removed row in the middle; the head also shows the newest entries removed.
 *
 * The trigger runs as the owner (SECURITY DEFINER), so the application role needs no write
 * privilege on `audit_head` at all: the head moves only when an entry is appended, and only by
 * one, from the hash it holds. Existing cases get their head from their current chain.
 */
export class AnchorAuditHead1768300100000 implements MigrationInterface {
  name = 'AnchorAuditHead1768300100000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE audit_head (
        case_id uuid NOT NULL,
        seq integer NOT NULL,
        hash text NOT NULL,
        CONSTRAINT pk_audit_head PRIMARY KEY (case_id)
      )`);
    await db.query(`
      INSERT INTO audit_head (case_id, seq, hash)
      SELECT DISTINCT ON (case_id) case_id, seq, hash FROM audit_entry ORDER BY case_id, seq DESC`);
    await db.query(`
      CREATE FUNCTION audit_entry_anchor_head() RETURNS trigger
      LANGUAGE plpgsql SECURITY DEFINER SET search_path FROM CURRENT AS $$
      DECLARE
        head_seq integer;
        head_hash text;
      BEGIN
        SELECT seq, hash INTO head_seq, head_hash FROM audit_head WHERE case_id = NEW.case_id FOR UPDATE;
        IF NOT FOUND THEN
          head_seq := 0;
          head_hash := repeat('0', 64);
        END IF;
        IF NEW.seq <> head_seq + 1 OR NEW.prev_hash <> head_hash THEN
          RAISE EXCEPTION 'audit_entry must extend the chain from its head (seq %)', head_seq
            USING ERRCODE = 'integrity_constraint_violation';
        END IF;
        INSERT INTO audit_head (case_id, seq, hash) VALUES (NEW.case_id, NEW.seq, NEW.hash)
        ON CONFLICT ON CONSTRAINT pk_audit_head DO UPDATE SET seq = EXCLUDED.seq, hash = EXCLUDED.hash;
        RETURN NEW;
      END $$`);
    await db.query(`
      CREATE TRIGGER tr_audit_entry__anchor_head BEFORE INSERT ON audit_entry
      FOR EACH ROW EXECUTE FUNCTION audit_entry_anchor_head()`);
    // Read-only for the application; the trigger above is the one writer.
    await db.query(`REVOKE INSERT, UPDATE, DELETE ON audit_head FROM overleg_runtime`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TRIGGER tr_audit_entry__anchor_head ON audit_entry`);
    await db.query(`DROP FUNCTION audit_entry_anchor_head()`);
    await db.query(`DROP TABLE audit_head`);
  }
}
