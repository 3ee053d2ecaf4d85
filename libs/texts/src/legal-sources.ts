import type { TextLanguage } from './language';

/**
 * The legal sources of triage reasons, checklist items, gate conditions and duties in plain
 * language (issue #18): the research ids the domain cites (`W7`, `E5`, `S8`, legal-rules.md) as
 * the article they stand for, "art. 25 lid 6 WOR" in Dutch, "WOR art. 25(6)" in English. Internal
 * design notes (`legal-rules (d)5`) are never shown. One module for the web and the server
 * (@wc/texts), so the screen, the PDF and the e-mails cite an article the same way.
 */

type Law = 'WOR' | 'AI' | 'GDPR' | 'BW' | 'Arbowet';
/** An article: the law, the article (or annex) and optionally its paragraph and point. */
type Ref = readonly [law: Law, article: string, paragraph?: string, point?: string];

const CONVENANT = 'convenant';
const OMNIBUS = 'omnibus';
const AP_GUIDANCE = 'ap';

/** Research id → the article it stands for (legal-rules.md, section 0 and the rule tables). */
const SOURCE_REFS: Readonly<Record<string, Ref | string>> = {
  W1: ['WOR', '25', '1', 'k'],
  W2: ['WOR', '25', '1', 'n'],
  W3: ['WOR', '25', '3'],
  W4: ['WOR', '25', '4'],
  W5: CONVENANT,
  W6: ['WOR', '25', '5'],
  W7: ['WOR', '25', '6'],
  W8: ['WOR', '26', '2'],
  W9: ['WOR', '26'],
  W10: ['WOR', '27', '1'],
  W11: ['WOR', '27', '3'],
  W12: ['WOR', '27', '2'],
  W13: ['WOR', '27', '2'],
  W14: ['WOR', '27', '4'],
  W15: ['WOR', '27', '5'],
  W16: ['WOR', '16'],
  W17: ['WOR', '22'],
  W18: ['WOR', '20'],
  W19: ['WOR', '31', '1'],
  W20: ['WOR', '31c'],
  W21: ['WOR', '24'],
  W22: ['WOR', '23', '1'],
  W23: ['WOR', '23', '3'],
  W24: ['WOR', '36'],
  W25: ['WOR', '32'],
  W26: ['WOR', '35c'],
  E1: ['AI', '4'],
  E2: ['AI', '5', '1', 'f'],
  E3: ['AI', 'III', '4'],
  E4: ['AI', '26', '7'],
  E5: ['AI', '26', '2'],
  E6: ['AI', '26', '4'],
  E7: ['AI', '26', '5'],
  E8: ['AI', '73'],
  E9: ['AI', '26', '6'],
  E10: ['AI', '26', '9'],
  E11: ['AI', '26', '11'],
  E12: ['AI', '27', '1'],
  E13: ['AI', '86'],
  E14: ['AI', '50'],
  E15: ['AI', '111', '2'],
  G1: ['GDPR', '35', '1'],
  G2: ['GDPR', '35', '9'],
  G3: ['GDPR', '36'],
  G4: ['GDPR', '22'],
  G5: ['GDPR', '88'],
  G6: ['GDPR', '15'],
  G7: AP_GUIDANCE,
  B1: ['BW', '7:611a'],
  B2: ['Arbowet', '5'],
  S1: ['WOR', '25', '1'],
  S2: ['WOR', '25', '6'],
  S3: ['WOR', '25', '6'],
  S4: ['WOR', '25', '3'],
  S5: ['WOR', '26'],
  S6: ['WOR', '26', '2'],
  S7: ['WOR', '26'],
  S8: ['WOR', '27', '1'],
  S9: ['WOR', '27', '4'],
  S10: ['WOR', '27', '5'],
  S11: ['WOR', '27', '3'],
  S12: ['WOR', '16'],
  S13: ['WOR', '20'],
  S14: ['WOR', '22'],
  S15: ['WOR', '23'],
  S16: ['WOR', '24'],
  S17: ['WOR', '31'],
  S18: ['WOR', '31c'],
  S19: ['WOR', '35c'],
  S20: ['WOR', '36'],
  S21: CONVENANT,
  S22: ['WOR', '25', '1'],
  S23: ['WOR', '25', '1', 'k'],
  S24: ['WOR', '32'],
  S25: ['WOR', '25', '5'],
  A1: ['AI', '26'],
  A2: ['AI', '27'],
  A3: ['AI', 'III', '4'],
  A4: ['AI', '5', '1', 'f'],
  A5: ['AI', '86'],
  A6: ['AI', '14', '4'],
  A7: ['AI', '113'],
  A8: ['AI', '73'],
  A9: ['AI', '50'],
  A10: ['AI', '4'],
  O1: OMNIBUS,
  O2: OMNIBUS,
  O3: OMNIBUS,
  O4: OMNIBUS,
  O5: OMNIBUS,
  O6: OMNIBUS,
};

