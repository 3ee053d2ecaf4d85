import { useState } from 'react';
import { type FieldPath, useForm } from 'react-hook-form';

import type { Schemas } from '../api/client';
import { useI18n } from '../i18n';
import { ErrorSummary, fieldId, serverFieldErrors, summaryOf } from './form';
import { ErrorAlert, SelectField, TextArea, TextField } from './ui';

type Letter = Schemas['LetterResponse'];
type Definition = Schemas['LetterFieldDefinitionResponse'];
export type LetterFieldValues = NonNullable<Letter['fields']>;

/** Every field as the form holds it: text; yes/no as 'yes' | 'no' | ''; a list one per line. */
interface FormValues {
  body: string;
  fields: Record<string, string>;
}

const MONEY = /^\d{1,9}([.,]\d{1,2})?$/;

function toFormValue(definition: Definition, value: unknown): string {
  if (value === undefined || value === null) {
    return '';
  }
  switch (definition.type) {
    case 'yes_no':
      return value ? 'yes' : 'no';
    case 'list':
      return (value as string[]).join('\n');
    case 'money':
      return ((value as number) / 100).toFixed(2);
    default:
      return typeof value === 'string' ? value : '';
  }
}

/** The form's text back to the API's fields; an empty field is left out (not yet filled in). */
function toFields(definitions: readonly Definition[], values: Record<string, string>) {
  const fields: Record<string, unknown> = {};
  for (const d of definitions) {
    const raw = (values[d.name] ?? '').trim();
    if (raw === '') {
      continue;
    }
    switch (d.type) {
      case 'yes_no':
        fields[d.name] = raw === 'yes';
        break;
      case 'list':
        fields[d.name] = raw
          .split('\n')
          .map((line) => line.trim())
          .filter(Boolean);
        break;
      case 'money':
        fields[d.name] = Math.round(Number(raw.replace(',', '.')) * 100);
        break;
      default:
        fields[d.name] = raw;
    }
  }
  return fields as LetterFieldValues;
}

/**
 * Issue #22: a letter's own text and fields, as a form built from the kind's field definitions
 * (the server's, with their Dutch and English labels). A draft may be saved incomplete: what a
 * sign-off still needs is marked here and listed by the server as `missing`.
 */
export function LetterForm({
  letter,
  onSave,
  busy,
  error,
}: {
  letter: Letter;
  onSave: (values: { body: string; fields?: LetterFieldValues }) => Promise<unknown>;
  busy: boolean;
  error: unknown;
}) {
  const i18n = useI18n();
  const { t, lang } = i18n;
  const definitions = letter.fieldDefinitions;
  const formName = `letter-${letter.id}`;
  const current = letter.fields as Record<string, unknown>;
  const form = useForm<FormValues>({
    defaultValues: {
      body: letter.body,
      fields: Object.fromEntries(definitions.map((d) => [d.name, toFormValue(d, current[d.name])])),
    },
    shouldFocusError: false,
  });
  const [attempt, setAttempt] = useState(0);
  const { errors } = form.formState;
  const order = ['body', ...definitions.map((d) => `fields.${d.name}`)];
  const items = summaryOf(formName, errors, order);
  const id = (path: string) => fieldId(formName, path);

  const onSubmit = form.handleSubmit(
    async (values) => {
      try {
        await onSave({
          body: values.body,
          ...(definitions.length > 0 ? { fields: toFields(definitions, values.fields) } : {}),
        });
      } catch (failure) {
        // The server's field errors go to their fields; the rest shows below the form.
        const problems = serverFieldErrors(i18n, failure);
        for (const { path, message } of problems) {
          form.setError(path as FieldPath<FormValues>, { type: 'server', message });
        }
        if (problems.length > 0) {
          setAttempt((n) => n + 1);
        }
      }
    },
    () => setAttempt((n) => n + 1),
  );

  const hintOf = (d: Definition) =>
    [
      d.hint?.[lang],
      d.type === 'list' ? t('letters.listHint') : '',
      d.required ? t('letters.requiredForSignOff') : '',
    ]
      .filter(Boolean)
      .join(' ') || undefined;

  return (
    <form className="form letter-form" onSubmit={(e) => void onSubmit(e)} noValidate>
      <ErrorSummary items={items} attempt={attempt} />
      <TextArea
        id={id('body')}
        label={t('letters.body')}
        rows={6}
        error={errors.body?.message}
        {...form.register('body', {
          maxLength: { value: 50000, message: t('field.maxLength', { limit: 50000 }) },
        })}
      />
      {definitions.length === 0 ? (
        <p className="hint">{t('letters.fromCase')}</p>
      ) : (
        <fieldset>
          <legend>{t('letters.fields')}</legend>
          <p className="hint">{t('letters.fieldsHint')}</p>
          {definitions.map((d) => (
            <LetterField
              key={d.name}
              definition={d}
              id={id(`fields.${d.name}`)}
              hint={hintOf(d)}
              error={errors.fields?.[d.name]?.message}
              register={form.register}
            />
          ))}
        </fieldset>
      )}
      {error !== undefined && items.length === 0 && <ErrorAlert error={error} />}
      <button type="submit" className="button button-primary" aria-busy={busy || undefined}>
        {t('letters.save')}
      </button>
    </form>
  );
}

function LetterField({
  definition: d,
  id,
  hint,
  error,
  register,
}: {
  definition: Definition;
  id: string;
  hint: string | undefined;
  error: string | undefined;
  register: ReturnType<typeof useForm<FormValues>>['register'];
}) {
  const { t, lang } = useI18n();
  const name = `fields.${d.name}` as const;
  const label = d.label[lang];
  switch (d.type) {
    case 'textarea':
    case 'list':
      return (
        <TextArea
          id={id}
          label={label}
          hint={hint}
          error={error}
          rows={d.type === 'list' ? 4 : 3}
          {...register(name)}
        />
      );
    case 'choice':
      return (
        <SelectField id={id} label={label} hint={hint} error={error} {...register(name)}>
          <option value="">{t('letters.choose')}</option>
          {d.options?.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label[lang]}
            </option>
          ))}
        </SelectField>
      );
    case 'yes_no':
      return (
        <SelectField id={id} label={label} hint={hint} error={error} {...register(name)}>
          <option value="">{t('letters.choose')}</option>
          <option value="yes">{t('common.yes')}</option>
          <option value="no">{t('common.no')}</option>
        </SelectField>
      );
    case 'money':
      return (
        <TextField
          id={id}
          label={label}
          hint={hint}
          error={error}
          inputMode="decimal"
          {...register(name, {
            validate: (v) => v.trim() === '' || MONEY.test(v.trim()) || t('letters.moneyInvalid'),
          })}
        />
      );
    case 'date':
      return (
        <TextField
          id={id}
          label={label}
          hint={hint}
          error={error}
          type="date"
          {...register(name)}
        />
      );
    default:
      return <TextField id={id} label={label} hint={hint} error={error} {...register(name)} />;
  }
}
