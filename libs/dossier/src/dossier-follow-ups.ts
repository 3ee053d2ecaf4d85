import { Injectable } from '@nestjs/common';

import { TransactionHost } from '@wc/database';

import type { Language } from './domain';

/**
 * Issue #19 (P5): what a later round of the cycle reads from, or carries over of, the dossier.
 * The evaluation re-rates the submitted assessment's dimensions; a follow-up case opened by a
 * material change starts from the earlier case's dossier.
 */
@Injectable()
export class DossierFollowUps {
  constructor(private readonly tx: TransactionHost) {}

  /** The forecast: the dimension ratings of the latest submitted assessment version, or null. */
  async forecast(
    caseId: string,
  ): Promise<{ seq: number; dimensions: Record<string, number | 'unknown'> } | null> {
    const [row] = await this.tx.query<{ seq: number; content: { dimensions?: object } }>(
      `SELECT seq, content FROM assessment_version WHERE case_id = $1 ORDER BY seq DESC LIMIT 1`,
      [caseId],
    );
    if (!row) {
      return null;
    }
    const dimensions: Record<string, number | 'unknown'> = {};
    for (const [key, value] of Object.entries(row.content.dimensions ?? {})) {
      dimensions[key] = (value as { rating: number | 'unknown' }).rating;
    }
    return { seq: row.seq, dimensions };
  }

  /**
   * Copies the draft assessment, the oversight arrangement, the training plan and its completions
   * of `fromCaseId` to `toCaseId`, in the caller's transaction. Submitted versions stay with the
   * earlier case: the follow-up's procedure starts over, so its employer submits anew.
   */
  async carryOver(fromCaseId: string, toCaseId: string): Promise<void> {
    for (const table of ['assessment', 'oversight_arrangement', 'training_plan']) {
      const columns = await this.columnsOf(table, ['case_id']);
      await this.tx.query(
        `INSERT INTO ${table} (case_id, ${columns}) SELECT $2, ${columns} FROM ${table} WHERE case_id = $1`,
        [fromCaseId, toCaseId],
      );
    }
    const columns = await this.columnsOf('training_completion', ['id', 'case_id']);
    await this.tx.query(
      `INSERT INTO training_completion (case_id, ${columns}) SELECT $2, ${columns} FROM training_completion WHERE case_id = $1`,
      [fromCaseId, toCaseId],
    );
  }

  private async columnsOf(table: string, except: readonly string[]): Promise<string> {
    const rows = await this.tx.query<{ column_name: string }>(
      `SELECT column_name FROM information_schema.columns
        WHERE table_schema = current_schema() AND table_name = $1 ORDER BY ordinal_position`,
      [table],
    );
    return rows
      .map((r) => r.column_name)
      .filter((c) => !except.includes(c))
      .map((c) => `"${c}"`)
      .join(', ');
  }
}

/** A section another lib adds to the dossier PDF (the evaluation report, issue #19). */
export interface DossierPdfSection {
  readonly heading: string;
  readonly lines: readonly string[];
}

/**
 * Injection token for the evaluation report in the dossier PDF. `@wc/evaluations` builds on this
 * lib, so it binds the token from a global module; absent, the PDF has no evaluation section.
 */
export const DOSSIER_EVALUATION_REPORT = Symbol('DOSSIER_EVALUATION_REPORT');

export interface DossierEvaluationReport {
  /** The report of the case's evaluations, or null when none is scheduled yet. */
  sectionFor(
    aiCase: { readonly id: string; readonly aiSystemId: string },
    language: Language,
  ): Promise<DossierPdfSection | null>;
}
