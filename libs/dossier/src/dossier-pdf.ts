import PDFDocument from 'pdfkit';

import type { CaseResponse, TriageOutcome } from '@wc/cases';
import {
  deadlineRuleLabel,
  deadlineRuleSource,
  plainSources,
  reasonText,
  VALUE_LABELS,
} from '@wc/texts';

import type { DossierLetter } from './dossier-letters.port';
import { pdfLabel } from './dossier-pdf-labels';
import {
  type AssessmentContent,
  type AudienceProgress,
  type ChecklistItem,
  DIMENSIONS,
  DPIA_ITEMS,
  type Effect,
  FRIA_ITEMS,
  type Language,
  type OversightContent,
  type SectionItem,
  type TrainingPlanContent,
  amsterdamDay,
} from './domain';

/** Everything the export shows; the service builds it with the reader's rights already applied. */
export interface DossierPdfView {
  readonly language: Language;
  readonly generatedAt: Date;
  readonly aiCase: CaseResponse;
  readonly triage: TriageOutcome | null;
  readonly checklist: readonly ChecklistItem[];
  readonly assessment: {
    readonly version: {
      readonly seq: number;
      readonly submittedAt: Date;
      readonly content: AssessmentContent;
    } | null;
    readonly comments: ReadonlyArray<{
      readonly questionId: string;
      readonly authorSide: string;
      readonly body: string;
      readonly counterEffect: Effect | null;
      readonly createdAt: Date;
    }>;
  };
  /** `overseerTrained[i]`: overseer i completed every overseers' module. */
  readonly oversight: (OversightContent & { readonly overseerTrained: readonly boolean[] }) | null;
  readonly training: {
    readonly plan: TrainingPlanContent;
    readonly progress: readonly AudienceProgress[];
  } | null;
  /** The case's documents this reader may see (WOR art. 20 secrecy already applied). */
  readonly documents: ReadonlyArray<{ readonly title: string; readonly detail: string }>;
  /** The formal letters that left their sender, with their receipt record (issue #22). */
  readonly letters?: readonly DossierLetter[];
  /** Sections other libs add after the documents (the evaluation report, issue #19). */
  readonly extraSections?: ReadonlyArray<{
    readonly heading: string;
    readonly lines: readonly string[];
  }>;
}

type Labels = Record<string, string>;

