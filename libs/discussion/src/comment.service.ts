import { Injectable } from '@nestjs/common';

import { AccessService, type ActorSide } from '@wc/access';
import { AuditService } from '@wc/audit';
import { type Actor, AuthService } from '@wc/auth';
import { Clock, Conflict, Forbidden, NotFound, Unprocessable, VersionConflict } from '@wc/core';
import { type DomainEventDraft, Outbox, TransactionHost } from '@wc/database';

import type { CommentEntity } from './comment.entity';
import type { CommentEventType } from './comment.events';
import { CommentRepository } from './comment.repository';
import {
  mayUseThread,
  mentionedUserIds,
  namedMentions,
  visibilitiesFor,
  visibilityOfThread,
} from './domain/threads';
import type {
  CommentResponse,
  CommentRevisionResponse,
  CreateCommentDto,
  MentionableResponse,
  UpdateCommentDto,
} from './dto/comment.dto';

interface CaseAccess {
  caseId: string;
  organisationId: string;
  worksCouncilId: string;
  committeeId: string | null;
  side: ActorSide;
}

/**
 * Comment threads on a case and on its dossier items (issue #6). Everyone who sees the case reads
 * and writes its `case` threads; the `union` thread is the council's with its union officers.
 * Invisible threads answer 404, like invisible cases.
 */
@Injectable()
export class CommentService {
  constructor(
    private readonly tx: TransactionHost,
    private readonly comments: CommentRepository,
    private readonly visibility: AccessService,
    private readonly auth: AuthService,
    private readonly audit: AuditService,
    private readonly outbox: Outbox,
    private readonly clock: Clock,
  ) {}

  async list(actor: Actor, caseId: string, threadKey?: string): Promise<CommentResponse[]> {
    const access = await this.access(actor, caseId);
    if (threadKey) {
      this.assertThread(access, threadKey);
    }
    const rows = await this.comments.listForCase(caseId, visibilitiesFor(access.side), threadKey);
    return rows.map(toCommentResponse);
  }

  async create(
    actor: Actor,
    caseId: string,
    threadKey: string,
    dto: CreateCommentDto,
  ): Promise<CommentResponse> {
    const access = await this.access(actor, caseId);
    this.assertThread(access, threadKey);
    const mentions = await this.mentionsIn(actor, caseId, threadKey, dto.body, dto.mentions);
    await this.assertMentionable(caseId, threadKey, mentions);
    const saved = await this.tx.run(async () => {
      await this.visibility.lockCases([caseId]);
      const now = this.clock.now();
      const comment = await this.comments.save(
        this.comments.create({
          caseId,
          threadKey,
          visibility: visibilityOfThread(threadKey),
          authorId: actor.userId,
          body: dto.body,
          mentions,
          createdAt: now,
          editedAt: null,
          deletedAt: null,
        }),
      );
      await this.comments.addRevision(comment.id, comment.body, now);
      await this.record(actor, access, comment, 'comment.created', null);
      await this.emit(actor, access, comment, 'comment.created', mentions);
      return comment;
    });
    return toCommentResponse(saved);
  }

  /** The author edits; the previous text stays in the revisions. */
  async update(
    actor: Actor,
    caseId: string,
    commentId: string,
    dto: UpdateCommentDto,
  ): Promise<CommentResponse> {
    const access = await this.access(actor, caseId);
    const visible = await this.visibleComment(access, commentId);
    const mentions = await this.mentionsIn(
      actor,
      caseId,
      visible.threadKey,
      dto.body,
      dto.mentions,
    );
    await this.assertMentionable(caseId, visible.threadKey, mentions);
    const saved = await this.tx.run(async () => {
      await this.visibility.lockCases([caseId]);
      const comment = await this.authorsComment(actor, access, commentId);
      if (comment.version !== dto.version) {
        throw new VersionConflict('comment', dto.version, comment.version);
      }
      const added = mentions.filter((id) => !comment.mentions.includes(id));
      const now = this.clock.now();
      comment.body = dto.body;
      comment.mentions = mentions;
      comment.editedAt = now;
      const result = await this.comments.save(comment);
      await this.comments.addRevision(result.id, result.body, now);
      await this.record(actor, access, result, 'comment.edited', { version: dto.version });
      await this.emit(actor, access, result, 'comment.edited', added);
      return result;
    });
    return toCommentResponse(saved);
  }

