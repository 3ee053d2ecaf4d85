import type { EventTypeOf } from '@wc/contracts';

/** Outbox events of comments; their payloads and routing are described in @wc/contracts. */
export type CommentEventType = EventTypeOf<'comment'>;