const LABELS: Record<Language, Labels> = {
  en: {
    dossier: 'Dossier',
    generated: 'Generated on',
    stage: 'Stage',
    summary: '1. Case summary',
    intendedDecision: 'Intended decision',
    grounds: 'Grounds',
    reasons: 'Reasons',
    consequencesForStaff: 'Expected consequences for staff',
    measures: 'Intended measures',
    alternatives: 'Alternatives considered',
    planning: 'Planning',
    proposedDecisionDate: 'Proposed decision date',
    regelingText: 'Proposed arrangement (regeling)',
    tracks: 'Tracks',
    deadlines: 'Open deadlines',
    none: 'None.',
    timeline: '2. Stage timeline',
    sentToCouncil: 'Sent to the council',
    triage: '3. Triage: rights and reasons',
    rights: 'Rights and duties',
    advice: 'Advice (WOR art. 25)',
    consent: 'Consent (WOR art. 27)',
    highRisk: 'High-risk AI system (AI Act)',
    dpiaRequired: 'DPIA required (GDPR art. 35)',
    friaRequired: 'FRIA required (AI Act art. 27)',
    yes: 'yes',
    no: 'no',
    triageReasons: 'Reasons',
    noTriage: 'No triage recorded yet.',
    contested: 'The council contests the triage',
    assessment: '4. Impact assessment',
    version: 'Version',
    submittedOn: 'submitted on',
    noVersion: 'No version has been submitted yet.',
    rating: 'Rating',
    answer: 'Answer',
    basis: 'Basis',
    effect: 'Expected effect',
    likelihood: 'Likelihood',
    affectedGroup: 'Affected group',
    mitigation: 'Mitigation',
    mitigations: 'Mitigations',
    notAnswered: 'Not answered.',
    councilComments: 'Council comments',
    counterRating: 'counter-rating',
    riskRegister: 'Risk register',
    risk: 'Risk',
    severity: 'Severity',
    owner: 'Owner',
    dpia: 'DPIA (GDPR art. 35(7) and 35(9))',
    fria: 'FRIA (AI Act art. 27(1))',
    empty: '(empty)',
    oversight: '5. Human oversight',
    noOversight: 'No oversight arrangement yet.',
    appliesTo: 'Applies to',
    oversightModel: 'Oversight model',
    overseers: 'Overseers',
    authority: 'authority',
    hoursPerWeek: 'hours per week',
    trained: 'trained',
    notTrained: 'not yet trained',
    knowledgeAndTraining: 'Knowledge and training required',
    escalationPath: 'Escalation path',
    complaintContact: 'Complaint procedure: human contact',
    complaintExplanation:
      'Complaint procedure: explanation of outcomes (GDPR art. 22, AI Act art. 86)',
    protection: 'Protection of overseers',
    logRetention: 'Log retention (months)',
    reviewDate: 'Review date',
    training: '6. Training plan',
    noTraining: 'No training plan yet.',
    modules: 'Modules',
    module: 'module',
    audience: 'audience',
    hours: 'hours',
    provider: 'provider',
    deadline: 'deadline',
    paidByEmployer: 'paid by the employer (BW 7:611a)',
    progress: 'Progress per audience',
    completed: 'completed',
    decisions: '7. Decisions',
    councilPosition: 'Council position',
    employerDecision: 'Employer decision',
    follows: 'follows the council',
    deviates: 'deviates from the council',
    implementationDate: 'implementation date',
    received: 'received on',
    conditions: 'Conditions',
    suspensionWaived: 'Suspension waived',
    substitutePermission: 'Substitute permission',
    noticeSent: 'AI Act 26(7) notice sent on',
    noDecisions: 'No decisions recorded yet.',
    checklist: '8. Completeness of the requests',
    done: 'done',
    missing: 'missing',
    blocking: 'blocks submission',
    documents: '9. Documents',
    noDocuments: 'No documents.',
    page: 'Page',
  },
  nl: {
    dossier: 'Dossier',
    generated: 'Gemaakt op',
    stage: 'Fase',
    summary: '1. Samenvatting van de zaak',
    intendedDecision: 'Voorgenomen besluit',
    grounds: 'Grondslag',
    reasons: 'Beweegredenen',
    consequencesForStaff: 'Verwachte gevolgen voor het personeel',
    measures: 'Voorgenomen maatregelen',
    alternatives: 'Overwogen alternatieven',
    planning: 'Planning',
    proposedDecisionDate: 'Voorgestelde besluitdatum',
    regelingText: 'Voorgestelde regeling',
    tracks: 'Sporen',
    deadlines: 'Lopende termijnen',
    none: 'Geen.',
    timeline: '2. Tijdlijn van de fasen',
    sentToCouncil: 'Naar de ondernemingsraad gestuurd',
    triage: '3. Triage: rechten en redenen',
    rights: 'Rechten en plichten',
    advice: 'Advies (WOR art. 25)',
    consent: 'Instemming (WOR art. 27)',
    highRisk: 'AI-systeem met hoog risico (AI-verordening)',
    dpiaRequired: 'DPIA verplicht (AVG art. 35)',
    friaRequired: 'FRIA verplicht (AI-verordening art. 27)',
    yes: 'ja',
    no: 'nee',
    triageReasons: 'Redenen',
    noTriage: 'Nog geen triage vastgelegd.',
    contested: 'De ondernemingsraad betwist de triage',
    assessment: '4. Effectbeoordeling',
    version: 'Versie',
    submittedOn: 'ingediend op',
    noVersion: 'Er is nog geen versie ingediend.',
    rating: 'Beoordeling',
    answer: 'Antwoord',
    basis: 'Onderbouwing',
    effect: 'Verwacht effect',
    likelihood: 'Waarschijnlijkheid',
    affectedGroup: 'Betrokken groep',
    mitigation: 'Maatregel',
    mitigations: 'Maatregelen',
    notAnswered: 'Niet beantwoord.',
    councilComments: 'Opmerkingen van de ondernemingsraad',
    counterRating: 'eigen beoordeling',
    riskRegister: 'Risicoregister',
    risk: 'Risico',
    severity: 'Ernst',
    owner: 'Eigenaar',
    dpia: 'DPIA (AVG art. 35 lid 7 en lid 9)',
    fria: 'FRIA (AI-verordening art. 27 lid 1)',
    empty: '(leeg)',
    oversight: '5. Menselijk toezicht',
    noOversight: 'Nog geen regeling voor menselijk toezicht.',
    appliesTo: 'Van toepassing op',
    oversightModel: 'Vorm van toezicht',
    overseers: 'Toezichthouders',
    authority: 'bevoegdheid',
    hoursPerWeek: 'uur per week',
    trained: 'geschoold',
    notTrained: 'nog niet geschoold',
    knowledgeAndTraining: 'Benodigde kennis en scholing',
    escalationPath: 'Escalatieroute',
    complaintContact: 'Klachtenregeling: menselijk aanspreekpunt',
    complaintExplanation:
      'Klachtenregeling: uitleg van uitkomsten (AVG art. 22, AI-verordening art. 86)',
    protection: 'Bescherming van toezichthouders',
    logRetention: 'Bewaartermijn logs (maanden)',
    reviewDate: 'Evaluatiedatum',
    training: '6. Scholingsplan',
    noTraining: 'Nog geen scholingsplan.',
    modules: 'Modules',
    module: 'module',
    audience: 'doelgroep',
    hours: 'uur',
    provider: 'aanbieder',
    deadline: 'uiterlijk',
    paidByEmployer: 'betaald door de werkgever (BW 7:611a)',
    progress: 'Voortgang per doelgroep',
    completed: 'afgerond',
    decisions: '7. Besluiten',
    councilPosition: 'Standpunt van de ondernemingsraad',
    employerDecision: 'Besluit van de werkgever',
    follows: 'volgt de ondernemingsraad',
    deviates: 'wijkt af van de ondernemingsraad',
    implementationDate: 'invoeringsdatum',
    received: 'ontvangen op',
    conditions: 'Voorwaarden',
    suspensionWaived: 'Opschorting prijsgegeven',
    substitutePermission: 'Vervangende toestemming',
    noticeSent: 'Kennisgeving AI-verordening 26(7) verstuurd op',
    noDecisions: 'Nog geen besluiten vastgelegd.',
    checklist: '8. Volledigheid van de aanvragen',
    done: 'gereed',
    missing: 'ontbreekt',
    blocking: 'blokkeert indienen',
    documents: '9. Documenten',
    noDocuments: 'Geen documenten.',
    page: 'Pagina',
  },
};

