import { Injectable } from '@nestjs/common';

import { TransactionHost } from '@wc/database';

import { allOverseersTrained, type Completion, type DossierState } from './domain';

interface StateRow {
  latestVersion: DossierState['latestVersion'];
  oversight: DossierState['oversight'];
  plan: DossierState['plan'];
  completions: Completion[];
}

/**
 * The dossier as the checklist and the go-live gate read it, in one statement. Every case detail
 * view needs it, so it skips four round trips and the entity mapper (bench:http); the dossier's own
 * screens load the entities through their repositories.
 */
@Injectable()
export class DossierStateRepository {
  constructor(private readonly tx: TransactionHost) {}

  async stateOf(caseId: string): Promise<DossierState> {
    const [row] = await this.tx.query<StateRow>(
      `SELECT
         (SELECT json_build_object('seq', a.seq, 'content', a.content)
            FROM assessment_version a WHERE a.case_id = $1 ORDER BY a.seq DESC LIMIT 1) AS "latestVersion",
         (SELECT json_build_object('appliesTo', o.applies_to, 'oversightModel', o.oversight_model, 'overseers', o.overseers,
                 'knowledgeAndTraining', o.knowledge_and_training, 'escalationPath', o.escalation_path,
                 'complaintProcedure', o.complaint_procedure, 'protection', o.protection,
                 'logRetentionMonths', o.log_retention_months, 'reviewDate', o.review_date)
            FROM oversight_arrangement o WHERE o.case_id = $1) AS oversight,
         (SELECT json_build_object('audiences', p.audiences, 'modules', p.modules)
            FROM training_plan p WHERE p.case_id = $1) AS plan,
         (SELECT COALESCE(json_agg(json_strip_nulls(json_build_object('moduleKey', c.module_key, 'name', c.person_name,
                 'completedOn', c.completed_on, 'userId', c.person_user_id)) ORDER BY c.completed_on, c.recorded_at, c.id), '[]')
            FROM training_completion c WHERE c.case_id = $1) AS completions`,
      [caseId],
    );
    return {
      latestVersion: row.latestVersion,
      oversight: row.oversight,
      plan: row.plan,
      overseersTrained: row.oversight
        ? allOverseersTrained(row.plan, row.completions, row.oversight.overseers)
        : false,
    };
  }
}
