import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue #20: document bytes live in PostgreSQL by default, so every API replica serves every
 * document and a database backup holds them. Content-addressed like the other drivers: one
 * `document_content` row per key and its bytes in `document_content_chunk` rows of at most
 * 512 KiB, written in one transaction, so a download streams chunk by chunk instead of holding
 * the whole file in memory. Equal content is stored once and never changes: append-only.
 */
export class StoreDocumentsInDatabase1768500000000 implements MigrationInterface {
  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE document_content (
        storage_key text NOT NULL,
        size_bytes bigint NOT NULL,
        chunk_count integer NOT NULL,
        stored_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT pk_document_content PRIMARY KEY (storage_key),
        CONSTRAINT ck_document_content__storage_key CHECK (storage_key ~ '^sha256/[0-9a-f]{2}/[0-9a-f]{64}$'),
        CONSTRAINT ck_document_content__size_bytes CHECK (size_bytes > 0),
        CONSTRAINT ck_document_content__chunk_count CHECK (chunk_count >= 1)
      )`);
    await db.query(`
      CREATE TABLE document_content_chunk (
        storage_key text NOT NULL,
        chunk_index integer NOT NULL,
        bytes bytea NOT NULL,
        CONSTRAINT pk_document_content_chunk PRIMARY KEY (storage_key, chunk_index),
        CONSTRAINT ck_document_content_chunk__chunk_index CHECK (chunk_index >= 0),
        CONSTRAINT ck_document_content_chunk__bytes CHECK (octet_length(bytes) BETWEEN 1 AND 524288),
        CONSTRAINT fk_document_content_chunk__content FOREIGN KEY (storage_key) REFERENCES document_content (storage_key) ON DELETE CASCADE
      )`);
    // Chunks are stored uncompressed: documents (PDF, DOCX, images) are compressed already.
    await db.query(`ALTER TABLE document_content_chunk ALTER COLUMN bytes SET STORAGE EXTERNAL`);
    await db.query(
      `REVOKE UPDATE, DELETE ON document_content, document_content_chunk FROM overleg_runtime`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE document_content_chunk`);
    await db.query(`DROP TABLE document_content`);
  }
}