const AUDIENCE_LABELS: Record<Language, Record<string, string>> = {
  en: {
    overseers: 'overseers',
    affected_staff: 'affected staff',
    council_members: 'council members (AI literacy)',
    managers: 'managers',
    hr: 'HR',
    ict: 'ICT',
    other: 'other',
  },
  nl: {
    overseers: 'toezichthouders',
    affected_staff: 'betrokken medewerkers',
    council_members: 'OR-leden (AI-geletterdheid)',
    managers: 'leidinggevenden',
    hr: 'HR',
    ict: 'ICT',
    other: 'overig',
  },
};

// Characters outside WinAnsi, which the built-in PDF fonts cannot show.
const REPLACEMENTS: ReadonlyArray<[RegExp, string]> = [
  [/\u2212/g, '-'],
  [/\u2264/g, '<='],
  [/\u2265/g, '>='],
  [/[\u2190-\u21ff]/g, '->'],
  [/[\u00a0\u2007\u202f]/g, ' '],
];
const WIN_ANSI_EXTRA = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ');

/** Text the standard fonts can draw: known substitutions, then `?` for anything else. */
export function pdfSafe(text: string): string {
  let out = text;
  for (const [pattern, replacement] of REPLACEMENTS) {
    out = out.replace(pattern, replacement);
  }
  return [...out]
    .map((ch) => (ch.charCodeAt(0) <= 0xff || WIN_ANSI_EXTRA.has(ch) ? ch : '?'))
    .join('');
}

