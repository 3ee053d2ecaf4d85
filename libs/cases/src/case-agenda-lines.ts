import {
  type AgendaLineContext,
  agendaLineSql,
  caseSideSql,
  caseUnionScopeSql,
  caseVisibleSql,
} from '@wc/access';
import type { Actor } from '@wc/auth';

import { everyMove, TRACK_KINDS, termSides } from './domain';

/**
 * The cases the actor may see with their side on each, the personal agenda's `cases` CTE
 * (see `AgendaLineContext`).
 */
export function agendaCasesSql(actor: Actor, param: (value: unknown) => string): string {
  // `acting` as a column of its own: a filter on a CTE's columns has no statistics, and an
  // equality would be taken for a handful of rows and planned as nested loops.
  return `SELECT c.id, c.title, c.works_council_id, c.organisation_id, c.status, c.blocked,
                 c.status = 'sent' AND NOT c.blocked AS acting,
                 ${caseSideSql(actor, param)} AS side, ${caseUnionScopeSql(actor, param)} AS union_scope
            FROM ai_case c WHERE ${caseVisibleSql(actor, param)}`;
}

/**
 * The duties on the visible cases as agenda lines, the same as `caseDuties` gives per case: a
 * draft's sending; each track's moves from the same table, dated by the earliest open term of
 * their rules on that track; the open art. 31 requests (not under a union's 'status' share),
 * dated by their answer date and carrying their term; every other open term as `observe_term`.
 * `openTerms` is `DeadlinesService.openTermsSql()`.
 */
export function caseAgendaLinesSql(ctx: AgendaLineContext, openTerms: string): string {
  const { param, cases } = ctx;
  const moves = param(JSON.stringify(everyMove()));
  const yours = (side: string) =>
    `((ac.side = 'employer' AND ${side} = 'employer') OR (ac.side IN ('council_board', 'council_member') AND ${side} = 'council'))`;
  const trackKinds = param(TRACK_KINDS);
  const termSide = `COALESCE(${param(JSON.stringify(termSides))}::jsonb ->> term.rule_id, 'employer')`;
  const caseLine = {
    case_id: 'ac.id',
    case_title: 'ac.title',
    rule_id: 'term.rule_id',
    fatal: 'COALESCE(term.fatal, false)',
  };
  const acting = 'ac.acting';
  // Set-wise, hash joins over the visible cases' tracks and open terms: a lookup per line would
  // cost an index probe per track on an agenda of thousands of cases.
  return `(WITH move AS (SELECT * FROM jsonb_to_recordset(${moves}::jsonb) AS mv(kind text, stage text, side text, action text, rules text[])),
    term_open AS MATERIALIZED (SELECT d.* FROM (${openTerms}) d JOIN ${cases} ac ON ac.id = d.case_id WHERE ${acting}),
    track_move AS MATERIALIZED (
      SELECT row_number() OVER () AS n, ac.id AS case_id, tr.kind, tr.stage, mv.side, mv.action, mv.rules
        FROM ${cases} ac
        JOIN case_track tr ON tr.case_id = ac.id
        JOIN move mv ON mv.kind = tr.kind AND mv.stage = tr.stage
       WHERE ${acting}),
    -- Each move is dated by the earliest open term of its rules on its track.
    move_term AS MATERIALIZED (
      SELECT DISTINCT ON (tm.n) tm.n, d.id, d.rule_id, d.strict_date, d.fatal
        FROM track_move tm JOIN term_open d ON d.case_id = tm.case_id AND d.track_kind = tm.kind AND d.rule_id = ANY(tm.rules)
       ORDER BY tm.n, d.strict_date, d.due_at, d.id),
    track_duty AS (
      SELECT tm.case_id, tm.kind, tm.side, tm.action,
             term.id AS deadline_id, term.rule_id, term.strict_date, term.fatal
        FROM track_move tm LEFT JOIN move_term term ON term.n = tm.n
         -- At the gate the council's moves exist only while their fatal term runs.
       WHERE NOT (cardinality(tm.rules) > 0 AND term.id IS NULL AND tm.side = 'council' AND tm.stage = 'go_live_gate'))
    ${agendaLineSql(
      {
        ...caseLine,
        kind: `'track'`,
        deadline_id: 'term.deadline_id',
        side: 'term.side',
        yours: yours('term.side'),
        action: 'term.action',
        track: 'term.kind',
        due_date: 'term.strict_date',
        path: `'/cases/' || ac.id`,
        anchor: `'track-' || term.kind`,
      },
      `FROM track_duty term JOIN ${cases} ac ON ac.id = term.case_id`,
    )}
    UNION ALL
    ${agendaLineSql(
      {
        kind: `'case'`,
        side: `'employer'`,
        yours: yours(`'employer'`),
        action: `'send_case'`,
        case_id: 'ac.id',
        case_title: 'ac.title',
        path: `'/cases/' || ac.id`,
        anchor: `'request-title'`,
      },
      `FROM ${cases} ac WHERE ac.status = 'draft' AND NOT ac.blocked`,
    )}
    UNION ALL
    ${agendaLineSql(
      {
        ...caseLine,
        kind: `'information_request'`,
        deadline_id: 'term.id',
        side: `'employer'`,
        yours: yours(`'employer'`),
        action: `'answer_information'`,
        due_date: 'r.due_date',
        subject: 'r.question',
        information_request_id: 'r.id',
        path: `'/cases/' || ac.id || '/information'`,
        anchor: `'information-request-' || r.id`,
      },
      // WOR 31: the employer answers within the agreed response time [W19]
      `FROM ${cases} ac JOIN information_request r ON r.case_id = ac.id AND r.answer IS NULL
       LEFT JOIN LATERAL (SELECT d.* FROM term_open d WHERE d.case_id = ac.id AND d.track_kind = 'information:' || r.id
                           ORDER BY d.due_at, d.id LIMIT 1) term ON true
       WHERE ${acting} AND (ac.side <> 'union' OR ac.union_scope = 'dossier')`,
    )}
    UNION ALL
    ${agendaLineSql(
      {
        ...caseLine,
        kind: `'term'`,
        deadline_id: 'term.id',
        side: termSide,
        yours: yours(termSide),
        action: `'observe_term'`,
        track: `CASE WHEN term.track_kind = ANY(${trackKinds}) THEN term.track_kind END`,
        due_date: 'term.strict_date',
        path: `'/cases/' || ac.id`,
        anchor: `CASE WHEN term.track_kind = ANY(${trackKinds}) THEN 'track-' || term.track_kind ELSE 'deadlines-title' END`,
      },
      // Every other running term is shown too, however far away.
      `FROM term_open term JOIN ${cases} ac ON ac.id = term.case_id
       WHERE (term.track_kind IS NULL OR term.track_kind NOT LIKE 'information:%')
         AND NOT EXISTS (SELECT 1 FROM track_duty td WHERE td.deadline_id = term.id)`,
    )})`;
}
