import { Inject, Injectable, Logger } from '@nestjs/common';
// openid-client v6 ships ES modules only; Node (^20.19, ^22.12) loads it through require(esm),
// and Jest compiles it (jest.config.js ESM_ONLY).
import * as oidc from 'openid-client';

import { APP_CONFIG, type AppConfig } from '@wc/config';
import { DomainError, Unauthorized } from '@wc/core';

/** The organisation's identity provider could not be used: unreachable, or not the issuer configured. */
export class IdentityProviderFailed extends DomainError {
  readonly status = 502;
}

export interface ProviderSettings {
  issuer: string;
  clientId: string;
  clientSecret: string;
}

/** What the identity provider says about the person, from the verified ID token. */
export interface ProviderIdentity {
  subject: string;
  email: string | null;
  groups: string[];
}

export interface StartedAuthorization {
  authorizationUrl: string;
  state: string;
  nonce: string;
  codeVerifier: string;
}

/** The authorization-code flow with PKCE, state and nonce (openid-client), nothing else. */
@Injectable()
export class OpenIdClient {
  private readonly logger = new Logger(OpenIdClient.name);

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  async start(
    provider: ProviderSettings,
    redirectUri: string,
    loginHint: string,
  ): Promise<StartedAuthorization> {
    const configuration = await this.discover(provider);
    const codeVerifier = oidc.randomPKCECodeVerifier();
    const state = oidc.randomState();
    const nonce = oidc.randomNonce();
    const url = oidc.buildAuthorizationUrl(configuration, {
      redirect_uri: redirectUri,
      response_type: 'code',
      scope: 'openid email profile',
      code_challenge: await oidc.calculatePKCECodeChallenge(codeVerifier),
      code_challenge_method: 'S256',
      state,
      nonce,
      login_hint: loginHint,
    });
    return { authorizationUrl: url.href, state, nonce, codeVerifier };
  }

  /** Exchanges the code; the ID token's signature, issuer, audience and nonce are checked by openid-client. */
  async finish(
    provider: ProviderSettings,
    callbackUrl: URL,
    checks: { state: string; nonce: string; codeVerifier: string },
  ): Promise<ProviderIdentity> {
    const configuration = await this.discover(provider);
    let claims: oidc.IDToken | undefined;
    try {
      const tokens = await oidc.authorizationCodeGrant(configuration, callbackUrl, {
        pkceCodeVerifier: checks.codeVerifier,
        expectedState: checks.state,
        expectedNonce: checks.nonce,
        idTokenExpected: true,
      });
      claims = tokens.claims();
    } catch (error) {
      // A wrong or re-used code, a bad signature, another audience or nonce: all one answer.
      this.logger.warn({ err: error }, 'single sign-on: the code exchange was refused');
    }
    if (!claims) {
      throw new Unauthorized(
        'sso.sign_in_failed',
        'The sign-in at your organisation could not be completed; try again.',
      );
    }
    return {
      subject: claims.sub,
      email: emailOf(claims),
      groups: Array.isArray(claims.groups)
        ? claims.groups.filter((g): g is string => typeof g === 'string')
        : [],
    };
  }

  private async discover(provider: ProviderSettings): Promise<oidc.Configuration> {
    // Plain http only outside production: a local test provider, never a real one.
    const insecure = this.config.app.env !== 'production';
    try {
      return await oidc.discovery(
        new URL(provider.issuer),
        provider.clientId,
        provider.clientSecret,
        undefined,
        { execute: insecure ? [oidc.allowInsecureRequests] : [], timeout: 10 },
      );
    } catch (error) {
      this.logger.warn({ err: error }, 'single sign-on: discovery failed');
      const issuerMismatch =
        error instanceof oidc.ClientError &&
        (error.cause as { attribute?: string } | undefined)?.attribute === 'issuer';
      throw issuerMismatch
        ? new IdentityProviderFailed(
            'sso.issuer_mismatch',
            'The identity provider does not identify itself as the configured issuer.',
          )
        : new IdentityProviderFailed(
            'sso.provider_unavailable',
            "Your organisation's identity provider cannot be reached.",
          );
    }
  }
}

/**
 * The `email` claim; Entra ID often sends only `preferred_username` (the UPN, an address of the
 * tenant's own domain), accepted when it is one. The domain is checked against the
 * organisation's allowed domains afterwards either way.
 */
function emailOf(claims: oidc.IDToken): string | null {
  if (claims.email_verified === false) {
    return null;
  }
  for (const value of [claims.email, claims.preferred_username]) {
    if (typeof value === 'string' && /^[^@\s]+@[^@\s]+$/.test(value)) {
      return value.trim().toLowerCase();
    }
  }
  return null;
}
