import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';

import { freePort } from '@wc/testing';

export interface ProviderAccount {
  sub: string;
  email: string;
  groups?: string[];
}

/**
 * A real OpenID provider for the tests (test/support/oidc-provider-process.mjs, oidc-provider in its own
 * process), with one confidential client registered for Overleg's redirect URI.
 */
export class TestOpenIdProvider {
  private constructor(
    readonly issuer: string,
    private readonly redirectUri: string,
    private readonly child: ChildProcess,
  ) {}

  /** `host` lets a test make the provider call itself by another name than the one configured. */
  static async start(client: {
    clientId: string;
    clientSecret: string;
    redirectUri: string;
    host?: string;
  }): Promise<TestOpenIdProvider> {
    const port = await freePort();
    const issuer = `http://${client.host ?? '127.0.0.1'}:${port}`;
    const child = spawn(process.execPath, [join(__dirname, 'oidc-provider-process.mjs')], {
      env: {
        ...process.env,
        NODE_ENV: 'test',
        OIDC_PORT: String(port),
        OIDC_ISSUER: issuer,
        OIDC_CLIENT: JSON.stringify({
          client_id: client.clientId,
          client_secret: client.clientSecret,
          redirect_uris: [client.redirectUri],
          grant_types: ['authorization_code'],
          response_types: ['code'],
          token_endpoint_auth_method: 'client_secret_basic',
        }),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let errors = '';
    child.stderr?.on('data', (chunk: Buffer) => (errors += chunk.toString()));
    await new Promise<void>((resolve, reject) => {
      child.stdout?.on('data', (chunk: Buffer) => {
        if (chunk.toString().includes('listening')) {
          resolve();
        }
      });
      child.once('exit', (code) => reject(new Error(`provider exited (${code}): ${errors}`)));
    });
    return new TestOpenIdProvider(issuer, client.redirectUri, child);
  }

  /**
   * Follows the browser's way through the provider (cookies included) as `account`, and returns
   * where it sends the browser back to: the redirect URI with `code`, `state` and `iss`.
   */
  async signIn(authorizationUrl: string, account: ProviderAccount): Promise<URL> {
    const cookies = new Map<string, string>();
    let url = new URL(authorizationUrl);
    for (let step = 0; step < 10; step++) {
      const res = await fetch(url, {
        redirect: 'manual',
        headers: { cookie: [...cookies].map(([k, v]) => `${k}=${v}`).join('; ') },
      });
      for (const header of res.headers.getSetCookie()) {
        const [pair] = header.split(';');
        const at = pair.indexOf('=');
        const value = pair.slice(at + 1);
        if (value) {
          cookies.set(pair.slice(0, at), value);
        } else {
          cookies.delete(pair.slice(0, at));
        }
      }
      const location = res.headers.get('location');
      if (!location) {
        throw new Error(`the provider answered ${res.status}: ${await res.text()}`);
      }
      url = new URL(location, url);
      if (url.href.startsWith(this.redirectUri)) {
        return url;
      }
      if (url.pathname.startsWith('/interaction/')) {
        url.searchParams.set('sub', account.sub);
        url.searchParams.set('email', account.email);
        url.searchParams.set('groups', (account.groups ?? []).join(','));
      }
    }
    throw new Error('the provider never sent the browser back');
  }

  async stop(): Promise<void> {
    if (this.child.exitCode !== null) {
      return;
    }
    const exited = new Promise((resolve) => this.child.once('exit', resolve));
    this.child.kill();
    await exited;
  }
}
