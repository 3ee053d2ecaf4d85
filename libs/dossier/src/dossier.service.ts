import { Inject, Injectable, Optional } from '@nestjs/common';

import type { Actor } from '@wc/auth';
import { Clock } from '@wc/core';
import { DocumentsService } from '@wc/documents';

import { effectOf } from './assessment.service';
import { AssessmentRepository } from './assessment.repository';
import { type CaseContext, CaseContexts } from './case-context';
import {
  audienceProgress,
  type ChecklistItem,
  dossierChecklist,
  dossierRequirements,
  type Language,
  personProgress,
} from './domain';
import { DossierFactsService, type LoadedDossier } from './dossier-facts.service';
import { DOSSIER_LETTERS, type DossierLetters } from './dossier-letters.port';
import { DOSSIER_EVALUATION_REPORT, type DossierEvaluationReport } from './dossier-follow-ups';
import { type DossierPdfView, renderDossierPdf } from './dossier-pdf';
import type { ChecklistResponse } from './dossier.dto';

const CONFIDENTIAL: Record<Language, string> = {
  nl: 'vertrouwelijk (WOR art. 20)',
  en: 'confidential (WOR art. 20)',
};
const languageOf = (language: Language | undefined, actor: Actor): Language =>
  language ?? actor.language;

const REQUEST_SOURCES: Record<'advice' | 'consent', string[]> = {
  advice: ['W3', 'S4'],
  consent: ['W12', 'S8'],
};

/** The per-case completeness checklist and the dossier export for council meetings. */
@Injectable()
export class DossierService {
  constructor(
    private readonly contexts: CaseContexts,
    private readonly dossier: DossierFactsService,
    private readonly assessments: AssessmentRepository,
    private readonly documents: DocumentsService,
    private readonly clock: Clock,
    // Bound by @wc/letters' global module (issue #22); absent, the dossier lists no letters.
    @Optional() @Inject(DOSSIER_LETTERS) private readonly letters?: DossierLetters,
    // Bound by @wc/evaluations' global module (issue #19); absent, the PDF has no evaluation report.
    @Optional()
    @Inject(DOSSIER_EVALUATION_REPORT)
    private readonly evaluationReport?: DossierEvaluationReport,
  ) {}

  async checklist(actor: Actor, caseId: string): Promise<ChecklistResponse> {
    const ctx = await this.contexts.read(actor, caseId);
    const items = checklistOf(ctx, await this.dossier.load(caseId));
    return {
      caseId,
      ready: items.every((i) => i.done || !i.blocksSubmission),
      items: items.map((i) => ({ ...i, sources: [...i.sources] })),
    };
  }

  async pdf(actor: Actor, caseId: string, language?: Language): Promise<Buffer> {
    const ctx = await this.contexts.read(actor, caseId);
    const loaded = await this.dossier.load(caseId);
    const latest = await this.assessments.latestVersion(caseId);
    const comments = await this.assessments.comments(caseId);
    const overseerModules = loaded.plan?.modules.filter((m) => m.audience === 'overseers') ?? [];
    const evaluations = await this.evaluationReport?.sectionFor(
      ctx.aiCase,
      languageOf(language, actor),
    );
    const view: DossierPdfView = {
      extraSections: evaluations ? [evaluations] : [],
      language: languageOf(language, actor),
      generatedAt: this.clock.now(),
      aiCase: ctx.aiCase,
      triage: ctx.triage,
      checklist: checklistOf(ctx, loaded),
      assessment: {
        version: latest
          ? { seq: latest.seq, submittedAt: latest.submittedAt, content: latest.content }
          : null,
        comments: comments.map((c) => ({
          questionId: c.questionId,
          authorSide: c.authorSide,
          body: c.body,
          counterEffect: effectOf(c.counterEffect),
          createdAt: c.createdAt,
        })),
      },
      oversight: loaded.oversight
        ? {
            ...loaded.oversight,
            overseerTrained: loaded.oversight.overseers.map(
              (o) => personProgress(o, overseerModules, loaded.completions).done,
            ),
          }
        : null,
      training: loaded.plan
        ? {
            plan: loaded.plan,
            progress: audienceProgress(
              loaded.plan,
              loaded.completions,
              loaded.arrangement?.overseers ?? null,
            ),
          }
        : null,
      // The documents service leaves out what this reader may not see (WOR art. 20, model.md).
      documents: (await this.documents.listForCase(actor, caseId)).map((d) => ({
        title: d.title,
        detail: [
          `v${d.latestVersion.seq}`,
          d.latestVersion.filename,
          ...(d.confidential ? [CONFIDENTIAL[languageOf(language, actor)]] : []),
        ].join(', '),
      })),
      letters: this.letters
        ? await this.letters.dossierLetters(actor, caseId, languageOf(language, actor))
        : [],
    };
    return renderDossierPdf(view);
  }
}

/** Request contents from the case (WOR 25(3), 27(2)) followed by the dossier items. */
function checklistOf(ctx: CaseContext, loaded: LoadedDossier): ChecklistItem[] {
  const items: ChecklistItem[] = [];
  for (const kind of ['advice', 'consent'] as const) {
    if (!ctx.aiCase.tracks.some((t) => t.kind === kind)) {
      continue;
    }
    const missing = ctx.aiCase.missingRequestContents
      .filter((m) => m.startsWith(`${kind}:`))
      .map((m) => m.slice(kind.length + 1));
    items.push({
      key: `request:${kind}`,
      done: missing.length === 0,
      blocksSubmission: true,
      detail: missing.length > 0 ? `missing:${missing.join(',')}` : '',
      sources: REQUEST_SOURCES[kind],
    });
  }
  return [...items, ...dossierChecklist(dossierRequirements(ctx.triage), loaded)];
}
