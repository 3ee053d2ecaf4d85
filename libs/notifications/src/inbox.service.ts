import { Injectable } from '@nestjs/common';

import type { Actor } from '@wc/auth';
import { Clock, NotFound } from '@wc/core';
import { Outbox, TransactionHost } from '@wc/database';
import { decodeCursor, limitOf, type Page, pageFrom } from '@wc/pagination';

import { describeNotification, notificationPath, ruleLabel } from './domain';
import {
  factsOf,
  isCaseEventRow,
  NotificationRepository,
  type NotificationRow,
} from './notification.repository';
import type {
  ListNotificationsQueryDto,
  MarkAllReadResponse,
  NotificationResponse,
  UnreadCountResponse,
} from './notifications.dto';

/** A user's own inbox. Every query is scoped to the actor; someone else's id answers 404. */
@Injectable()
export class InboxService {
  constructor(
    private readonly tx: TransactionHost,
    private readonly clock: Clock,
    private readonly outbox: Outbox,
    private readonly notifications: NotificationRepository,
  ) {}

  /** One page of the inbox, newest first. */
  async list(actor: Actor, query: ListNotificationsQueryDto): Promise<Page<NotificationResponse>> {
    const limit = limitOf(query);
    const rows = await this.notifications.listInbox(actor.userId, {
      limit: limit + 1,
      after: query.cursor ? decodeCursor(query.cursor, isIdKey).id : undefined,
      unreadOnly: query.unreadOnly ?? false,
    });
    return pageFrom(
      rows,
      limit,
      (row) => ({ id: row.id }),
      (row) => toNotificationResponse(row, actor.language),
    );
  }

  async unreadCount(actor: Actor): Promise<UnreadCountResponse> {
    return { unread: await this.notifications.unreadCount(actor.userId) };
  }

  /** Marks read; other tabs and devices of the user hear of it through `notification.read`. */
  markRead(actor: Actor, notificationId: string): Promise<NotificationResponse> {
    return this.tx.run(async () => {
      const row = await this.notifications.markRead(actor.userId, notificationId, this.clock.now());
      if (!row) {
        throw new NotFound('notification');
      }
      await this.outbox.append(
        [
          {
            type: 'notification.read',
            userId: actor.userId,
            payload: { notificationIds: [row.id] },
          },
        ],
        actor.userId,
      );
      return toNotificationResponse(row, actor.language);
    });
  }

  markAllRead(actor: Actor): Promise<MarkAllReadResponse> {
    return this.tx.run(async () => {
      const marked = await this.notifications.markAllRead(actor.userId, this.clock.now());
      if (marked > 0) {
        await this.outbox.append(
          [{ type: 'notification.read', userId: actor.userId, payload: { all: true } }],
          actor.userId,
        );
      }
      return { marked };
    });
  }
}

export function toNotificationResponse(
  row: NotificationRow,
  language: 'nl' | 'en',
): NotificationResponse {
  const facts = factsOf(row);
  const { subject, paragraphs } = describeNotification(facts, language);
  const common = {
    id: row.id,
    type: row.type,
    kind: row.data.kind,
    title: subject,
    body: paragraphs.join('\n\n'),
    caseId: row.caseId,
    caseTitle: row.data.caseTitle,
    late: row.late,
    link: notificationPath(facts),
    read: row.readAt !== null,
    readAt: row.readAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
  };
  if (isCaseEventRow(row)) {
    return {
      ...common,
      ruleId: null,
      ruleLabel: null,
      deadlineId: null,
      strictDate: null,
      commentId: null,
      thread: null,
      actorName: null,
      fatal: false,
    };
  }
  if (row.type === 'mention') {
    return {
      ...common,
      ruleId: null,
      ruleLabel: null,
      deadlineId: null,
      strictDate: null,
      commentId: row.commentId,
      thread: row.data.thread,
      actorName: row.data.actorName,
      fatal: false,
    };
  }
  return {
    ...common,
    ruleId: row.data.ruleId,
    ruleLabel: ruleLabel(row.data.ruleId, language),
    deadlineId: row.deadlineId,
    strictDate: row.data.strictDate,
    commentId: null,
    thread: null,
    actorName: null,
    fatal: row.data.fatal,
  };
}

const isIdKey = (value: unknown): value is { id: string } =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as { id?: unknown }).id === 'string' &&
  /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(
    (value as { id: string }).id,
  );
