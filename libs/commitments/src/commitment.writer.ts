import { Injectable } from '@nestjs/common';

import type { CaseConditionsSink, RecordedConditions } from '@wc/cases';
import { Clock } from '@wc/core';
import { domainEvent, Outbox } from '@wc/database';

import { CommitmentRepository } from './commitment.repository';

/**
 * `@wc/cases`' `CASE_CONDITIONS_SINK`: in the track service's transaction, one commitment per
 * condition of a conditional advice or consent. It depends on nothing of the case lib, so the case
 * services can take it without a cycle (the commitment service itself calls the track service).
 */
@Injectable()
export class CommitmentWriter implements CaseConditionsSink {
  constructor(
    private readonly repo: CommitmentRepository,
    private readonly outbox: Outbox,
    private readonly clock: Clock,
  ) {}

  async conditionsRecorded(recorded: RecordedConditions): Promise<void> {
    const now = this.clock.now();
    const created = await this.repo.insertMissing(
      recorded.conditions.map((condition, i) => ({
        caseId: recorded.caseId,
        organisationId: recorded.organisationId,
        worksCouncilId: recorded.worksCouncilId,
        track: recorded.track,
        conditionNo: i + 1,
        condition,
        status: 'open' as const,
        createdAt: now,
      })),
    );
    await this.outbox.append(
      created.map((c) =>
        domainEvent(
          'commitment.created',
          { commitmentId: c.id, track: c.track, status: c.status, version: c.version },
          { caseId: c.caseId, organisationId: c.organisationId, worksCouncilId: c.worksCouncilId },
        ),
      ),
      recorded.recordedBy,
    );
  }
}
