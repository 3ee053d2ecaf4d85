import { Injectable } from '@nestjs/common';

import type { ActorLookup, ResolvedActor } from '@wc/auth';
import { TransactionHost } from '@wc/database';

/**
 * Who is an actor (the `ACTOR_LOOKUP` of @wc/auth): the account, its memberships and its
 * session from @wc/auth's tables, and the suspension of its organisation from @wc/councils'.
 */
@Injectable()
export class ActorDirectory implements ActorLookup {
  constructor(private readonly tx: TransactionHost) {}

  /**
   * One statement: it skips the entity mapper and a second round trip (bench:http). A revoked
   * session (logout, password change, a re-used refresh token) answers null in the same statement.
   */
  async actorOf(userId: string, sessionId?: string): Promise<ResolvedActor | null> {
    const rows = await this.tx.query<ResolvedActor>(
      `SELECT u.id AS "userId", u.organisation_id AS "organisationId", u.language,
              COALESCE(json_agg(json_build_object('membershipId', m.id, 'organisationId', m.organisation_id, 'worksCouncilId', m.works_council_id, 'committeeId', m.committee_id, 'role', m.role)
                ORDER BY m.created_at, m.id) FILTER (WHERE m.id IS NOT NULL), '[]') AS memberships
       FROM app_user u LEFT JOIN membership m ON m.user_id = u.id
       WHERE u.id = $1 AND u.deactivated_at IS NULL
         -- A suspended organisation's people are out (issue #15).
         AND NOT EXISTS (SELECT 1 FROM organisation o WHERE o.id = u.organisation_id AND o.suspended_at IS NOT NULL)
         AND ($2::uuid IS NULL OR NOT EXISTS (SELECT 1 FROM refresh_token r WHERE r.family_id = $2::uuid AND r.revoked_at IS NOT NULL))
       GROUP BY u.id`,
      [userId, sessionId ?? null],
    );
    return rows[0] ?? null;
  }
}
