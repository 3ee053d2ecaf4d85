import { Injectable } from '@nestjs/common';

import { AuditService } from '@wc/audit';
import type { Actor } from '@wc/auth';
import { Clock, Conflict, NotFound, Unprocessable, VersionConflict } from '@wc/core';
import { TransactionHost } from '@wc/database';

import { CaseContexts } from './case-context';
import {
  amsterdamDay,
  audienceProgress,
  personKey,
  type TrainingPlanContent,
  trainingPlanProblems,
} from './domain';
import { DossierFactsService, type LoadedDossier, planContentOf } from './dossier-facts.service';
import type { TrainingPlanEntity } from './training-plan.entity';
import type { PutTrainingPlanDto, RecordCompletionDto, TrainingPlanResponse } from './training.dto';
import { TrainingRepository } from './training.repository';

/**
 * The training plan (BW 7:611a, AI Act art. 4): audiences, modules paid by the employer, and
 * completion per person. "All overseers trained" feeds the go-live gate.
 */
@Injectable()
export class TrainingService {
  constructor(
    private readonly tx: TransactionHost,
    private readonly contexts: CaseContexts,
    private readonly plans: TrainingRepository,
    private readonly dossier: DossierFactsService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async get(actor: Actor, caseId: string): Promise<TrainingPlanResponse> {
    await this.contexts.read(actor, caseId);
    return this.respond(caseId);
  }

  async put(actor: Actor, caseId: string, dto: PutTrainingPlanDto): Promise<TrainingPlanResponse> {
    return this.tx.run(async () => {
      const ctx = await this.contexts.forMutation(actor, caseId);
      this.contexts.assertEmployer(ctx, 'training');
      const content: TrainingPlanContent = {
        audiences: dto.audiences.map((a) => ({
          audience: a.audience,
          ...(a.description ? { description: a.description } : {}),
          ...(a.headcount !== undefined ? { headcount: a.headcount } : {}),
          people: (a.people ?? []).map((p) => ({
            ...(p.userId ? { userId: p.userId } : {}),
            name: p.name,
          })),
        })),
        modules: dto.modules.map((m) => ({
          key: m.key,
          title: m.title,
          audience: m.audience,
          type: m.type,
          hours: m.hours,
          provider: m.provider,
          deadline: m.deadline,
          duringWorkingTime: m.duringWorkingTime ?? true,
          costToEmployee: m.costToEmployee ?? 0,
        })),
      };
      const problems = trainingPlanProblems(content);
      if (problems.length > 0) {
        throw new Unprocessable(
          'training.invalid_plan',
          'The training plan breaks a rule: see errors.',
          {},
          problems,
        );
      }
      const existing = await this.plans.planOf(caseId);
      const current = existing?.version ?? 0;
      if (dto.version !== current) {
        throw new VersionConflict('training_plan', dto.version, current);
      }
      const now = this.clock.now();
      const before = existing ? planContentOf(existing) : null;
      const plan = existing ?? this.plans.createPlan({ caseId, createdAt: now });
      Object.assign(plan, content, { updatedBy: actor.userId, updatedAt: now });
      const saved = await this.plans.savePlan(plan);
      await this.audit.record({
        caseId,
        actorId: actor.userId,
        action: 'training_plan.updated',
        before: before ? { ...before } : null,
        after: { ...content, version: saved.version },
      });
      await this.contexts.emit(ctx, actor, 'training_plan.updated', { version: saved.version });
      return this.respond(caseId);
    });
  }

  async recordCompletion(
    actor: Actor,
    caseId: string,
    dto: RecordCompletionDto,
  ): Promise<TrainingPlanResponse> {
    return this.tx.run(async () => {
      const ctx = await this.contexts.forMutation(actor, caseId);
      this.contexts.assertEmployer(ctx, 'training');
      const plan = await this.requirePlan(caseId);
      if (!plan.modules.some((m) => m.key === dto.moduleKey)) {
        throw new Unprocessable(
          'training.unknown_module',
          'The plan has no module with this key.',
          {},
          [{ path: 'moduleKey', message: 'is not a module of the plan' }],
        );
      }
      if (dto.completedOn > amsterdamDay(this.clock.now())) {
        throw new Unprocessable(
          'training.completion_in_future',
          'A completion is recorded once it happened.',
          {},
          [{ path: 'completedOn', message: 'is in the future' }],
        );
      }
      const person = { ...(dto.userId ? { userId: dto.userId } : {}), name: dto.name };
      const key = personKey(person);
      if (await this.plans.completionOf(caseId, dto.moduleKey, key)) {
        throw new Conflict(
          'training.completion_exists',
          'This person’s completion of the module is already recorded.',
          { moduleKey: dto.moduleKey },
        );
      }
      const completion = await this.plans.saveCompletion({
        caseId,
        moduleKey: dto.moduleKey,
        personKey: key,
        personUserId: dto.userId ?? null,
        personName: dto.name,
        completedOn: dto.completedOn,
        recordedBy: actor.userId,
        recordedAt: this.clock.now(),
      });
      await this.audit.record({
        caseId,
        actorId: actor.userId,
        action: 'training_plan.completion_recorded',
        after: {
          completionId: completion.id,
          moduleKey: completion.moduleKey,
          completedOn: completion.completedOn,
        },
      });
      await this.contexts.emit(ctx, actor, 'training_plan.completion_recorded', {
        completionId: completion.id,
        moduleKey: completion.moduleKey,
      });
      return this.respond(caseId);
    });
  }

  async removeCompletion(actor: Actor, caseId: string, completionId: string): Promise<void> {
    await this.tx.run(async () => {
      const ctx = await this.contexts.forMutation(actor, caseId);
      this.contexts.assertEmployer(ctx, 'training');
      const completion = await this.plans.completion(caseId, completionId);
      if (!completion) {
        throw new NotFound('training_completion');
      }
      await this.plans.removeCompletion(completion);
      await this.audit.record({
        caseId,
        actorId: actor.userId,
        action: 'training_plan.completion_removed',
        before: {
          completionId,
          moduleKey: completion.moduleKey,
          completedOn: completion.completedOn,
        },
      });
      await this.contexts.emit(ctx, actor, 'training_plan.completion_removed', {
        completionId,
        moduleKey: completion.moduleKey,
      });
    });
  }

  private async requirePlan(caseId: string): Promise<TrainingPlanEntity> {
    const plan = await this.plans.planOf(caseId);
    if (!plan) {
      throw new NotFound('training_plan');
    }
    return plan;
  }

  private async respond(caseId: string): Promise<TrainingPlanResponse> {
    const loaded = await this.dossier.load(caseId);
    if (!loaded.planEntity || !loaded.plan) {
      throw new NotFound('training_plan');
    }
    return toPlanResponse(loaded.planEntity, loaded);
  }
}

function toPlanResponse(plan: TrainingPlanEntity, loaded: LoadedDossier): TrainingPlanResponse {
  const progress = audienceProgress(
    planContentOf(plan),
    loaded.completions,
    loaded.arrangement?.overseers ?? null,
  );
  return {
    caseId: plan.caseId,
    version: plan.version,
    audiences: plan.audiences.map((a) => ({
      ...a,
      people: (a.people ?? []).map((p) => ({ ...p })),
    })),
    modules: plan.modules.map((m) => ({ ...m })),
    completions: loaded.completionRows.map((c) => ({
      id: c.id,
      moduleKey: c.moduleKey,
      userId: c.personUserId,
      name: c.personName,
      completedOn: c.completedOn,
      recordedBy: c.recordedBy,
      recordedAt: c.recordedAt.toISOString(),
    })),
    progress: progress.map((p) => ({
      ...p,
      persons: p.persons.map((person) => ({
        ...(person.userId ? { userId: person.userId } : {}),
        name: person.name,
        completedModules: [...person.completedModules],
        done: person.done,
      })),
    })),
    overseersTrained: loaded.overseersTrained,
    updatedBy: plan.updatedBy,
    updatedAt: plan.updatedAt.toISOString(),
  };
}
