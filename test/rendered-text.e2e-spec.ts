import { ADMIN_INVITATION_MAIL, PASSWORD_RESET_MAIL } from '../libs/auth/src/account-mailer';
import { DEADLINE_RULE_IDS } from '../libs/deadlines/src/domain';
import {
  CASE_EVENT_TYPES,
  type CaseEventFacts,
  caseEventPath,
  type NotificationFacts,
  renderDigestMail,
  renderMeetingInvitation,
  renderNotificationMail,
  TERMS_STARTED,
} from '../libs/notifications/src/domain';
import { SURVEY_INVITATION_MAIL } from '../libs/surveys/src/survey.mailer';
import { DEFAULT_COUNCIL_TERM_SETTINGS } from '../libs/deadlines/src/domain';
import {
  composeLetter,
  LETTER_KIND_SPECS,
  LETTER_KINDS,
  type LetterFields,
  type LetterKind,
} from '../libs/letters/src/domain';
import { renderLetterPdf } from '../libs/letters/src/letter-pdf';
import { pdfText } from '../libs/testing/src/pdf-text';
import { expectNoUntranslated, withoutUserText } from './support/untranslated';

/** What a letter's author typed, in Dutch: the check reads the letter's own words around it. */
const LETTER_FIELDS: Record<LetterKind, LetterFields> = {
  advice_request: {},
  consent_request: {},
  information_request: { question: 'Welke gegevens bewaart het systeem per orderpicker?' },
  consultation_request: { reasons: 'Wij willen de bewaartermijn bespreken.' },
  council_decision: {
    position: 'conditional',
    conditions: ['Geen beoordeling'],
    reasons: 'Privacy',
  },
  employer_decision: { follows: false, reasons: 'Bedrijfsnoodzaak.' },
  ai_act_notice: {},
  expert_cost_notice: { expertName: 'Dr. Jansen', purpose: 'Toetsing', expectedCostsCents: 250000 },
  nullity_invocation: { reasons: 'Ingevoerd zonder instemming.' },
  initiative_proposal: { proposal: 'Publiceer het algoritmeregister.' },
};
const LETTER_CONTENTS = {
  intendedDecision: 'WarehouseInsight invoeren voor de planning van looproutes.',
  reasons: 'Groeiend ordervolume.',
  consequencesForStaff: 'Orderpickers krijgen routes van het systeem.',
  measures: 'Geen individuele beoordeling op de gegevens.',
  regelingText: 'Regeling WarehouseInsight: bewaartermijn 6 maanden.',
};

/**
 * Issue #18: every e-mail the product sends, in Dutch and English, reads as text of that language:
 * no raw key, no snake_case id, no `{placeholder}` left, no English in Dutch and one form of
 * address ("u"). The dossier PDF and the letters are read in their own specs with the same check
 * (test/dossier.e2e-spec.ts, libs/letters/src/letter-render.spec.ts). No database needed.
 */
const LANGUAGES = ['nl', 'en'] as const;
const links = { appUrl: 'https://overleg.example' };
const CASE_ID = '11111111-1111-4111-8111-111111111111';
const TITLE = 'Introductie WarehouseInsight';
const LINK = 'https://overleg.example/reset#token=abc';

