import {
  type MentionFacts,
  type NotificationFacts,
  renderDigestMail,
  renderNotificationMail,
} from './mail-templates';

const links = { appUrl: 'https://overleg.example' };
const facts: NotificationFacts = {
  type: 'deadline.reminder',
  ruleId: 'advice_response_term',
  caseId: '11111111-1111-4111-8111-111111111111',
  caseTitle: 'Roostersoftware <Planner>',
  strictDate: '2026-03-20',
  extendedDate: '2026-03-20',
  statutory: false,
  fatal: false,
  daysLeft: 7,
  late: false,
  reminderDueAt: '2026-03-13T08:00:00.000Z',
};

describe('notification mail', () => {
  it('writes Dutch with the rule, date, case title and a link into the case', () => {
    const mail = renderNotificationMail(facts, 'nl', links);
    expect(mail.subject).toBe(
      'Herinnering: Adviestermijn ondernemingsraad verloopt over 7 dagen – Roostersoftware <Planner>',
    );
    expect(mail.text).toContain(
      'De termijn "Adviestermijn ondernemingsraad" in de zaak "Roostersoftware <Planner>" verloopt over 7 dagen, op vrijdag 20 maart 2026',
    );
    expect(mail.text).toContain(
      'Bekijk de zaak: https://overleg.example/cases/11111111-1111-4111-8111-111111111111',
    );
    expect(mail.html).toContain(
      '<a href="https://overleg.example/cases/11111111-1111-4111-8111-111111111111">Bekijk de zaak</a>',
    );
  });

  it('writes English for English-speaking users', () => {
    const mail = renderNotificationMail({ ...facts, daysLeft: 1 }, 'en', links);
    expect(mail.subject).toBe(
      'Reminder: Works council advice term (adviestermijn) ends tomorrow – Roostersoftware <Planner>',
    );
    // ICU versions differ on the comma after the weekday.
    expect(mail.text).toMatch(/ends tomorrow, on Friday,? 20 March 2026 \(end of day\)/);
  });

  it('escapes the case title in HTML', () => {
    const { html } = renderNotificationMail(facts, 'nl', links);
    expect(html).toContain('Roostersoftware &lt;Planner&gt;');
    expect(html).not.toContain('<Planner>');
  });

  it('says so when a reminder is late, and warns about fatal terms and the ATW extension when overdue', () => {
    const mail = renderNotificationMail(
      {
        ...facts,
        type: 'deadline.overdue',
        ruleId: 'appeal_term',
        fatal: true,
        statutory: true,
        strictDate: '2026-03-21',
        extendedDate: '2026-03-23',
        late: true,
        reminderDueAt: '2026-03-21T23:00:00.000Z',
      },
      'nl',
      links,
    );
    expect(mail.subject).toBe(
      '[Vertraagd] Termijn verstreken: Beroepstermijn Ondernemingskamer (art. 26 WOR) – Roostersoftware <Planner>',
    );
    expect(mail.text).toContain('fatale termijn');
    expect(mail.text).toContain(
      'Algemene termijnenwet de laatste dag verschuiven naar maandag 23 maart 2026',
    );
    expect(mail.text).toContain('had op 22 maart 2026 om 00:00 verstuurd moeten worden');
  });

  it('writes a case-less deadline without a case link', () => {
    const mail = renderNotificationMail(
      { ...facts, caseId: null, caseTitle: null, type: 'deadline.escalation', daysLeft: 0 },
      'en',
      links,
    );
    expect(mail.subject).toBe(
      'Escalation, fatal term: Works council advice term (adviestermijn) ends today',
    );
    expect(mail.text).toContain('Open Overleg: https://overleg.example');
  });
});

describe('mention mail', () => {
  const mention: MentionFacts = {
    type: 'mention',
    caseId: '22222222-2222-4222-8222-222222222222',
    caseTitle: 'Roostersoftware <Planner>',
    actorName: 'Hanna de Vries',
  };

  it('says who mentioned the user on which case, in Dutch, and links to the discussion', () => {
    const mail = renderNotificationMail(mention, 'nl', links);
    expect(mail.subject).toBe(
      'Hanna de Vries heeft u genoemd in een discussie – Roostersoftware <Planner>',
    );
    expect(mail.text).toContain(
      'Hanna de Vries heeft u genoemd in een discussie in de zaak "Roostersoftware <Planner>".',
    );
    expect(mail.text).toContain(
      'Open de discussie: https://overleg.example/cases/22222222-2222-4222-8222-222222222222/discussion',
    );
    expect(mail.text).toContain('omdat iemand u noemde in een discussie');
    expect(mail.html).toContain(
      '<a href="https://overleg.example/cases/22222222-2222-4222-8222-222222222222/discussion">Open de discussie</a>',
    );
    expect(mail.html).toContain('Roostersoftware &lt;Planner&gt;');
  });

  it('writes English, and a neutral name when the author is unknown', () => {
    const mail = renderNotificationMail({ ...mention, actorName: null }, 'en', links);
    expect(mail.subject).toBe('Someone mentioned you in a discussion – Roostersoftware <Planner>');
    expect(mail.text).toContain('Open the discussion: https://overleg.example/cases/');
  });
});

describe('digest mail', () => {
  it('lists every notification with its link, in one message', () => {
    const mail = renderDigestMail(
      [facts, { ...facts, type: 'deadline.overdue', caseId: null, caseTitle: null }],
      '2026-03-14',
      'en',
      links,
    );
    expect(mail.subject).toMatch(
      /^Overleg: daily digest for Saturday,? 14 March 2026 \(2 notifications\)$/,
    );
    expect(mail.text).toContain(
      '- Reminder: Works council advice term (adviestermijn) ends in 7 days – Roostersoftware <Planner>',
    );
    expect(mail.text).toContain('- Term expired: Works council advice term (adviestermijn)');
    expect(mail.html.match(/<li>/g)).toHaveLength(2);
  });

  it('lists a mention with the link to its discussion', () => {
    const mail = renderDigestMail(
      [
        facts,
        {
          type: 'mention',
          caseId: '22222222-2222-4222-8222-222222222222',
          caseTitle: 'Roostersoftware',
          actorName: 'Hanna de Vries',
        },
      ],
      '2026-03-14',
      'nl',
      links,
    );
    expect(mail.text).toContain(
      '- Hanna de Vries heeft u genoemd in een discussie – Roostersoftware',
    );
    expect(mail.text).toContain(
      '  https://overleg.example/cases/22222222-2222-4222-8222-222222222222/discussion',
    );
  });
});
