import { Injectable } from '@nestjs/common';

import { AccessService, keepOnVisibleCases } from '@wc/access';
import { AuditService } from '@wc/audit';
import {
  type Actor,
  COUNCIL_BOARD_ROLES,
  COUNCIL_ROLES,
  hasRoleIn,
  Role,
  WHOLE_COUNCIL_ROLES,
} from '@wc/auth';
import { CaseService } from '@wc/cases';
import { CouncilsService, OrganisationDirectoryService } from '@wc/councils';
import {
  BadRequest,
  Clock,
  Conflict,
  Forbidden,
  NotFound,
  Unprocessable,
  VersionConflict,
} from '@wc/core';
import { Outbox, TransactionHost } from '@wc/database';
import { type CursorPageQueryDto, type Page, pageOfSorted } from '@wc/pagination';

import type { ActiveShareFacts, UnionShareScope } from './domain/union-share-scope';
import type {
  ChangeUnionShareDto,
  GrantUnionShareDto,
  UnionDirectoryEntryResponse,
  UnionShareResponse,
} from './dto/union-share.dto';
import type { UnionShareEntity } from './union-share.entity';
import type { UnionShareEventType } from './union-share.events';
import { UnionShareRepository } from './union-share.repository';

/** Council roles that see the council's shares; experts are outsiders to it. */
const COUNCIL_OWN_ROLES: readonly Role[] = COUNCIL_ROLES.filter((r) => r !== Role.ExternalExpert);

/**
 * A works council's shares with unions (issue #8). The council board grants, changes and revokes;
 * each of these lands in the audit trail of every case it affects and in the outbox. Who sees what
 * under a share is the case policy's business (`sideOn` in `@wc/cases`), read fresh on every
 * request, so a revocation takes effect on the next request; the realtime relay removes open
 * sockets from the case rooms on `union_share.revoked`.
 */
@Injectable()
export class UnionsService {
  constructor(
    private readonly tx: TransactionHost,
    private readonly shares: UnionShareRepository,
    private readonly cases: CaseService,
    private readonly access: AccessService,
    private readonly councils: CouncilsService,
    private readonly organisations: OrganisationDirectoryService,
    private readonly audit: AuditService,
    private readonly outbox: Outbox,
    private readonly clock: Clock,
  ) {}

  async grant(
    actor: Actor,
    worksCouncilId: string,
    dto: GrantUnionShareDto,
  ): Promise<UnionShareResponse> {
    this.assertCouncilOwn(actor, worksCouncilId);
    this.assertBoard(actor, worksCouncilId);
    if (dto.allCases === true && dto.caseId !== undefined) {
      throw new BadRequest('request.validation_failed', 'Share either one case or all cases.', {}, [
        { path: 'caseId', message: 'must be empty when allCases is true' },
      ]);
    }
    if ((await this.organisations.kindOf(dto.unionOrganisationId)) !== 'union') {
      throw new Unprocessable(
        'union_share.not_a_union',
        'Cases can only be shared with a union organisation.',
        {},
        [{ path: 'unionOrganisationId', message: 'is not a union organisation' }],
      );
    }
    const caseId = dto.allCases === true ? null : (dto.caseId as string);
    if (caseId) {
      // 404 for a case the board cannot see (e.g. a draft); 422 for another council's case.
      const visible = await this.access.requireCase(actor, caseId);
      if (visible.worksCouncilId !== worksCouncilId) {
        throw new Unprocessable(
          'union_share.case_not_of_council',
          'Only cases of this works council can be shared by it.',
          {},
          [{ path: 'caseId', message: 'is not a case of this works council' }],
        );
      }
    }
    const share = await this.tx.run(async () => {
      await this.shares.lockCouncil(worksCouncilId);
      const existing = await this.shares.findActive(
        worksCouncilId,
        dto.unionOrganisationId,
        caseId,
      );
      if (existing) {
        throw new Conflict(
          'union_share.already_granted',
          'This union already has an active share of this; change its scope instead.',
          { shareId: existing.id },
        );
      }
      const created = await this.shares.save(
        this.shares.create({
          worksCouncilId,
          unionOrganisationId: dto.unionOrganisationId,
          caseId,
          scope: dto.scope,
          grantedBy: actor.userId,
          grantedAt: this.clock.now(),
          revokedBy: null,
          revokedAt: null,
        }),
      );
      await this.record(actor, created, 'union_share.granted', null, { scope: created.scope });
      return created;
    });
    return this.named(share);
  }