/** A deadline's track: an information request's own (`information:<id>`) reads as "information". */
const trackOf = (track: string) => (track.startsWith('information:') ? 'information' : track);

function effectText(effect: Effect | null | undefined, language: Language): string {
  if (effect === undefined || effect === null) {
    return '-';
  }
  if (effect === 'unknown') {
    return language === 'nl' ? 'onbekend' : 'unknown';
  }
  return effect > 0 ? `+${effect}` : String(effect);
}

class Writer {
  constructor(
    readonly doc: PDFKit.PDFDocument,
    readonly t: Labels,
    readonly language: Language,
  ) {}

  /** An enum value in the reader's language, never its raw key. */
  label(group: string, value: string | null | undefined): string {
    return pdfLabel(this.language, group, value);
  }

  heading(text: string): void {
    this.doc
      .moveDown(0.8)
      .font('Helvetica-Bold')
      .fontSize(15)
      .fillColor('#1f3a5f')
      .text(pdfSafe(text))
      .fillColor('black')
      .moveDown(0.3);
  }

  subheading(text: string): void {
    this.doc.moveDown(0.4).font('Helvetica-Bold').fontSize(11.5).text(pdfSafe(text)).moveDown(0.15);
  }

  line(text: string, options: { indent?: number; bold?: boolean; size?: number } = {}): void {
    this.doc
      .font(options.bold ? 'Helvetica-Bold' : 'Helvetica')
      .fontSize(options.size ?? 10)
      .text(pdfSafe(text), { indent: options.indent ?? 0, paragraphGap: 2 });
  }

  field(label: string, value: string | undefined | null, indent = 0): void {
    if (value === undefined || value === null || value.trim() === '') {
      return;
    }
    this.doc
      .font('Helvetica-Bold')
      .fontSize(10)
      .text(pdfSafe(`${label}: `), { indent, continued: true })
      .font('Helvetica')
      .text(pdfSafe(value), { paragraphGap: 2 });
  }

  bullet(text: string, indent = 10): void {
    this.line(`- ${text}`, { indent });
  }
}

