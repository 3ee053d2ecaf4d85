import type { LetterStructured } from './compose-letter';
import type { LetterLanguage } from './letter-kinds';

/** One block of a rendered letter: PDF, DOCX and the diff all read these. */
export interface LetterBlock {
  readonly kind: 'title' | 'meta' | 'heading' | 'paragraph' | 'bullet';
  readonly text: string;
}

export interface LetterRecord {
  readonly language: LetterLanguage;
  readonly structured: LetterStructured;
  readonly body: string;
  readonly versionSeq: number;
  /** The Amsterdam day of the letter (signed, or drafted). */
  readonly dated: string;
  readonly signedBy: string | null;
  readonly receivedOn: string | null;
  /** Who recorded the receipt and how, in order (first opening, acknowledgement, outside, correction). */
  readonly receipt: ReadonlyArray<{
    readonly on: string;
    readonly via: string;
    readonly side: string;
  }>;
  /** The case's audit chain head when rendered, so a third party can check the trail. */
  readonly auditHead: { readonly seq: number; readonly hash: string } | null;
  readonly verificationUrl: string;
}

const LABELS: Record<LetterLanguage, Record<string, string>> = {
  nl: {
    case: 'Zaak',
    date: 'Datum',
    from: 'Van',
    to: 'Aan',
    subject: 'Onderwerp',
    references: 'Wettelijke grondslag',
    terms: 'Termijnen',
    lastDay: 'uiterlijk',
    version: 'Versie',
    signedBy: 'Ondertekend door',
    unsigned: 'Concept, nog niet ondertekend',
    receipt: 'Ontvangst',
    receivedOn: 'Ontvangen op',
    notReceived: 'Nog niet ontvangen',
    auditHead: 'Audittrail (kop)',
    noAudit: 'nog geen audittrail',
    verify: 'Controleer de audittrail',
    opened: 'eerste opening in Overleg',
    acknowledged: 'ontvangstbevestiging in Overleg',
    outside: 'buiten Overleg afgeleverd, datum vastgelegd',
    corrected: 'ontvangstdatum gecorrigeerd door de ontvanger',
    employer: 'ondernemer',
    council: 'ondernemingsraad',
  },
  en: {
    case: 'Case',
    date: 'Date',
    from: 'From',
    to: 'To',
    subject: 'Subject',
    references: 'Legal basis',
    terms: 'Terms',
    lastDay: 'last day',
    version: 'Version',
    signedBy: 'Signed off by',
    unsigned: 'Draft, not yet signed off',
    receipt: 'Receipt',
    receivedOn: 'Received on',
    notReceived: 'Not yet received',
    auditHead: 'Audit trail (head)',
    noAudit: 'no audit trail yet',
    verify: 'Verify the audit trail',
    opened: 'first opened in Overleg',
    acknowledged: 'acknowledged in Overleg',
    outside: 'delivered outside Overleg, date recorded',
    corrected: 'receipt date corrected by the recipient',
    employer: 'employer',
    council: 'works council',
  },
};

export function letterLabels(language: LetterLanguage): Record<string, string> {
  return LABELS[language];
}

/** The letter as blocks, in reading order: header, body, structured part, terms, receipt, proof. */
export function letterBlocks(letter: LetterRecord): LetterBlock[] {
  const l = LABELS[letter.language];
  const s = letter.structured;
  const blocks: LetterBlock[] = [
    { kind: 'title', text: s.subject },
    { kind: 'meta', text: `${l.case}: ${s.caseReference} - ${s.caseTitle}` },
    { kind: 'meta', text: `${l.date}: ${letter.dated}` },
    { kind: 'meta', text: `${l.from}: ${s.from}` },
    { kind: 'meta', text: `${l.to}: ${s.to}` },
    { kind: 'paragraph', text: s.salutation },
  ];
  for (const paragraph of letter.body.split(/\n{2,}/).filter((p) => p.trim() !== '')) {
    blocks.push({ kind: 'paragraph', text: paragraph.trim() });
  }
  for (const section of s.sections) {
    blocks.push({ kind: 'heading', text: section.heading });
    for (const line of section.lines) {
      blocks.push({ kind: 'paragraph', text: line });
    }
  }
  if (s.terms.length > 0) {
    blocks.push({ kind: 'heading', text: l.terms });
    for (const t of s.terms) {
      blocks.push({ kind: 'bullet', text: `${t.label}: ${l.lastDay} ${t.lastDay} (${t.basis})` });
    }
  }
  blocks.push({ kind: 'heading', text: l.references });
  for (const ref of s.references) {
    blocks.push({ kind: 'bullet', text: ref });
  }
  blocks.push({ kind: 'paragraph', text: s.closing });
  blocks.push({
    kind: 'paragraph',
    text: letter.signedBy ? `${l.signedBy}: ${letter.signedBy}` : l.unsigned,
  });
  blocks.push({ kind: 'meta', text: `${l.version}: ${letter.versionSeq}` });
  blocks.push({ kind: 'heading', text: l.receipt });
  blocks.push({
    kind: 'paragraph',
    text: letter.receivedOn ? `${l.receivedOn}: ${letter.receivedOn}` : l.notReceived,
  });
  for (const r of letter.receipt) {
    blocks.push({ kind: 'bullet', text: `${r.on}: ${l[r.via] ?? r.via} (${l[r.side] ?? r.side})` });
  }
  blocks.push({
    kind: 'meta',
    text: `${l.auditHead}: ${letter.auditHead ? `#${letter.auditHead.seq} ${letter.auditHead.hash}` : l.noAudit}`,
  });
  blocks.push({ kind: 'meta', text: `${l.verify}: ${letter.verificationUrl}` });
  return blocks;
}

/** The lines a version diff compares: the editable body and the structured part. */
export function versionLines(structured: LetterStructured, body: string): string[] {
  return [
    structured.subject,
    ...body.split('\n'),
    ...structured.sections.flatMap((s) => [`## ${s.heading}`, ...s.lines]),
    ...structured.terms.map((t) => `${t.label}: ${t.lastDay}`),
    ...structured.references,
  ];
}

export interface DiffLine {
  readonly op: 'same' | 'added' | 'removed';
  readonly line: string;
}

/** A line diff (longest common subsequence), oldest first. */
export function diffLines(before: readonly string[], after: readonly string[]): DiffLine[] {
  const n = before.length;
  const m = after.length;
  const lcs: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lcs[i][j] =
        before[i] === after[j] ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
    }
  }
  const out: DiffLine[] = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (before[i] === after[j]) {
      out.push({ op: 'same', line: before[i] });
      i++;
      j++;
    } else if (lcs[i + 1][j] >= lcs[i][j + 1]) {
      out.push({ op: 'removed', line: before[i++] });
    } else {
      out.push({ op: 'added', line: after[j++] });
    }
  }
  while (i < n) {
    out.push({ op: 'removed', line: before[i++] });
  }
  while (j < m) {
    out.push({ op: 'added', line: after[j++] });
  }
  return out;
}