  /** A soft delete: the text is no longer shown, but the comment and its history stay for the record. */
  async remove(actor: Actor, caseId: string, commentId: string): Promise<CommentResponse> {
    const access = await this.access(actor, caseId);
    await this.visibleComment(access, commentId);
    const saved = await this.tx.run(async () => {
      await this.visibility.lockCases([caseId]);
      const comment = await this.authorsComment(actor, access, commentId);
      comment.deletedAt = this.clock.now();
      const result = await this.comments.save(comment);
      await this.record(actor, access, result, 'comment.deleted', { version: result.version - 1 });
      await this.emit(actor, access, result, 'comment.deleted', []);
      return result;
    });
    return toCommentResponse(saved);
  }

  async revisions(
    actor: Actor,
    caseId: string,
    commentId: string,
  ): Promise<CommentRevisionResponse[]> {
    const access = await this.access(actor, caseId);
    const comment = await this.visibleComment(access, commentId);
    const rows = await this.comments.revisions(comment.id);
    return rows.map((r) => ({
      revision: r.revision,
      body: comment.deletedAt ? null : r.body,
      revisedAt: r.revisedAt.toISOString(),
    }));
  }

  /** The people who can read a thread the actor may use, to offer after `@` (not the actor). */
  async mentionable(
    actor: Actor,
    caseId: string,
    threadKey: string,
  ): Promise<MentionableResponse[]> {
    const access = await this.access(actor, caseId);
    this.assertThread(access, threadKey);
    return (await this.visibility.viewersOf(caseId))
      .filter((p) => p.userId !== actor.userId && mayUseThread(p.side, threadKey))
      .map((p) => ({ userId: p.userId, displayName: p.displayName }));
  }

  /** `@[Name](id)` tokens, explicit ids, and a plain `@Name` of someone who can read the thread. */
  private async mentionsIn(
    actor: Actor,
    caseId: string,
    threadKey: string,
    body: string,
    explicit: readonly string[] | undefined,
  ): Promise<string[]> {
    const tokens = mentionedUserIds(body, explicit);
    if (!body.includes('@')) {
      return tokens;
    }
    const named = namedMentions(body, await this.mentionable(actor, caseId, threadKey));
    return [...new Set([...tokens, ...named])];
  }

  private async access(actor: Actor, caseId: string): Promise<CaseAccess> {
    const { organisationId, worksCouncilId, committeeId, side } = await this.visibility.requireCase(
      actor,
      caseId,
    );
    return { caseId, organisationId, worksCouncilId, committeeId, side };
  }

  private assertThread(access: CaseAccess, threadKey: string): void {
    if (!mayUseThread(access.side, threadKey)) {
      throw new NotFound('comment_thread');
    }
  }

  private async visibleComment(access: CaseAccess, commentId: string): Promise<CommentEntity> {
    const comment = await this.comments.get(access.caseId, commentId);
    if (!comment || !mayUseThread(access.side, comment.threadKey)) {
      throw new NotFound('comment');
    }
    return comment;
  }

  private async authorsComment(
    actor: Actor,
    access: CaseAccess,
    commentId: string,
  ): Promise<CommentEntity> {
    const comment = await this.comments.getForUpdate(access.caseId, commentId);
    if (!comment || !mayUseThread(access.side, comment.threadKey)) {
      throw new NotFound('comment');
    }
    if (comment.authorId !== actor.userId) {
      throw new Forbidden('comment.author_only', 'Only the author edits or deletes a comment.');
    }
    if (comment.deletedAt) {
      throw new Conflict('comment.deleted', 'This comment was deleted.');
    }
    return comment;
  }

