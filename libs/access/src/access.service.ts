import { Injectable } from '@nestjs/common';

import type { Actor } from '@wc/auth';
import { amsterdamDay, Clock, NotFound } from '@wc/core';

import { type CaseFactsRow, AccessRepository, type VisibleCaseFilter } from './access.repository';
import {
  type ActorSide,
  type CaseVisibilityFacts,
  mayUseInternalSpace,
  sideOn,
  type UnionScope,
  unionOrganisationIdsOf,
  unionScopeOn,
} from './case-visibility';
import {
  mayReadDocument,
  mayReadDocumentKind,
  mayReadRegister,
  mayUseThread,
  meetingSideOf,
} from './item-visibility';

/** What the access rules answer for one visible case. */
export interface CaseAccess {
  caseId: string;
  organisationId: string;
  worksCouncilId: string;
  committeeId: string | null;
  status: 'draft' | 'sent';
  side: ActorSide;
  /** May the actor use the council-internal space (notes, votes)? Council members only. */
  internalAllowed: boolean;
  /** For side 'union': what the union's share shows (issue #8). */
  unionScope: UnionScope | null;
}

/**
 * Whether the actor sees the case's dossier (triage, requests, documents), not only its status
 * and terms: everyone who sees the case does, a union only through a 'dossier' share (issue #8).
 */
export function seesDossier(access: Pick<CaseAccess, 'side' | 'unionScope'>): boolean {
  return access.side !== 'union' || access.unionScope === 'dossier';
}

/**
 * Visibility for sets of ids (house style B.3): each method answers for many ids with a constant
 * number of statements, so no caller checks cases one at a time. What is not returned does not
 * exist for the actor (404, absent from lists).
 */
@Injectable()
export class AccessService {
  constructor(
    private readonly repo: AccessRepository,
    private readonly clock: Clock,
  ) {}

  /** The actor's access to each of these cases that they may see (one statement). */
  async cases(actor: Actor, caseIds: readonly string[]): Promise<Map<string, CaseAccess>> {
    const rows = await this.repo.caseFacts(caseIds, unionOrganisationIdsOf(actor));
    const result = new Map<string, CaseAccess>();
    for (const row of rows) {
      const access = accessOf(actor, row, row.shares);
      if (access) {
        result.set(row.id, access);
      }
    }
    return result;
  }

  /** Everyone who sees the case, with their side on it: whom a comment may mention (the caller checked the actor's access). */
  viewersOf(
    caseId: string,
  ): Promise<Array<{ userId: string; displayName: string; side: ActorSide }>> {
    return this.repo.viewersOf(caseId);
  }

  /** Of these cases, the ids the actor may see. */
  async checkCaseAccess(actor: Actor, caseIds: readonly string[]): Promise<Set<string>> {
    return new Set((await this.cases(actor, caseIds)).keys());
  }

  /** The one line a service method starts with: the actor's access to the case, or 404. */
  async requireCase(actor: Actor, caseId: string): Promise<CaseAccess> {
    const access = (await this.cases(actor, [caseId])).get(caseId);
    if (!access) {
      throw new NotFound('case');
    }
    return access;
  }

  /**
   * The access to a case row the caller already loaded (locked or not): union shares are read
   * only for union officers, so for everyone else this costs no statement. Null when invisible.
   */
  async caseOf(actor: Actor, aiCase: CaseVisibilityFacts): Promise<CaseAccess | null> {
    const unionOrgIds = unionOrganisationIdsOf(actor);
    const shares =
      unionOrgIds.length > 0 && aiCase.status === 'sent'
        ? await this.repo.activeUnionShares(unionOrgIds, aiCase)
        : [];
    return accessOf(actor, aiCase, shares);
  }

  /** Every case the actor may see (optionally narrowed), in one statement. */
  visibleCaseIds(actor: Actor, filter: VisibleCaseFilter = {}): Promise<string[]> {
    return this.repo.visibleCaseIds(actor, filter);
  }

  /**
   * Of these cases, those whose council-internal space (notes, votes) the actor may use: council
   * members only, never the employer side (not even a council member who also sits on it), experts
   * or unions.
   */
  async internalCaseIds(actor: Actor, caseIds: readonly string[]): Promise<Set<string>> {
    return new Set(
      [...(await this.cases(actor, caseIds)).values()]
        .filter((a) => a.internalAllowed)
        .map((a) => a.caseId),
    );
  }

