import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import {
  type APIResponse,
  type Browser,
  type BrowserContext,
  chromium,
  type Page,
  type Route,
} from 'playwright-core';

import { FULL_CONTENTS } from '../../../libs/testing/src/case-answers';
import { ensureWebBuild } from '../../../scripts/build-web';
import { stringsOf } from '../../support/untranslated';
import { type ScreenWatch, watchScreens } from './visible-text';

/**
 * Browser tests drive Debian's Chromium (`apt-get install chromium`, see scripts/ensure-chromium.sh)
 * headless with playwright-core against the real API (startTestApp), which serves the built app.
 */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const SCREENSHOT_DIR = join(__dirname, '..', '..', '..', 'docs', 'screenshots');
/** `UPDATE_SCREENSHOTS=1` writes the README's screenshots; otherwise they go to a temp dir. */
const UPDATE_SCREENSHOTS = process.env.UPDATE_SCREENSHOTS === '1';

export function prepareWebApp(): void {
  ensureWebBuild({ quiet: true });
  if (!existsSync(CHROMIUM)) {
    // A fresh machine: install Debian's Chromium the way CI does (as root; says what to do otherwise).
    execFileSync('bash', [join(__dirname, '..', '..', '..', 'scripts', 'ensure-chromium.sh')], {
      stdio: 'inherit',
      env: { ...process.env, CHROMIUM_PATH: CHROMIUM },
    });
  }
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `Chromium not found at ${CHROMIUM}: run scripts/ensure-chromium.sh (apt-get install -y chromium) or set CHROMIUM_PATH.`,
    );
  }
}

/** The screen watches of this spec file's browser contexts (see `watchEveryScreen`). */
const watches = new Set<ScreenWatch>();

/**
 * Issue #18: every context of every browser a spec launches watches its screens for raw keys,
 * placeholders and (in Dutch) English, and each test fails on what its screens showed, without
 * the spec asking. What the test kit's fixtures hold is the users' text (FULL_CONTENTS is English).
 */
function watchEveryScreen(browser: Browser): Browser {
  const newContext = browser.newContext.bind(browser);
  browser.newContext = async (options) => {
    const context = await newContext(options);
    const watch = await watchScreens(context, stringsOf(FULL_CONTENTS));
    watches.add(watch);
    context.once('close', () => watches.delete(watch));
    return context;
  };
  return browser;
}

afterEach(async () => {
  const problems: string[] = [];
  for (const watch of watches) {
    await watch.flush();
    problems.push(...watch.problems.splice(0));
  }
  if (problems.length > 0) {
    throw new Error(`untranslated text on the screens of this test:\n${problems.join('\n')}`);
  }
});

export async function launchBrowser(): Promise<Browser> {
  // playwright-core gives every launch a fresh temporary profile (user data dir).
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
    ],
  });
  return watchEveryScreen(browser);
}

export interface UserPage {
  context: BrowserContext;
  page: Page;
  /** Uncaught errors in the page; a test ends by expecting none. */
  errors: string[];
}

/**
 * A signed-in user in their own browser context (own storage, own socket). The page's clock is
 * fixed to the server's FakeClock so "days left" and default dates agree with the server.
 */
export async function signIn(
  browser: Browser,
  baseUrl: string,
  user: { email: string; password: string },
  {
    now,
    viewport = { width: 1280, height: 900 },
  }: { now: Date; viewport?: { width: number; height: number } },
): Promise<UserPage> {
  const context = await browser.newContext({
    baseURL: baseUrl,
    viewport,
    locale: 'nl-NL',
    timezoneId: 'Europe/Amsterdam',
  });
  await context.clock.setFixedTime(now);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto('/');
  await page.getByLabel(/E-mailadres|E-mail address/).fill(user.email);
  await page.getByLabel(/^(Wachtwoord|Password)$/).fill(user.password);
  await page.getByRole('button', { name: /^(Inloggen|Log in)$/ }).click();
  await page.getByRole('heading', { level: 1, name: /Welkom|Welcome/ }).waitFor();
  return { context, page, errors };
}

let axeSource: string | undefined;

/** Runs axe-core on the page; fails on any violation of impact serious or critical. */
export async function expectNoSeriousA11yViolations(page: Page, screen: string): Promise<void> {
  axeSource ??= readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
  // Evaluated through the DevTools protocol, which the page's CSP does not govern.
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    // Runs in the page; the test's own compilation has no DOM types.
    const page = globalThis as unknown as {
      document: unknown;
      axe: {
        run: (
          ctx: unknown,
          opts: object,
        ) => Promise<{
          violations: Array<{
            id: string;
            impact: string | null;
            help: string;
            nodes: Array<{ target: unknown[]; failureSummary?: string }>;
          }>;
        }>;
      };
    };
    const result = await page.axe.run(page.document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes
        .slice(0, 3)
        .map((n) => `${JSON.stringify(n.target)} ${n.failureSummary ?? ''}`),
    }));
  });
  const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  if (serious.length > 0) {
    throw new Error(
      `axe: ${serious.length} serious/critical violations on ${screen}:\n${JSON.stringify(serious, null, 2)}`,
    );
  }
  await showInOtherLanguage(page);
}

