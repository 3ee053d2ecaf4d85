import type { CommentVisibility } from '@wc/access';

export { type CommentVisibility, mayUseThread, visibilitiesFor, visibilityOfThread } from '@wc/access';
export const COMMENT_VISIBILITIES: readonly CommentVisibility[] = ['case', 'union'];

/**
 * A thread is the case as a whole (`case`), the shared union thread (`union`), or one dossier
 * item: an assessment question (`assessment:A1`, `assessment:DPIA.a`) or a document
 * (`document:<uuid>`).
 */
export const THREAD_KEY_PATTERN =
  /^(case|union|assessment:[A-Za-z0-9_.-]{1,64}|document:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/;

export function isThreadKey(value: string): boolean {
  return THREAD_KEY_PATTERN.test(value);
}

const MENTION_TOKEN =
  /@\[[^\]\n]{1,200}\]\(([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})\)/g;

/** The user ids of the `@[Display name](userId)` tokens in a body, plus explicit ones; deduplicated, lower case. */
export function mentionedUserIds(body: string, explicit: readonly string[] = []): string[] {
  const fromBody = [...body.matchAll(MENTION_TOKEN)].map((m) => m[1]);
  return [...new Set([...fromBody, ...explicit].map((id) => id.toLowerCase()))];
}
