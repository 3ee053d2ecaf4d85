import type { Actor } from './actor';

/**
 * Resolves an account to its actor: the user, their memberships and, with a session id (the
 * access token's `sid`), whether that session still stands, in ONE statement, since every
 * authenticated request runs it (bench:http). Who has an actor at all is a visibility question
 * across libs (a suspended organisation's people have none, issue #15), so `@wc/access` provides
 * it (issue #13); a port, because `@wc/access` itself builds on this lib.
 */
/** What the lookup answers: the actor as the database has it, before any session facts. */
export type ResolvedActor = Omit<Actor, 'sessionId' | 'secondFactorEnrolmentPending'>;

export interface ActorLookup {
  /** Null for an unknown or deactivated account, one of a suspended organisation, or an ended session. */
  actorOf(userId: string, sessionId?: string): Promise<ResolvedActor | null>;
}

export const ACTOR_LOOKUP = Symbol('ACTOR_LOOKUP');
