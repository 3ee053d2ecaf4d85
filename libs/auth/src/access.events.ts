/**
 * Outbox event types that change what a user may see (issue #14). The realtime relay re-checks
 * every open socket of `userId` on each, before it emits anything newer: rooms the user may no
 * longer see are left, and a socket whose session ended is disconnected.
 */
/** A session (or every session) of `userId` ended: logout, password change, re-used refresh token, deactivation. */
export const SESSION_REVOKED = 'session.revoked';
/** A membership of `userId` was granted, changed or removed (payload: membershipId, role, change). */
export const MEMBERSHIP_CHANGED = 'membership.changed';

export type AccessEventType = typeof SESSION_REVOKED | typeof MEMBERSHIP_CHANGED;
