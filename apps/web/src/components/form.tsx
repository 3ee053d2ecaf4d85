import { useEffect, useRef } from 'react';

import type { FieldProblem } from '@wc/contracts';

import { ApiError } from '../api/client';
import { type I18n, useI18n } from '../i18n';
import type { MessageKey } from '../messages/nl';

/** One field's error as the error summary lists it: the field's element id and the text. */
export interface SummaryItem {
  id: string;
  message: string;
}

/**
 * The text of one field problem in the reader's language: the catalogue's `field.<constraint>`
 * with the constraint's limit, else the generic "check this field". The server's English message
 * is never shown (issue #18).
 */
export function fieldMessage(i18n: Pick<I18n, 't'>, problem: FieldProblem): string {
  const limit = problem.args?.find((a) => typeof a === 'number');
  const key = `field.${problem.constraint ?? 'invalid'}` as MessageKey;
  const text = i18n.t(key, { limit: limit ?? 0 }, '');
  return text || i18n.t('field.invalid');
}

/**
 * A problem+json answer's field errors, by path (`title`, `contents.reasons`), first one per
 * field; a form puts each at its field with react-hook-form's `setError`.
 */
export function serverFieldErrors(
  i18n: Pick<I18n, 't'>,
  error: unknown,
): Array<{ path: string; message: string }> {
  if (!(error instanceof ApiError)) {
    return [];
  }
  const seen = new Set<string>();
  const result: Array<{ path: string; message: string }> = [];
  for (const problem of error.errors) {
    if (!seen.has(problem.path)) {
      seen.add(problem.path);
      result.push({ path: problem.path, message: fieldMessage(i18n, problem) });
    }
  }
  return result;
}

/** The element id of a form field, for `aria-describedby` and the error summary's links. */
export function fieldId(form: string, path: string): string {
  return `${form}-${path.replace(/[^A-Za-z0-9_-]/g, '-')}`;
}

/**
 * The error summary of the GOV.UK / NL Design System pattern: above the form, a heading and one
 * link per invalid field; it receives focus each time a submit fails, so a screen reader reads it
 * and a keyboard user jumps from it to the field.
 */
export function ErrorSummary({ items, attempt }: { items: SummaryItem[]; attempt: number }) {
  const { t } = useI18n();
  const ref = useRef<HTMLDivElement>(null);
  const shown = items.length > 0;
  useEffect(() => {
    if (shown && attempt > 0) {
      ref.current?.focus();
    }
  }, [attempt, shown]);
  if (!shown) {
    return null;
  }
  return (
    <div
      className="alert alert-error error-summary"
      role="alert"
      tabIndex={-1}
      ref={ref}
      aria-labelledby="error-summary-title"
      data-testid="error-summary"
    >
      <h2 id="error-summary-title">{t('form.summaryTitle')}</h2>
      <ul>
        {items.map((item) => (
          <li key={item.id}>
            <a
              href={`#${item.id}`}
              onClick={(event) => {
                event.preventDefault();
                document.getElementById(item.id)?.focus();
              }}
            >
              {item.message}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** The field errors of a react-hook-form form as the error summary lists them, in field order. */
export function summaryOf(form: string, errors: unknown, order: readonly string[]): SummaryItem[] {
  const flat: Array<{ path: string; message: string }> = [];
  const walk = (node: unknown, path: string) => {
    if (!node || typeof node !== 'object') {
      return;
    }
    const message = (node as { message?: unknown }).message;
    if (typeof message === 'string' && message) {
      flat.push({ path, message });
      return;
    }
    for (const [key, child] of Object.entries(node)) {
      if (key !== 'ref' && key !== 'type' && key !== 'types') {
        walk(child, path ? `${path}.${key}` : key);
      }
    }
  };
  walk(errors, '');
  const rank = (p: string) => (order.includes(p) ? order.indexOf(p) : order.length);
  return flat
    .sort((a, b) => rank(a.path) - rank(b.path))
    .map((e) => ({ id: fieldId(form, e.path), message: e.message }));
}
