import { Injectable } from '@nestjs/common';

import { Clock } from '@wc/core';
import { TransactionHost } from '@wc/database';

import { DeadlineEntity } from './deadline.entity';
import { DEADLINE_VIEW_SELECT, type DeadlineView } from './deadline-view';
import {
  type CouncilTermSettings,
  computeDeadline,
  DEFAULT_COUNCIL_TERM_SETTINGS,
  type DeadlineRuleId,
  addTerm,
  endOfAmsterdamDay,
  equatedDates,
  getDeadlineRule,
  type OpenPeriod,
  resolveTermLength,
  stopTheClockDays,
} from './domain';
import { RegulatoryCalendarEntity } from './regulatory-calendar.entity';

export interface DeadlineScope {
  /** Null: a term of the council's own requests outside any case (issue #19). */
  caseId: string | null;
  organisationId: string;
  worksCouncilId: string | null;
  /** The council's agreed terms (convenant); unknown keys are ignored, missing ones default. */
  councilSettings: Record<string, unknown>;
}

export interface DeadlineStart {
  ruleId: string;
  track: string | null;
  triggerDate: string;
}

@Injectable()
export class DeadlinesService {
  constructor(
    private readonly tx: TransactionHost,
    private readonly clock: Clock,
  ) {}

  /**
   * Starts terms and closes others, in the caller's transaction. Starting a rule that is already
   * open on the same (case, track) replaces it, so a moved term reschedules rather than doubles.
   */
  async apply(
    scope: DeadlineScope,
    starts: readonly DeadlineStart[],
    met: ReadonlyArray<{ track: string | null; ruleId: string }>,
  ): Promise<void> {
    const now = this.clock.now();
    for (const done of met) {
      await this.close(scope.caseId, done.track, [done.ruleId], 'met', now);
    }
    const settings = councilTermSettings(scope.councilSettings);
    for (const start of starts) {
      const ruleId = start.ruleId as DeadlineRuleId;
      await this.close(scope.caseId, start.track, [ruleId], 'cancelled', now);
      const length = resolveTermLength(ruleId, settings);
      const row = this.tx.manager.create(DeadlineEntity, {
        caseId: scope.caseId,
        organisationId: scope.organisationId,
        worksCouncilId: scope.worksCouncilId,
        trackKind: start.track,
        ruleId,
        triggerDate: start.triggerDate,
        termLength: length,
        // The convenant in force when the term starts decides whether its clock can stop, (d)2.
        stopsWhileInformationOpen:
          getDeadlineRule(ruleId).clockCanStop && settings.stopClockWhileInformationOpen,
        clockStoppedSince: null,
        status: 'open',
      });
      schedule(row, 0);
      await this.tx.manager.save(row);
    }
  }

  /**
   * The agreed stop-the-clock rule (legal-rules (d)2): while an information request of the case is
   * open, the case's stoppable agreed terms stand still; once none is open, each term moves on by
   * the days a request was open after the term started (`stopTheClockDays`). Statutory terms run
   * regardless, so only rows started with `stopsWhileInformationOpen` are touched.
   */
  async syncStoppedClocks(
    caseId: string,
    periods: readonly OpenPeriod[],
    today: string,
  ): Promise<void> {
    const rows = await this.tx.manager.find(DeadlineEntity, {
      where: { caseId, status: 'open', stopsWhileInformationOpen: true },
    });
    const anyOpen = periods.some((p) => p.to === null);
    for (const row of rows) {
      if (anyOpen) {
        row.clockStoppedSince ??= today;
      } else {
        const startDate = addTerm(row.triggerDate, { days: 1 });
        schedule(row, stopTheClockDays(periods, today, startDate));
        row.clockStoppedSince = null;
      }
      await this.tx.manager.save(row);
    }
  }

  /** Closes every open term of a case (withdrawn, closed). */
  async cancelAllOfCase(caseId: string): Promise<void> {
    await this.tx.manager.update(
      DeadlineEntity,
      { caseId, status: 'open' },
      { status: 'cancelled', closedAt: this.clock.now() },
    );
  }

