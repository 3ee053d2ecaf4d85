import type { CommentVisibility } from '@wc/access';

export {
  type CommentVisibility,
  mayUseThread,
  visibilitiesFor,
  visibilityOfThread,
} from '@wc/access';
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

/**
 * The people a plain `@Name` in a body names: a mentionable person whose display name follows an
 * `@` and ends at a non-letter (so `@Sanne` does not name "Sanne Bakker", and `@Sanne Bakker` does).
 * Longer names are tried first, so "@Sanne Bakker" is not also taken for a "Sanne".
 */
export function namedMentions(
  body: string,
  people: ReadonlyArray<{ userId: string; displayName: string }>,
): string[] {
  const found: string[] = [];
  let rest = body;
  for (const person of [...people]
    .filter((p) => p.displayName.trim().length > 0)
    .sort((a, b) => b.displayName.length - a.displayName.length)) {
    const escaped = person.displayName.trim().replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const pattern = new RegExp(`(^|[^\\p{L}\\p{N}])@${escaped}(?![\\p{L}\\p{N}])`, 'giu');
    if (pattern.test(rest)) {
      found.push(person.userId.toLowerCase());
      rest = rest.replace(pattern, '$1');
    }
  }
  return found;
}
