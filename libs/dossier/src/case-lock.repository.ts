import { Injectable } from '@nestjs/common';

import { TransactionHost } from '@wc/database';

/**
 * The per-case audit trail and the outbox number entries per case under the case row lock
 * (`AuditService`: "callers hold the case row lock"); the case service takes it for its own
 * mutations. Dossier mutations take the same lock, so their audit and event sequence numbers
 * never race with a case mutation. NO KEY UPDATE is enough: nothing changes the case's key.
 */
@Injectable()
export class CaseLockRepository {
  constructor(private readonly tx: TransactionHost) {}

  async lock(caseId: string): Promise<void> {
    await this.tx.manager.query(`SELECT id FROM ai_case WHERE id = $1 FOR NO KEY UPDATE`, [caseId]);
  }
}
