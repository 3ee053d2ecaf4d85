import type { EventTypeOf } from '@wc/contracts';

/**
 * Outbox events of the council-internal space (payloads in @wc/contracts). The `internal.` prefix
 * routes them to the `council-internal:<caseId>` room only and keeps them out of the employer's
 * case event log. Internal meetings (libs/meetings) and the closing reminder (libs/notifications)
 * share the prefix.
 */
export type CouncilSpaceEventType = Exclude<
  EventTypeOf<'internal'>,
  `internal.meeting_${string}` | 'internal.vote_closing_soon'
>;
