import { Injectable } from '@nestjs/common';
import { In, IsNull } from 'typeorm';

import { TransactionHost } from '@wc/database';

import { DocumentTextEntity } from './document-text.entity';
import { DocumentVersionEntity } from './document-version.entity';
import { DocumentEntity } from './document.entity';

type NewDocument = Pick<
  DocumentEntity,
  | 'caseId'
  | 'title'
  | 'dossierItem'
  | 'origin'
  | 'confidential'
  | 'createdBy'
  | 'createdAt'
  | 'kind'
  | 'expertEngagementId'
  | 'attachedToPositionAt'
  | 'attachedToPositionBy'
>;
type NewVersion = Omit<DocumentVersionEntity, 'id' | 'document'>;

/** The only place that queries documents; every read is scoped to a case and skips deleted rows. */
@Injectable()
export class DocumentRepository {
  constructor(private readonly tx: TransactionHost) {}

  async insert(document: NewDocument): Promise<DocumentEntity> {
    const manager = this.tx.manager;
    return manager.save(manager.create(DocumentEntity, { ...document, deletedAt: null }));
  }

  /** Which of these content keys some version of this database refers to (deleted ones included). */
  async referencedStorageKeys(keys: readonly string[]): Promise<Set<string>> {
    if (keys.length === 0) {
      return new Set();
    }
    const rows = await this.tx.manager.query<Array<{ storage_key: string }>>(
      `SELECT DISTINCT storage_key FROM document_version WHERE storage_key = ANY($1::text[])`,
      [keys],
    );
    return new Set(rows.map((row) => row.storage_key));
  }

  async save(document: DocumentEntity): Promise<DocumentEntity> {
    return this.tx.manager.save(document);
  }

  /** `forUpdate` locks the row (within the caller's transaction) to serialise versions and edits. */
  async get(
    caseId: string,
    documentId: string,
    { forUpdate = false } = {},
  ): Promise<DocumentEntity | null> {
    return this.tx.manager.findOne(DocumentEntity, {
      where: { id: documentId, caseId, deletedAt: IsNull() },
      ...(forUpdate ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
  }

  async listOfCase(
    caseId: string,
    filter: { dossierItem?: string } = {},
  ): Promise<DocumentEntity[]> {
    return this.tx.manager.find(DocumentEntity, {
      where: {
        caseId,
        deletedAt: IsNull(),
        ...(filter.dossierItem ? { dossierItem: filter.dossierItem } : {}),
      },
      order: { createdAt: 'ASC', id: 'ASC' },
    });
  }

  /** Ids of the case's documents under secrecy in force on `today` (a `YYYY-MM-DD` day). */
  async confidentialIdsOfCase(caseId: string, today: string): Promise<string[]> {
    const rows = await this.tx.manager
      .createQueryBuilder(DocumentEntity, 'd')
      .select('d.id', 'id')
      .where('d.case_id = :caseId', { caseId })
      .andWhere('d.deleted_at IS NULL')
      .andWhere('d.confidential IS NOT NULL')
      .andWhere(`(d.confidential->>'until' IS NULL OR d.confidential->>'until' >= :today)`, {
        today,
      })
      .orderBy('d.id')
      .getRawMany<{ id: string }>();
    return rows.map((r) => r.id);
  }

  /** Versions of the given documents, oldest first. */
  async versionsOf(documentIds: string[]): Promise<DocumentVersionEntity[]> {
    if (documentIds.length === 0) {
      return [];
    }
    return this.tx.manager.find(DocumentVersionEntity, {
      where: { documentId: In(documentIds) },
      order: { documentId: 'ASC', seq: 'ASC' },
    });
  }

  async version(documentId: string, seq: number): Promise<DocumentVersionEntity | null> {
    return this.tx.manager.findOne(DocumentVersionEntity, { where: { documentId, seq } });
  }

  async lastSeq(documentId: string): Promise<number> {
    const row = await this.tx.manager
      .createQueryBuilder(DocumentVersionEntity, 'v')
      .select('max(v.seq)', 'max')
      .where('v.document_id = :documentId', { documentId })
      .getRawOne<{ max: number | null }>();
    return row?.max ?? 0;
  }

  /** The text of the latest upload, for search (empty when the file has none). */
  async putText(documentId: string, text: string, at: Date): Promise<void> {
    await this.tx.manager.upsert(DocumentTextEntity, { documentId, text, extractedAt: at }, [
      'documentId',
    ]);
  }

  async insertVersion(version: NewVersion): Promise<DocumentVersionEntity> {
    const manager = this.tx.manager;
    return manager.save(manager.create(DocumentVersionEntity, version));
  }

  /** A new version changes the document: bump its optimistic-lock version. */
  async bumpVersion(document: DocumentEntity): Promise<DocumentEntity> {
    await this.tx.manager.increment(DocumentEntity, { id: document.id }, 'version', 1);
    document.version += 1;
    return document;
  }
}
