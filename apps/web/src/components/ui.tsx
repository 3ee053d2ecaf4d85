import { useMutation as useQueryMutation } from '@tanstack/react-query';
import {
  type ButtonHTMLAttributes,
  type InputHTMLAttributes,
  type ReactNode,
  type Ref,
  type SelectHTMLAttributes,
  type TextareaHTMLAttributes,
  useCallback,
  useId,
} from 'react';

import { ApiError } from '../api/client';
import { useI18n } from '../i18n';
import type { MessageKey } from '../messages/nl';
import { fieldMessage } from './form';

export function PageHeader({
  title,
  children,
  lead,
}: {
  title: ReactNode;
  children?: ReactNode;
  lead?: ReactNode;
}) {
  return (
    <header className="page-header">
      <div>
        <h1 tabIndex={-1} id="page-title">
          {title}
        </h1>
        {lead && <p className="lead">{lead}</p>}
      </div>
      {children && <div className="page-actions">{children}</div>}
    </header>
  );
}

export function Loading() {
  const { t } = useI18n();
  return (
    <p className="loading" role="status">
      {t('common.loading')}
    </p>
  );
}

export function ErrorAlert({ error }: { error: unknown }) {
  const { t, problem, label, day } = useI18n();
  if (!error) {
    return null;
  }
  const apiError = error instanceof ApiError ? error : null;
  const body = apiError?.body ?? {};
  // case.date_before_event names the event the date contradicts; ai_system.go_live_blocked the open gate conditions per case.
  const blocked = Array.isArray(body.cases)
    ? (body.cases as Array<{ caseId: string; openConditions: string[] }>)
    : [];
  return (
    <div className="alert alert-error" role="alert">
      <p>{apiError ? problem(apiError) : t('error.unexpected')}</p>
      {typeof body.event === 'string' && typeof body.eventDate === 'string' && (
        <p data-event={body.event}>
          {t('problem.case.dateBeforeEventDetail', {
            event: label('caseEvent', body.event),
            eventDate: day(body.eventDate),
          })}
        </p>
      )}
      {blocked.map((b) => (
        <div key={b.caseId} data-blocked-case={b.caseId}>
          <p>{t('problem.ai_system.blockedCase', { caseId: b.caseId.slice(0, 8) })}</p>
          <ul>
            {b.openConditions.map((key) => (
              <li key={key}>{label('gate', key)}</li>
            ))}
          </ul>
        </div>
      ))}
      {apiError && apiError.errors.length > 0 && (
        <ul>
          {apiError.errors.map((e) => (
            <li key={`${e.path}:${e.message}`} data-field={e.path}>
              {/* A field without a name in the catalogue shows its message alone, never its path. */}
              {[t(`fieldName.${e.path}` as MessageKey, {}, ''), fieldMessage({ t }, e)]
                .filter(Boolean)
                .join(': ')}
            </li>
          ))}
        </ul>
      )}
      {apiError && Array.isArray(apiError.body.missing) && (
        <ul>
          {(apiError.body.missing as unknown[]).map((m) => (
            <li key={String(m)} data-missing={String(m)}>
              {label('missing', String(m).split(':').pop() ?? String(m))}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

interface FieldProps {
  label: ReactNode;
  hint?: ReactNode;
  error?: string;
}

function FieldShell({
  id,
  label,
  hint,
  error,
  children,
}: FieldProps & { id: string; children: ReactNode }) {
  return (
    <div className={`field${error ? ' field-invalid' : ''}`}>
      <label htmlFor={id}>{label}</label>
      {hint && (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {children}
      {error && (
        <p className="field-error" id={`${id}-error`}>
          {error}
        </p>
      )}
    </div>
  );
}

function describedBy(id: string, { hint, error }: FieldProps): string | undefined {
  const ids = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return ids || undefined;
}

export function TextField({
  label,
  hint,
  error,
  id: givenId,
  ...input
}: FieldProps & InputHTMLAttributes<HTMLInputElement> & { ref?: Ref<HTMLInputElement> }) {
  const generated = useId();
  const id = givenId ?? generated;
  return (
    <FieldShell id={id} label={label} hint={hint} error={error}>
      <input
        id={id}
        aria-describedby={describedBy(id, { label, hint, error })}
        aria-invalid={error ? true : undefined}
        {...input}
      />
    </FieldShell>
  );
}

export function TextArea({
  label,
  hint,
  error,
  id: givenId,
  ...input
}: FieldProps & TextareaHTMLAttributes<HTMLTextAreaElement> & { ref?: Ref<HTMLTextAreaElement> }) {
  const generated = useId();
  const id = givenId ?? generated;
  return (
    <FieldShell id={id} label={label} hint={hint} error={error}>
      <textarea
        id={id}
        rows={3}
        aria-describedby={describedBy(id, { label, hint, error })}
        aria-invalid={error ? true : undefined}
        {...input}
      />
    </FieldShell>
  );
}

export function SelectField({
  label,
  hint,
  error,
  children,
  id: givenId,
  ...select
}: FieldProps & SelectHTMLAttributes<HTMLSelectElement> & { ref?: Ref<HTMLSelectElement> }) {
  const generated = useId();
  const id = givenId ?? generated;
  return (
    <FieldShell id={id} label={label} hint={hint} error={error}>
      <select
        id={id}
        aria-describedby={describedBy(id, { label, hint, error })}
        aria-invalid={error ? true : undefined}
        {...select}
      >
        {children}
      </select>
    </FieldShell>
  );
}

export function Checkbox({
  label,
  hint,
  ...input
}: { label: ReactNode; hint?: ReactNode } & InputHTMLAttributes<HTMLInputElement>) {
  const id = useId();
  return (
    <div className="checkbox">
      <input
        type="checkbox"
        id={id}
        aria-describedby={hint ? `${id}-hint` : undefined}
        {...input}
      />
      <label htmlFor={id}>{label}</label>
      {hint && (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
    </div>
  );
}

/**
 * Yes/no as two radio buttons in a fieldset: explicit answers, no unchecked-means-no ambiguity.
 * With an `error`, both buttons are marked invalid and described by it; `id` is the first
 * button's, for the error summary's link.
 */
export function YesNo({
  legend,
  hint,
  error,
  value,
  onChange,
  onBlur,
  name,
  id: givenId,
}: {
  legend: ReactNode;
  hint?: ReactNode;
  error?: string;
  value: boolean | undefined;
  onChange: (value: boolean) => void;
  onBlur?: () => void;
  name: string;
  id?: string;
}) {
  const { t } = useI18n();
  const generated = useId();
  const id = givenId ?? generated;
  const described = describedBy(id, { label: legend, hint, error });
  return (
    <fieldset
      className={`yes-no${error ? ' field-invalid' : ''}`}
      aria-describedby={hint ? `${id}-hint` : undefined}
    >
      <legend>{legend}</legend>
      {hint && (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      <div className="yes-no-options">
        {[true, false].map((option) => (
          <label key={String(option)}>
            <input
              type="radio"
              id={option ? id : `${id}-no`}
              name={name}
              checked={value === option}
              onChange={() => onChange(option)}
              onBlur={onBlur}
              aria-invalid={error ? true : undefined}
              aria-describedby={error ? described : undefined}
            />{' '}
            {option ? t('common.yes') : t('common.no')}
          </label>
        ))}
      </div>
      {error && (
        <p className="field-error" id={`${id}-error`}>
          {error}
        </p>
      )}
    </fieldset>
  );
}

export function Button({
  variant = 'primary',
  busy,
  children,
  ...rest
}: {
  variant?: 'primary' | 'secondary' | 'danger' | 'link';
  busy?: boolean;
} & ButtonHTMLAttributes<HTMLButtonElement>) {
  return (
    <button
      type="button"
      className={`button button-${variant}`}
      aria-busy={busy || undefined}
      disabled={busy || rest.disabled}
      {...rest}
    >
      {children}
    </button>
  );
}

export function Badge({
  tone = 'neutral',
  children,
}: {
  tone?: 'neutral' | 'ok' | 'warn' | 'danger' | 'info';
  children: ReactNode;
}) {
  return <span className={`badge badge-${tone}`}>{children}</span>;
}

export function Empty({ children }: { children: ReactNode }) {
  return <p className="empty">{children}</p>;
}

/**
 * Runs a mutation through the query cache's `useMutation`, with the busy and error state a form
 * shows; `submit` answers undefined on failure (the error is shown, not thrown).
 */
export function useMutation<A extends unknown[], R>(
  run: (...args: A) => Promise<R>,
): {
  busy: boolean;
  error: unknown;
  submit: (...args: A) => Promise<R | undefined>;
  reset: () => void;
} {
  const mutation = useQueryMutation({ mutationFn: (args: A) => run(...args) });
  const { mutateAsync } = mutation;
  const submit = useCallback(
    (...args: A) => mutateAsync(args).catch((): undefined => undefined),
    [mutateAsync],
  );
  return {
    busy: mutation.isPending,
    error: mutation.error ?? undefined,
    submit,
    reset: mutation.reset,
  };
}

/** The button under a long list that fetches its next page (shown while there is one). */
export function MoreButton({
  list,
}: {
  list: { hasMore: boolean; loadingMore: boolean; more: () => void };
}) {
  const { t } = useI18n();
  return list.hasMore ? (
    <p className="more">
      <Button variant="secondary" busy={list.loadingMore} onClick={list.more} data-more="">
        {t('common.more')}
      </Button>
    </p>
  ) : null;
}
