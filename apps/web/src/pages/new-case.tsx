import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { type FieldPath, useForm } from 'react-hook-form';

import { allPages, api, unwrap } from '../api/client';
import { ErrorSummary, fieldId, serverFieldErrors, summaryOf } from '../components/form';
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

export const CONTENT_FIELDS = [
  'intendedDecision',
  'grounds',
  'reasons',
  'consequencesForStaff',
  'measures',
  'alternatives',
  'planning',
  'regelingText',
] as const;
export type ContentField = (typeof CONTENT_FIELDS)[number];

interface NewCaseValues {
  aiSystemId: string;
  worksCouncilId: string;
  title: string;
  contents: Record<ContentField, string> & { proposedDecisionDate: string };
}

const FORM = 'new-case';

/**
 * Filing a case, step 1: the system, the competent council and the written request (legal-rules
 * (b)1-2). Step 2, the triage questionnaire, follows on the case page. One react-hook-form form:
 * each error at its field (`aria-invalid`, `aria-describedby`) and in a summary that takes focus.
 */
export function NewCasePage({ aiSystemId: preselected }: { aiSystemId?: string }) {
  const i18n = useI18n();
  const { t } = i18n;
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
  if (!systems.data || !councils.data) {
    return systems.error || councils.error ? (
      <ErrorAlert error={systems.error ?? councils.error} />
    ) : (
      <Loading />
    );
  }
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
        <NewCaseForm systems={systems.data} councils={councils.data} preselected={preselected} />
      )}
    </>
  );
}

function NewCaseForm({
  systems,
  councils,
  preselected,
}: {
  systems: Array<{ id: string; name: string; vendor: string }>;
  councils: Array<{ id: string; name: string }>;
  preselected: string | undefined;
}) {
  const i18n = useI18n();
  const { t } = i18n;
  const form = useForm<NewCaseValues>({
    defaultValues: {
      aiSystemId: preselected ?? systems[0]?.id ?? '',
      worksCouncilId: councils[0]?.id ?? '',
      title: '',
      contents: {
        ...(Object.fromEntries(CONTENT_FIELDS.map((f) => [f, ''])) as Record<ContentField, string>),
        proposedDecisionDate: '',
      },
    },
    shouldFocusError: false,
  });
  const [attempt, setAttempt] = useState(0);
  const { errors } = form.formState;

  const create = useMutation(async (values: NewCaseValues) => {
    const { proposedDecisionDate, ...texts } = values.contents;
    const filled = Object.fromEntries(Object.entries(texts).filter(([, v]) => v.trim()));
    const created = await unwrap(
      api.POST('/cases', {
        body: {
          aiSystemId: values.aiSystemId,
          worksCouncilId: values.worksCouncilId,
          title: values.title.trim(),
          contents: { ...filled, ...(proposedDecisionDate ? { proposedDecisionDate } : {}) },
        },
      }),
    ).catch((error: unknown) => {
      // The server's field errors go to their fields; the rest shows above the button.
      const fields = serverFieldErrors(i18n, error);
      for (const { path, message } of fields) {
        form.setError(path as FieldPath<NewCaseValues>, { type: 'server', message });
      }
      if (fields.length > 0) {
        setAttempt((n) => n + 1);
      }
      throw error;
    });
    navigate(`/cases/${created.id}/triage`);
  });

  const order = [
    'aiSystemId',
    'worksCouncilId',
    'title',
    ...CONTENT_FIELDS.map((f) => `contents.${f}`),
    'contents.proposedDecisionDate',
  ];
  const items = summaryOf(FORM, errors, order);
  const onSubmit = form.handleSubmit(
    (values) => void create.submit(values),
    () => setAttempt((n) => n + 1),
  );
  const maxLength = (limit: number) => ({
    value: limit,
    message: t('field.maxLength', { limit }),
  });

  return (
    <form className="card form" onSubmit={(e) => void onSubmit(e)} noValidate>
      <ErrorSummary items={items} attempt={attempt} />
      <p className="hint">{t('filing.newCaseChecklist')}</p>
      <SelectField
        id={fieldId(FORM, 'aiSystemId')}
        label={t('newCase.system')}
        error={errors.aiSystemId?.message}
        {...form.register('aiSystemId', { required: t('field.chooseSystem') })}
      >
        {systems.map((s) => (
          <option key={s.id} value={s.id}>
            {s.name} ({s.vendor})
          </option>
        ))}
      </SelectField>
      <SelectField
        id={fieldId(FORM, 'worksCouncilId')}
        label={t('newCase.council')}
        hint={t('newCase.councilHint')}
        error={errors.worksCouncilId?.message}
        {...form.register('worksCouncilId', { required: t('field.chooseCouncil') })}
      >
        {councils.map((c) => (
          <option key={c.id} value={c.id}>
            {c.name}
          </option>
        ))}
      </SelectField>
      <TextField
        id={fieldId(FORM, 'title')}
        label={t('newCase.caseTitle')}
        hint={t('filing.titleHint')}
        error={errors.title?.message}
        {...form.register('title', {
          validate: (v) => v.trim().length > 0 || t('field.titleRequired'),
          maxLength: maxLength(300),
        })}
      />
      <fieldset>
        <legend>{t('newCase.request')}</legend>
        <p className="hint">{t('newCase.requestHint')}</p>
        {CONTENT_FIELDS.map((field) => (
          <TextArea
            key={field}
            id={fieldId(FORM, `contents.${field}`)}
            label={t(`contents.${field}`)}
            error={errors.contents?.[field]?.message}
            {...form.register(`contents.${field}`, {
              maxLength: maxLength(
                field === 'regelingText'
                  ? 50000
                  : field === 'grounds' || field === 'planning'
                    ? 5000
                    : 20000,
              ),
            })}
          />
        ))}
        <TextField
          id={fieldId(FORM, 'contents.proposedDecisionDate')}
          label={t('contents.proposedDecisionDate')}
          type="date"
          error={errors.contents?.proposedDecisionDate?.message}
          {...form.register('contents.proposedDecisionDate')}
        />
      </fieldset>
      {create.error !== undefined && items.length === 0 && <ErrorAlert error={create.error} />}
      <button type="submit" className="button button-primary" aria-busy={create.busy || undefined}>
        {t('newCase.create')}
      </button>
    </form>
  );
}