  /** One page of the council's shares, oldest first (a council shares with a few unions). */
  async list(
    actor: Actor,
    worksCouncilId: string,
    query: CursorPageQueryDto,
  ): Promise<Page<UnionShareResponse>> {
    this.assertCouncilOwn(actor, worksCouncilId);
    const shares = await this.visibleShares(
      actor,
      worksCouncilId,
      await this.shares.listForCouncil(worksCouncilId),
    );
    const names = await this.organisations.unionNames(shares.map((s) => s.unionOrganisationId));
    return pageOfSorted(
      shares.map((s) => toUnionShareResponse(s, names.get(s.unionOrganisationId) ?? '')),
      query,
      (s) => [s.grantedAt, s.id],
    );
  }

  /**
   * A committee member sees the cases of their committee only (model.md), so of the shares of
   * single cases, only those of cases visible to them; shares of all cases name no case.
   */
  private async visibleShares(
    actor: Actor,
    worksCouncilId: string,
    shares: UnionShareEntity[],
  ): Promise<UnionShareEntity[]> {
    if (hasRoleIn(actor, WHOLE_COUNCIL_ROLES, { worksCouncilId })) {
      return shares;
    }
    return keepOnVisibleCases(
      shares,
      await this.access.checkCaseAccess(
        actor,
        shares.flatMap((s) => (s.caseId ? [s.caseId] : [])),
      ),
    );
  }

  /**
   * The union directory, for those who may grant a share: the board of a works council (a council
   * member gets 403, as for a grant). Unions are public bodies, so every union is listed by name.
   */
  /** One page of the union directory, by name. */
  async directory(
    actor: Actor,
    query: CursorPageQueryDto,
  ): Promise<Page<UnionDirectoryEntryResponse>> {
    if (!hasRoleIn(actor, COUNCIL_BOARD_ROLES, {})) {
      throw new Forbidden(
        'union_share.board_only',
        "Only the council's chair or secretary shares cases with a union.",
      );
    }
    return pageOfSorted(await this.organisations.unions(), query, (u) => [u.name, u.id]);
  }

  async changeScope(
    actor: Actor,
    shareId: string,
    dto: ChangeUnionShareDto,
  ): Promise<UnionShareResponse> {
    const share = await this.tx.run(async () => {
      const current = await this.activeShareForBoard(actor, shareId);
      if (current.version !== dto.version) {
        throw new VersionConflict('union_share', dto.version, current.version);
      }
      if (current.scope === dto.scope) {
        return current;
      }
      const before = { scope: current.scope };
      current.scope = dto.scope;
      const saved = await this.shares.save(current);
      await this.record(actor, saved, 'union_share.changed', before, { scope: saved.scope });
      return saved;
    });
    return this.named(share);
  }

  /** Revocable at any time, so no version check: the newest state wins. */
  async revoke(actor: Actor, shareId: string): Promise<UnionShareResponse> {
    const share = await this.tx.run(async () => {
      const current = await this.activeShareForBoard(actor, shareId);
      current.revokedAt = this.clock.now();
      current.revokedBy = actor.userId;
      const saved = await this.shares.save(current);
      await this.record(actor, saved, 'union_share.revoked', { scope: saved.scope }, null);
      return saved;
    });
    return this.named(share);
  }