  /** Only users who can read the thread may be mentioned: a mention must not leak the case to anyone else. */
  private async assertMentionable(
    caseId: string,
    threadKey: string,
    userIds: readonly string[],
  ): Promise<void> {
    const refused: string[] = [];
    for (const userId of userIds) {
      if (!(await this.mayRead(userId, caseId, threadKey))) {
        refused.push(userId);
      }
    }
    if (refused.length > 0) {
      throw new Unprocessable(
        'comment.mention_not_allowed',
        'Only people who can see this thread can be mentioned.',
        { userIds: refused },
        refused.map((id) => ({ path: 'mentions', message: `${id} cannot see this thread` })),
      );
    }
  }

  private async mayRead(userId: string, caseId: string, threadKey: string): Promise<boolean> {
    const mentioned = await this.auth.actorFor(userId);
    if (!mentioned) {
      return false;
    }
    try {
      const { side } = await this.visibility.requireCase(mentioned, caseId);
      return mayUseThread(side, threadKey);
    } catch (error) {
      if (error instanceof NotFound) {
        return false;
      }
      throw error;
    }
  }

  /**
   * The case audit trail is read by the employer side too, so only `case` threads are recorded
   * there (ids, no text: the revisions hold the text).
   */
  private async record(
    actor: Actor,
    access: CaseAccess,
    comment: CommentEntity,
    action: CommentEventType,
    before: Record<string, unknown> | null,
  ): Promise<void> {
    if (comment.visibility !== 'case') {
      return;
    }
    await this.audit.record({
      caseId: access.caseId,
      actorId: actor.userId,
      action,
      before,
      after: { commentId: comment.id, thread: comment.threadKey, version: comment.version },
    });
  }

  private async emit(
    actor: Actor,
    access: CaseAccess,
    comment: CommentEntity,
    type: Exclude<CommentEventType, 'comment.mentioned'>,
    mentioned: readonly string[],
  ): Promise<void> {
    const ids = { commentId: comment.id, thread: comment.threadKey };
    const scope = { organisationId: access.organisationId, worksCouncilId: access.worksCouncilId };
    const change: DomainEventDraft =
      comment.visibility === 'case'
        ? { type, ...scope, caseId: access.caseId, payload: { ...ids, version: comment.version } }
        : // The council room, not the case room: the employer side must not learn of the union thread.
          // The committee preparing the case routes it (realtime `roomsFor`); sockets never see it.
          {
            type,
            ...scope,
            payload: {
              ...ids,
              subjectCaseId: access.caseId,
              committeeId: access.committeeId,
              visibility: comment.visibility,
              version: comment.version,
            },
          };
    const mentions: DomainEventDraft[] = mentioned
      .filter((userId) => userId !== actor.userId)
      // Addressed to the user alone: with a council id the relay would also send it to the council room.
      .map((userId) => ({
        type: 'comment.mentioned',
        organisationId: access.organisationId,
        userId,
        payload: { ...ids, subjectCaseId: access.caseId },
      }));
    await this.outbox.append([change, ...mentions], actor.userId);
  }
}

export function toCommentResponse(c: CommentEntity): CommentResponse {
  const deleted = c.deletedAt !== null;
  return {
    id: c.id,
    caseId: c.caseId,
    thread: c.threadKey,
    visibility: c.visibility,
    authorId: c.authorId,
    body: deleted ? null : c.body,
    mentions: deleted ? [] : [...c.mentions],
    createdAt: c.createdAt.toISOString(),
    editedAt: c.editedAt?.toISOString() ?? null,
    deletedAt: c.deletedAt?.toISOString() ?? null,
    version: c.version,
  };
}
