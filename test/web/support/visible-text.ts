import type { Page } from 'playwright-core';

import { en } from '../../../apps/web/src/messages/en';
import { nl } from '../../../apps/web/src/messages/nl';

/**
 * The raw-key and untranslated-text check (issue #18): the visible text of a screen, in the page's
 * language, may show no catalogue key (`case.send`), no key made readable by a label fallback
 * (`Assessment.submitted`), no snake_case id (`regeling_text`) and, in Dutch mode, none of the
 * English words a missing translation or a raw server message brings (`must`, `characters`, …).
 * Text in an element with another `lang` (the language switch) and e-mail addresses are skipped.
 */
const KEYS = new Set(Object.keys(nl));
const KEY_GROUPS = new Set(Object.keys(nl).map((k) => k.split('.')[0].toLowerCase()));
/** English words that a Dutch screen never needs; each one found is a missing translation. */
const ENGLISH = [
  'the',
  'must',
  'should',
  'characters',
  'longer',
  'shorter',
  'required',
  'invalid',
  'submitted',
  'pending',
  'Save',
  'Submit',
  'Cancel',
  'Loading',
  'internal',
  'legal-rules',
  'SLA',
  'not found',
  'Status',
  'sent',
  'draft',
  'Request',
  'request',
  'with',
  'which',
];
/** Dutch catalogue texts that contain one of those words on purpose (legal names, product names). */
const ALLOWED_IN_DUTCH = Object.values(nl).join('\n');

export async function visibleText(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const doc = (globalThis as unknown as { document: any }).document;
    const lang = (doc.documentElement.getAttribute('lang') ?? 'nl').slice(0, 2);
    const walker = doc.createTreeWalker(doc.body, 4 /* NodeFilter.SHOW_TEXT */);
    const texts: string[] = [];
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const el = node.parentElement;
      if (!el || ['SCRIPT', 'STYLE', 'NOSCRIPT'].includes(el.tagName)) {
        continue;
      }
      const own = el.closest('[lang]')?.getAttribute('lang')?.slice(0, 2) ?? lang;
      if (own !== lang || !el.checkVisibility?.()) {
        continue;
      }
      const text = String(node.textContent ?? '').trim();
      if (text) {
        texts.push(text);
      }
    }
    // Accessible names the user hears: labels given as attributes.
    for (const el of doc.querySelectorAll('[aria-label], [title], [placeholder]')) {
      for (const attr of ['aria-label', 'title', 'placeholder']) {
        const value = el.getAttribute(attr);
        const own = el.closest('[lang]')?.getAttribute('lang')?.slice(0, 2) ?? lang;
        if (value && own === lang && !/^[0-9a-f]{8,}/.test(value)) {
          texts.push(value);
        }
      }
    }
    return texts;
  });
}

/** What on the screen looks untranslated; empty when the screen is clean. */
export function untranslated(texts: string[], lang: 'nl' | 'en'): string[] {
  const found: string[] = [];
  const catalogue = lang === 'nl' ? nl : en;
  void catalogue;
  for (const raw of texts) {
    // E-mail addresses, web addresses, file names and dates are data, not text.
    const text = raw
      .replace(/\S+@\S+/g, ' ')
      .replace(/\bhttps?:\/\/\S+/g, ' ')
      .replace(/\b[\w-]+\.(pdf|csv|txt|png|ics|docx|nl|com|test|org|eu)\b/gi, ' ');
    for (const match of text.matchAll(/\b([A-Za-z]+)\.([a-z][a-zA-Z_]+(?:\.[a-zA-Z_]+)*)\b/g)) {
      const token = match[0];
      if (KEYS.has(token) || KEY_GROUPS.has(match[1].toLowerCase()) || match[2].includes('_')) {
        found.push(`key-like "${token}" in "${raw}"`);
      }
    }
    for (const match of text.matchAll(/\b[a-z]+(?:_[a-z0-9]+)+\b/g)) {
      found.push(`snake_case "${match[0]}" in "${raw}"`);
    }
    if (lang === 'nl') {
      for (const word of ENGLISH) {
        const re = new RegExp(`(^|[^\\p{L}-])${word}(?=$|[^\\p{L}-])`, 'u');
        if (re.test(text) && !ALLOWED_IN_DUTCH.includes(raw)) {
          found.push(`English "${word}" in "${raw}"`);
        }
      }
    }
  }
  return [...new Set(found)];
}

/** Fails when the screen shows a raw key, a snake_case id or (in Dutch) an English word. */
export async function expectTranslated(page: Page, screen: string): Promise<void> {
  const lang = ((await page.evaluate(() =>
    (globalThis as unknown as { document: any }).document.documentElement.getAttribute('lang'),
  )) ?? 'nl') as string;
  const problems = untranslated(await visibleText(page), lang.startsWith('en') ? 'en' : 'nl');
  if (problems.length > 0) {
    throw new Error(`untranslated text on ${screen}:\n${problems.join('\n')}`);
  }
}
