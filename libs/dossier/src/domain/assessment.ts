import type { TriageOutcome } from '@wc/cases';

import {
  DIMENSIONS,
  DPIA_ITEMS,
  type DimensionKey,
  type Effect,
  type EvidenceType,
  FRIA_ITEMS,
  type Level,
  QUESTIONS,
  type SectionItem,
} from './questionnaire';

/** The employer's answer to one question (seed-requirements 1.3-1.4). */
export interface AnswerContent {
  readonly answer: string;
  /** Evidence or basis for the answer. */
  readonly basis?: string;
  readonly evidenceType?: EvidenceType;
  readonly effect: Effect;
  readonly likelihood?: Level;
  readonly affectedGroup?: string;
  readonly mitigation?: string;
}

/** The employer's overall rating of one dimension, with its mitigations. */
export interface DimensionRating {
  readonly rating: Effect;
  readonly mitigations?: string;
}

export interface RiskEntry {
  readonly id: string;
  readonly risk: string;
  readonly affectedGroup: string;
  readonly likelihood: Level;
  readonly severity: Level;
  readonly mitigation: string;
  readonly owner: string;
}

export type SectionContent = Readonly<Record<string, string>>;

/** A draft or a submitted version: what the employer puts forward. */
export interface AssessmentContent {
  readonly answers: Readonly<Record<string, AnswerContent>>;
  readonly dimensions: Readonly<Partial<Record<DimensionKey, DimensionRating>>>;
  readonly risks: readonly RiskEntry[];
  /** Null when the triage does not require a DPIA (GDPR 35). */
  readonly dpia: SectionContent | null;
  /** Null when the triage does not require a FRIA (AI Act 27). */
  readonly fria: SectionContent | null;
}

/** Which optional sections the case's triage makes part of the assessment. */
export interface ApplicableSections {
  readonly dpia: boolean;
  readonly fria: boolean;
}

export const EMPTY_CONTENT: AssessmentContent = {
  answers: {},
  dimensions: {},
  risks: [],
  dpia: null,
  fria: null,
};

export function applicableSections(triage: TriageOutcome | null): ApplicableSections {
  // GDPR 35(1),(3),(4) [G1]; AI Act 27(1) [E12]: shown only when the triage requires them.
  return { dpia: triage?.dpia.required ?? false, fria: triage?.aiAct.fria ?? false };
}

/**
 * The content as a submitted version stores it: sections the triage does not require are left
 * out, so a version never carries a DPIA or FRIA nobody asked for.
 */
export function snapshotOf(
  draft: AssessmentContent,
  sections: ApplicableSections,
): AssessmentContent {
  return {
    answers: draft.answers,
    dimensions: draft.dimensions,
    risks: draft.risks,
    dpia: sections.dpia ? (draft.dpia ?? {}) : null,
    fria: sections.fria ? (draft.fria ?? {}) : null,
  };
}

export interface AssessmentGaps {
  readonly unanswered: readonly string[];
  /** Questions with a negative expected effect but no mitigation. */
  readonly unmitigated: readonly string[];
  readonly unratedDimensions: readonly DimensionKey[];
  readonly riskRegisterEmpty: boolean;
  /** Required DPIA items still blank (their ids, e.g. `DPIA.b`); empty when not applicable. */
  readonly dpia: readonly string[];
  readonly dpiaCouncilViews: boolean;
  readonly fria: readonly string[];
}

const blank = (text: string | undefined): boolean => text === undefined || text.trim() === '';

function missingItems(items: readonly SectionItem[], section: SectionContent | null): string[] {
  return items.filter((i) => i.required && blank(section?.[i.field])).map((i) => i.id);
}

/** What a version still lacks to count as a complete assessment. */
export function assessmentGaps(
  content: AssessmentContent,
  sections: ApplicableSections,
): AssessmentGaps {
  const answered = (id: string) => {
    const a = content.answers[id];
    return a !== undefined && !blank(a.answer);
  };
  return {
    unanswered: QUESTIONS.filter((q) => !answered(q.id)).map((q) => q.id),
    unmitigated: QUESTIONS.filter((q) => {
      const a = content.answers[q.id];
      return a !== undefined && typeof a.effect === 'number' && a.effect < 0 && blank(a.mitigation);
    }).map((q) => q.id),
    unratedDimensions: DIMENSIONS.filter((d) => content.dimensions[d.key] === undefined).map(
      (d) => d.key,
    ),
    riskRegisterEmpty: content.risks.length === 0,
    dpia: sections.dpia ? missingItems(DPIA_ITEMS, content.dpia) : [],
    dpiaCouncilViews: sections.dpia && blank(content.dpia?.councilViews),
    fria: sections.fria ? missingItems(FRIA_ITEMS, content.fria) : [],
  };
}

/** Merges the given section fields into the stored ones; an empty string clears a field. */
export function mergeSection(
  current: SectionContent | null,
  patch: Readonly<Record<string, string | undefined>>,
): SectionContent {
  const next: Record<string, string> = { ...(current ?? {}) };
  for (const [field, value] of Object.entries(patch)) {
    if (value === undefined) {
      continue;
    }
    if (value.trim() === '') {
      delete next[field];
    } else {
      next[field] = value;
    }
  }
  return next;
}
