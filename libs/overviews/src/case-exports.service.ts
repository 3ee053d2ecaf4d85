import { Injectable } from '@nestjs/common';

import type { Actor } from '@wc/auth';
import { CaseService, type CaseSummaryResponse } from '@wc/cases';
import { MAX_PAGE_LIMIT } from '@wc/pagination';

import { toCsv } from './domain/csv';
import type { CasesCsvQueryDto } from './dto/overviews.dto';

/**
 * CSV exports of case data. Each goes through the same `CaseService` call as its JSON route, so
 * the policy (404 for invisible cases, no audit trail for experts and unions) applies unchanged.
 */
@Injectable()
export class CaseExportsService {
  constructor(private readonly cases: CaseService) {}

  async casesCsv(actor: Actor, query: CasesCsvQueryDto): Promise<string> {
    // The whole list, read through the same keyset pages as the API (bounded queries).
    const rows: CaseSummaryResponse[] = [];
    let cursor: string | undefined;
    do {
      const page = await this.cases.list(actor, { ...query, limit: MAX_PAGE_LIMIT, cursor });
      rows.push(...page.items);
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    return toCsv(
      [
        'id',
        'title',
        'organisation_id',
        'works_council_id',
        'ai_system_id',
        'status',
        'stage',
        'blocked',
        'version',
        'updated_at',
      ],
      rows.map((c) => [
        c.id,
        c.title,
        c.organisationId,
        c.worksCouncilId,
        c.aiSystemId,
        c.status,
        c.stage,
        c.blocked,
        c.version,
        c.updatedAt,
      ]),
    );
  }

  async deadlinesCsv(actor: Actor, caseId: string): Promise<string> {
    const deadlines = [];
    let cursor: string | undefined;
    do {
      const page = await this.cases.deadlinePage(actor, caseId, { limit: MAX_PAGE_LIMIT, cursor });
      deadlines.push(...page.items);
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    return toCsv(
      [
        'id',
        'track',
        'rule_id',
        'source',
        'statutory',
        'fatal',
        'trigger_date',
        'strict_date',
        'extended_date',
        'due_at',
        'status',
      ],
      deadlines.map((d) => [
        d.id,
        d.track,
        d.ruleId,
        d.source,
        d.statutory,
        d.fatal,
        d.triggerDate,
        d.strictDate,
        d.extendedDate,
        d.dueAt,
        d.status,
      ]),
    );
  }

  async auditCsv(actor: Actor, caseId: string): Promise<string> {
    // The export is the whole trail, read through the same pages as the API (bounded queries).
    const entries = [];
    let cursor: string | undefined;
    do {
      const page = await this.cases.auditTrail(actor, caseId, { limit: MAX_PAGE_LIMIT, cursor });
      entries.push(...page.items);
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    return toCsv(
      ['seq', 'occurred_at', 'actor_id', 'action', 'before', 'after', 'hash'],
      entries.map((e) => [
        e.seq,
        e.occurredAt,
        e.actorId,
        e.action,
        asJson(e.before),
        asJson(e.after),
        e.hash,
      ]),
    );
  }
}

function asJson(value: unknown): string | null {
  return value === null || value === undefined ? null : JSON.stringify(value);
}