const LAW_NAMES: Record<TextLanguage, Record<Law, string>> = {
  nl: { WOR: 'WOR', AI: 'AI-verordening', GDPR: 'AVG', BW: 'BW', Arbowet: 'Arbowet' },
  en: { WOR: 'WOR', AI: 'AI Act', GDPR: 'GDPR', BW: 'Dutch Civil Code', Arbowet: 'Arbowet' },
};

const NAMED: Record<TextLanguage, Record<string, string>> = {
  nl: {
    [CONVENANT]: 'afspraak in het convenant',
    [OMNIBUS]: 'Digital Omnibus (wijziging AI-verordening)',
    [AP_GUIDANCE]: 'Autoriteit Persoonsgegevens, OR-privacyboekje',
  },
  en: {
    [CONVENANT]: 'agreement in the convenant',
    [OMNIBUS]: 'Digital Omnibus (AI Act amendment)',
    [AP_GUIDANCE]: 'Dutch Data Protection Authority, works council privacy guide',
  },
};

function formatRef([law, article, paragraph, point]: Ref, language: TextLanguage): string {
  const name = LAW_NAMES[language][law];
  const annex = article === 'III';
  if (language === 'nl') {
    const head = annex ? `bijlage III` : `art. ${article}`;
    const lid = paragraph ? (annex ? ` punt ${paragraph}` : ` lid ${paragraph}`) : '';
    const onder = point ? ` onder ${point}` : '';
    return `${head}${lid}${onder} ${name}`;
  }
  const head = annex ? 'Annex III' : `art. ${article}`;
  const parts = `${paragraph ? `(${paragraph})` : ''}${point ? `(${point})` : ''}`;
  return `${name} ${head}${parts}`;
}

/** An article cited directly: `WOR 2`, `AI Act 6(4)`, `AI Act Annex III(1)`, `GDPR 35(9)`. */
const DIRECT =
  /^(WOR|AI Act|GDPR|BW|Arbowet) (Annex III|[0-9]+[a-z]?|7:611a)(?:\(([0-9a-z]+)\))?(?:\(([a-z])\))?$/;
const DIRECT_LAWS: Record<string, Law> = {
  WOR: 'WOR',
  'AI Act': 'AI',
  GDPR: 'GDPR',
  BW: 'BW',
  Arbowet: 'Arbowet',
};

/** One source id in plain language, or null for an internal note or an id no one knows. */
export function plainSource(id: string, language: TextLanguage): string | null {
  const known = Object.prototype.hasOwnProperty.call(SOURCE_REFS, id) ? SOURCE_REFS[id] : undefined;
  if (typeof known === 'string') {
    return NAMED[language][known];
  }
  if (known) {
    return formatRef(known, language);
  }
  const direct = DIRECT.exec(id.trim());
  if (direct) {
    const article = direct[2] === 'Annex III' ? 'III' : direct[2];
    return formatRef([DIRECT_LAWS[direct[1]], article, direct[3], direct[4]], language);
  }
  return null;
}

/**
 * A list of sources as one plain line, each article once: "art. 27 lid 1 WOR; art. 35 lid 1 AVG".
 * A source that is a note rather than an id (`E1 (AI Act 4); A7 (AI Act 113(a)); O5`) counts
 * with the ids it names.
 */
export function plainSources(sources: readonly string[], language: TextLanguage): string {
  const out: string[] = [];
  for (const source of sources) {
    const whole = plainSource(source, language);
    const texts =
      whole !== null
        ? [whole]
        : [...source.matchAll(/\b[WEGBSAO][0-9]+\b/g)].map((m) => plainSource(m[0], language));
    for (const text of texts) {
      if (text && !out.includes(text)) {
        out.push(text);
      }
    }
  }
  return out.join('; ');
}