/** Renders the dossier for council meetings: headings and text, tables written as text lines. */
export function renderDossierPdf(view: DossierPdfView): Promise<Buffer> {
  const t = LABELS[view.language];
  const title = `${t.dossier}: ${view.aiCase.title}`;
  const doc = new PDFDocument({
    size: 'A4',
    margin: 56,
    bufferPages: true,
    info: {
      Title: pdfSafe(title),
      Author: 'Overleg',
      Creator: 'Overleg',
      CreationDate: view.generatedAt,
    },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const finished = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const w = new Writer(doc, t, view.language);

  doc.font('Helvetica-Bold').fontSize(20).text(pdfSafe(title));
  w.line(
    `${t.generated} ${amsterdamDay(view.generatedAt)} - ${pdfLabel(view.language, 'caseStatus', view.aiCase.status)} - ${t.stage}: ${pdfLabel(view.language, 'caseStage', view.aiCase.stage)}`,
    { size: 9 },
  );

  summary(w, view);
  timeline(w, view);
  triageSection(w, view);
  assessmentSection(w, view);
  oversightSection(w, view);
  trainingSection(w, view);
  decisions(w, view);
  checklistSection(w, view);
  w.heading(t.documents);
  if (view.documents.length === 0) {
    w.line(t.noDocuments);
  }
  for (const d of view.documents) {
    w.bullet(`${d.title} (${d.detail})`);
  }
  lettersSection(w, view);
  for (const section of view.extraSections ?? []) {
    w.heading(section.heading);
    for (const line of section.lines) {
      w.bullet(line);
    }
  }

  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc
      .font('Helvetica')
      .fontSize(8)
      .text(
        pdfSafe(`Overleg - ${view.aiCase.title} - ${t.page} ${i + 1}/${range.count}`),
        56,
        doc.page.height - 36,
        { width: doc.page.width - 112, align: 'center', lineBreak: false },
      );
    doc.page.margins.bottom = bottom;
  }
  doc.end();
  return finished;
}

function summary(w: Writer, view: DossierPdfView): void {
  const { t } = w;
  const c = view.aiCase;
  w.heading(t.summary);
  const contents = c.contents;
  for (const key of [
    'intendedDecision',
    'grounds',
    'reasons',
    'consequencesForStaff',
    'measures',
    'alternatives',
    'planning',
    'proposedDecisionDate',
    'regelingText',
  ]) {
    const value = contents[key];
    w.field(t[key], typeof value === 'string' ? value : undefined);
  }
  w.subheading(t.tracks);
  for (const track of c.tracks) {
    w.bullet(`${w.label('track', track.kind)}: ${w.label('stage', track.stage)}`);
  }
  w.subheading(t.deadlines);
  const open = c.deadlines.filter((d) => d.status === 'open');
  if (open.length === 0) {
    w.line(t.none);
  }
  for (const d of open) {
    const track = d.track ? ` (${w.label('track', trackOf(d.track))})` : '';
    const source = deadlineRuleSource(d.ruleId, view.language);
    w.bullet(
      `${d.strictDate}: ${deadlineRuleLabel(d.ruleId, view.language)}${track}${source ? ` [${source}]` : ''}`,
    );
  }
}

interface HistoryEntry {
  at: string;
  from: string;
  to: string;
  action?: { type?: string };
  actorSide?: string;
}

function timeline(w: Writer, view: DossierPdfView): void {
  w.heading(w.t.timeline);
  const entries: Array<{ at: string; text: string }> = [];
  if (view.aiCase.sentAt) {
    entries.push({ at: view.aiCase.sentAt, text: w.t.sentToCouncil });
  }
  for (const track of view.aiCase.tracks) {
    const history = (track.snapshot.history ?? []) as HistoryEntry[];
    for (const h of history) {
      const action = h.action?.type
        ? ` (${w.label('action', h.action.type)}${h.actorSide ? `, ${w.label('side', h.actorSide)}` : ''})`
        : '';
      entries.push({
        at: h.at,
        text: `${w.label('track', track.kind)}: ${w.label('stage', h.from)} -> ${w.label('stage', h.to)}${action}`,
      });
    }
  }
  entries.sort((a, b) => a.at.localeCompare(b.at));
  if (entries.length === 0) {
    w.line(w.t.none);
  }
  for (const e of entries) {
    w.bullet(`${amsterdamDay(new Date(e.at))}  ${e.text}`);
  }
}

function triageSection(w: Writer, view: DossierPdfView): void {
  const { t } = w;
  w.heading(t.triage);
  const outcome = view.triage;
  if (!outcome) {
    w.line(t.noTriage);
    return;
  }
  const yn = (b: boolean) => (b ? t.yes : t.no);
  w.subheading(t.rights);
  w.bullet(
    `${t.advice}: ${yn(outcome.advice.applies)}${outcome.advice.letters.length ? ` (${outcome.advice.letters.join(', ')})` : ''}`,
  );
  w.bullet(
    `${t.consent}: ${yn(outcome.consent.applies)}${outcome.consent.letters.length ? ` (${outcome.consent.letters.join(', ')})` : ''}`,
  );
  w.bullet(`${t.highRisk}: ${yn(outcome.aiAct.highRisk)}`);
  w.bullet(`${t.dpiaRequired}: ${yn(outcome.dpia.required)}`);
  w.bullet(`${t.friaRequired}: ${yn(outcome.aiAct.fria)}`);
  w.subheading(t.triageReasons);
  for (const reason of outcome.reasons) {
    const sources = plainSources(reason.sources, view.language);
    w.bullet(
      `${triageReasonText(reason, outcome, view.language)}${sources ? ` (${sources})` : ''}`,
    );
  }
  const contest = (view.aiCase.triage as { contest?: { reasons: string; open: boolean } } | null)
    ?.contest;
  if (contest) {
    w.field(t.contested, contest.reasons);
  }
}

function sectionItems(
  w: Writer,
  label: string,
  items: readonly SectionItem[],
  section: Readonly<Record<string, string>> | null,
  language: Language,
  comments: DossierPdfView['assessment']['comments'],
): void {
  w.subheading(label);
  for (const item of items) {
    w.line(item.text[language], { bold: true });
    w.line(section?.[item.field] ?? w.t.empty, { indent: 10 });
    commentLines(
      w,
      comments.filter((c) => c.questionId === item.id),
      language,
    );
  }
}

function commentLines(
  w: Writer,
  comments: DossierPdfView['assessment']['comments'],
  language: Language,
): void {
  if (comments.length === 0) {
    return;
  }
  w.line(`${w.t.councilComments}:`, { indent: 10, bold: true });
  for (const c of comments) {
    const rating =
      c.counterEffect !== null
        ? `, ${w.t.counterRating} ${effectText(c.counterEffect, language)}`
        : '';
    w.bullet(
      `[${amsterdamDay(c.createdAt)}, ${w.label('side', c.authorSide)}${rating}] ${c.body}`,
      20,
    );
  }
}

function assessmentSection(w: Writer, view: DossierPdfView): void {
  const { t } = w;
  const language = view.language;
  const comments = view.assessment.comments;
  w.heading(t.assessment);
  const version = view.assessment.version;
  if (!version) {
    w.line(t.noVersion);
    return;
  }
  w.line(`${t.version} ${version.seq}, ${t.submittedOn} ${amsterdamDay(version.submittedAt)}`, {
    bold: true,
  });
  const content = version.content;
  for (const d of DIMENSIONS) {
    const rating = content.dimensions[d.key];
    w.subheading(`${d.key}. ${d.title[language]}`);
    w.field(t.rating, rating ? effectText(rating.rating, language) : '-');
    w.field(t.mitigations, rating?.mitigations);
    commentLines(
      w,
      comments.filter((c) => c.questionId === d.key),
      language,
    );
    for (const q of d.questions) {
      w.line(`${q.id}. ${q.text[language]}`, { bold: true });
      const a = content.answers[q.id];
      if (!a) {
        w.line(t.notAnswered, { indent: 10 });
      } else {
        w.field(t.answer, a.answer, 10);
        w.field(
          t.basis,
          a.basis
            ? `${a.basis}${a.evidenceType ? ` (${w.label('evidenceType', a.evidenceType)})` : ''}`
            : undefined,
          10,
        );
        w.field(
          t.effect,
          `${effectText(a.effect, language)}${a.likelihood ? `; ${t.likelihood.toLowerCase()}: ${w.label('level', a.likelihood)}` : ''}`,
          10,
        );
        w.field(t.affectedGroup, a.affectedGroup, 10);
        w.field(t.mitigation, a.mitigation, 10);
      }
      commentLines(
        w,
        comments.filter((c) => c.questionId === q.id),
        language,
      );
    }
  }
  w.subheading(t.riskRegister);
  if (content.risks.length === 0) {
    w.line(t.none);
  }
  content.risks.forEach((r, i) => {
    w.line(`${i + 1}. ${r.risk}`, { bold: true });
    w.line(
      `${t.affectedGroup}: ${r.affectedGroup} | ${t.likelihood}: ${w.label('level', r.likelihood)} | ${t.severity}: ${w.label('level', r.severity)} | ${t.owner}: ${r.owner}`,
      { indent: 10 },
    );
    w.field(t.mitigation, r.mitigation, 10);
  });
  commentLines(
    w,
    comments.filter((c) => c.questionId === 'risks'),
    language,
  );
  if (content.dpia) {
    sectionItems(w, t.dpia, DPIA_ITEMS, content.dpia, language, comments);
  }
  if (content.fria) {
    sectionItems(w, t.fria, FRIA_ITEMS, content.fria, language, comments);
  }
}

function oversightSection(w: Writer, view: DossierPdfView): void {
  const { t } = w;
  w.heading(t.oversight);
  const o = view.oversight;
  if (!o) {
    w.line(t.noOversight);
    return;
  }
  w.field(t.appliesTo, o.appliesTo);
  w.field(
    t.oversightModel,
    o.oversightModel ? w.label('oversightModel', o.oversightModel) : undefined,
  );
  w.subheading(t.overseers);
  if (o.overseers.length === 0) {
    w.line(t.none);
  }
  for (const [i, p] of o.overseers.entries()) {
    const trained = o.overseerTrained[i] ? t.trained : t.notTrained;
    w.bullet(
      `${p.name} (${p.role}); ${t.authority}: ${w.label('authority', p.authority)}; ${p.hoursPerWeek} ${t.hoursPerWeek}; ${trained}${p.trainingRequired ? `; ${p.trainingRequired}` : ''}`,
    );
  }
  w.field(t.knowledgeAndTraining, o.knowledgeAndTraining);
  w.field(t.escalationPath, o.escalationPath);
  w.field(t.complaintContact, o.complaintProcedure.contact);
  w.field(t.complaintExplanation, o.complaintProcedure.explanation);
  w.field(t.protection, o.protection);
  w.field(t.logRetention, String(o.logRetentionMonths));
  w.field(t.reviewDate, o.reviewDate);
}

function trainingSection(w: Writer, view: DossierPdfView): void {
  const { t } = w;
  const audiences = AUDIENCE_LABELS[view.language];
  w.heading(t.training);
  if (!view.training) {
    w.line(t.noTraining);
    return;
  }
  w.subheading(t.modules);
  for (const m of view.training.plan.modules) {
    const paid = m.costToEmployee === 0 ? `; ${t.paidByEmployer}` : '';
    w.bullet(
      `${m.title} [${m.key}]: ${t.audience} ${audiences[m.audience]}; ${w.label('moduleType', m.type)}; ${m.hours} ${t.hours}; ${t.provider} ${m.provider}; ${t.deadline} ${m.deadline}${paid}`,
    );
  }
  w.subheading(t.progress);
  for (const p of view.training.progress) {
    w.bullet(
      `${audiences[p.audience]}: ${p.completed}/${p.people} ${t.completed} (${p.percent}%), ${p.modules} ${p.modules === 1 ? t.module : t.modules.toLowerCase()}, ${p.hours} ${t.hours}`,
    );
  }
}

interface DecisionSnapshot {
  councilPosition?: {
    position: string;
    conditions?: string[];
    reasons?: string;
    receivedOn?: string;
    waivesSuspension?: boolean;
  };
  employerDecision?: {
    follows: boolean;
    reasons?: string;
    implementationDate?: string;
    receivedOn?: string;
  };
  suspensionWaiver?: { whole: boolean; waivedUntil?: string };
  substitutePermission?: string;
  noticeSentOn?: string;
}

function decisions(w: Writer, view: DossierPdfView): void {
  const { t } = w;
  w.heading(t.decisions);
  let any = false;
  for (const track of view.aiCase.tracks) {
    const s = track.snapshot as DecisionSnapshot;
    if (
      !s.councilPosition &&
      !s.employerDecision &&
      !s.suspensionWaiver &&
      !s.substitutePermission &&
      !s.noticeSentOn
    ) {
      continue;
    }
    any = true;
    w.subheading(w.label('track', track.kind));
    if (s.councilPosition) {
      const p = s.councilPosition;
      w.field(
        t.councilPosition,
        `${w.label('position', p.position)}${p.receivedOn ? ` (${t.received} ${p.receivedOn})` : ''}${p.reasons ? `: ${p.reasons}` : ''}`,
      );
      if (p.conditions && p.conditions.length > 0) {
        w.field(t.conditions, p.conditions.join('; '));
      }
    }
    if (s.employerDecision) {
      const d = s.employerDecision;
      const implementation = d.implementationDate
        ? `; ${t.implementationDate} ${d.implementationDate}`
        : '';
      w.field(
        t.employerDecision,
        `${d.follows ? t.follows : t.deviates}${d.receivedOn ? ` (${t.received} ${d.receivedOn})` : ''}${implementation}${d.reasons ? `: ${d.reasons}` : ''}`,
      );
    }
    if (s.suspensionWaiver) {
      w.field(
        t.suspensionWaived,
        s.suspensionWaiver.whole ? t.yes : (s.suspensionWaiver.waivedUntil ?? t.yes),
      );
    }
    if (s.substitutePermission) {
      w.field(t.substitutePermission, s.substitutePermission);
    }
    if (s.noticeSentOn) {
      w.field(t.noticeSent, s.noticeSentOn);
    }
  }
  if (!any) {
    w.line(t.noDecisions);
  }
}

function checklistSection(w: Writer, view: DossierPdfView): void {
  const { t } = w;
  w.heading(t.checklist);
  for (const item of view.checklist) {
    const state = item.done
      ? t.done
      : `${t.missing}${item.blocksSubmission ? ` (${t.blocking})` : ''}${item.detail ? `: ${checklistDetail(w, item.detail)}` : ''}`;
    const sources = plainSources(item.sources, view.language);
    w.bullet(`${checklistItemLabel(w, item.key)}: ${state}${sources ? ` (${sources})` : ''}`);
  }
}

const LETTER_LABELS: Record<Language, Record<string, string>> = {
  nl: {
    letters: 'Brieven en ontvangst',
    none: 'Nog geen verzonden brieven.',
    sent: 'verzonden',
    platform: 'in Overleg',
    outside: 'buiten Overleg',
    received: 'ontvangen op',
    notReceived: 'nog niet ontvangen',
    opened: 'eerste opening',
    acknowledged: 'ontvangstbevestiging',
    corrected: 'gecorrigeerd',
    employer: 'ondernemer',
    council: 'ondernemingsraad',
  },
  en: {
    letters: 'Letters and receipt',
    none: 'No letters sent yet.',
    sent: 'sent',
    platform: 'in Overleg',
    outside: 'outside Overleg',
    received: 'received on',
    notReceived: 'not yet received',
    opened: 'first opened',
    acknowledged: 'acknowledged',
    corrected: 'corrected',
    employer: 'employer',
    council: 'works council',
  },
};

/** Issue #22: each letter sent, how it was delivered, and its receipt record. */
function lettersSection(w: Writer, view: DossierPdfView): void {
  const l = LETTER_LABELS[view.language];
  w.heading(l.letters);
  const letters = view.letters ?? [];
  if (letters.length === 0) {
    w.line(l.none);
  }
  for (const letter of letters) {
    w.subheading(letter.subject);
    w.line(
      `${l.sent} ${letter.sentAt ?? '-'} (${letter.delivery ? l[letter.delivery] : '-'}); ${
        letter.receivedOn ? `${l.received} ${letter.receivedOn}` : l.notReceived
      }`,
    );
    for (const r of letter.receipt) {
      w.bullet(`${r.on}: ${l[r.via] ?? '-'} (${l[r.side] ?? '-'})`);
    }
  }
}

/** A catalogue text with its `{vars}` filled in (the reasons the PDF shows have no plurals). */
function interpolate(text: string, vars: Record<string, string>): string {
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? vars[name] : whole));
}

