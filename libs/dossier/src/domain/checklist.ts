import type { TriageOutcome } from '@wc/cases';

import {
  type ApplicableSections,
  type AssessmentContent,
  applicableSections,
  assessmentGaps,
} from './assessment';
import { type OversightContent, oversightGaps } from './oversight';
import type { TrainingPlanContent } from './training';

/** What the triage makes part of the dossier the advice and consent requests rely on. */
export interface DossierRequirements extends ApplicableSections {
  /** AI Act 26(2), 14: a high-risk system needs named, trained, empowered overseers [E5]. */
  readonly oversight: boolean;
  /** BW 7:611a training when job content changes; AI Act art. 4 literacy always [B1, E1]. */
  readonly training: boolean;
}

export function dossierRequirements(triage: TriageOutcome | null): DossierRequirements {
  return {
    ...applicableSections(triage),
    oversight: triage?.aiAct.highRisk ?? false,
    training: triage ? triage.skills.trainingRequired || triage.skills.aiLiteracy : true,
  };
}

export type DossierItemKey =
  | 'dossier:assessment_submitted'
  | 'dossier:assessment_complete'
  | 'dossier:risk_register'
  | 'dossier:dpia_section'
  | 'dossier:dpia_council_views'
  | 'dossier:fria_section'
  | 'dossier:oversight_arrangement'
  | 'dossier:training_plan'
  | 'dossier:overseer_training_modules'
  | 'dossier:council_ai_literacy'
  | 'dossier:overseers_trained';

export interface ChecklistItem {
  readonly key: string;
  readonly done: boolean;
  /** Missing, it refuses `submit_request` on the advice and consent tracks. */
  readonly blocksSubmission: boolean;
  /** Machine-readable detail: what exactly is missing, e.g. `unanswered:A1,B2`. */
  readonly detail: string;
  readonly sources: readonly string[];
}

export interface DossierState {
  readonly latestVersion: { readonly seq: number; readonly content: AssessmentContent } | null;
  readonly oversight: OversightContent | null;
  readonly plan: TrainingPlanContent | null;
  readonly overseersTrained: boolean;
}

function item(
  key: DossierItemKey,
  done: boolean,
  blocksSubmission: boolean,
  detail: string,
  sources: readonly string[],
): ChecklistItem {
  return { key, done, blocksSubmission, detail: done ? '' : detail, sources };
}

const list = (label: string, ids: readonly string[]) =>
  ids.length > 0 ? [`${label}:${ids.join(',')}`] : [];

/**
 * The dossier part of the request checklist: the assessment the requests' "expected
 * consequences for staff" and "measures" rest on (WOR 25(3), 27(2)), and the AI items
 * legal-rules (b)1-2 list: DPIA, FRIA, human oversight, training. Items only appear when the
 * triage makes them applicable; `blocksSubmission` marks what refuses `submit_request`.
 */
export function dossierChecklist(req: DossierRequirements, state: DossierState): ChecklistItem[] {
  const latest = state.latestVersion;
  const gaps = latest ? assessmentGaps(latest.content, req) : null;
  const items: ChecklistItem[] = [
    item('dossier:assessment_submitted', latest !== null, true, 'no_version_submitted', [
      'W3',
      'W12',
    ]),
    item(
      'dossier:assessment_complete',
      gaps !== null &&
        gaps.unanswered.length === 0 &&
        gaps.unmitigated.length === 0 &&
        gaps.unratedDimensions.length === 0,
      true,
      gaps
        ? [
            ...list('unanswered', gaps.unanswered),
            ...list('unmitigated', gaps.unmitigated),
            ...list('unrated', gaps.unratedDimensions),
          ].join(';')
        : 'no_version_submitted',
      ['W3', 'W12'],
    ),
    item('dossier:risk_register', gaps !== null && !gaps.riskRegisterEmpty, true, 'no_risks', [
      'W3',
    ]),
  ];
  if (req.dpia) {
    items.push(
      item(
        'dossier:dpia_section',
        gaps !== null && gaps.dpia.length === 0,
        true,
        gaps ? list('missing', gaps.dpia).join(';') : 'no_version_submitted',
        ['G1', 'E10'],
      ),
    );
    // GDPR 35(9): the views of the council "where appropriate"; recommended, not blocking [G2, G7]
    items.push(
      item(
        'dossier:dpia_council_views',
        gaps !== null && !gaps.dpiaCouncilViews,
        false,
        'council_views_not_recorded',
        ['G2', 'G7'],
      ),
    );
  }
  if (req.fria) {
    items.push(
      item(
        'dossier:fria_section',
        gaps !== null && gaps.fria.length === 0,
        true,
        gaps ? list('missing', gaps.fria).join(';') : 'no_version_submitted',
        ['E12'],
      ),
    );
  }
  const oversightMissing = state.oversight ? oversightGaps(state.oversight) : null;
  items.push(
    item(
      'dossier:oversight_arrangement',
      oversightMissing !== null && oversightMissing.length === 0,
      req.oversight,
      oversightMissing ? list('missing', oversightMissing).join(';') : 'no_arrangement',
      ['E5', 'E9', 'E13', 'G4'],
    ),
  );
  const modules = state.plan?.modules ?? [];
  items.push(
    item('dossier:training_plan', modules.length > 0, req.training, 'no_modules', ['B1', 'E1']),
  );
  if (req.oversight) {
    items.push(
      item(
        'dossier:overseer_training_modules',
        modules.some((m) => m.audience === 'overseers'),
        true,
        'no_module_for_overseers',
        ['E5', 'E1'],
      ),
    );
    // Needed before go-live (the gate), not before the request is submitted.
    items.push(
      item(
        'dossier:overseers_trained',
        state.overseersTrained,
        false,
        'overseers_not_all_trained',
        ['E5', 'E1'],
      ),
    );
  }
  // AI Act art. 4 and 004 l.1503: those involved need enough AI knowledge to take part meaningfully.
  items.push(
    item(
      'dossier:council_ai_literacy',
      modules.some((m) => m.audience === 'council_members'),
      false,
      'no_module_for_council_members',
      ['E1'],
    ),
  );
  return items;
}

/** The keys that refuse `submit_request`, for the case's request checklist. */
export function missingForRequest(items: readonly ChecklistItem[]): string[] {
  return items.filter((i) => i.blocksSubmission && !i.done).map((i) => i.key);
}
