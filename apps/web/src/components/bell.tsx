import { useQuery } from '@tanstack/react-query';

import { api, unwrap } from '../api/client';
import { useI18n } from '../i18n';
import { Link } from '../router';
import { keys } from '../queries';

/** The notification bell: the unread count, updated live from the user's socket room. */
export function Bell() {
  const { t } = useI18n();
  const unread = useQuery({
    queryKey: keys.notifications('unread'),
    queryFn: () => unwrap(api.GET('/notifications/unread-count')),
  });
  const count = unread.data?.unread ?? 0;
  return (
    <Link
      to="/notifications"
      className="bell"
      aria-label={t('bell.label', { count })}
      data-unread={count}
    >
      <svg aria-hidden="true" viewBox="0 0 24 24" width="22" height="22" focusable="false">
        <path
          fill="currentColor"
          d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22Zm7-6V11a7 7 0 0 0-5.5-6.84V3.5a1.5 1.5 0 0 0-3 0v.66A7 7 0 0 0 5 11v5l-2 2v1h18v-1Z"
        />
      </svg>
      {count > 0 && <span className="bell-count">{count > 99 ? '99+' : count}</span>}
    </Link>
  );
}
