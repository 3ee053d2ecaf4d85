import mammoth from 'mammoth';

import { DEFAULT_COUNCIL_TERM_SETTINGS } from '@wc/deadlines';
import { pdfText } from '@wc/testing';

import {
  composeLetter,
  LETTER_KIND_SPECS,
  LETTER_KINDS,
  type LetterFields,
  type LetterKind,
  type LetterLanguage,
  type LetterRecord,
  nullityWindow,
} from './domain';
import { renderLetterDocx } from './letter-docx';
import { renderLetterPdf } from './letter-pdf';

const CASE_ID = '3f2a9c1e-0000-4000-8000-000000000001';
const FACTS = {
  caseId: CASE_ID,
  caseTitle: 'Introductie WarehouseInsight',
  contents: {
    intendedDecision: 'Introduce WarehouseInsight to plan picking routes.',
    reasons: 'Rising order volume.',
    consequencesForStaff: 'Pickers get routes from the system.',
    measures: 'No individual appraisal on the data.',
    regelingText: 'Regeling WarehouseInsight: retention 6 months.',
  },
  councilPosition: {
    position: 'conditional',
    conditions: ['No individual appraisal'],
    reasons: 'Privacy',
    waivesSuspension: false,
    receivedOn: '2026-03-10',
  },
  employerDecision: { follows: false, receivedOn: '2026-03-20' },
  // Consent refused, the employer decided anyway: the month of 27(5) runs from the notice [W15].
  nullity: nullityWindow({
    snapshot: {
      kind: 'consent',
      stage: 'substitute_permission_pending',
      councilPosition: { position: 'refused' },
      employerDecision: { follows: false, receivedOn: '2026-03-20' },
    },
  }),
  termSettings: DEFAULT_COUNCIL_TERM_SETTINGS,
};

const FIELDS: Record<LetterKind, LetterFields> = {
  advice_request: {},
  consent_request: {},
  information_request: { question: 'Which data does the system keep per picker?' },
  consultation_request: { reasons: 'We need to discuss the retention period.' },
  council_decision: { position: 'conditional', conditions: ['No appraisal'], reasons: 'Privacy' },
  employer_decision: { follows: false, reasons: 'Operational necessity.' },
  ai_act_notice: { affectedWorkersInformedBy: 'A meeting per shift on 2026-03-09.' },
  expert_cost_notice: { expertName: 'Dr. Jansen', purpose: 'Review', expectedCostsCents: 250000 },
  nullity_invocation: { reasons: 'Implemented without consent.' },
  initiative_proposal: { proposal: 'Publish the algorithm register.' },
};

/** The references and hand-computed last days each letter must show, by language. */
const EXPECTED: Record<LetterKind, { nl: string; en: string; days: string[] }> = {
  // 2026-03-02 + 6 weeks = 2026-04-13 (agreed advice term)
  advice_request: { nl: 'WOR art. 25 lid 3', en: 'WOR art. 25(3)', days: ['2026-04-13'] },
  consent_request: { nl: 'WOR art. 27 lid 2', en: 'WOR art. 27(2)', days: ['2026-04-13'] },
  // 10 working days from Monday 2026-03-02: 2026-03-16
  information_request: { nl: 'WOR art. 31 lid 1', en: 'WOR art. 31(1)', days: ['2026-03-16'] },
  consultation_request: { nl: 'WOR art. 23 lid 1', en: 'WOR art. 23(1)', days: ['2026-03-16'] },
  council_decision: { nl: 'WOR art. 25 lid 4', en: 'WOR art. 25(4)', days: ['2026-03-16'] },
  // WOR 25(6) suspension and 26(2) appeal: one month from 2026-03-02
  employer_decision: { nl: 'WOR art. 25 lid 6', en: 'WOR art. 25(6)', days: ['2026-04-02'] },
  // No term: the dates present are the letter's own, its receipt, and the workers' meeting.
  ai_act_notice: { nl: 'art. 26 lid 7', en: 'art. 26(7)', days: ['2026-03-02', '2026-03-09'] },
  expert_cost_notice: { nl: 'WOR art. 22 lid 2', en: 'WOR art. 22(2)', days: ['2026-03-02'] },
  // 27(5): one month from the decision's receipt on 2026-03-20
  nullity_invocation: { nl: 'WOR art. 27 lid 5', en: 'WOR art. 27(5)', days: ['2026-04-20'] },
  // The internal answer term of six weeks from 2026-03-02
  initiative_proposal: { nl: 'WOR art. 23 lid 3', en: 'WOR art. 23(3)', days: ['2026-04-13'] },
};

