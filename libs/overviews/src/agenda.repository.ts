import { Injectable } from '@nestjs/common';

import type { AgendaLineContext } from '@wc/access';
import type { Actor } from '@wc/auth';
import { TransactionHost } from '@wc/database';

/**
 * The agenda's sort key, in SQL and in the cursor: fatal first, then the nearest day (undated
 * last), the person's own duties first, then by case title and action as people read them (the
 * ICU root collation, as `localeCompare`), and last by what the line is about, so the order is
 * total and the same on every read.
 */
export const AGENDA_KEY = [
  ['k_fatal', 'int', 'number'],
  ['k_due', 'date', 'string'],
  ['k_theirs', 'int', 'number'],
  ['k_title', 'text', 'string'],
  ['k_action', 'text', 'string'],
  ['identity', 'text', 'string'],
] as const;

export type AgendaKey = Array<string | number>;

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
  key: AgendaKey;
}

export interface AgendaPageRequest {
  actor: Actor;
  now: Date;
  /** The Amsterdam day `daysLeft` counts from. */
  today: string;
  /** The last line's key of the page before, or null for the first page. */
  after: AgendaKey | null;
  /** Lines to read: the page's limit plus one, which only tells that a next page exists. */
  take: number;
  /** The `cases` CTE's SELECT (`CaseService.agendaCasesSql`). */
  cases: (param: (value: unknown) => string) => string;
  /** The SELECT of each kind of line, from the lib that owns it. */
  sources: (ctx: AgendaLineContext) => string[];
}

/** The JSON text of a line's identity value, as `JSON.stringify` writes it. */
const json = (value: string) => `COALESCE(to_json(${value})::text, 'null')`;

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
      .join(', ')}, CASE WHEN l.kind = 'training' THEN '[' || ${json('l.subject')} || ',' || ${json('l.due_date::text')} || ']' ELSE 'null' END) || ']'`;
    const keys = AGENDA_KEY.map(([column]) => column).join(', ');
    const after = request.after
      ? `WHERE (${keys}) > (${AGENDA_KEY.map(([, type], i) => `${param(request.after![i])}::${type}`).join(', ')})`
      : '';
    return this.tx.query<AgendaLineRow>(
      `WITH agenda_case AS MATERIALIZED (${cases}),
       agenda_line AS (${sources.join('\nUNION ALL\n')}),
       keyed AS (
         SELECT l.*, ac.title AS case_title,
                CASE WHEN l.fatal THEN 0 ELSE 1 END AS k_fatal,
                COALESCE(l.due_date, 'infinity'::date) AS k_due,
                CASE WHEN l.yours THEN 0 ELSE 1 END AS k_theirs,
                COALESCE(ac.title, '') COLLATE "und-x-icu" AS k_title,
                l.action COLLATE "und-x-icu" AS k_action,
                (${identity}) COLLATE "C" AS identity
           FROM agenda_line l LEFT JOIN agenda_case ac ON ac.id = l.case_id)
       SELECT kind, side, yours, action, case_id AS "caseId", case_title AS "caseTitle", track,
              rule_id AS "ruleId", due_date::text AS "dueDate", due_date - ${param(request.today)}::date AS "daysLeft",
              fatal, subject, information_request_id AS "informationRequestId", deadline_id AS "deadlineId",
              vote_id AS "voteId", meeting_id AS "meetingId", path, anchor,
              json_build_array(k_fatal, k_due::text, k_theirs, k_title, k_action, identity) AS key
         FROM keyed ${after}
        ORDER BY ${keys} LIMIT ${param(request.take)}`,
      params,
    );
  }
}
