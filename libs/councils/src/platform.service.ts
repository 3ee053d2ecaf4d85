import { Injectable } from '@nestjs/common';

import { AccountMailer, AccountService, Role } from '@wc/auth';
import { Clock, Conflict, NotFound } from '@wc/core';
import { TransactionHost } from '@wc/database';
import { type CursorPageQueryDto, mapPage, type Page } from '@wc/pagination';

import { CouncilsRepository } from './councils.repository';
import { CouncilsService, PLATFORM_INVITER } from './councils.service';
import type {
  CreateOrganisationDto,
  FirstAdminInvitationResponse,
  InviteFirstAdminDto,
  PlatformOrganisationResponse,
} from './dto/platform.dto';
import type { OrganisationEntity } from './organisation.entity';

/** The grace period between scheduling a deletion and the worker's sweep carrying it out. */
export const DELETION_GRACE_DAYS = 30;

const OPERATOR_NAME = 'Platform operator';

/**
 * The platform operator's work (issue #15): organisations start (created, first admin invited),
 * pause (suspended: nobody signs in or uses a token) and leave (deletion scheduled after a grace
 * period). Used by the platform-admin routes and by `npm run admin`; `actorId` is null there.
 */
@Injectable()
export class PlatformService {
  constructor(
    private readonly tx: TransactionHost,
    private readonly repo: CouncilsRepository,
    private readonly councils: CouncilsService,
    private readonly accounts: AccountService,
    private readonly mailer: AccountMailer,
    private readonly clock: Clock,
  ) {}

  async list(query: CursorPageQueryDto): Promise<Page<PlatformOrganisationResponse>> {
    const [organisations, people] = await Promise.all([
      this.repo.organisationPage(query),
      this.accounts.peopleByOrganisation(),
    ]);
    return mapPage(organisations, (o) => toResponse(o, people.get(o.id) ?? 0));
  }

  async get(organisationId: string): Promise<PlatformOrganisationResponse> {
    const organisation = await this.find(organisationId);
    const people = await this.accounts.peopleByOrganisation();
    return toResponse(organisation, people.get(organisation.id) ?? 0);
  }

  async create(dto: CreateOrganisationDto): Promise<PlatformOrganisationResponse> {
    const organisation = await this.repo.createOrganisation({
      name: dto.name.trim(),
      kind: dto.kind,
      headcount: dto.headcount ?? null,
    });
    return toResponse(organisation, 0);
  }

  /** The organisation's admin (the operator's: a platform admin), by e-mail with a one-time link. */
  async inviteFirstAdmin(
    actorId: string | null,
    organisationId: string,
    dto: InviteFirstAdminDto,
  ): Promise<FirstAdminInvitationResponse> {
    const organisation = await this.find(organisationId);
    this.assertActive(organisation);
    const role = organisation.kind === 'operator' ? Role.PlatformAdmin : Role.OrgAdmin;
    const invitation = await this.councils.issueInvitation(
      actorId ?? PLATFORM_INVITER,
      organisation.id,
      dto.email,
      [{ role, worksCouncilId: null, committeeId: null }],
    );
    const emailSent = await this.mailer.sendInvitation(
      invitation.email,
      dto.language ?? 'nl',
      organisation.name,
      invitation.acceptUrl,
    );
    return { ...invitation, emailSent };
  }

  /** The operator's own organisation, created on first use: a fresh instance starts here. */
  async ensureOperator(): Promise<PlatformOrganisationResponse> {
    const existing = await this.repo.findOperator();
    return existing
      ? this.get(existing.id)
      : toResponse(
          await this.repo.createOrganisation({ name: OPERATOR_NAME, kind: 'operator' }),
          0,
        );
  }

  /** Its people are signed out at once and cannot sign in until it is resumed. */
  async suspend(
    actorId: string | null,
    organisationId: string,
  ): Promise<PlatformOrganisationResponse> {
    await this.tx.run(async () => {
      const organisation = await this.lockTenant(organisationId);
      if (!organisation.suspendedAt) {
        await this.repo.updateOrganisation(organisation.id, { suspendedAt: this.clock.now() });
        await this.accounts.endSessionsOfOrganisation(organisation.id, actorId);
      }
    });
    return this.get(organisationId);
  }

  /** Lifts a suspension, and with it a scheduled deletion that has not yet run. */
  async resume(organisationId: string): Promise<PlatformOrganisationResponse> {
    await this.tx.run(async () => {
      const organisation = await this.lockTenant(organisationId);
      await this.repo.updateOrganisation(organisation.id, {
        suspendedAt: null,
        deletionDueAt: null,
      });
    });
    return this.get(organisationId);
  }

  /**
   * Suspends the organisation now and schedules its deletion after the grace period, in which
   * its admin can still be let back in (resume) to take the export.
   */
  async scheduleDeletion(
    actorId: string | null,
    organisationId: string,
  ): Promise<PlatformOrganisationResponse> {
    await this.tx.run(async () => {
      const organisation = await this.lockTenant(organisationId);
      const now = this.clock.now();
      await this.repo.updateOrganisation(organisation.id, {
        suspendedAt: organisation.suspendedAt ?? now,
        deletionDueAt:
          organisation.deletionDueAt ?? new Date(now.getTime() + DELETION_GRACE_DAYS * 86_400_000),
      });
      if (!organisation.suspendedAt) {
        await this.accounts.endSessionsOfOrganisation(organisation.id, actorId);
      }
    });
    return this.get(organisationId);
  }

  private async find(organisationId: string): Promise<OrganisationEntity> {
    const organisation = await this.repo.findOrganisation(organisationId);
    if (!organisation) {
      throw new NotFound('organisation');
    }
    return organisation;
  }

  /** The operator's own organisation is never suspended or deleted: that would lock everyone out. */
  private async lockTenant(organisationId: string): Promise<OrganisationEntity> {
    const organisation = await this.repo.findOrganisationForUpdate(organisationId);
    if (!organisation) {
      throw new NotFound('organisation');
    }
    if (organisation.kind === 'operator') {
      throw new Conflict(
        'organisation.operator_protected',
        "The platform operator's own organisation cannot be suspended or deleted.",
      );
    }
    return organisation;
  }

  private assertActive(organisation: OrganisationEntity): void {
    if (organisation.suspendedAt) {
      throw new Conflict(
        'organisation.suspended',
        'The organisation is suspended; resume it before inviting anyone.',
      );
    }
  }
}

function toResponse(o: OrganisationEntity, people: number): PlatformOrganisationResponse {
  return {
    id: o.id,
    name: o.name,
    kind: o.kind,
    headcount: o.headcount,
    status: o.deletionDueAt ? 'deletion_scheduled' : o.suspendedAt ? 'suspended' : 'active',
    suspendedAt: o.suspendedAt?.toISOString() ?? null,
    deletionDueAt: o.deletionDueAt?.toISOString() ?? null,
    people,
    createdAt: o.createdAt.toISOString(),
  };
}
