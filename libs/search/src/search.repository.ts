import { Injectable } from '@nestjs/common';

import { visibleCaseIdsSql } from '@wc/access';
import type { Actor } from '@wc/auth';
import { TransactionHost } from '@wc/database';

import type { SearchKind } from './dto/search.dto';

export interface SearchCandidate {
  kind: SearchKind;
  id: string;
  caseId: string | null;
  rank: number;
}

export interface SearchText {
  kind: SearchKind;
  id: string;
  title: string;
  caseTitle: string | null;
  headline: string;
}

/** Wraps matched words in the snippet; control characters cannot occur in indexed text by accident. */
export const MATCH_START = '\u0002';
export const MATCH_END = '\u0003';

const DUTCH = `websearch_to_tsquery('dutch'::regconfig, $1)`;
const ENGLISH = `websearch_to_tsquery('english'::regconfig, $1)`;
/**
 * The user's words as a query in both configurations, matched against either; once when both
 * give the same (a name, a word neither language stems), so no match is ranked against a term
 * twice. The planner folds it to a constant, so repeating it costs nothing per row.
 */
const QUERY = `(CASE WHEN ${DUTCH} = ${ENGLISH} THEN ${DUTCH} ELSE ${DUTCH} || ${ENGLISH} END)`;

/** The only file that queries `search_item`, the index the triggers of the search migration keep. */
@Injectable()
export class SearchRepository {
  constructor(private readonly tx: TransactionHost) {}

  /**
   * The best-ranked matches the actor could see, as a coarse filter in SQL: items of cases the
   * actor may see (the rule of `@wc/access`), and items on no case of the actor's own
   * organisations. The exact rule for each item (art. 20 secrecy, comment threads, internal
   * meetings, the register) is applied by `AccessService` to what this returns.
   *
   * The two kinds of item are two branches, not one OR, so the items on a case join the set of
   * visible cases (read once, through the case indexes) rather than filter each match through a
   * subquery under an OR; only visible matches are ranked, and only the best `limit` leave.
   */
  async candidates(actor: Actor, q: string, limit: number): Promise<SearchCandidate[]> {
    const params: unknown[] = [q];
    const param = (value: unknown) => `$${params.push(value)}`;
    const organisations = [...new Set(actor.memberships.map((m) => m.organisationId))];
    const rows = await this.tx.query<{
      kind: SearchKind;
      id: string;
      caseId: string | null;
      rank: number;
    }>(
      `SELECT m.kind, m.item_id AS id, m.case_id AS "caseId", ts_rank_cd(m.tsv, ${QUERY}) AS rank
         FROM (SELECT si.kind, si.item_id, si.case_id, si.tsv
                 FROM search_item si
                WHERE si.tsv @@ ${QUERY} AND si.case_id IN (${visibleCaseIdsSql(actor, param)})
               UNION ALL
               SELECT si.kind, si.item_id, si.case_id, si.tsv
                 FROM search_item si
                WHERE si.tsv @@ ${QUERY} AND si.case_id IS NULL AND si.organisation_id = ANY(${param(organisations)})) m
        ORDER BY rank DESC, m.item_id
        LIMIT ${param(limit)}`,
      params,
    );
    return rows.map((r) => ({ ...r, rank: Number(r.rank) }));
  }

  /**
   * Titles and highlighted snippets of the items to show (only those: ts_headline re-parses the
   * text). The snippet is cut by the configuration that matched, so stems light up in either language.
   */
  async texts(
    q: string,
    items: ReadonlyArray<{ kind: SearchKind; id: string }>,
  ): Promise<SearchText[]> {
    if (items.length === 0) {
      return [];
    }
    const options = `StartSel=${MATCH_START}, StopSel=${MATCH_END}, MaxFragments=2, MaxWords=24, MinWords=8, FragmentDelimiter=" … "`;
    return this.tx.query<SearchText>(
      `WITH wanted AS (SELECT * FROM unnest($2::text[], $3::uuid[]) AS w(kind, id)),
            q AS (SELECT websearch_to_tsquery('dutch'::regconfig, $1) AS nl, websearch_to_tsquery('english'::regconfig, $1) AS en)
       SELECT si.kind, si.item_id AS id, si.title, sc.title AS "caseTitle",
              CASE WHEN to_tsvector('dutch'::regconfig, si.title || ' ' || si.body) @@ q.nl
                   THEN ts_headline('dutch'::regconfig, CASE WHEN si.body = '' THEN si.title ELSE si.body END, q.nl, $4)
                   ELSE ts_headline('english'::regconfig, CASE WHEN si.body = '' THEN si.title ELSE si.body END, q.en, $4) END AS headline
         FROM wanted w
         JOIN search_item si ON si.kind = w.kind AND si.item_id = w.id
         LEFT JOIN search_item sc ON sc.kind = 'case' AND sc.item_id = si.case_id
         CROSS JOIN q`,
      [q, items.map((i) => i.kind), items.map((i) => i.id), options],
    );
  }
}
