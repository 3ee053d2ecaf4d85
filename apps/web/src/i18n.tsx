import { IntlMessageFormat } from 'intl-messageformat';
import { createContext, type ReactNode, useContext, useMemo } from 'react';

import type { ApiError } from './api/client';
import { formatDateTime, formatDay, type Language } from './format';
import { en } from './messages/en';
import { type MessageKey, nl } from './messages/nl';

/**
 * Dutch (default) and English. The user's choice is stored on the account (PATCH /auth/me);
 * dates are always shown in Europe/Amsterdam.
 */
const catalogues: Record<Language, Record<MessageKey, string>> = { nl, en };

export interface I18n {
  lang: Language;
  t: (key: MessageKey, vars?: Record<string, string | number>, fallback?: string) => string;
  /** A label for an enum value (`stage`, `screening`), falling back to the value made readable. */
  label: (group: string, value: string) => string;
  day: (day: string | null | undefined) => string;
  dateTime: (iso: string | null | undefined) => string;
  problem: (error: ApiError) => string;
}

const I18nContext = createContext<I18n | null>(null);

/** ICU messages (plurals, selects) are compiled once per text and language. */
const compiled = new Map<string, IntlMessageFormat>();

function interpolate(
  text: string,
  vars: Record<string, string | number> = {},
  lang: Language = 'nl',
): string {
  if (/\{\w+, (plural|select)/.test(text)) {
    const key = `${lang}\u0000${text}`;
    let format = compiled.get(key);
    if (!format) {
      format = new IntlMessageFormat(text, lang);
      compiled.set(key, format);
    }
    return String(format.format(vars));
  }
  return text.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in vars ? String(vars[name]) : whole,
  );
}

export function createI18n(lang: Language): I18n {
  const messages = catalogues[lang];
  const lookup = (key: string): string | undefined => (messages as Record<string, string>)[key];
  return {
    lang,
    t: (key, vars, fallback) => interpolate(lookup(key) ?? fallback ?? key, vars, lang),
    label: (group, value) =>
      lookup(`${group}.${value}`) ??
      value.replace(/_/g, ' ').replace(/^\w/, (c) => c.toUpperCase()),
    day: (value) => formatDay(value, lang),
    dateTime: (value) => formatDateTime(value, lang),
    problem: (error) => {
      const known = lookup(`problem.${error.code}`);
      if (known) {
        return known;
      }
      if (error.status === 0) {
        return messages['error.network'];
      }
      // Every code of errors.ts has a text (test/message-catalogue): the server's English
      // `detail` is never shown, whatever the reader's language.
      return interpolate(messages['error.status'], { status: error.status });
    },
  };
}

export function I18nProvider({ language, children }: { language: Language; children: ReactNode }) {
  const value = useMemo(() => createI18n(language), [language]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const i18n = useContext(I18nContext);
  if (!i18n) {
    throw new Error('I18nProvider missing');
  }
  return i18n;
}
