import { Injectable } from '@nestjs/common';

import { type AudienceMember, AudienceDirectory, type AudienceQuery } from '@wc/access';

import { type NotificationPreferences, preferencesFrom } from './domain';
import { PreferenceRepository } from './preference.repository';

/** Someone an event reaches (`key`: the event's id), with their notification preferences. */
export type ResolvedRecipient = AudienceMember & { preferences: NotificationPreferences };

/**
 * Who a case event reaches (issue #16), for a whole batch of events: the audiences of the event
 * catalogue, resolved by @wc/access's `AudienceDirectory` in one statement by the visibility rules
 * of model.md "Visibility" (council-internal events are never in the catalogue's employer
 * audiences; an addressed event keeps only the person it names; the actor is left out), with the
 * recipients' notification preferences in a second one.
 */
@Injectable()
export class CaseEventRecipients {
  constructor(
    private readonly audiences: AudienceDirectory,
    private readonly preferences: PreferenceRepository,
  ) {}

  /** `key` of each query: the event's id, which comes back with every recipient it reaches. */
  async resolve(queries: readonly AudienceQuery[]): Promise<ResolvedRecipient[]> {
    const reached = await this.audiences.audiences(queries);
    const preferences = await this.preferences.forUsers(reached.map((r) => r.userId));
    return reached.map((r) => ({
      ...r,
      preferences: preferences.get(r.userId) ?? preferencesFrom(null),
    }));
  }
}
