import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';

import { allPages, api, downloadFile, type Schemas, unwrap } from '../api/client';
import { useI18n } from '../i18n';
import type { MessageKey } from '../messages/nl';
import { Badge, Button, ErrorAlert, Loading, useMutation } from './ui';
import { keys } from '../queries';

/** The case's hash-chained audit trail, newest first, with a check of the chain. */
export function AuditTrail({ caseId, names }: { caseId: string; names: Map<string, string> }) {
  const { t, dateTime } = useI18n();
  const entries = useQuery({
    queryKey: keys.case(caseId, 'audit'),
    queryFn: () =>
      allPages((cursor) =>
        unwrap(
          api.GET('/cases/{caseId}/audit', {
            params: { path: { caseId }, query: { limit: 200, cursor } },
          }),
        ),
      ),
  });
  const verify = useMutation(() =>
    unwrap(api.GET('/cases/{caseId}/audit/verify', { params: { path: { caseId } } })),
  );
  const csv = useMutation(() => downloadFile(`/cases/${caseId}/audit.csv`, 'audittrail.csv'));
  const [verdict, setVerdict] = useState<Schemas['AuditVerdictResponse'] | null>(null);
  if (entries.error) {
    return <ErrorAlert error={entries.error} />;
  }
  if (!entries.data) {
    return <Loading />;
  }
  return (
    <section aria-labelledby="audit-title">
      <div className="section-head">
        <h2 id="audit-title">{t('audit.title')}</h2>
        <div className="page-actions">
          <Button
            variant="secondary"
            busy={verify.busy}
            onClick={() => void verify.submit().then((v) => v && setVerdict(v))}
          >
            {t('audit.verify')}
          </Button>
          <Button variant="link" busy={csv.busy} onClick={() => void csv.submit()}>
            {t('audit.csv')}
          </Button>
        </div>
      </div>
      <div role="status">
        {verdict && (
          <p className={`alert ${verdict.valid ? 'alert-ok' : 'alert-error'}`}>
            {verdict.valid
              ? t('audit.valid', { count: verdict.entries })
              : t('audit.invalid', { seq: verdict.firstInvalidSeq ?? '?' })}
          </p>
        )}
      </div>
      <ErrorAlert error={verify.error ?? csv.error} />
      {/* Scrolls sideways at phone width: focusable, so keyboard users can scroll it too (axe). */}
      <div className="table-scroll" tabIndex={0} role="region" aria-label={t('audit.title')}>
        <table className="table">
          <caption className="visually-hidden">{t('audit.title')}</caption>
          <thead>
            <tr>
              <th scope="col">#</th>
              <th scope="col">{t('audit.when')}</th>
              <th scope="col">{t('audit.who')}</th>
              <th scope="col">{t('audit.what')}</th>
              <th scope="col">{t('audit.hash')}</th>
            </tr>
          </thead>
          <tbody>
            {[...entries.data].reverse().map((e) => (
              <tr key={e.seq}>
                <td>{e.seq}</td>
                <td>{dateTime(e.occurredAt)}</td>
                <td>
                  {e.actorId ? (names.get(e.actorId) ?? t('common.someone')) : t('audit.system')}
                </td>
                <td>
                  <Badge>
                    {/* An action without a name yet reads as "a change", never as its key. */}
                    {t(`auditAction.${e.action}` as MessageKey, {}, t('audit.otherAction'))}
                  </Badge>
                </td>
                <td>
                  <code title={e.hash}>{e.hash.slice(0, 10)}…</code>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
