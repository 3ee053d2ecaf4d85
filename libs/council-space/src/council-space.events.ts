/**
 * Outbox events of the council-internal space. The `internal.` prefix routes them to the
 * `council-internal:<caseId>` room only and keeps them out of the employer's case event log.
 * Ids and versions only.
 */
export type CouncilSpaceEventType =
  | 'internal.note_added'
  | 'internal.note_updated'
  | 'internal.note_deleted'
  | 'internal.vote_opened'
  | 'internal.ballot_cast'
  | 'internal.vote_closed'
  | 'internal.vote_adopted';
