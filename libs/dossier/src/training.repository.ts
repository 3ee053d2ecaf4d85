import { Injectable } from '@nestjs/common';

import { anyOf, TransactionHost } from '@wc/database';

import { TrainingCompletionEntity } from './training-completion.entity';
import { TrainingPlanEntity } from './training-plan.entity';

@Injectable()
export class TrainingRepository {
  constructor(private readonly tx: TransactionHost) {}

  planOf(caseId: string): Promise<TrainingPlanEntity | null> {
    return this.tx.manager.findOne(TrainingPlanEntity, { where: { caseId } });
  }

  /** The plans and completions of many cases at once, for the personal agenda. */
  async plansAndCompletionsOf(
    caseIds: readonly string[],
  ): Promise<{ plans: TrainingPlanEntity[]; completions: TrainingCompletionEntity[] }> {
    if (caseIds.length === 0) {
      return { plans: [], completions: [] };
    }
    const plans = await this.tx.manager.find(TrainingPlanEntity, {
      where: { caseId: anyOf(caseIds) },
    });
    const completions =
      plans.length === 0
        ? []
        : await this.tx.manager.find(TrainingCompletionEntity, {
            where: { caseId: anyOf(plans.map((p) => p.caseId)) },
          });
    return { plans, completions };
  }

  createPlan(fields: Partial<TrainingPlanEntity>): TrainingPlanEntity {
    return this.tx.manager.create(TrainingPlanEntity, fields);
  }

  savePlan(plan: TrainingPlanEntity): Promise<TrainingPlanEntity> {
    return this.tx.manager.save(plan);
  }

  completions(caseId: string): Promise<TrainingCompletionEntity[]> {
    return this.tx.manager.find(TrainingCompletionEntity, {
      where: { caseId },
      order: { completedOn: 'ASC', recordedAt: 'ASC', id: 'ASC' },
    });
  }

  completion(caseId: string, completionId: string): Promise<TrainingCompletionEntity | null> {
    return this.tx.manager.findOne(TrainingCompletionEntity, {
      where: { caseId, id: completionId },
    });
  }

  completionOf(
    caseId: string,
    moduleKey: string,
    personKey: string,
  ): Promise<TrainingCompletionEntity | null> {
    return this.tx.manager.findOne(TrainingCompletionEntity, {
      where: { caseId, moduleKey, personKey },
    });
  }

  saveCompletion(completion: Partial<TrainingCompletionEntity>): Promise<TrainingCompletionEntity> {
    return this.tx.manager.save(this.tx.manager.create(TrainingCompletionEntity, completion));
  }

  async removeCompletion(completion: TrainingCompletionEntity): Promise<void> {
    await this.tx.manager.delete(TrainingCompletionEntity, { id: completion.id });
  }
}
