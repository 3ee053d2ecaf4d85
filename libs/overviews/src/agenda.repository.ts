import { Injectable } from '@nestjs/common';

import type { AgendaLineContext } from '@wc/access';
import type { Actor } from '@wc/auth';
import { TransactionHost } from '@wc/database';

/**
 * The agenda's order: fatal first, then the nearest day (undated last), the person's own duties
 * first, then by case title and action as people read them (the ICU root collation, as
 * `localeCompare`), and last by what the line is about (`identity`), so the order is total and
 * the same on every read.
 */
const ORDER = ['k_fatal', 'k_due', 'k_theirs', 'k_title', 'k_action', 'identity'].join(', ');

/**
 * What the cursor keeps of the last line shown: its key without the title and identity, which can
 * be long, but with its case (whose title it looks up) and a digest of its identity. The next page
 * starts after that line; when it is gone meanwhile, at the first line of its case and action on
 * that day, so nothing is skipped (a few lines may show again).
 */
export const AGENDA_CURSOR_TYPES = [
  'number',
  'string',
  'number',
  'string',
  'string',
  'string',
] as const;

export type AgendaCursor = Array<string | number>;

export interface AgendaLineRow {
  kind: string;
  side: string;
  yours: boolean;
  action: string;
  caseId: string | null;
  caseTitle: string | null;
  track: string | null;
  ruleId: string | null;
  dueDate: string | null;
  daysLeft: number | null;
  fatal: boolean;
  subject: string | null;
  informationRequestId: string | null;
  deadlineId: string | null;
  voteId: string | null;
  meetingId: string | null;
  path: string;
  anchor: string;
  cursor: AgendaCursor;
}

export interface AgendaPageRequest {
  actor: Actor;
  now: Date;
  /** The Amsterdam day `daysLeft` counts from. */
  today: string;
  /** The last line's key of the page before, or null for the first page. */
  after: AgendaCursor | null;
  /** Lines to read: the page's limit plus one, which only tells that a next page exists. */
  take: number;
  /** The `cases` CTE's SELECT (`CaseService.agendaCasesSql`). */
  cases: (param: (value: unknown) => string) => string;
  /** The SELECT of each kind of line, from the lib that owns it. */
  sources: (ctx: AgendaLineContext) => string[];
}

/**
 * The JSON text of a line's identity value, as `JSON.stringify` writes it: the code's own values
 * (kinds, actions, rules, anchors, ids) need no escaping, a title does.
 */
const json = (value: string) => `COALESCE('"' || ${value} || '"', 'null')`;
const jsonText = (value: string) => `COALESCE(to_json(${value})::text, 'null')`;

/**
 * The agenda's one statement (issue #13): the visible cases once, the UNION ALL of every kind of
 * line over them, ordered by `AGENDA_KEY` and continued after the cursor's key with a row
 * comparison, `LIMIT` the page plus one.
 */
@Injectable()
export class AgendaRepository {
  constructor(private readonly tx: TransactionHost) {}

  page(request: AgendaPageRequest): Promise<AgendaLineRow[]> {
    const params: unknown[] = [];
    const param = (value: unknown) => `$${params.push(value)}`;
    const ctx: AgendaLineContext = {
      actor: request.actor,
      param,
      now: request.now,
      cases: 'agenda_case',
    };
    const cases = request.cases(param);
    const sources = request.sources(ctx);
    // What a line is about, the last tiebreak: the same duty keeps it across reads. A training
    // module has no id of its own on the agenda: its title and date tell it apart.
    const identity = `'[' || concat_ws(',', ${[
      'l.kind',
      'l.action',
      'l.case_id',
      'l.track',
      'l.rule_id',
      'l.information_request_id',
      'l.deadline_id',
      'l.vote_id',
      'l.meeting_id',
      'l.anchor',
    ]
      .map(json)
      .join(
        ', ',
      )}, CASE WHEN l.kind = 'training' THEN '[' || ${jsonText('l.subject')} || ',' || ${json('l.due_date::text')} || ']' ELSE 'null' END) || ']'`;
    const after = request.after;
    const from = after
      ? `WITH cursor_line AS (
           SELECT k_fatal, k_due, k_theirs, k_title, k_action, identity FROM keyed WHERE md5(identity) = ${param(after[5])}
           UNION ALL
           SELECT ${param(after[0])}::int, ${param(after[1])}::date, ${param(after[2])}::int,
                  COALESCE((SELECT title FROM agenda_case WHERE id = NULLIF(${param(after[3])}, '')::uuid), '') COLLATE "und-x-icu",
                  ${param(after[4])}::text COLLATE "und-x-icu", '' COLLATE "C"
           LIMIT 1)
         SELECT * FROM keyed WHERE (${ORDER}) > (SELECT ${ORDER} FROM cursor_line)`
      : 'SELECT * FROM keyed';
    return this.tx.query<AgendaLineRow>(
      `WITH agenda_case AS MATERIALIZED (${cases}),
       agenda_line AS (${sources.join('\nUNION ALL\n')}),
       keyed AS (
         SELECT l.*,
                CASE WHEN l.fatal THEN 0 ELSE 1 END AS k_fatal,
                COALESCE(l.due_date, 'infinity'::date) AS k_due,
                CASE WHEN l.yours THEN 0 ELSE 1 END AS k_theirs,
                COALESCE(l.case_title, '') COLLATE "und-x-icu" AS k_title,
                l.action COLLATE "und-x-icu" AS k_action,
                (${identity}) COLLATE "C" AS identity
           FROM agenda_line l)
       SELECT kind, side, yours, action, case_id AS "caseId", case_title AS "caseTitle", track,
              rule_id AS "ruleId", due_date::text AS "dueDate", due_date - ${param(request.today)}::date AS "daysLeft",
              fatal, subject, information_request_id AS "informationRequestId", deadline_id AS "deadlineId",
              vote_id AS "voteId", meeting_id AS "meetingId", path, anchor,
              json_build_array(k_fatal, k_due::text, k_theirs, COALESCE(case_id::text, ''), action, md5(identity)) AS cursor
         FROM (${from}) page
        ORDER BY ${ORDER} LIMIT ${param(request.take)}`,
      params,
    );
  }
}