/**
 * Issue #18: a screen a spec checks is also shown once in the other language, so the screen
 * watch reads it in Dutch and in English. The switch is the app's own button; its
 * `PATCH /auth/me` is answered here with the account as it is, so nothing is saved and the
 * account keeps its language for e-mails and later steps.
 */
async function showInOtherLanguage(page: Page): Promise<void> {
  const html = page.locator('html');
  const lang = ((await html.getAttribute('lang')) ?? 'nl').slice(0, 2);
  const other = lang === 'nl' ? 'en' : 'nl';
  const toggle = page.locator('button.language-switch').first();
  if (!(await toggle.isVisible().catch(() => false))) {
    return;
  }
  const unsaved = async (route: Route) => {
    if (route.request().method() !== 'PATCH') {
      return route.fallback();
    }
    const current = await fetchAccountAsItIs(route);
    const me = (await current.json()) as Record<string, unknown>;
    const language = (JSON.parse(route.request().postData() ?? '{}') as { language?: string })
      .language;
    return route.fulfill({ response: current, json: { ...me, language } });
  };
  await page.route('**/auth/me', unsaved);
  // Signed in, the switch saves the choice and the handler above answers it; every such PATCH
  // must be answered before the handler goes, however slow the machine (a handler removed while
  // it still waits on the server finds its route already handled). Signed out (a reset link, a
  // survey) nothing is saved.
  const signedIn = await page.evaluate<boolean>(
    "window.sessionStorage.getItem('overleg.session') !== null",
  );
  const switchTo = async (language: string) => {
    const saved = signedIn
      ? page.waitForResponse(
          (r) => r.request().method() === 'PATCH' && r.url().endsWith('/auth/me'),
        )
      : Promise.resolve(undefined);
    await page.locator('button.language-switch').first().click();
    await page.locator(`html[lang="${language}"]`).waitFor();
    await saved;
  };
  try {
    await switchTo(other);
    await page.waitForLoadState('networkidle').catch(() => undefined);
    for (const watch of watches) {
      await watch.flush();
    }
    await switchTo(lang);
  } finally {
    await page.unroute('**/auth/me', unsaved);
  }
}

/**
 * The signed-in account as the server has it, fetched with the intercepted PATCH's credentials
 * but as a GET without its body. Playwright's request client reuses kept-alive connections that
 * the server may close at the same moment (Node's keep-alive timeout), so a reset connection is
 * tried again on a new one.
 */
async function fetchAccountAsItIs(route: Route): Promise<APIResponse> {
  const headers = { ...route.request().headers() };
  delete headers['content-length'];
  delete headers['content-type'];
  for (let attempt = 1; ; attempt++) {
    try {
      return await route.fetch({ method: 'GET', headers, postData: '' });
    } catch (error) {
      if (attempt === 3 || !String(error).includes('ECONNRESET')) {
        throw error;
      }
    }
  }
}

/** A full-page screenshot: into docs/screenshots with UPDATE_SCREENSHOTS=1, else a temp dir. */
export async function screenshot(page: Page, name: string): Promise<string> {
  const dir = UPDATE_SCREENSHOTS ? SCREENSHOT_DIR : join(tmpdir(), 'overleg-screenshots');
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `${name}.png`);
  await page.screenshot({ path, fullPage: true, animations: 'disabled' });
  return path;
}

/**
 * The elements that stick out past the viewport's right edge, once the page has stopped loading
 * (content that arrives late, such as a triage outcome, must be measured too). Elements inside a
 * scroll container (the tab strip) do not count: they scroll, the page does not.
 */
export async function elementsWiderThanViewport(page: Page): Promise<string[]> {
  await page.waitForLoadState('networkidle');
  return page.evaluate(() => {
    interface Box {
      tagName: string;
      className: string;
      textContent: string | null;
      parentElement: Box | null;
      getBoundingClientRect(): { right: number };
    }
    const view = globalThis as unknown as {
      document: { documentElement: { clientWidth: number }; querySelectorAll(s: string): Box[] };
      getComputedStyle(element: Box): { overflowX: string };
    };
    const width = view.document.documentElement.clientWidth;
    const scrolls = (element: Box): boolean => {
      for (let a = element.parentElement; a; a = a.parentElement) {
        if (view.getComputedStyle(a).overflowX !== 'visible') {
          return true;
        }
      }
      return false;
    };
    return [...view.document.querySelectorAll('body *')]
      .filter((element) => element.getBoundingClientRect().right > width + 0.5 && !scrolls(element))
      .map(
        (element) =>
          `${element.tagName.toLowerCase()}.${element.className} "${(element.textContent ?? '').slice(0, 40)}"`,
      );
  });
}
