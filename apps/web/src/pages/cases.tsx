import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';

import { api, downloadFile, unwrap } from '../api/client';
import { CaseList } from '../components/case-list';
import {
  Button,
  Empty,
  ErrorAlert,
  Loading,
  PageHeader,
  SelectField,
  useMutation,
} from '../components/ui';
import { useI18n } from '../i18n';
import { Link } from '../router';
import { useSession } from '../session';
import { keys } from '../queries';

export function CasesPage() {
  const { t } = useI18n();
  const { roles } = useSession();
  const [status, setStatus] = useState<'' | 'draft' | 'sent'>('');
  const cases = useQuery({
    queryKey: keys.cases(status),
    queryFn: () =>
      unwrap(
        api.GET('/cases', { params: { query: { limit: 200, ...(status ? { status } : {}) } } }),
      ),
  });
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
      {!cases.data ? (
        <Loading />
      ) : cases.data.items.length ? (
        <CaseList cases={cases.data.items} showWaiting />
      ) : (
        <Empty>{t('cases.none')}</Empty>
      )}
    </>
  );
}
