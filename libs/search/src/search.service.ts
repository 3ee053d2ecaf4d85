import { Injectable } from '@nestjs/common';

import { AccessService } from '@wc/access';
import type { Actor } from '@wc/auth';
import { limitOf, pageOfOrdered } from '@wc/pagination';

import type {
  SearchHitResponse,
  SearchKind,
  SearchQueryDto,
  SearchResponse,
  SnippetPartResponse,
} from './dto/search.dto';
import {
  MATCH_END,
  MATCH_START,
  type SearchCandidate,
  SearchRepository,
} from './search.repository';

/**
 * How many ranked matches the coarse SQL filter hands to the exact access rules. Items the exact
 * rules then drop (an art. 20 document, a union thread, an internal meeting) make room for the
 * next ones within this pool; beyond it, a page may come back shorter than `limit`.
 */
const POOL = 200;

/**
 * One search box for everything a person may see (issue #13): cases, register entries, documents
 * (title and the words of the file), comments, meetings and their minutes. Every hit passes the
 * same rule as the item's own route (`@wc/access`), checked for the whole set at once.
 */
@Injectable()
export class SearchService {
  constructor(
    private readonly index: SearchRepository,
    private readonly access: AccessService,
  ) {}

  async search(actor: Actor, query: SearchQueryDto): Promise<SearchResponse> {
    const q = query.q.trim();
    const candidates = await this.index.candidates(actor, q, POOL);
    const page = pageOfOrdered(
      await this.readableFirst(actor, candidates, query),
      query,
      (c) => `${c.kind}:${c.id}`,
    );
    const shown = page.items;
    const texts = new Map((await this.index.texts(q, shown)).map((t) => [`${t.kind}:${t.id}`, t]));
    const items = shown.flatMap((c): SearchHitResponse[] => {
      const text = texts.get(`${c.kind}:${c.id}`);
      return text
        ? [
            {
              kind: c.kind,
              id: c.id,
              caseId: c.caseId,
              caseTitle: text.caseTitle,
              title: text.title,
              snippet: snippetParts(text.headline),
              rank: c.rank,
            },
          ]
        : [];
    });
    return { query: q, items, nextCursor: page.nextCursor };
  }

  /**
   * The candidates the actor may read, best first, as far as the page needs them: the first page
   * only its own items and the one that tells there is more, so it checks that many candidates
   * and the rest only when some were dropped; a later page continues after what came before it,
   * so it checks them all. Either way the page is the one the whole readable pool would give.
   */
  private async readableFirst(
    actor: Actor,
    candidates: readonly SearchCandidate[],
    query: SearchQueryDto,
  ): Promise<SearchCandidate[]> {
    const wanted = query.cursor ? candidates.length : limitOf(query) + 1;
    const first = await this.readable(actor, candidates.slice(0, wanted));
    return first.length < wanted && wanted < candidates.length
      ? [...first, ...(await this.readable(actor, candidates.slice(wanted)))]
      : first;
  }

  /** Those of `candidates` the actor may read, in order: one set query per kind present. */
  private async readable(
    actor: Actor,
    candidates: readonly SearchCandidate[],
  ): Promise<SearchCandidate[]> {
    const ids = (kind: SearchKind) => candidates.filter((c) => c.kind === kind).map((c) => c.id);
    const checks: Record<SearchKind, (idsOfKind: string[]) => Promise<Set<string>>> = {
      case: (x) => this.access.checkCaseAccess(actor, x),
      ai_system: (x) => this.access.checkAiSystemAccess(actor, x),
      document: (x) => this.access.checkDocumentAccess(actor, x),
      comment: (x) => this.access.checkCommentAccess(actor, x),
      meeting: (x) => this.access.checkMeetingAccess(actor, x),
    };
    const readable = new Map<SearchKind, Set<string>>();
    for (const kind of Object.keys(checks) as SearchKind[]) {
      const wanted = ids(kind);
      readable.set(kind, wanted.length > 0 ? await checks[kind](wanted) : new Set());
    }
    return candidates.filter((c) => readable.get(c.kind)?.has(c.id));
  }
}

/** Splits ts_headline's marked text into plain and matched parts, so no client renders markup. */
export function snippetParts(headline: string): SnippetPartResponse[] {
  const parts: SnippetPartResponse[] = [];
  for (const [i, piece] of headline.split(MATCH_START).entries()) {
    const [matched, rest] = i === 0 ? [null, piece] : splitOnce(piece, MATCH_END);
    if (matched) {
      parts.push({ text: matched, match: true });
    }
    if (rest) {
      parts.push({ text: rest, match: false });
    }
  }
  return parts;
}

function splitOnce(text: string, separator: string): [string, string] {
  const at = text.indexOf(separator);
  return at < 0 ? [text, ''] : [text.slice(0, at), text.slice(at + separator.length)];
}
