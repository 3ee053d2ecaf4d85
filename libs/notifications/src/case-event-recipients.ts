import { Injectable } from '@nestjs/common';

import { AudienceDirectory } from '@wc/access';

import { type Audience, type NotificationPreferences, preferencesFrom } from './domain';
import { PreferenceRepository } from './preference.repository';

/** One (event, audience) to resolve; the case, organisation and union come from the event. */
export interface AudienceQuery {
  eventId: string;
  audience: Audience;
  caseId: string | null;
  /** The union organisation of a share event (`share_union`). */
  unionOrganisationId: string | null;
  /** Whoever caused the event is not told about it. */
  actorId: string | null;
  /** The vote of a `council_voters` event: who has cast a ballot is not reminded. */
  voteId: string | null;
  /** An addressed event (a document shared with someone): only this person, if in the audience. */
  addresseeId: string | null;
  /** The council and its organisation of a request outside any case (`request_employer`, `request_council`). */
  worksCouncilId?: string | null;
  organisationId?: string | null;
}

export interface ResolvedRecipient {
  eventId: string;
  userId: string;
  language: 'nl' | 'en';
  caseTitle: string | null;
  preferences: NotificationPreferences;
}

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

  async resolve(queries: readonly AudienceQuery[]): Promise<ResolvedRecipient[]> {
    const reached = await this.audiences.audiences(
      queries.map((q) => ({
        key: q.eventId,
        audience: q.audience,
        caseId: q.caseId,
        unionOrganisationId: q.unionOrganisationId,
        actorId: q.actorId,
        voteId: q.voteId,
        addresseeId: q.addresseeId,
        worksCouncilId: q.worksCouncilId ?? null,
        organisationId: q.organisationId ?? null,
      })),
    );
    const preferences = await this.preferences.forUsers(reached.map((r) => r.userId));
    return reached.map((r) => ({
      eventId: r.key,
      userId: r.userId,
      language: r.language,
      caseTitle: r.caseTitle,
      preferences: preferences.get(r.userId) ?? preferencesFrom(null),
    }));
  }
}