/** A triage reason in the reader's language: the web's `reason.<code>` text (@wc/texts). */
function triageReasonText(
  reason: TriageOutcome['reasons'][number],
  outcome: TriageOutcome,
  language: Language,
): string {
  const labels = VALUE_LABELS[language] as Record<string, Record<string, string>>;
  return reasonText(reason, outcome, {
    t: (key, vars, fallback) => {
      const dot = key.indexOf('.');
      const text = labels[key.slice(0, dot)]?.[key.slice(dot + 1)];
      return text === undefined ? fallback : interpolate(text, vars);
    },
    label: (group, value) => pdfLabel(language, group, value),
  });
}

/** `dossier:training_plan` → "Scholingsplan"; `request:advice` → "Advies". */
function checklistItemLabel(w: Writer, key: string): string {
  return w.label('dossierItem', key.split(':').slice(1).join(':') || key);
}

/** `missing:reasons,measures;unanswered:A1` → "ontbreekt: beweegredenen, maatregelen; onbeantwoord: A1". */
function checklistDetail(w: Writer, detail: string): string {
  return detail
    .split(';')
    .map((part) => {
      const [kind, list] = part.split(':');
      if (!list) {
        return w.label('detail', kind);
      }
      const items = list.split(',');
      const named = kind === 'missing' ? items.map((item) => w.label('missing', item)) : items;
      return `${w.label('detail', kind)}: ${named.join(', ')}`;
    })
    .join('; ');
}
