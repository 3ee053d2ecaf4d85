import { createHash } from 'node:crypto';

import { Inject, Injectable, Logger } from '@nestjs/common';

import { AccountService, type Actor, assertAdminOf, AuthService, type TokenPair } from '@wc/auth';
import { APP_CONFIG, type AppConfig } from '@wc/config';
import {
  BadRequest,
  Clock,
  Conflict,
  Forbidden,
  NotFound,
  SecretBox,
  Unauthorized,
} from '@wc/core';
import { TransactionHost } from '@wc/database';

import type {
  SsoCallbackDto,
  SsoConnectionDto,
  SsoConnectionResponse,
  SsoStartResponse,
} from './dto/sso.dto';
import { OpenIdClient, type ProviderSettings } from './openid.client';
import type { SsoConnectionEntity } from './sso-connection.entity';
import { SsoRepository } from './sso.repository';

/** A started sign-in must come back within this time. */
const LOGIN_TTL_MS = 10 * 60 * 1000;

const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');
const domainOf = (email: string) => email.trim().toLowerCase().split('@').pop() ?? '';

/**
 * Single sign-on with each organisation's own OpenID Connect provider. The organisation is found
 * from the e-mail domain; the callback links to the account already there (invited) and issues the
 * platform's own tokens, as a password login does. Identity-provider groups give employer-side
 * roles only (AccountService.grantEmployerRoles).
 */
@Injectable()
export class SsoService {
  private readonly logger = new Logger(SsoService.name);
  private readonly box: SecretBox;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly tx: TransactionHost,
    private readonly repo: SsoRepository,
    private readonly openid: OpenIdClient,
    private readonly accounts: AccountService,
    private readonly auth: AuthService,
    private readonly clock: Clock,
  ) {
    this.box = new SecretBox(config.auth.jwtSecret, 'sso-client-secret');
  }

  get redirectUri(): string {
    return `${this.config.app.publicUrl}/sso/callback`;
  }

  async getConnection(actor: Actor, organisationId: string): Promise<SsoConnectionResponse> {
    assertAdminOf(actor, organisationId);
    const connection = await this.repo.findConnection(organisationId);
    return {
      configured: connection !== null,
      issuer: connection?.issuer ?? null,
      clientId: connection?.clientId ?? null,
      clientSecretSet: connection !== null,
      emailDomains: connection ? await this.repo.domainsOf(organisationId) : [],
      groupRoles: connection?.groupRoles ?? [],
      redirectUri: this.redirectUri,
    };
  }

  async saveConnection(
    actor: Actor,
    organisationId: string,
    dto: SsoConnectionDto,
  ): Promise<SsoConnectionResponse> {
    assertAdminOf(actor, organisationId);
    if (this.config.app.env === 'production' && !dto.issuer.startsWith('https://')) {
      throw new BadRequest('sso.issuer_not_https', 'The issuer must be an https address.', {}, [
        { path: 'issuer', message: 'must start with https://' },
      ]);
    }
    const domains = [...new Set(dto.emailDomains.map((d) => d.trim().toLowerCase()))];
    await this.tx.run(async () => {
      const existing = await this.repo.findConnection(organisationId);
      if (!existing && !dto.clientSecret) {
        throw new BadRequest(
          'sso.client_secret_required',
          'Enter the client secret the identity provider issued.',
          {},
          [{ path: 'clientSecret', message: 'is required the first time' }],
        );
      }
      const taken = await this.repo.domainsTakenElsewhere(organisationId, domains);
      if (taken.length > 0) {
        throw new Conflict(
          'sso.domain_taken',
          'Another organisation already signs in with this e-mail domain.',
          { domains: taken },
          [
            {
              path: 'emailDomains',
              message: `${taken.join(', ')} belongs to another organisation`,
            },
          ],
        );
      }
      await this.repo.saveConnection(
        {
          organisationId,
          issuer: dto.issuer,
          clientId: dto.clientId,
          clientSecret: dto.clientSecret
            ? this.box.seal(dto.clientSecret)
            : (existing?.clientSecret ?? ''),
          groupRoles: (dto.groupRoles ?? []).map(({ group, role }) => ({ group, role })),
        },
        domains,
      );
    });
    return this.getConnection(actor, organisationId);
  }

  async deleteConnection(actor: Actor, organisationId: string): Promise<void> {
    assertAdminOf(actor, organisationId);
    await this.repo.deleteConnection(organisationId);
  }

  /** The first step: which provider, and where to send the browser. */
  async start(email: string): Promise<SsoStartResponse> {
    const connection = await this.repo.connectionForDomain(domainOf(email));
    if (!connection) {
      throw new NotFound('sso_organisation');
    }
    const started = await this.openid.start(
      this.provider(connection),
      this.redirectUri,
      email.trim(),
    );
    await this.repo.insertLogin({
      stateHash: sha256(started.state),
      organisationId: connection.organisationId,
      codeVerifier: started.codeVerifier,
      nonce: started.nonce,
      expiresAt: new Date(this.clock.now().getTime() + LOGIN_TTL_MS),
    });
    return { authorizationUrl: started.authorizationUrl, state: started.state };
  }

  /** The provider's answer: checked, linked to the account, and the platform's own session. */
  async finish(dto: SsoCallbackDto): Promise<TokenPair> {
    const now = this.clock.now();
    // Used up before the provider is asked, so a state works once even when the exchange fails.
    const login = await this.tx.run(async () => {
      const row = await this.repo.findLoginForUpdate(sha256(dto.state));
      if (!row || row.usedAt || row.expiresAt <= now) {
        return null;
      }
      await this.repo.markLoginUsed(row.id, now);
      return row;
    });
    const connection = login && (await this.repo.findConnection(login.organisationId));
    if (!login || !connection) {
      throw new Unauthorized(
        'sso.sign_in_expired',
        'This sign-in is unknown, used or expired; start again.',
      );
    }
    const callbackUrl = new URL(this.redirectUri);
    for (const [name, value] of Object.entries(dto)) {
      if (typeof value === 'string') {
        callbackUrl.searchParams.set(name, value);
      }
    }
    const identity = await this.openid.finish(this.provider(connection), callbackUrl, {
      state: dto.state,
      nonce: login.nonce,
      codeVerifier: login.codeVerifier,
    });
    const domains = await this.repo.domainsOf(connection.organisationId);
    if (!identity.email || !domains.includes(domainOf(identity.email))) {
      throw new Forbidden(
        'sso.domain_not_allowed',
        "The identity provider's e-mail address is not of a domain this organisation signs in with.",
      );
    }
    const email = identity.email;
    const userId = await this.tx.run(async () => {
      const linked = await this.accounts.linkSsoAccount(
        connection.organisationId,
        identity.subject,
        email,
      );
      if (linked) {
        const groups = new Set(identity.groups);
        await this.accounts.grantEmployerRoles(
          linked,
          connection.groupRoles.filter((g) => groups.has(g.group)).map((g) => g.role),
        );
      }
      return linked;
    });
    if (!userId) {
      this.logger.log({ organisationId: connection.organisationId }, 'sso: no invited account');
      throw new Forbidden(
        'sso.no_account',
        'There is no account for you yet: ask your administrator for an invitation.',
      );
    }
    return this.auth.issueSession(userId);
  }

  private provider(connection: SsoConnectionEntity): ProviderSettings {
    return {
      issuer: connection.issuer,
      clientId: connection.clientId,
      clientSecret: this.box.open(connection.clientSecret),
    };
  }
}
