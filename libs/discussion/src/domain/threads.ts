import type { ActorSide } from '@wc/cases';

/**
 * Who a comment thread is for. 'case': everyone who sees the case (employer side, council,
 * experts). 'union': the council and the union officers it shares the case with (issue #8); the
 * employer side and experts never see these threads.
 */
export type CommentVisibility = 'case' | 'union';
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

export function visibilityOfThread(threadKey: string): CommentVisibility {
  return threadKey === 'union' ? 'union' : 'case';
}

/** The thread visibilities a side on the case may read and write. */
export function visibilitiesFor(side: ActorSide): CommentVisibility[] {
  switch (side) {
    case 'council_board':
    case 'council_member':
      return ['case', 'union'];
    case 'employer':
    case 'expert':
      return ['case'];
    case 'union':
      return ['union'];
  }
}

export function mayUseThread(side: ActorSide, threadKey: string): boolean {
  return visibilitiesFor(side).includes(visibilityOfThread(threadKey));
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
export function namedMentions(body: string, people: ReadonlyArray<{ userId: string; displayName: string }>): string[] {
  const found: string[] = [];
  let rest = body;
  for (const person of [...people].filter((p) => p.displayName.trim().length > 0).sort((a, b) => b.displayName.length - a.displayName.length)) {
    const escaped = person.displayName.trim().replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const pattern = new RegExp(`(^|[^\\p{L}\\p{N}])@${escaped}(?![\\p{L}\\p{N}])`, 'giu');
    if (pattern.test(rest)) {
      found.push(person.userId.toLowerCase());
      rest = rest.replace(pattern, '$1');
    }
  }
  return found;
}
