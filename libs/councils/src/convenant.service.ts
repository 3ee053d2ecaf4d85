import { Injectable } from '@nestjs/common';

import { type Actor, COUNCIL_BOARD_ROLES, EMPLOYER_SIDE_ROLES, hasRoleIn } from '@wc/auth';
import { Clock, Forbidden, NotFound } from '@wc/core';
import { Outbox, TransactionHost } from '@wc/database';
import { type CursorPageQueryDto, mapPage, type Page, pageOfSorted } from '@wc/pagination';

import type { ConvenantEntity } from './convenant.entity';
import { ConvenantRepository } from './convenant.repository';
import { CouncilsRepository } from './councils.repository';
import { assertMayConfirm, type ConvenantSide, toTermSettings } from './domain/convenant-parties';
import type { ConvenantResponse, ConvenantTermsDto } from './dto/convenant.dto';
import type { WorksCouncilEntity } from './works-council.entity';

/** Outbox events of the convenant: both parties' rooms refetch the versions. */

/** `side` is the reader's party, if any: it decides whether this reader may confirm the version. */
function toConvenantResponse(c: ConvenantEntity, side: ConvenantSide | null): ConvenantResponse {
  return {
    id: c.id,
    worksCouncilId: c.worksCouncilId,
    version: c.version,
    status: c.status,
    adviceTermWeeks: c.adviceTermWeeks,
    consentTermWeeks: c.consentTermWeeks,
    informationResponseWorkingDays: c.informationResponseWorkingDays,
    stopClockWhileInformationOpen: c.stopClockWhileInformationOpen,
    evaluationIntervalMonths: c.evaluationIntervalMonths,
    proposedSide: c.proposedSide,
    proposedBy: c.proposedBy,
    proposedAt: c.proposedAt.toISOString(),
    confirmedBy: c.confirmedBy,
    confirmedAt: c.confirmedAt?.toISOString() ?? null,
    supersededAt: c.supersededAt?.toISOString() ?? null,
    mayConfirm: side !== null && c.status === 'proposed' && c.proposedSide !== side,
  };
}

/**
 * A council's agreed terms (convenant; legal-rules W5, W13, W19, (d)2): one side proposes, the
 * other confirms, and the confirmed version is what the deadline calculator uses for terms that
 * start from then on. Every version stays, with who proposed and confirmed it.
 */
@Injectable()
export class ConvenantService {
  constructor(
    private readonly tx: TransactionHost,
    private readonly repo: ConvenantRepository,
    private readonly councils: CouncilsRepository,
    private readonly clock: Clock,
    private readonly outbox: Outbox,
  ) {}

  /** Newest version first; a council has a handful of versions, one per renegotiation. */
  async list(
    actor: Actor,
    worksCouncilId: string,
    query: CursorPageQueryDto,
  ): Promise<Page<ConvenantResponse>> {
    const council = await this.visibleCouncil(actor, worksCouncilId);
    const side = partyOrNull(actor, council);
    const page = pageOfSorted(
      await this.repo.versionsOf(worksCouncilId),
      query,
      (c) => [c.version],
      ['desc'],
    );
    return mapPage(page, (c) => toConvenantResponse(c, side));
  }

  /** A new proposal replaces an open one (a counter-proposal); the confirmed version stays in force. */
  async propose(
    actor: Actor,
    worksCouncilId: string,
    dto: ConvenantTermsDto,
  ): Promise<ConvenantResponse> {
    const council = await this.visibleCouncil(actor, worksCouncilId);
    const side = partyOf(actor, council);
    return this.tx.run(async () => {
      await this.repo.lockCouncil(worksCouncilId);
      const versions = await this.repo.versionsOf(worksCouncilId);
      const now = this.clock.now();
      const open = versions.find((v) => v.status === 'proposed');
      if (open) {
        await this.repo.save({ ...open, status: 'superseded', supersededAt: now });
      }
      const proposal = await this.repo.save({
        worksCouncilId,
        version: (versions[0]?.version ?? 0) + 1,
        status: 'proposed',
        adviceTermWeeks: dto.adviceTermWeeks,
        consentTermWeeks: dto.consentTermWeeks,
        informationResponseWorkingDays: dto.informationResponseWorkingDays,
        stopClockWhileInformationOpen: dto.stopClockWhileInformationOpen,
        evaluationIntervalMonths: dto.evaluationIntervalMonths,
        proposedBy: actor.userId,
        proposedSide: side,
        proposedAt: now,
        confirmedBy: null,
        confirmedAt: null,
        supersededAt: null,
      });
      await this.announce('convenant.proposed', council, proposal, actor);
      return toConvenantResponse(proposal, side);
    });
  }

  async confirm(actor: Actor, worksCouncilId: string, version: number): Promise<ConvenantResponse> {
    const council = await this.visibleCouncil(actor, worksCouncilId);
    const side = partyOf(actor, council);
    return this.tx.run(async () => {
      await this.repo.lockCouncil(worksCouncilId);
      const versions = await this.repo.versionsOf(worksCouncilId);
      const proposal = versions.find((v) => v.version === version);
      if (!proposal) {
        throw new NotFound('convenant');
      }
      assertMayConfirm(proposal, side);
      const now = this.clock.now();
      const previous = versions.find((v) => v.status === 'confirmed');
      if (previous) {
        await this.repo.save({ ...previous, status: 'superseded', supersededAt: now });
      }
      const confirmed = await this.repo.save({
        ...proposal,
        status: 'confirmed',
        confirmedBy: actor.userId,
        confirmedAt: now,
      });
      await this.announce('convenant.confirmed', council, confirmed, actor);
      return toConvenantResponse(confirmed, side);
    });
  }

  /** For the deadline calculator: the confirmed convenant as council term settings, or none. */
  async confirmedTermSettings(worksCouncilId: string): Promise<Record<string, unknown>> {
    const confirmed = await this.repo.confirmedOf(worksCouncilId);
    return confirmed ? toTermSettings(confirmed) : {};
  }

  private async announce(
    type: 'convenant.proposed' | 'convenant.confirmed',
    council: WorksCouncilEntity,
    convenant: ConvenantEntity,
    actor: Actor,
  ): Promise<void> {
    await this.outbox.append(
      [
        {
          type,
          organisationId: council.organisationId,
          worksCouncilId: council.id,
          payload: { version: convenant.version, proposedSide: convenant.proposedSide },
        },
      ],
      actor.userId,
    );
  }

  private async visibleCouncil(actor: Actor, worksCouncilId: string): Promise<WorksCouncilEntity> {
    const council = await this.councils.findCouncil(worksCouncilId);
    if (!council || !actor.memberships.some((m) => m.organisationId === council.organisationId)) {
      throw new NotFound('works_council');
    }
    return council;
  }
}

/**
 * Which party the actor speaks for: the employer's HR, representative or administrator, or the
 * council's chair or secretary. Anyone else (members, experts, unions) proposes nothing.
 */
function partyOrNull(actor: Actor, council: WorksCouncilEntity): ConvenantSide | null {
  if (hasRoleIn(actor, COUNCIL_BOARD_ROLES, { worksCouncilId: council.id })) {
    return 'council';
  }
  if (hasRoleIn(actor, EMPLOYER_SIDE_ROLES, { organisationId: council.organisationId })) {
    return 'employer';
  }
  return null;
}

function partyOf(actor: Actor, council: WorksCouncilEntity): ConvenantSide {
  const side = partyOrNull(actor, council);
  if (side) {
    return side;
  }
  throw new Forbidden(
    'convenant.party_only',
    "Only the employer's side or the council's chair or secretary proposes or confirms a convenant.",
  );
}
