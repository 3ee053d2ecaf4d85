import type { UnionScope } from '@wc/access';

/**
 * The event catalogue of webhooks (issue #21): the domain events an endpoint may subscribe to,
 * and who may receive each. Council-internal events (`internal.*`: notes, votes) are not listed, so
 * no endpoint ever receives them.
 *
 * - `employer`: the endpoints of the case's own (employer) organisation receive it.
 * - `union`: the least share scope under which a union's endpoints receive it (model.md "Visibility":
 *   `status` is the case's status, its tracks' stages and deadlines; `dossier` adds the
 *   non-confidential dossier), or null for never.
 * - `subject`: what the relay checks visibility on: the case, the document (art. 20 confidential
 *   documents reach nobody it is not shared with), or the union share itself.
 */
export interface WebhookEventRule {
  readonly employer: boolean;
  readonly union: UnionScope | null;
  readonly subject: 'case' | 'document' | 'union_share';
}

export const WEBHOOK_EVENT_RULES = {
  'case.sent': { employer: true, union: 'status', subject: 'case' },
  'case.track_transitioned': { employer: true, union: 'status', subject: 'case' },
  'case.request_submitted': { employer: true, union: 'status', subject: 'case' },
  'case.council_position_recorded': { employer: true, union: 'status', subject: 'case' },
  'case.employer_decision_recorded': { employer: true, union: 'status', subject: 'case' },
  'case.suspension_waived': { employer: true, union: 'status', subject: 'case' },
  'case.suspension_ended': { employer: true, union: 'status', subject: 'case' },
  'case.implemented': { employer: true, union: 'status', subject: 'case' },
  'case.closed': { employer: true, union: 'status', subject: 'case' },
  'case.information_requested': { employer: true, union: 'dossier', subject: 'case' },
  'case.information_provided': { employer: true, union: 'dossier', subject: 'case' },
  'case.consultation_requested': { employer: true, union: 'dossier', subject: 'case' },
  'case.consultation_held': { employer: true, union: 'dossier', subject: 'case' },
  'case.go_live_gate_opened': { employer: true, union: 'dossier', subject: 'case' },
  'case.go_live_gate_closed': { employer: true, union: 'dossier', subject: 'case' },
  'document.uploaded': { employer: true, union: 'dossier', subject: 'document' },
  // The share itself is the union's business and the council's, not the employer's.
  'union_share.granted': { employer: false, union: 'status', subject: 'union_share' },
  'union_share.revoked': { employer: false, union: 'status', subject: 'union_share' },
} as const satisfies Record<string, WebhookEventRule>;

export type WebhookEventType = keyof typeof WEBHOOK_EVENT_RULES;
export const WEBHOOK_EVENT_TYPES = Object.keys(WEBHOOK_EVENT_RULES) as WebhookEventType[];

export function isWebhookEventType(type: string): type is WebhookEventType {
  return Object.hasOwn(WEBHOOK_EVENT_RULES, type);
}

/**
 * The payload fields a union endpoint receives: the case's status and stages, never contents.
 * Employer endpoints get the event's payload as it is (ids, versions and stages only: house style
 * B.5 keeps contents out of domain events).
 */
const UNION_FIELDS = [
  'status',
  'version',
  'track',
  'from',
  'to',
  'stage',
  'documentId',
  'shareId',
  'scope',
] as const;

export interface WebhookEventFacts {
  id: string;
  type: WebhookEventType;
  caseId: string | null;
  occurredAt: Date;
  payload: Record<string, unknown>;
}

/**
 * The Standard Webhooks body of one event for one kind of receiver: `{ type, timestamp, data }`.
 * Notify, don't ship (B.5): ids and stages, so the receiver fetches the rest over the API with its
 * own rights.
 */
export function webhookBody(
  event: WebhookEventFacts,
  receiver: 'employer' | 'union',
): { type: string; timestamp: string; data: Record<string, unknown> } {
  const payload =
    receiver === 'employer'
      ? event.payload
      : Object.fromEntries(
          UNION_FIELDS.flatMap((key) =>
            event.payload[key] === undefined ? [] : [[key, event.payload[key]]],
          ),
        );
  return {
    type: event.type,
    timestamp: event.occurredAt.toISOString(),
    data: { ...payload, eventId: event.id, caseId: event.caseId },
  };
}