function record(kind: LetterKind, language: LetterLanguage): LetterRecord {
  const spec = LETTER_KIND_SPECS[kind];
  const track = spec.tracks[0] ?? null;
  const sender = spec.sender === 'either' ? 'council' : spec.sender;
  return {
    language,
    structured: composeLetter({
      kind,
      track,
      sender,
      language,
      fields: FIELDS[kind],
      facts: FACTS,
      termsFrom: '2026-03-02',
      received: true,
    }),
    body: language === 'nl' ? 'Hierbij onze brief.' : 'Please find our letter.',
    versionSeq: 2,
    dated: '2026-03-02',
    signedBy: 'Test chair',
    receivedOn: '2026-03-02',
    receipt: [
      { on: '2026-03-02', via: 'opened', side: sender === 'council' ? 'employer' : 'council' },
    ],
    auditHead: { seq: 7, hash: 'ab'.repeat(32) },
    verificationUrl: `https://overleg.example/cases/${CASE_ID}/letters/x/verification?seq=7`,
  };
}

// A catalogue key or rule id leaking into the text: snake_case words or dotted keys.
const RAW_KEY = /\b[a-z]+_[a-z_]+\b|\b(?:letter|case|rules|headings)\.[a-z]/;

describe('letters rendered to PDF and DOCX', () => {
  const cases = LETTER_KINDS.flatMap((kind) =>
    (['nl', 'en'] as const).map((language) => [kind, language] as const),
  );

  it.each(cases)(
    '%s in %s reads back with its references, dates and proof',
    async (kind, language) => {
      const letter = record(kind, language);
      const expected = EXPECTED[kind];
      const texts = {
        pdf: (await pdfText(await renderLetterPdf(letter))).replace(/\s+/g, ' '),
        docx: (
          await mammoth.extractRawText({ buffer: await renderLetterDocx(letter) })
        ).value.replace(/\s+/g, ' '),
      };
      for (const [format, text] of Object.entries(texts)) {
        const where = `${kind}/${language}/${format}`;
        expect({ where, ref: text.includes(expected[language]) }).toEqual({ where, ref: true });
        for (const day of expected.days) {
          expect({ where, day, found: text.includes(day) }).toEqual({ where, day, found: true });
        }
        expect({ where, reference: text.includes(`OVL-3F2A9C1E`) }).toEqual({
          where,
          reference: true,
        });
        expect({ where, head: text.includes(`#7 ${'ab'.repeat(8)}`) }).toEqual({
          where,
          head: true,
        });
        expect({ where, raw: text.match(RAW_KEY)?.[0] ?? null }).toEqual({ where, raw: null });
      }
    },
  );

  it('says the receipt basis in the letter language, and the case text where the law needs it', () => {
    const nl = record('advice_request', 'nl').structured;
    expect(nl.sections.map((s) => s.heading)).toEqual([
      'Het voorgenomen besluit',
      'Beweegredenen',
      'Gevolgen voor de werknemers',
      'Maatregelen naar aanleiding daarvan',
    ]);
    expect(nl.terms).toEqual([
      expect.objectContaining({
        ruleId: 'advice_response_term',
        lastDay: '2026-04-13',
        basis: 'gerekend vanaf de ontvangst op 2026-03-02',
      }),
    ]);
    const consent = record('consent_request', 'en').structured;
    expect(consent.sections[0]).toEqual({
      heading: 'Text of the regeling',
      lines: ['Regeling WarehouseInsight: retention 6 months.'],
    });
  });

  it('labels the initiative term as internal, says the cost notice starts no term, and the AI notice meets the gate', () => {
    for (const language of ['nl', 'en'] as const) {
      const initiative = record('initiative_proposal', language).structured;
      expect(initiative.terms).toEqual([
        expect.objectContaining({
          ruleId: 'initiative_response_term',
          lastDay: '2026-04-13',
          statutory: false,
          label: expect.stringContaining(language === 'nl' ? 'interne termijn' : 'internal term'),
        }),
      ]);
      const cost = record('expert_cost_notice', language).structured;
      expect(cost.terms).toEqual([]);
      expect(cost.sections.flatMap((x) => x.lines).join(' ')).toContain(
        language === 'nl' ? 'De wet stelt geen termijn' : 'The law sets no term',
      );
      const notice = record('ai_act_notice', language).structured;
      expect(notice.terms).toEqual([]);
      expect(notice.sections.flatMap((x) => x.lines).join(' ')).toContain(
        language === 'nl' ? 'Er gaat geen termijn in' : 'No term starts',
      );
      const nullity = record('nullity_invocation', language).structured;
      expect(nullity.terms).toEqual([
        expect.objectContaining({ ruleId: 'nullity_term', lastDay: '2026-04-20', fatal: true }),
      ]);
    }
  });
});
