import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';

import { allPages, api, unwrap } from '../api/client';
import {
  ErrorAlert,
  Loading,
  PageHeader,
  SelectField,
  TextArea,
  TextField,
  useMutation,
} from '../components/ui';
import { useI18n } from '../i18n';
import { Link, navigate } from '../router';
import { useMe } from '../session';
import { keys } from '../queries';

const CONTENT_FIELDS = [
  'intendedDecision',
  'reasons',
  'consequencesForStaff',
  'measures',
  'alternatives',
  'planning',
  'regelingText',
] as const;
type ContentField = (typeof CONTENT_FIELDS)[number];

/**
 * Filing a case, step 1: the system, the competent council and the written request (legal-rules
 * (b)1-2). Step 2, the triage questionnaire, follows on the case page.
 */
export function NewCasePage({ aiSystemId: preselected }: { aiSystemId?: string }) {
  const { t } = useI18n();
  const me = useMe();
  const systems = useQuery({
    queryKey: keys.aiSystems('new-case', me.organisationId),
    queryFn: () =>
      allPages((cursor) =>
        unwrap(
          api.GET('/organisations/{organisationId}/ai-systems', {
            params: { query: { limit: 200, cursor }, path: { organisationId: me.organisationId } },
          }),
        ),
      ),
  });
  const councils = useQuery({
    queryKey: keys.council('of-organisation', me.organisationId),
    queryFn: () =>
      allPages((cursor) =>
        unwrap(
          api.GET('/organisations/{organisationId}/works-councils', {
            params: { query: { limit: 200, cursor }, path: { organisationId: me.organisationId } },
          }),
        ),
      ),
  });
  const [aiSystemId, setAiSystemId] = useState(preselected ?? '');
  const [worksCouncilId, setWorksCouncilId] = useState('');
  const [title, setTitle] = useState('');
  const [contents, setContents] = useState<Partial<Record<ContentField, string>>>({});
  const [proposedDecisionDate, setProposedDecisionDate] = useState('');

  const systemId = aiSystemId || systems.data?.[0]?.id || '';
  const councilId = worksCouncilId || councils.data?.[0]?.id || '';

  const create = useMutation(async () => {
    const filled = Object.fromEntries(Object.entries(contents).filter(([, v]) => v && v.trim()));
    const created = await unwrap(
      api.POST('/cases', {
        body: {
          aiSystemId: systemId,
          worksCouncilId: councilId,
          title: title.trim(),
          contents: { ...filled, ...(proposedDecisionDate ? { proposedDecisionDate } : {}) },
        },
      }),
    );
    navigate(`/cases/${created.id}/triage`);
  });

  if (!systems.data || !councils.data) {
    return systems.error || councils.error ? (
      <ErrorAlert error={systems.error ?? councils.error} />
    ) : (
      <Loading />
    );
  }

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void create.submit();
  };

  return (
    <>
      <PageHeader title={t('newCase.title')} lead={t('newCase.lead')} />
      <ol className="steps" aria-label={t('newCase.steps')}>
        <li aria-current="step">{t('newCase.step1')}</li>
        <li>{t('newCase.step2')}</li>
        <li>{t('newCase.step3')}</li>
      </ol>
      {systems.data.length === 0 ? (
        <p className="alert alert-info">
          {t('newCase.noSystems')} <Link to="/ai-systems">{t('aiSystems.register')}</Link>
        </p>
      ) : (
        <form className="card form" onSubmit={onSubmit} noValidate>
          <SelectField
            label={t('newCase.system')}
            value={systemId}
            onChange={(e) => setAiSystemId(e.target.value)}
            required
          >
            {systems.data.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name} ({s.vendor})
              </option>
            ))}
          </SelectField>
          <SelectField
            label={t('newCase.council')}
            hint={t('newCase.councilHint')}
            value={councilId}
            onChange={(e) => setWorksCouncilId(e.target.value)}
            required
          >
            {councils.data.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </SelectField>
          <TextField
            label={t('newCase.caseTitle')}
            name="title"
            required
            maxLength={300}
            value={title}
            onChange={(e) => setTitle(e.target.value)}
          />
          <fieldset>
            <legend>{t('newCase.request')}</legend>
            <p className="hint">{t('newCase.requestHint')}</p>
            {CONTENT_FIELDS.map((field) => (
              <TextArea
                key={field}
                label={t(`contents.${field}`)}
                name={field}
                value={contents[field] ?? ''}
                onChange={(e) => setContents((c) => ({ ...c, [field]: e.target.value }))}
              />
            ))}
            <TextField
              label={t('contents.proposedDecisionDate')}
              type="date"
              name="proposedDecisionDate"
              value={proposedDecisionDate}
              onChange={(e) => setProposedDecisionDate(e.target.value)}
            />
          </fieldset>
          <ErrorAlert error={create.error} />
          <button
            type="submit"
            className="button button-primary"
            disabled={create.busy || !title.trim()}
          >
            {t('newCase.create')}
          </button>
        </form>
      )}
    </>
  );
}
