import { Injectable } from '@nestjs/common';
import { In, Not } from 'typeorm';

import { TransactionHost } from '@wc/database';

import { SsoConnectionEntity } from './sso-connection.entity';
import { SsoEmailDomainEntity } from './sso-email-domain.entity';
import { SsoLoginEntity } from './sso-login.entity';

/** The organisations' identity-provider connections, their e-mail domains and started sign-ins. */
@Injectable()
export class SsoRepository {
  constructor(private readonly tx: TransactionHost) {}

  findConnection(organisationId: string): Promise<SsoConnectionEntity | null> {
    return this.tx.manager.findOneBy(SsoConnectionEntity, { organisationId });
  }

  async domainsOf(organisationId: string): Promise<string[]> {
    const rows = await this.tx.manager.find(SsoEmailDomainEntity, {
      where: { organisationId },
      order: { domain: 'ASC' },
    });
    return rows.map((r) => r.domain);
  }

  async connectionForDomain(domain: string): Promise<SsoConnectionEntity | null> {
    const row = await this.tx.manager.findOneBy(SsoEmailDomainEntity, { domain });
    return row ? this.findConnection(row.organisationId) : null;
  }

  /** Domains of this list that another organisation already signs in with. */
  async domainsTakenElsewhere(organisationId: string, domains: string[]): Promise<string[]> {
    const rows = await this.tx.manager.find(SsoEmailDomainEntity, {
      where: { domain: In(domains), organisationId: Not(organisationId) },
    });
    return rows.map((r) => r.domain);
  }

  async saveConnection(
    connection: Pick<
      SsoConnectionEntity,
      'organisationId' | 'issuer' | 'clientId' | 'clientSecret' | 'groupRoles'
    >,
    domains: string[],
  ): Promise<void> {
    await this.tx.manager.upsert(SsoConnectionEntity, connection, ['organisationId']);
    await this.tx.manager.delete(SsoEmailDomainEntity, {
      organisationId: connection.organisationId,
    });
    await this.tx.manager.insert(
      SsoEmailDomainEntity,
      domains.map((domain) => ({ domain, organisationId: connection.organisationId })),
    );
  }

  /** The domains and started sign-ins go with it (ON DELETE CASCADE). */
  async deleteConnection(organisationId: string): Promise<void> {
    await this.tx.manager.delete(SsoConnectionEntity, { organisationId });
  }

  async insertLogin(
    login: Pick<
      SsoLoginEntity,
      'stateHash' | 'organisationId' | 'codeVerifier' | 'nonce' | 'expiresAt'
    >,
  ): Promise<void> {
    await this.tx.manager.insert(SsoLoginEntity, login);
  }

  /** Locks the row: two callbacks with one state cannot both use it. */
  findLoginForUpdate(stateHash: string): Promise<SsoLoginEntity | null> {
    return this.tx.manager.findOne(SsoLoginEntity, {
      where: { stateHash },
      lock: { mode: 'pessimistic_write' },
    });
  }

  async markLoginUsed(id: string, at: Date): Promise<void> {
    await this.tx.manager.update(SsoLoginEntity, { id }, { usedAt: at });
  }
}
