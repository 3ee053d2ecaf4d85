import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';

import { TransactionHost } from '@wc/database';

import { CommentEntity } from './comment.entity';
import { CommentRevisionEntity } from './comment-revision.entity';
import type { CommentVisibility } from './domain/threads';

/** The only file that queries `comment` and `comment_revision`. */
@Injectable()
export class CommentRepository {
  constructor(private readonly tx: TransactionHost) {}

  create(fields: Partial<CommentEntity>): CommentEntity {
    return this.tx.manager.create(CommentEntity, fields);
  }

  save(comment: CommentEntity): Promise<CommentEntity> {
    return this.tx.manager.save(comment);
  }

  getForUpdate(caseId: string, id: string): Promise<CommentEntity | null> {
    return this.tx.manager.findOne(CommentEntity, {
      where: { id, caseId },
      lock: { mode: 'pessimistic_write' },
    });
  }

  get(caseId: string, id: string): Promise<CommentEntity | null> {
    return this.tx.manager.findOneBy(CommentEntity, { id, caseId });
  }

  /** Oldest first, as a thread reads; only the visibilities the caller may see. */
  listForCase(
    caseId: string,
    visibilities: readonly CommentVisibility[],
    threadKey?: string,
  ): Promise<CommentEntity[]> {
    return this.tx.manager.find(CommentEntity, {
      where: { caseId, visibility: In([...visibilities]), ...(threadKey ? { threadKey } : {}) },
      order: { createdAt: 'ASC', id: 'ASC' },
    });
  }

  async addRevision(commentId: string, body: string, revisedAt: Date): Promise<void> {
    const [row] = await this.tx.manager.query<Array<{ max: number | null }>>(
      `SELECT max(revision) AS max FROM comment_revision WHERE comment_id = $1`,
      [commentId],
    );
    await this.tx.manager.insert(CommentRevisionEntity, {
      commentId,
      revision: (row?.max ?? 0) + 1,
      body,
      revisedAt,
    });
  }

  revisions(commentId: string): Promise<CommentRevisionEntity[]> {
    return this.tx.manager.find(CommentRevisionEntity, {
      where: { commentId },
      order: { revision: 'ASC' },
    });
  }
}
