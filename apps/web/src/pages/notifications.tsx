import { useState } from 'react';

import { api, unwrap } from '../api/client';
import { Badge, Button, Empty, ErrorAlert, Loading, PageHeader, useAsync, useMutation } from '../components/ui';
import { useI18n } from '../i18n';
import { useLiveEvents } from '../realtime';
import { Link } from '../router';

/** The inbox: reminders and escalations, newest first, updated live. */
export function NotificationsPage() {
  const { t, dateTime, day } = useI18n();
  const [unreadOnly, setUnreadOnly] = useState(false);
  const list = useAsync(() => unwrap(api.GET('/notifications', { params: { query: { limit: 100, ...(unreadOnly ? { unreadOnly: true } : {}) } } })), [unreadOnly]);
  useLiveEvents((e) => e.type.startsWith('notification.'), () => void list.reload());
  const markAll = useMutation(async () => {
    await unwrap(api.POST('/notifications/read-all'));
    await list.reload();
  });
  const markOne = useMutation(async (notificationId: string) => {
    await unwrap(api.POST('/notifications/{notificationId}/read', { params: { path: { notificationId } } }));
    await list.reload();
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
          <input type="checkbox" checked={unreadOnly} onChange={(e) => setUnreadOnly(e.target.checked)} /> {t('inbox.unreadOnly')}
        </label>
      </div>
      <ErrorAlert error={list.error ?? markAll.error ?? markOne.error} />
      {!list.data ? (
        <Loading />
      ) : list.data.items.length === 0 ? (
        <Empty>{t('inbox.none')}</Empty>
      ) : (
        <ul className="inbox">
          {list.data.items.map((n) => (
            <li key={n.id} className={`card notification ${n.read ? 'read' : 'unread'}`} data-notification={n.id}>
              <div className="notification-head">
                {!n.read && <Badge tone="info">{t('inbox.new')}</Badge>}
                {n.fatal && <Badge tone="danger">{t('deadlines.fatal')}</Badge>}
                <strong>{n.title}</strong>
              </div>
              <p>{n.body}</p>
              <p className="muted small">
                {dateTime(n.createdAt)} · {t('deadlines.strict')}: {day(n.strictDate)}
                {n.caseId && (
                  <>
                    {' · '}
                    <Link to={n.link}>{n.caseTitle ?? t('inbox.openCase')}</Link>
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
    </>
  );
}
