import { Readable } from 'node:stream';

import type { DataSource } from 'typeorm';

import { assertStorageKey, DocumentStorage } from './document-storage';

/** The largest chunk row (the table's CHECK allows exactly this). */
export const CHUNK_BYTES = 512 * 1024;

/**
 * Documents in PostgreSQL (`STORAGE_DRIVER=database`, the default): every replica reads the same
 * bytes and a database backup holds them. The bytes are split into chunk rows written in one
 * transaction, and a download reads one chunk at a time, so a large file is never held whole.
 */
export class DatabaseStorage extends DocumentStorage {
  constructor(private readonly dataSource: DataSource) {
    super();
  }

  async put(key: string, bytes: Buffer): Promise<void> {
    assertStorageKey(key);
    const chunkCount = Math.max(1, Math.ceil(bytes.length / CHUNK_BYTES));
    await this.dataSource.transaction(async (manager) => {
      // A concurrent put of the same key waits here for the other transaction, then finds the row.
      const inserted = await manager.query<unknown[]>(
        `INSERT INTO document_content (storage_key, size_bytes, chunk_count) VALUES ($1, $2, $3)
         ON CONFLICT (storage_key) DO NOTHING RETURNING storage_key`,
        [key, bytes.length, chunkCount],
      );
      if (inserted.length === 0) {
        return; // content-addressed: the same key holds the same bytes
      }
      for (let index = 0; index < chunkCount; index += 1) {
        await manager.query(
          `INSERT INTO document_content_chunk (storage_key, chunk_index, bytes) VALUES ($1, $2, $3)`,
          [key, index, bytes.subarray(index * CHUNK_BYTES, (index + 1) * CHUNK_BYTES)],
        );
      }
    });
  }

  async get(key: string): Promise<Readable> {
    assertStorageKey(key);
    // Looked up before the stream is handed out, so an unknown key fails here and not mid-response.
    const [content] = await this.dataSource.query<Array<{ chunk_count: number }>>(
      `SELECT chunk_count FROM document_content WHERE storage_key = $1`,
      [key],
    );
    if (!content) {
      throw new Error(`no document content stored under ${key}`);
    }
    const dataSource = this.dataSource;
    async function* chunks(): AsyncGenerator<Buffer> {
      for (let index = 0; index < content.chunk_count; index += 1) {
        const [row] = await dataSource.query<Array<{ bytes: Buffer }>>(
          `SELECT bytes FROM document_content_chunk WHERE storage_key = $1 AND chunk_index = $2`,
          [key, index],
        );
        if (!row) {
          throw new Error(`chunk ${index} of ${key} is missing`);
        }
        yield row.bytes;
      }
    }
    return Readable.from(chunks(), { objectMode: false });
  }

  /** The database is checked by readiness itself. */
  problem(): Promise<string | undefined> {
    return Promise.resolve(undefined);
  }
}
