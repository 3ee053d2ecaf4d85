/**
 * Triage reasons and go-live gate conditions in the reader's language. The API sends each with a
 * stable code, its legal source ids and an English text; the messages hold one text per code
 * (`reason.<code>`, `gateReason.<key>`), and a code the messages do not know yet (a rule added on
 * the server later) shows the API's English text. No React here, so a test can render every code
 * the domain has (test/web/legal-texts.e2e-spec.ts).
 */

export interface CodedReason {
  readonly code: string;
  readonly text: string;
  readonly sources: readonly string[];
}

/** The parts of the triage outcome that the reasons with variable parts need. */
export interface ReasonContext {
  readonly consent?: {
    readonly settledByCao: readonly string[];
    readonly outsidePvtScope: readonly string[];
  };
  readonly aiAct?: { readonly annexIIICategory: string | null };
}

/** What of `useI18n()` the texts use (method syntax: the app's `t` takes message keys only). */
export interface TextsI18n {
  t(key: string, vars: Record<string, string>, fallback: string): string;
  label(group: string, value: string): string;
}

/** `(d), (k)`: the form the API lists WOR letters in. */
function listed(letters: readonly string[]): string {
  return letters.map((l) => `(${l})`).join(', ');
}

/** The single-letter groups `(x)` of a text, for reasons whose letters the outcome no longer has. */
function lettersIn(text: string): string[] {
  return [...text.matchAll(/\(([a-z])\)/g)].map((m) => m[1]);
}

/** The values the message of a reason interpolates; most reasons have none. */
function reasonVars(
  reason: CodedReason,
  context: ReasonContext,
  label: TextsI18n['label'],
): Record<string, string> {
  switch (reason.code) {
    // Without a council the outcome lists no letters: the API's text is where they are.
    case 'small_undertaking.no_council':
    case 'small_undertaking.no_council_consent':
      return { letters: listed(lettersIn(reason.text)) };
    case 'small_undertaking.pvt_consent_scope':
      return {
        letters: listed(
          context.consent?.outsidePvtScope ??
            lettersIn(reason.text.slice(reason.text.indexOf(';'))),
        ),
      };
    case 'consent.settled_by_cao': {
      const cao = /the cao \((.+)\) already settles/.exec(reason.text)?.[1];
      return {
        letters: listed(
          context.consent?.settledByCao ??
            lettersIn(reason.text.slice(reason.text.lastIndexOf('settles'))),
        ),
        cao: cao ? ` (${cao})` : '',
      };
    }
    case 'ai_act.article_6_3_exception':
    case 'ai_act.high_risk': {
      const category =
        context.aiAct?.annexIIICategory ?? /point 4 \((\w+)\)/.exec(reason.text)?.[1] ?? '';
      return { category: category ? label('choice.annexIIIPoint4', category) : '' };
    }
    default:
      return {};
  }
}

/** A triage reason in the reader's language, or the API's English text for an unknown code. */
export function reasonText(reason: CodedReason, context: ReasonContext, i18n: TextsI18n): string {
  return i18n.t(
    `reason.${reason.code}`,
    reasonVars(reason, context, (group, value) => i18n.label(group, value)),
    reason.text,
  );
}

/**
 * Why a go-live condition is there. `not_prohibited` carries the triage's block reason, so it reads
 * as that reason when the triage is at hand.
 */
export function gateConditionText(
  condition: { readonly key: string; readonly reason: string },
  blockReason: CodedReason | undefined,
  i18n: TextsI18n,
): string {
  if (condition.key === 'not_prohibited' && blockReason) {
    return reasonText(blockReason, {}, i18n);
  }
  return i18n.t(`gateReason.${condition.key}`, {}, condition.reason);
}
