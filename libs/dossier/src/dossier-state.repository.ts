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
    const [row] = await this.tx.query<StateRow>(`SELECT ${stateColumnsOf('$1')}`, [caseId]);
    return stateFrom(row);
  }

  /** `stateOf` for each of these cases, keyed by case id, in one statement: for lists of gates. */
  async statesOf(caseIds: readonly string[]): Promise<Map<string, DossierState>> {
    if (caseIds.length === 0) {
      return new Map();
    }
    const rows = await this.tx.query<StateRow & { caseId: string }>(
      `SELECT ids.case_id AS "caseId", ${stateColumnsOf('ids.case_id')}
         FROM unnest($1::uuid[]) AS ids(case_id)`,
      [[...new Set(caseIds)]],
    );
    return new Map(rows.map((row) => [row.caseId, stateFrom(row)]));
  }
}

/** The four parts of a case's dossier state, for the case whose id `caseId` (SQL) gives. */
function stateColumnsOf(caseId: string): string {
  return `(SELECT json_build_object('seq', a.seq, 'content', a.content)
            FROM assessment_version a WHERE a.case_id = ${caseId} ORDER BY a.seq DESC LIMIT 1) AS "latestVersion",
         (SELECT json_build_object('appliesTo', o.applies_to, 'oversightModel', o.oversight_model, 'overseers', o.overseers,
                 'knowledgeAndTraining', o.knowledge_and_training, 'escalationPath', o.escalation_path,
                 'complaintProcedure', o.complaint_procedure, 'protection', o.protection,
                 'logRetentionMonths', o.log_retention_months, 'reviewDate', o.review_date)
            FROM oversight_arrangement o WHERE o.case_id = ${caseId}) AS oversight,
         (SELECT json_build_object('audiences', p.audiences, 'modules', p.modules)
            FROM training_plan p WHERE p.case_id = ${caseId}) AS plan,
         (SELECT COALESCE(json_agg(json_strip_nulls(json_build_object('moduleKey', c.module_key, 'name', c.person_name,
                 'completedOn', c.completed_on, 'userId', c.person_user_id)) ORDER BY c.completed_on, c.recorded_at, c.id), '[]')
            FROM training_completion c WHERE c.case_id = ${caseId}) AS completions`;
}

/** The row as the checklist reads it; whether every overseer is trained is worked out here. */
function stateFrom(row: StateRow): DossierState {
  return {
    latestVersion: row.latestVersion,
    oversight: row.oversight,
    plan: row.plan,
    overseersTrained: row.oversight
      ? allOverseersTrained(row.plan, row.completions, row.oversight.overseers)
      : false,
  };
}