  /** Part of every case detail view. */
  async listForCase(caseId: string): Promise<DeadlineView[]> {
    return this.tx.query<DeadlineView>(
      `SELECT ${DEADLINE_VIEW_SELECT} FROM deadline d WHERE d.case_id = $1 ORDER BY d.due_at, d.created_at`,
      [caseId],
    );
  }

  /** The terms of these tracks outside any case (a council's own requests, issue #19). */
  async forCaselessTracks(tracks: readonly string[]): Promise<DeadlineView[]> {
    if (tracks.length === 0) {
      return [];
    }
    return this.tx.query<DeadlineView>(
      `SELECT ${DEADLINE_VIEW_SELECT} FROM deadline d WHERE d.case_id IS NULL AND d.track_kind = ANY($1::text[]) ORDER BY d.due_at`,
      [tracks],
    );
  }

  /**
   * The open terms as a subquery (`id, case_id, track_kind, rule_id, strict_date, due_at, fatal`),
   * for the personal agenda's one statement (issue #13): the caller narrows it to its cases.
   */
  openTermsSql(): string {
    return `SELECT d.id, d.case_id, d.track_kind, d.rule_id, d.strict_date, d.due_at, d.fatal FROM deadline d WHERE d.status = 'open'`;
  }

  async openForCases(caseIds: string[]): Promise<DeadlineView[]> {
    if (caseIds.length === 0) {
      return [];
    }
    return this.tx.query<DeadlineView>(
      `SELECT ${DEADLINE_VIEW_SELECT} FROM deadline d WHERE d.case_id = ANY($1::uuid[]) AND d.status = 'open' ORDER BY d.due_at, d.id`,
      [caseIds],
    );
  }

  async regulatoryCalendar(): Promise<
    Array<{ ruleKey: string; effectiveFrom: string; source: string; note: string }>
  > {
    return this.tx.manager.find(RegulatoryCalendarEntity, { order: { effectiveFrom: 'ASC' } });
  }

  private async close(
    caseId: string | null,
    track: string | null,
    ruleIds: string[],
    status: 'met' | 'cancelled',
    at: Date,
  ): Promise<void> {
    const qb = this.tx.manager
      .createQueryBuilder()
      .update(DeadlineEntity)
      .set({ status, closedAt: at })
      .where('status = :open AND rule_id IN (:...ruleIds)', { open: 'open', ruleIds });
    if (caseId === null) {
      // A term outside any case is named by its track alone (`council_request:<id>`).
      qb.andWhere('case_id IS NULL');
    } else {
      qb.andWhere('case_id = :caseId', { caseId });
    }
    if (track === null) {
      qb.andWhere('track_kind IS NULL');
    } else {
      qb.andWhere('track_kind = :track', { track });
    }
    await qb.execute();
  }
}

/** Merges a council's stored settings over the defaults, keeping only known keys. */
export function councilTermSettings(raw: Record<string, unknown>): CouncilTermSettings {
  const merged: Record<string, unknown> = { ...DEFAULT_COUNCIL_TERM_SETTINGS };
  for (const key of Object.keys(DEFAULT_COUNCIL_TERM_SETTINGS)) {
    if (raw[key] !== undefined) {
      merged[key] = raw[key];
    }
  }
  return merged as unknown as CouncilTermSettings;
}

/** (Re)computes a row's dates from its stored length and the days its clock stood still. */
function schedule(row: DeadlineEntity, pausedDays: number): void {
  const ruleId = row.ruleId as DeadlineRuleId;
  const computed = computeDeadline({
    ruleId,
    triggerDate: row.triggerDate,
    length: row.termLength ?? resolveTermLength(ruleId),
    pausedDays,
    equatedDays: equatedDates(),
  });
  Object.assign(row, {
    source: computed.source,
    statutory: computed.statutory,
    fatal: computed.fatal,
    strictDate: computed.strictDate,
    extendedDate: computed.extendedDate,
    dueAt: endOfAmsterdamDay(computed.strictDate),
    pausedDays: computed.pausedDays,
    agreedTermEndsOnNonWorkingDay: computed.agreedTermEndsOnNonWorkingDay,
  });
}
