import type { Page } from 'playwright-core';

import { untranslated } from '../../support/untranslated';

export { untranslated };

/**
 * The raw-key and untranslated-text check of a screen (issue #18): the visible text in the page's
 * language, checked by test/support/untranslated.ts. Text in an element with another `lang` (the
 * language switch) is skipped.
 */
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