  /**
   * Of these documents, those the actor may read: on a visible case, for a union only under a
   * 'dossier' share, and under WOR art. 20 secrecy only for those it is shared with (`mayReadDocument`).
   */
  async checkDocumentAccess(actor: Actor, documentIds: readonly string[]): Promise<Set<string>> {
    const documents = await this.repo.documents(documentIds);
    const cases = await this.cases(
      actor,
      documents.map((d) => d.caseId),
    );
    const today = amsterdamDay(this.clock.now());
    return new Set(
      documents
        .filter((d) => {
          const access = cases.get(d.caseId);
          return (
            access !== undefined &&
            (access.side !== 'union' || access.unionScope === 'dossier') &&
            mayReadDocument({ side: access.side, userId: actor.userId }, d.confidential, today) &&
            mayReadDocumentKind(access.side, d.kind, d.attached)
          );
        })
        .map((d) => d.id),
    );
  }

  /** Of these comments, those on a visible case in a thread the actor's side may read. */
  async checkCommentAccess(actor: Actor, commentIds: readonly string[]): Promise<Set<string>> {
    const comments = await this.repo.comments(commentIds);
    const cases = await this.cases(
      actor,
      comments.map((c) => c.caseId),
    );
    return new Set(
      comments
        .filter((c) => {
          const access = cases.get(c.caseId);
          return access !== undefined && mayUseThread(access.side, c.threadKey);
        })
        .map((c) => c.id),
    );
  }

  /** Of these meetings, those the actor takes part in: the council all, the employer side consultations. */
  async checkMeetingAccess(actor: Actor, meetingIds: readonly string[]): Promise<Set<string>> {
    return new Set(
      (await this.repo.meetings(meetingIds))
        .filter((m) => meetingSideOf(actor, m) !== null)
        .map((m) => m.id),
    );
  }

  /** Of these register entries, those the actor may read (`mayReadRegister`). */
  async checkAiSystemAccess(actor: Actor, aiSystemIds: readonly string[]): Promise<Set<string>> {
    return new Set(
      (await this.repo.aiSystems(aiSystemIds))
        .filter((s) => mayReadRegister(actor, s.organisationId))
        .map((s) => s.id),
    );
  }

  /**
   * The kind of each of these organisations: a union sees only what councils shared with it, an
   * employer its own cases, so the kind decides what an organisation's integrations may receive.
   */
  async organisationKinds(
    organisationIds: readonly string[],
  ): Promise<Map<string, 'employer' | 'union'>> {
    return new Map((await this.repo.organisations(organisationIds)).map((o) => [o.id, o.kind]));
  }

  /** Of these votes, those in a council-internal space the actor may use. */
  async checkVoteAccess(actor: Actor, voteIds: readonly string[]): Promise<Set<string>> {
    const votes = await this.repo.votes(voteIds);
    const internal = await this.internalCaseIds(
      actor,
      votes.map((v) => v.caseId),
    );
    return new Set(votes.filter((v) => internal.has(v.caseId)).map((v) => v.id));
  }

  /** The case row lock (see `AccessRepository.lockCases`): the one place that takes it. */
  lockCases(caseIds: readonly string[]): Promise<void> {
    return this.repo.lockCases(caseIds);
  }
}

function accessOf(
  actor: Actor,
  facts: CaseVisibilityFacts,
  shares: CaseFactsRow['shares'],
): CaseAccess | null {
  const side = sideOn(actor, facts, shares);
  if (!side) {
    return null;
  }
  return {
    caseId: facts.id,
    organisationId: facts.organisationId,
    worksCouncilId: facts.worksCouncilId,
    committeeId: facts.committeeId,
    status: facts.status,
    side,
    internalAllowed: mayUseInternalSpace(side),
    unionScope: side === 'union' ? unionScopeOn(actor, facts, shares) : null,
  };
}

/** Of these items, those on no case or on a case in `visible`: for lists that mix cases. */
export function keepOnVisibleCases<T extends { caseId: string | null }>(
  items: readonly T[],
  visible: ReadonlySet<string>,
): T[] {
  return items.filter((i) => i.caseId === null || visible.has(i.caseId));
}
