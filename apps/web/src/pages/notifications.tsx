import { useState } from 'react';

import { api, type Schemas, unwrap } from '../api/client';
import {
  Badge,
  Button,
  Empty,
  ErrorAlert,
  Loading,
  PageHeader,
  useMutation,
  MoreButton,
} from '../components/ui';
import { useI18n } from '../i18n';
import { Link } from '../router';
import { keys, usePagedList } from '../queries';

type Notification = Schemas['NotificationResponse'];

/** The inbox: reminders, escalations and mentions, newest first, updated live. */
export function NotificationsPage() {
  const { t, dateTime, day } = useI18n();
  const [unreadOnly, setUnreadOnly] = useState(false);
  const list = usePagedList(keys.notifications('list', unreadOnly), (cursor) =>
    unwrap(
      api.GET('/notifications', {
        params: { query: { cursor, ...(unreadOnly ? { unreadOnly: true } : {}) } },
      }),
    ),
  );
  const markAll = useMutation(async () => {
    await unwrap(api.POST('/notifications/read-all'));
    await list.refetch();
  });
  const markOne = useMutation(async (notificationId: string) => {
    await unwrap(
      api.POST('/notifications/{notificationId}/read', { params: { path: { notificationId } } }),
    );
    await list.refetch();
  });
  return (
    <>
      <PageHeader title={t('inbox.title')}>
        <Button variant="secondary" busy={markAll.busy} onClick={() => void markAll.submit()}>
          {t('inbox.markAll')}
        </Button>
      </PageHeader>
      <div className="filters">
        <label className="checkbox-inline">
          <input
            type="checkbox"
            checked={unreadOnly}
            onChange={(e) => setUnreadOnly(e.target.checked)}
          />{' '}
          {t('inbox.unreadOnly')}
        </label>
      </div>
      <ErrorAlert error={list.error ?? markAll.error ?? markOne.error} />
      {!list.items ? (
        <Loading />
      ) : list.items.length === 0 ? (
        <Empty>{t('inbox.none')}</Empty>
      ) : (
        <ul className="inbox">
          {list.items.map((n) => (
            <li
              key={n.id}
              className={`card notification ${n.read ? 'read' : 'unread'}`}
              data-notification={n.id}
              data-kind={n.kind}
            >
              <div className="notification-head">
                {!n.read && <Badge tone="info">{t('inbox.new')}</Badge>}
                {n.fatal && <Badge tone="danger">{t('deadlines.fatal')}</Badge>}
                <strong>{n.type === 'mention' ? mentionTitle(n, t) : n.title}</strong>
              </div>
              {/* A mention says who and where, never what: the comment waits behind the link. */}
              {n.type !== 'mention' && <p>{n.body}</p>}
              <p className="muted small">
                {dateTime(n.createdAt)}
                {n.strictDate && (
                  <>
                    {' · '}
                    {t('deadlines.strict')}: {day(n.strictDate)}
                  </>
                )}
                {n.caseId && (
                  <>
                    {' · '}
                    <Link to={n.link}>
                      {n.type === 'mention'
                        ? t('inbox.openDiscussion')
                        : (n.caseTitle ?? t('inbox.openCase'))}
                    </Link>
                  </>
                )}
              </p>
              {!n.read && (
                <Button variant="link" onClick={() => void markOne.submit(n.id)}>
                  {t('inbox.markRead')}
                  <span className="visually-hidden">: {n.title}</span>
                </Button>
              )}
            </li>
          ))}
        </ul>
      )}
      <MoreButton list={list} />
    </>
  );
}

/** Rendered here, in the language of the screen (the server's `title` is in the account's). */
function mentionTitle(n: Notification, t: ReturnType<typeof useI18n>['t']): string {
  const name = n.actorName ?? t('common.someone');
  return n.caseTitle
    ? t('inbox.mention', { name, case: n.caseTitle })
    : t('inbox.mentionNoCase', { name });
}
