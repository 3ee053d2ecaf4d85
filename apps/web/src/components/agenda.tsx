import { useQuery } from '@tanstack/react-query';

import { allPages, api, type Schemas, unwrap } from '../api/client';
import { useI18n } from '../i18n';
import { Link } from '../router';
import { DueText, useDutyText } from './next-action';
import { Badge, Empty, ErrorAlert, Loading } from './ui';
import { keys } from '../queries';

type AgendaItem = Schemas['PersonalAgendaItemResponse'];

/**
 * "Deze week voor u": the server's agenda for the signed-in person, in the server's order (fatal
 * terms first, then by date), every running term however far away. Nothing is computed here.
 */
export function Agenda() {
  const { t } = useI18n();
  const agenda = useQuery({
    queryKey: keys.agenda(),
    queryFn: () =>
      allPages((cursor) =>
        unwrap(api.GET('/me/agenda', { params: { query: { limit: 200, cursor } } })),
      ).then((items) => ({ items })),
  });
  return (
    <section aria-labelledby="agenda-title" className="card agenda">
      <h2 id="agenda-title">{t('agenda.title')}</h2>
      <p className="muted small">{t('agenda.lead')}</p>
      {agenda.data ? (
        agenda.data.items.length ? (
          <ul className="agenda-list">
            {agenda.data.items.map((item, i) => (
              <AgendaRow
                key={`${item.kind}-${item.caseId ?? ''}-${item.action}-${item.track ?? ''}-${item.voteId ?? item.meetingId ?? item.informationRequestId ?? i}`}
                item={item}
              />
            ))}
          </ul>
        ) : (
          <Empty>{t('agenda.empty')}</Empty>
        )
      ) : agenda.error ? (
        <ErrorAlert error={agenda.error} />
      ) : (
        <Loading />
      )}
    </section>
  );
}

function AgendaRow({ item }: { item: AgendaItem }) {
  const { t } = useI18n();
  const what = useDutyText();
  const text = what({
    action: item.action,
    track: item.track,
    ruleId: item.ruleId,
    proposal: item.subject ?? '',
    title: item.subject ?? '',
  });
  return (
    <li
      className={`agenda-item agenda-${item.kind}${item.yours ? ' agenda-yours' : ''}`}
      data-kind={item.kind}
      data-action={item.action}
      data-case-id={item.caseId ?? undefined}
    >
      <Link
        to={item.path}
        onClick={() =>
          window.setTimeout(
            () => document.getElementById(item.anchor)?.scrollIntoView({ block: 'start' }),
            50,
          )
        }
      >
        {text.charAt(0).toUpperCase() + text.slice(1)}
      </Link>
      {item.caseTitle && <span className="muted"> · {item.caseTitle}</span>}
      {item.kind === 'information_request' && item.subject && (
        <span className="muted small"> · “{item.subject}”</span>
      )}
      <DueText dueDate={item.dueDate} daysLeft={item.daysLeft} fatal={item.fatal} />{' '}
      {!item.yours && (
        <Badge tone="neutral">
          {t('agenda.otherSide', { who: t(`next.who.${item.side}` as never) })}
        </Badge>
      )}
    </li>
  );
}
