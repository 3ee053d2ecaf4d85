import { useState } from 'react';

import { api, downloadFile, unwrap } from '../api/client';
import { CaseList } from '../components/case-list';
import {
  Button,
  Empty,
  ErrorAlert,
  Loading,
  MoreButton,
  PageHeader,
  SelectField,
  useMutation,
} from '../components/ui';
import { useI18n } from '../i18n';
import { Link } from '../router';
import { useSession } from '../session';
import { keys, usePagedList } from '../queries';

export function CasesPage() {
  const { t } = useI18n();
  const { roles } = useSession();
  const [status, setStatus] = useState<'' | 'draft' | 'sent'>('');
  // A long list: a page at a time, with a "more" button (the CSV export has every case).
  const cases = usePagedList(keys.cases(status), (cursor) =>
    unwrap(api.GET('/cases', { params: { query: { cursor, ...(status ? { status } : {}) } } })),
  );
  const csv = useMutation(() =>
    downloadFile(`/cases.csv${status ? `?status=${status}` : ''}`, 'zaken.csv'),
  );
  return (
    <>
      <PageHeader title={t('cases.title')}>
        <Button variant="secondary" busy={csv.busy} onClick={() => void csv.submit()}>
          {t('cases.csv')}
        </Button>
        {roles.employer && (
          <Link to="/cases/new" className="button button-primary">
            {t('cases.new')}
          </Link>
        )}
      </PageHeader>
      <div className="filters">
        <SelectField
          label={t('cases.filterStatus')}
          value={status}
          onChange={(e) => setStatus(e.target.value as '' | 'draft' | 'sent')}
        >
          <option value="">{t('cases.all')}</option>
          <option value="draft">{t('caseStage.draft')}</option>
          <option value="sent">{t('cases.sent')}</option>
        </SelectField>
      </div>
      <ErrorAlert error={cases.error ?? csv.error} />
      {!cases.items ? (
        <Loading />
      ) : cases.items.length ? (
        <>
          <CaseList cases={cases.items} showWaiting />
          <MoreButton list={cases} />
        </>
      ) : (
        <Empty>{t('cases.none')}</Empty>
      )}
    </>
  );
}
