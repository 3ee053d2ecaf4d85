import { useQuery } from '@tanstack/react-query';

import { allPages, api, type Schemas, unwrap } from '../api/client';
import { Badge, Empty, ErrorAlert, Loading, PageHeader } from '../components/ui';
import { useI18n } from '../i18n';
import { Link } from '../router';
import { keys } from '../queries';

type Hit = Schemas['SearchHitResponse'];

/** Where a hit leads: the case (on the tab the item lives on), the register entry or the meeting. */
function targetOf(hit: Hit): string {
  switch (hit.kind) {
    case 'case':
      return `/cases/${hit.id}`;
    case 'document':
      return `/cases/${hit.caseId}/documents`;
    case 'comment':
      return `/cases/${hit.caseId}/discussion`;
    case 'ai_system':
      return `/ai-systems/${hit.id}`;
    case 'meeting':
      return `/meetings/${hit.id}`;
  }
}

/** Search results: best first, the matched words marked, only what the server lets the user read. */
export function SearchPage({ q }: { q: string }) {
  const { t, label } = useI18n();
  const words = q.trim();
  const results = useQuery({
    queryKey: keys.search(words),
    queryFn: () =>
      words
        ? allPages((cursor) =>
            unwrap(api.GET('/search', { params: { query: { limit: 200, cursor, q: words } } })),
          ).then((items) => ({ query: words, items }))
        : Promise.resolve({ query: '', items: [] }),
  });
  return (
    <>
      <PageHeader
        title={t('search.title')}
        lead={words ? t('search.lead', { query: words }) : undefined}
      />
      <ErrorAlert error={results.error} />
      {!words ? (
        <Empty>{t('search.empty')}</Empty>
      ) : !results.data ? (
        <Loading />
      ) : results.data.items.length === 0 ? (
        <Empty>{t('search.none')}</Empty>
      ) : (
        <ol className="search-results">
          {results.data.items.map((hit) => (
            <li
              key={`${hit.kind}:${hit.id}`}
              className="card search-hit"
              data-kind={hit.kind}
              data-id={hit.id}
            >
              <div className="search-hit-head">
                <Badge tone="info">{label('search.kind', hit.kind)}</Badge>
                <Link to={targetOf(hit)}>
                  {hit.title || (hit.caseTitle ?? label('search.kind', hit.kind))}
                </Link>
              </div>
              {hit.caseTitle && hit.kind !== 'case' && (
                <p className="muted small">
                  {t('search.inCase')}: {hit.caseTitle}
                </p>
              )}
              <p className="search-snippet">
                {hit.snippet.map((part, i) =>
                  part.match ? <mark key={i}>{part.text}</mark> : <span key={i}>{part.text}</span>,
                )}
              </p>
            </li>
          ))}
        </ol>
      )}
    </>
  );
}
