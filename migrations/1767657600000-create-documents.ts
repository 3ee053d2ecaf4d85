import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Case dossier documents and their versions (issue #5); the bytes live in the storage port. */
export class CreateDocuments1767657600000 implements MigrationInterface {
  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE document (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        case_id uuid NOT NULL,
        title text NOT NULL,
        dossier_item text,
        origin text NOT NULL,
        confidential jsonb,
        created_by uuid NOT NULL,
        version integer NOT NULL,
        created_at timestamptz NOT NULL,
        deleted_at timestamptz,
        CONSTRAINT pk_document PRIMARY KEY (id),
        CONSTRAINT ck_document__origin CHECK (origin IN ('employer', 'council')),
        CONSTRAINT fk_document__ai_case FOREIGN KEY (case_id) REFERENCES ai_case (id) ON DELETE CASCADE
      )`);
    await db.query(`CREATE INDEX ix_document__case ON document (case_id)`);
    await db.query(`
      CREATE TABLE document_version (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        document_id uuid NOT NULL,
        seq integer NOT NULL,
        filename text NOT NULL,
        media_type text NOT NULL,
        size_bytes integer NOT NULL,
        sha256 text NOT NULL,
        storage_key text NOT NULL,
        uploaded_by uuid NOT NULL,
        uploaded_at timestamptz NOT NULL,
        CONSTRAINT pk_document_version PRIMARY KEY (id),
        CONSTRAINT uq_document_version__document_seq UNIQUE (document_id, seq),
        CONSTRAINT ck_document_version__seq CHECK (seq >= 1),
        CONSTRAINT ck_document_version__size_bytes CHECK (size_bytes > 0),
        CONSTRAINT ck_document_version__sha256 CHECK (sha256 ~ '^[0-9a-f]{64}$'),
        CONSTRAINT fk_document_version__document FOREIGN KEY (document_id) REFERENCES document (id) ON DELETE CASCADE
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE document_version`);
    await db.query(`DROP TABLE document`);
  }
}