  /**
   * For dashboards: the active shares of a union, for one of its officers (404 for anyone else,
   * the same answer as for an unknown union).
   */
  async activeSharesOf(actor: Actor, unionOrganisationId: string): Promise<ActiveShareFacts[]> {
    if (!hasRoleIn(actor, [Role.UnionOfficer], { organisationId: unionOrganisationId })) {
      throw new NotFound('union');
    }
    const rows = await this.shares.activeForUnion(unionOrganisationId);
    return rows.map((s) => ({
      worksCouncilId: s.worksCouncilId,
      caseId: s.caseId,
      scope: s.scope,
    }));
  }

  /**
   * One audit entry per affected case (the audit trail is per case): the shared case, or every
   * case of the council the board can see now, under the case row locks the audit needs. Then
   * one outbox event for the council.
   */
  private async record(
    actor: Actor,
    share: UnionShareEntity,
    type: UnionShareEventType,
    before: { scope: UnionShareScope } | null,
    after: { scope: UnionShareScope } | null,
  ): Promise<void> {
    const caseIds = share.caseId
      ? [share.caseId]
      : await this.councilCaseIds(actor, share.worksCouncilId);
    await this.access.lockCases(caseIds);
    const facts = {
      shareId: share.id,
      unionOrganisationId: share.unionOrganisationId,
      allCases: share.caseId === null,
    };
    for (const caseId of caseIds) {
      await this.audit.record({
        caseId,
        actorId: actor.userId,
        action: type,
        before: before ? { ...facts, ...before } : null,
        after: after ? { ...facts, ...after } : null,
      });
    }
    const council = await this.councils.councilFacts(share.worksCouncilId);
    await this.outbox.append(
      [
        {
          type,
          organisationId: council?.organisationId ?? null,
          worksCouncilId: share.worksCouncilId,
          payload: {
            shareId: share.id,
            unionOrganisationId: share.unionOrganisationId,
            caseId: share.caseId,
            scope: share.scope,
            version: share.version,
          },
        },
      ],
      actor.userId,
    );
  }

  /** The council's sent cases, as its board sees them (drafts are never shared). */
  private async councilCaseIds(actor: Actor, worksCouncilId: string): Promise<string[]> {
    return this.access.visibleCaseIds(actor, { worksCouncilId, status: 'sent' });
  }

  private async activeShareForBoard(actor: Actor, shareId: string): Promise<UnionShareEntity> {
    const share = await this.shares.getForUpdate(shareId);
    if (!share || !hasRoleIn(actor, COUNCIL_OWN_ROLES, { worksCouncilId: share.worksCouncilId })) {
      throw new NotFound('union_share');
    }
    this.assertBoard(actor, share.worksCouncilId);
    if (share.revokedAt) {
      throw new Conflict('union_share.revoked', 'This share was revoked; grant a new one instead.');
    }
    return share;
  }

  private async named(share: UnionShareEntity): Promise<UnionShareResponse> {
    const names = await this.organisations.unionNames([share.unionOrganisationId]);
    return toUnionShareResponse(share, names.get(share.unionOrganisationId) ?? '');
  }

  /** The council's own members see its shares; everyone else gets the answer for an unknown council. */
  private assertCouncilOwn(actor: Actor, worksCouncilId: string): void {
    if (!hasRoleIn(actor, COUNCIL_OWN_ROLES, { worksCouncilId })) {
      throw new NotFound('works_council');
    }
  }

  private assertBoard(actor: Actor, worksCouncilId: string): void {
    if (!hasRoleIn(actor, COUNCIL_BOARD_ROLES, { worksCouncilId })) {
      throw new Forbidden(
        'union_share.board_only',
        "Only the council's chair or secretary shares cases with a union.",
      );
    }
  }
}

export function toUnionShareResponse(s: UnionShareEntity, unionName: string): UnionShareResponse {
  return {
    id: s.id,
    worksCouncilId: s.worksCouncilId,
    unionOrganisationId: s.unionOrganisationId,
    unionName,
    caseId: s.caseId,
    scope: s.scope,
    grantedBy: s.grantedBy,
    grantedAt: s.grantedAt.toISOString(),
    revokedBy: s.revokedBy,
    revokedAt: s.revokedAt?.toISOString() ?? null,
    active: s.revokedAt === null,
    version: s.version,
  };
}
