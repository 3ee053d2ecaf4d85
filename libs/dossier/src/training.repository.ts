import { Injectable } from '@nestjs/common';

import { type AgendaLineContext, agendaLineSql } from '@wc/access';
import { TransactionHost } from '@wc/database';

import { TrainingCompletionEntity } from './training-completion.entity';
import { TrainingPlanEntity } from './training-plan.entity';

@Injectable()
export class TrainingRepository {
  constructor(private readonly tx: TransactionHost) {}

  /** The modules pending for the actor as agenda lines (see `TrainingDutiesQuery`). */
  pendingModuleLinesSql({ actor, param, cases }: AgendaLineContext): string {
    const me = param(actor.userId);
    const named = `${param(JSON.stringify([{ userId: actor.userId }]))}::jsonb`;
    // As `normalised` in the domain: trimmed, lower case, inner white space as one space.
    const normalised = (name: string) =>
      `lower(regexp_replace(regexp_replace(${name}, '^\\s+|\\s+$', '', 'g'), '\\s+', ' ', 'g'))`;
    return agendaLineSql(
      {
        kind: `'training'`,
        side: `CASE WHEN ac.side = 'employer' THEN 'employer' ELSE 'council' END`,
        yours: 'true',
        action: `'follow_training'`,
        case_id: 'ac.id',
        case_title: 'ac.title',
        due_date: `(mo.module->>'deadline')::date`,
        subject: `mo.module->>'title'`,
        path: `'/cases/' || ac.id || '/dossier'`,
        anchor: `'training-title'`,
      },
      `FROM ${cases} ac
       JOIN training_plan p ON p.case_id = ac.id
       LEFT JOIN oversight_arrangement o ON o.case_id = ac.id
       CROSS JOIN LATERAL jsonb_array_elements(p.modules) AS mo(module)
       -- The name the actor is known by on this case (overseers first), for completions recorded by name.
       CROSS JOIN LATERAL (SELECT COALESCE(
           (SELECT x->>'name' FROM jsonb_array_elements(COALESCE(o.overseers, '[]'::jsonb)) WITH ORDINALITY AS e(x, n)
             WHERE x->>'userId' = ${me} ORDER BY n LIMIT 1),
           (SELECT pp->>'name' FROM jsonb_array_elements(p.audiences) WITH ORDINALITY AS a(aud, n)
              CROSS JOIN LATERAL jsonb_array_elements(COALESCE(aud->'people', '[]'::jsonb)) WITH ORDINALITY AS q(pp, pn)
             WHERE pp->>'userId' = ${me} ORDER BY n, pn LIMIT 1),
           '') AS name) known
      WHERE ac.side <> 'union'
        AND ((mo.module->>'audience' = 'council_members' AND ac.side IN ('council_board', 'council_member'))
          OR (CASE WHEN mo.module->>'audience' = 'overseers' AND o.case_id IS NOT NULL THEN o.overseers
                   ELSE (SELECT aud->'people' FROM jsonb_array_elements(p.audiences) WITH ORDINALITY AS a(aud, n)
                          WHERE aud->>'audience' = mo.module->>'audience' ORDER BY n LIMIT 1) END) @> ${named})
        AND NOT EXISTS (SELECT 1 FROM training_completion tc
                         WHERE tc.case_id = ac.id AND tc.module_key = mo.module->>'key'
                           AND CASE WHEN tc.person_user_id IS NOT NULL THEN tc.person_user_id::text = ${me}
                                    ELSE ${normalised('tc.person_name')} = ${normalised('known.name')} END)`,
    );
  }

  planOf(caseId: string): Promise<TrainingPlanEntity | null> {
    return this.tx.manager.findOne(TrainingPlanEntity, { where: { caseId } });
  }

  /** The plans and completions of many cases at once, for the personal agenda. */
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
