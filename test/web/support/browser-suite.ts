import type { Browser } from 'playwright-core';

import type { GivenOrganisation } from '@wc/testing';

import { startTestApp, type TestApp } from '../../support/test-app';
import { launchBrowser, prepareWebApp, signIn, type UserPage } from './browser';

export interface BrowserSuite {
  /** The API serving the built web app, on its FakeClock. */
  readonly t: TestApp;
  readonly browser: Browser;
  /** The organisation the suite's tests act in. */
  readonly org: GivenOrganisation;
  /** `signIn` on the suite's browser and clock; the page's uncaught errors fail the test. */
  signIn(
    user: { email: string; password: string },
    options?: { viewport?: { width: number; height: number } },
  ): Promise<UserPage>;
}

/**
 * The set-up of a browser spec, called at the top of its `describe`: the web build, the API and
 * Chromium (started side by side), one organisation, and after each test a failure for any
 * uncaught error in a page the suite signed in. The fields are there from `beforeAll` on.
 */
export function browserSuite(organisationName?: string): BrowserSuite {
  const pages: UserPage[] = [];
  let t: TestApp | undefined;
  let browser: Browser | undefined;
  let org: GivenOrganisation | undefined;
  const ready = <T>(value: T | undefined, name: string): T => {
    if (value === undefined) {
      throw new Error(`browserSuite: ${name} is there from beforeAll on`);
    }
    return value;
  };

  beforeAll(async () => {
    prepareWebApp();
    [t, browser] = await Promise.all([startTestApp(), launchBrowser()]);
    org = await t.given.organisation(organisationName);
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  afterEach(() => {
    const errors = pages.flatMap((p) => p.errors.splice(0));
    if (errors.length > 0) {
      throw new Error(`uncaught errors in the app:\n${errors.join('\n')}`);
    }
  });

  return {
    get t() {
      return ready(t, 't');
    },
    get browser() {
      return ready(browser, 'browser');
    },
    get org() {
      return ready(org, 'org');
    },
    async signIn(user, { viewport } = {}) {
      const app = ready(t, 't');
      const page = await signIn(ready(browser, 'browser'), app.url, user, {
        now: app.clock.now(),
        viewport,
      });
      pages.push(page);
      return page;
    },
  };
}
