import type { BrowserContext, Page } from 'playwright-core';

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

/**
 * Runs in every page before the app: records each text that appears (text nodes, and the labels
 * users hear: aria-label, title, placeholder) and hands them to the test in batches through the
 * `__overlegSaw` binding. Language and text are read when a batch is sent, after the app has set
 * `<html lang>` for a language switch.
 */
const RECORDER = `(() => {
  const pending = new Set();
  let timer = null;
  // Code (a webhook's event type, a role id to type) is an identifier shown as such, not prose.
  // What the user is typing (a textarea's text) is theirs.
  const skip = (el) =>
    !el || el.closest('script, style, noscript, template, code, kbd, samp, textarea');
  const langOf = (el) =>
    ((el && el.closest('[lang]') && el.closest('[lang]').getAttribute('lang')) ||
      document.documentElement.getAttribute('lang') || 'nl').slice(0, 2);
  const flush = () => {
    timer = null;
    const batch = [];
    for (const item of pending) {
      const el = item.nodeType === 3 ? item.parentElement : item;
      if (skip(el)) continue;
      const lang = langOf(el);
      if (item.nodeType === 3) {
        const text = String(item.textContent || '').trim();
        if (text) batch.push([lang, text]);
      }
      if (item.nodeType === 1) {
        for (const attr of ['aria-label', 'title', 'placeholder']) {
          const value = item.getAttribute(attr);
          if (value && !/^[0-9a-f]{8,}/.test(value)) batch.push([lang, value]);
        }
      }
    }
    pending.clear();
    if (batch.length > 0 && globalThis.__overlegSaw) globalThis.__overlegSaw(batch).catch(() => {});
  };
  const add = (node) => {
    if (node.nodeType === 3) pending.add(node);
    else if (node.nodeType === 1) {
      pending.add(node);
      const walker = document.createTreeWalker(node, 5 /* elements and text */);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) pending.add(n);
    }
    if (timer === null) timer = setTimeout(flush, 50);
  };
  globalThis.__overlegFlush = flush;
  const start = () => {
    add(document.body);
    new MutationObserver((mutations) => {
      for (const m of mutations) {
        if (m.type === 'childList') m.addedNodes.forEach(add);
        else if (m.type === 'characterData') add(m.target);
        else add(m.target);
      }
    }).observe(document.documentElement, {
      subtree: true,
      childList: true,
      characterData: true,
      attributes: true,
      attributeFilter: ['aria-label', 'title', 'placeholder'],
    });
  };
  // Only the app's own pages (its mount point): a sign-in provider's page is someone else's text.
  const startInApp = () => {
    if (document.getElementById('root')) start();
  };
  if (document.body) startInApp();
  else document.addEventListener('DOMContentLoaded', startInApp);
})();`;

/** What the pages of one browser context showed that looks untranslated, for the spec to fail on. */
export interface ScreenWatch {
  /** Sends what the pages hold back, so `problems` is complete. */
  flush(): Promise<void>;
  readonly problems: string[];
}

function stringLeaves(value: unknown, out: Set<string>): void {
  if (typeof value === 'string') {
    // Prose only: an enum value or key the page sends (`single_reviewer`) is no user's text, and
    // the screen must still not show it raw.
    if (value.trim().length > 1 && !/^[a-z][a-z0-9_.:-]*$/.test(value.trim())) {
      out.add(value.trim());
    }
  } else if (Array.isArray(value)) {
    value.forEach((v) => stringLeaves(v, out));
  } else if (value && typeof value === 'object') {
    Object.values(value).forEach((v) => stringLeaves(v, out));
  }
}

/**
 * Issue #18: every screen a browser test visits, in the language it is shown in, goes through the
 * untranslated-text check. What the test typed (the JSON bodies its pages send) and the test kit's
 * fixtures are the users' words and are not checked for English.
 */
export async function watchScreens(
  context: BrowserContext,
  fixtures: readonly string[],
): Promise<ScreenWatch> {
  const typed = new Set<string>(fixtures);
  const seen = new Set<string>();
  const problems: string[] = [];
  context.on('request', (request) => {
    const body = request.postData();
    if (body && ['POST', 'PUT', 'PATCH'].includes(request.method())) {
      try {
        stringLeaves(JSON.parse(body), typed);
      } catch {
        // Not JSON (an upload): nothing typed to remember.
      }
    }
  });
  await context.exposeBinding('__overlegSaw', (source, batch: Array<[string, string]>) => {
    for (const [lang, text] of batch) {
      const key = `${lang}\u0000${text}`;
      if (seen.has(key)) {
        continue;
      }
      seen.add(key);
      const where = source.page?.url().replace(/^https?:\/\/[^/]+/, '') ?? '?';
      // The test kit names its users after their role: "Test hr_manager".
      // completeDossier (test/support/case-fixtures.ts) answers each section "Uitwerking DPIA.a".
      const shown = text
        .replace(/\bTest [a-z]+(?:_[a-z]+)*\b/g, 'Test')
        .replace(/\bUitwerking [A-Z]+\.[a-z]\b/g, 'Uitwerking');
      for (const problem of untranslated([shown], lang === 'en' ? 'en' : 'nl', {
        userText: [...typed],
        words: 'screen',
      })) {
        problems.push(`${where} (${lang}): ${problem}`);
      }
    }
  });
  await context.addInitScript(RECORDER);
  return {
    problems,
    flush: async () => {
      for (const page of context.pages()) {
        await page
          .evaluate(() => (globalThis as { __overlegFlush?: () => void }).__overlegFlush?.())
          .catch(() => undefined);
      }
      // The binding's calls arrive asynchronously.
      await new Promise((resolve) => setTimeout(resolve, 20));
    },
  };
}
