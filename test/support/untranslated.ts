import { nl } from '../../apps/web/src/messages/nl';

/**
 * The raw-key and untranslated-text check (issue #18), for every text a user reads: a screen of the
 * web app (test/web/support/visible-text.ts), an e-mail, the dossier PDF, a letter. A text may
 * show no catalogue key (`case.send`), no key made readable by a label fallback
 * (`Assessment.submitted`), no snake_case id (`regeling_text`), no `{placeholder}` left unfilled
 * and, in Dutch, none of the English words a missing translation or a raw server message brings
 * (`must`, `characters`, `Status: sent`, …) nor the informal "je/jij" (the product says "u").
 */
const KEYS = new Set(Object.keys(nl));
const KEY_GROUPS = new Set(Object.keys(nl).map((k) => k.split('.')[0].toLowerCase()));
/** English words that a Dutch text never needs; each one found is a missing translation. */
const ENGLISH = [
  'the',
  'must',
  'should',
  'characters',
  'longer',
  'shorter',
  'required',
  'invalid',
  'submitted',
  'pending',
  'Save',
  'Submit',
  'Cancel',
  'Loading',
  'internal',
  'legal-rules',
  'SLA',
  'not found',
  'Status',
  'sent',
  'draft',
  'Request',
  'request',
  'with',
  'which',
];
/**
 * More English words, for text made entirely by the product (e-mails, PDFs); a screen also shows
 * what tests typed through the API, so it is read with the list above only.
 */
const ENGLISH_MORE = [
  'and',
  'for',
  'yes',
  'no',
  'none',
  'done',
  'missing',
  'council',
  'employer',
  'advice',
  'consent',
];
/** The one form of address: a Dutch text says "u" and "uw", never "je", "jij", "jouw" or "jullie". */
const INFORMAL = /(^|[^\p{L}])(je|jij|jou|jouw|jullie)(?=$|[^\p{L}])/iu;
/** Dutch catalogue texts that contain one of those words on purpose (legal names, product names). */
const ALLOWED_IN_DUTCH = Object.values(nl).join('\n');

export interface UntranslatedOptions {
  /** `all` (default) for generated documents; `screen` skips the words fixtures often contain. */
  words?: 'all' | 'screen';
  /**
   * What users typed (titles, answers, comments): their words are theirs, so they are cut out of
   * each text before it is checked (four characters or more).
   */
  userText?: readonly string[];
}

/** What in the texts looks untranslated; empty when they are clean. */
export function untranslated(
  texts: readonly string[],
  lang: 'nl' | 'en',
  { userText = [], words = 'all' }: UntranslatedOptions = {},
): string[] {
  const found: string[] = [];
  const typedTexts = userText.filter((u) => u.length >= 4).sort((a, b) => b.length - a.length);
  for (const raw of texts) {
    // A fragment of what a user typed (a search snippet) is theirs altogether.
    if (raw.length >= 4 && typedTexts.some((u) => u.includes(raw))) {
      continue;
    }
    // What users typed is cut out; the product's words around it are checked.
    const own = typedTexts.reduce((rest, u) => rest.split(u).join(' '), raw);
    // E-mail addresses, web addresses, file names and dates are data, not text.
    const text = own
      .replace(/\S+@\S+/g, ' ')
      .replace(/\bhttps?:\/\/\S+/g, ' ')
      .replace(/\b[\w-]+\.(pdf|csv|txt|png|ics|docx|nl|com|test|org|eu|example)\b/gi, ' ');
    for (const match of text.matchAll(/\b([A-Za-z]+)\.([a-z][a-zA-Z_]+(?:\.[a-zA-Z_]+)*)\b/g)) {
      const token = match[0];
      if (KEYS.has(token) || KEY_GROUPS.has(match[1].toLowerCase()) || match[2].includes('_')) {
        found.push(`key-like "${token}" in "${raw}"`);
      }
    }
    // An item id shown as such: `DPIA.a`, `FRIA.c`.
    for (const match of text.matchAll(/\b[A-Z]{2,}\.[a-z]\b/g)) {
      found.push(`item id "${match[0]}" in "${raw}"`);
    }
    for (const match of text.matchAll(/\b[a-z]+(?:_[a-z0-9]+)+\b/g)) {
      found.push(`snake_case "${match[0]}" in "${raw}"`);
    }
    for (const match of text.matchAll(/\{\s*[A-Za-z_]\w*\s*(?:,[^}]*)?\}/g)) {
      found.push(`unfilled placeholder "${match[0]}" in "${raw}"`);
    }
    if (lang === 'nl' && !ALLOWED_IN_DUTCH.includes(raw)) {
      for (const word of words === 'all' ? [...ENGLISH, ...ENGLISH_MORE] : ENGLISH) {
        const re = new RegExp(`(^|[^\\p{L}-])${word}(?=$|[^\\p{L}-])`, 'u');
        if (re.test(text)) {
          found.push(`English "${word}" in "${raw}"`);
        }
      }
      const informal = INFORMAL.exec(text);
      if (informal) {
        found.push(`informal "${informal[2]}" in "${raw}"`);
      }
    }
  }
  return [...new Set(found)];
}

/** Fails with the list of what looks untranslated in `what`. */
export function expectNoUntranslated(
  texts: readonly string[],
  lang: 'nl' | 'en',
  what: string,
  options?: UntranslatedOptions,
): void {
  const problems = untranslated(texts, lang, options);
  if (problems.length > 0) {
    throw new Error(`untranslated text in ${what}:\n${problems.join('\n')}`);
  }
}

/**
 * A rendered document's text (PDF, e-mail) with what users typed cut out, so that the check reads
 * only the product's own words; a typed text may wrap over lines.
 */
export function withoutUserText(text: string, userText: readonly string[]): string {
  let out = text;
  for (const typed of [...userText].sort((a, b) => b.length - a.length)) {
    const words = typed.trim().split(/\s+/).filter(Boolean);
    if (words.length > 0) {
      const pattern = words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('\\s+');
      out = out.replace(new RegExp(pattern, 'g'), ' ');
    }
  }
  return out;
}

/** Every string in a fixture (answers, contents, names), for `withoutUserText`. */
export function stringsOf(value: unknown): string[] {
  if (typeof value === 'string') {
    return value.length > 1 ? [value] : [];
  }
  if (Array.isArray(value)) {
    return value.flatMap(stringsOf);
  }
  if (value && typeof value === 'object') {
    return Object.values(value).flatMap(stringsOf);
  }
  return [];
}
