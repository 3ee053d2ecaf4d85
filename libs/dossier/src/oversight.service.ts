import { Injectable } from '@nestjs/common';

import { AuditService } from '@wc/audit';
import type { Actor } from '@wc/auth';
import { Clock, NotFound, Unprocessable, VersionConflict } from '@wc/core';
import { TransactionHost } from '@wc/database';

import { CaseContexts } from './case-context';
import {
  type Overseer,
  type OversightContent,
  oversightGaps,
  oversightProblems,
  personProgress,
} from './domain';
import {
  DossierFactsService,
  type LoadedDossier,
  oversightContentOf,
} from './dossier-facts.service';
import type { OversightResponse, PutOversightDto } from './oversight.dto';
import type { OversightArrangementEntity } from './oversight-arrangement.entity';
import { OversightRepository } from './oversight.repository';

/**
 * The human-oversight arrangement (AI Act 14, 26(2), 26(6); GDPR 22; AI Act 86): who oversees
 * with which authority, escalation, the complaint route for affected staff, log retention.
 */
@Injectable()
export class OversightService {
  constructor(
    private readonly tx: TransactionHost,
    private readonly contexts: CaseContexts,
    private readonly arrangements: OversightRepository,
    private readonly dossier: DossierFactsService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async get(actor: Actor, caseId: string): Promise<OversightResponse> {
    await this.contexts.read(actor, caseId);
    const loaded = await this.dossier.load(caseId);
    if (!loaded.arrangement) {
      throw new NotFound('oversight_arrangement');
    }
    return toOversightResponse(loaded.arrangement, loaded);
  }

  async put(actor: Actor, caseId: string, dto: PutOversightDto): Promise<OversightResponse> {
    return this.tx.run(async () => {
      const ctx = await this.contexts.forMutation(actor, caseId);
      this.contexts.assertEmployer(ctx, 'oversight');
      const content: OversightContent = {
        appliesTo: dto.appliesTo ?? '',
        oversightModel: dto.oversightModel ?? null,
        overseers: dto.overseers.map(overseerOf),
        knowledgeAndTraining: dto.knowledgeAndTraining,
        escalationPath: dto.escalationPath,
        complaintProcedure: {
          contact: dto.complaintProcedure.contact,
          explanation: dto.complaintProcedure.explanation,
        },
        protection: dto.protection ?? '',
        logRetentionMonths: dto.logRetentionMonths,
        reviewDate: dto.reviewDate,
      };
      const problems = oversightProblems(content);
      if (problems.length > 0) {
        throw new Unprocessable(
          'oversight.log_retention_too_short',
          'AI Act art. 26(6): the system’s logs are kept for at least six months.',
          {},
          problems,
        );
      }
      const existing = await this.arrangements.arrangementOf(caseId);
      const current = existing?.version ?? 0;
      if (dto.version !== current) {
        throw new VersionConflict('oversight_arrangement', dto.version, current);
      }
      const now = this.clock.now();
      const before = existing ? oversightContentOf(existing) : null;
      const arrangement = existing ?? this.arrangements.create({ caseId, createdAt: now });
      Object.assign(arrangement, content, { updatedBy: actor.userId, updatedAt: now });
      const saved = await this.arrangements.save(arrangement);
      await this.audit.record({
        caseId,
        actorId: actor.userId,
        action: 'oversight.updated',
        before: before ? { ...before } : null,
        after: { ...content, version: saved.version },
      });
      await this.contexts.emit(ctx, actor, 'oversight.updated', { version: saved.version });
      return toOversightResponse(saved, await this.dossier.load(caseId));
    });
  }
}

function overseerOf(o: PutOversightDto['overseers'][number]): Overseer {
  return {
    ...(o.userId ? { userId: o.userId } : {}),
    name: o.name,
    role: o.role,
    authority: o.authority,
    ...(o.trainingRequired ? { trainingRequired: o.trainingRequired } : {}),
    hoursPerWeek: o.hoursPerWeek,
  };
}

function toOversightResponse(
  a: OversightArrangementEntity,
  loaded: LoadedDossier,
): OversightResponse {
  const overseerModules = loaded.plan?.modules.filter((m) => m.audience === 'overseers') ?? [];
  const missing = oversightGaps(oversightContentOf(a));
  return {
    caseId: a.caseId,
    version: a.version,
    appliesTo: a.appliesTo,
    oversightModel: a.oversightModel,
    overseers: a.overseers.map((o) => ({
      ...o,
      trained: personProgress(o, overseerModules, loaded.completions).done,
    })),
    knowledgeAndTraining: a.knowledgeAndTraining,
    escalationPath: a.escalationPath,
    complaintProcedure: { ...a.complaintProcedure },
    protection: a.protection,
    logRetentionMonths: a.logRetentionMonths,
    reviewDate: a.reviewDate,
    complete: missing.length === 0,
    missing,
    allOverseersTrained: loaded.overseersTrained,
    updatedBy: a.updatedBy,
    updatedAt: a.updatedAt.toISOString(),
  };
}