const mailTexts = (mail: { subject: string; text: string; html: string }) => [
  mail.subject,
  ...mail.text.split('\n'),
  ...mail.html
    .replace(/<[^>]+>/g, '\n')
    .split('\n')
    .map((line) =>
      line
        .replace(/&quot;/g, '"')
        .replace(/&#39;/g, "'")
        .replace(/&amp;/g, '&'),
    ),
];

/** One notification of each kind the product e-mails: every deadline rule, every case event. */
function everyNotification(): Array<[string, NotificationFacts]> {
  const deadlines = DEADLINE_RULE_IDS.flatMap((ruleId) =>
    (['deadline.reminder', 'deadline.overdue', 'deadline.escalation'] as const).map(
      (type): [string, NotificationFacts] => [
        `${type} ${ruleId}`,
        {
          type,
          ruleId,
          caseId: CASE_ID,
          caseTitle: TITLE,
          strictDate: '2026-03-20',
          extendedDate: '2026-03-23',
          statutory: true,
          fatal: ruleId === 'appeal_term',
          daysLeft: 3,
          late: true,
          reminderDueAt: '2026-03-13T08:00:00.000Z',
        },
      ],
    ),
  );
  const events = CASE_EVENT_TYPES.map((type): [string, NotificationFacts] => {
    const facts: CaseEventFacts = {
      type,
      caseId: CASE_ID,
      caseTitle: TITLE,
      path: caseEventPath(type, { caseId: CASE_ID, meetingId: CASE_ID }),
      unionName: 'FNV',
      terms: (TERMS_STARTED[type]?.rules ?? []).map((ruleId) => ({
        ruleId,
        strictDate: '2026-04-13',
        fatal: ruleId === 'appeal_term',
      })),
      ...(type === 'case.council_position_recorded'
        ? { position: { position: 'conditional', conditions: 2 } }
        : {}),
    };
    return [type, facts];
  });
  const mention: [string, NotificationFacts] = [
    'mention',
    { type: 'mention', caseId: CASE_ID, caseTitle: TITLE, actorName: 'Hanna de Vries' },
  ];
  return [...deadlines, ...events, mention];
}

describe('every e-mail in Dutch and English (issue #18)', () => {
  const notifications = everyNotification();

  it.each(LANGUAGES)('notification e-mails in %s', (lang) => {
    for (const [kind, facts] of notifications) {
      expectNoUntranslated(
        mailTexts(renderNotificationMail(facts, lang, links)),
        lang,
        `${kind} (${lang})`,
        {
          userText: [TITLE, 'Hanna de Vries', 'FNV'],
        },
      );
    }
  });

  it.each(LANGUAGES)('the daily digest in %s', (lang) => {
    const mail = renderDigestMail(
      notifications.map(([, facts]) => facts),
      '2026-03-13',
      lang,
      links,
    );
    expectNoUntranslated(mailTexts(mail), lang, `digest (${lang})`, { userText: [TITLE] });
  });

  it.each(LANGUAGES)('meeting invitations, updates and cancellations in %s', (lang) => {
    for (const [method, sequence] of [
      ['REQUEST', 0],
      ['REQUEST', 1],
      ['CANCEL', 2],
    ] as const) {
      const mail = renderMeetingInvitation(
        {
          meetingId: CASE_ID,
          kind: 'consultation',
          status: 'scheduled',
          version: sequence + 1,
          method,
          sequence,
          recipientIds: [],
          title: 'Overlegvergadering WarehouseInsight',
          startsAt: '2026-03-20T09:00:00.000Z',
          endsAt: '2026-03-20T10:00:00.000Z',
          location: 'Vergaderzaal 2',
        },
        { email: 'or-lid@example.test', language: lang },
        { email: 'overleg@example.test' },
        links,
        new Date('2026-03-13T08:00:00.000Z'),
        'overleg.example',
      );
      expectNoUntranslated(mailTexts(mail), lang, `invitation ${method} #${sequence} (${lang})`, {
        userText: ['Overlegvergadering WarehouseInsight'],
      });
    }
  });

  it.each(LANGUAGES)('account and survey e-mails in %s', (lang) => {
    const texts = [
      PASSWORD_RESET_MAIL[lang].subject,
      PASSWORD_RESET_MAIL[lang].body(LINK),
      ADMIN_INVITATION_MAIL[lang].subject('Acme Logistiek'),
      ADMIN_INVITATION_MAIL[lang].body('Acme Logistiek', LINK),
      SURVEY_INVITATION_MAIL[lang].subject('WarehouseInsight'),
      SURVEY_INVITATION_MAIL[lang].body('WarehouseInsight', LINK),
    ].flatMap((text) => text.split('\n'));
    expectNoUntranslated(texts, lang, `account and survey e-mails (${lang})`);
  });

  it('fails on what it is for', () => {
    expect(() =>
      expectNoUntranslated(
        ['Status: sent', 'Je ontvangt', 'regeling_text', 'Hallo {name}', 'Vraag DPIA.a'],
        'nl',
        'x',
      ),
    ).toThrow(
      /English "Status"[\s\S]*informal "Je"[\s\S]*snake_case "regeling_text"[\s\S]*placeholder "\{name\}"[\s\S]*item id "DPIA.a"/,
    );
  });

  it.each(LANGUAGES)("every letter kind's PDF in %s", async (lang) => {
    for (const kind of LETTER_KINDS) {
      const spec = LETTER_KIND_SPECS[kind];
      const sender = spec.sender === 'either' ? 'council' : spec.sender;
      const pdf = await renderLetterPdf({
        language: lang,
        structured: composeLetter({
          kind,
          track: spec.tracks[0] ?? null,
          sender,
          language: lang,
          fields: LETTER_FIELDS[kind],
          facts: {
            caseId: CASE_ID,
            caseTitle: TITLE,
            contents: LETTER_CONTENTS,
            councilPosition: {
              position: 'conditional',
              conditions: ['Geen beoordeling'],
              reasons: 'Privacy',
              waivesSuspension: false,
              receivedOn: '2026-03-10',
            },
            employerDecision: { follows: false, receivedOn: '2026-03-20' },
            termSettings: DEFAULT_COUNCIL_TERM_SETTINGS,
          },
          termsFrom: '2026-03-02',
          received: true,
        }),
        body: lang === 'nl' ? 'Hierbij onze brief.' : 'Please find our letter.',
        versionSeq: 2,
        dated: '2026-03-02',
        signedBy: 'Voorzitter OR',
        receivedOn: '2026-03-02',
        receipt: [
          { on: '2026-03-02', via: 'opened', side: sender === 'council' ? 'employer' : 'council' },
        ],
        auditHead: { seq: 7, hash: 'ab'.repeat(32) },
        verificationUrl: `https://overleg.example/cases/${CASE_ID}/letters/x/verification?seq=7`,
      });
      const typed = [
        TITLE,
        ...Object.values(LETTER_CONTENTS),
        ...Object.values(LETTER_FIELDS[kind]).flatMap((v) =>
          typeof v === 'string' ? [v] : Array.isArray(v) ? v : [],
        ),
      ];
      expectNoUntranslated(
        withoutUserText(await pdfText(pdf), typed).split('\n'),
        lang,
        `the ${kind} letter PDF (${lang})`,
      );
    }
  });
});
