import { Injectable } from '@nestjs/common';

import { TransactionHost } from '@wc/database';

import { OrganisationAuthPolicyEntity } from './organisation-auth-policy.entity';

@Injectable()
export class AuthPolicyRepository {
  constructor(private readonly tx: TransactionHost) {}

  async secondFactorRequired(organisationId: string): Promise<boolean> {
    const row = await this.tx.manager.findOneBy(OrganisationAuthPolicyEntity, { organisationId });
    return row?.secondFactorRequired ?? false;
  }

  async save(organisationId: string, secondFactorRequired: boolean): Promise<void> {
    await this.tx.manager.upsert(
      OrganisationAuthPolicyEntity,
      { organisationId, secondFactorRequired },
      ['organisationId'],
    );
  }
}
