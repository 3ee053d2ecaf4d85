import { createHash, randomBytes } from 'node:crypto';

import { Inject, Injectable } from '@nestjs/common';

import {
  AccountService,
  type Actor,
  AuthService,
  COUNCIL_BOARD_ROLES,
  COUNCIL_ROLES,
  EMPLOYER_SIDE_ROLES,
  hasRoleIn,
  type AccountSummary,
  type MembershipSummary,
  Role,
  sideOf,
  type TokenPair,
  WHOLE_COUNCIL_ROLES,
} from '@wc/auth';
import { APP_CONFIG, type AppConfig } from '@wc/config';
import { Clock, Conflict, Forbidden, NotFound, Unprocessable } from '@wc/core';
import { Outbox, TransactionHost } from '@wc/database';
import { type CursorPageQueryDto, mapPage, type Page } from '@wc/pagination';

import { ConvenantService } from './convenant.service';
import type { CouncilRoleChangeKind } from './council-role-change.entity';
import type { ExpertEngagementEntity } from './expert-engagement.entity';
import { CouncilsRepository } from './councils.repository';
import type {
  AcceptInvitationDto,
  ChangeMembershipDto,
  CouncilRoleChangeResponse,
  CreateCommitteeDto,
  CreatedExpertEngagementResponse,
  CreateExpertEngagementDto,
  CreateInvitationDto,
  ExpertEngagementResponse,
  CreateMembershipDto,
  CreateWorksCouncilDto,
  InvitationResponse,
  MemberResponse,
  OrganisationResponse,
  RoleAssignmentDto,
  WorksCouncilResponse,
} from './dto/councils.dto';
import type { InvitedRole } from './invitation.entity';
import type { WorksCouncilEntity } from './works-council.entity';

/** `invited_by` of invitations the provisioning command issues: the platform, not a person. */
export const PLATFORM_INVITER = '00000000-0000-0000-0000-000000000000';
/** The only roles the platform operator grants: an organisation's admin, and its own platform admins. */
const PLATFORM_GRANTED_ROLES: readonly Role[] = [Role.OrgAdmin, Role.PlatformAdmin];

const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');

/** The council's own members: they see its internal space and the record of its roles (not its experts). */
const COUNCIL_SPACE_ROLES: readonly Role[] = [...WHOLE_COUNCIL_ROLES, Role.CommitteeMember];

function toEngagementResponse(
  r: ExpertEngagementEntity,
  names: Map<string, string>,
  ownCouncil: boolean,
): ExpertEngagementResponse {
  return {
    id: r.id,
    worksCouncilId: r.worksCouncilId,
    status: r.userId ? 'engaged' : 'invited',
    purpose: r.purpose,
    expectedCostsCents: r.expectedCostsCents,
    notifiedAt: r.createdAt.toISOString(),
    expert: r.userId ? { userId: r.userId, displayName: names.get(r.userId) ?? '' } : null,
    email: ownCouncil ? r.email : null,
    confidentialityAcknowledgedAt: r.confidentialityAcknowledgedAt?.toISOString() ?? null,
  };
}

/** One account, one side (B.19): an employer-side role and a council role never go together. */
function assertOneSide(existing: readonly Role[], role: Role): void {
  const side = sideOf(role);
  if (side !== 'union' && existing.some((r) => sideOf(r) !== 'union' && sideOf(r) !== side)) {
    throw new Conflict(
      'membership.sides_exclusive',
      "One account cannot hold a role on the employer's side and one on the works council's.",
      { role },
    );
  }
}

@Injectable()
export class CouncilsService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly tx: TransactionHost,
    private readonly repo: CouncilsRepository,
    private readonly accounts: AccountService,
    private readonly auth: AuthService,
    private readonly clock: Clock,
    private readonly outbox: Outbox,
    private readonly convenants: ConvenantService,
  ) {}

  async getOrganisation(actor: Actor, organisationId: string): Promise<OrganisationResponse> {
    this.assertMemberOf(actor, organisationId);
    const org = await this.repo.findOrganisation(organisationId);
    if (!org) {
      throw new NotFound('organisation');
    }
    return { id: org.id, name: org.name, kind: org.kind, headcount: org.headcount };
  }

  async listCouncils(
    actor: Actor,
    organisationId: string,
    query: CursorPageQueryDto,
  ): Promise<Page<WorksCouncilResponse>> {
    this.assertMemberOf(actor, organisationId);
    const page = await this.repo.councilPage(organisationId, query);
    return { items: await this.withCommittees(page.items), nextCursor: page.nextCursor };
  }

  async getCouncil(actor: Actor, worksCouncilId: string): Promise<WorksCouncilResponse> {
    const council = await this.visibleCouncil(actor, worksCouncilId);
    const [response] = await this.withCommittees([council]);
    return response;
  }

  /**
   * For other libs: how many seats the council has, counted as the active accounts holding a
   * whole-council role (chair, secretary, member); what a vote's quorum is set against.
   */
  async councilSize(organisationId: string, worksCouncilId: string): Promise<number> {
    const members = await this.accounts.membershipsInOrganisation(organisationId);
    return new Set(
      members
        .filter(
          (m) =>
            m.worksCouncilId === worksCouncilId &&
            WHOLE_COUNCIL_ROLES.includes(m.role) &&
            !m.user.deactivated,
        )
        .map((m) => m.userId),
    ).size;
  }

  /** For other libs: a council's organisation and agreed terms (convenant settings). */
  async councilFacts(
    worksCouncilId: string,
  ): Promise<{ organisationId: string; kind: string; settings: Record<string, unknown> } | null> {
    const council = await this.repo.findCouncil(worksCouncilId);
    if (!council) {
      return null;
    }
    // The confirmed convenant's terms override the stored settings (legal-rules W5, (d)2).
    const agreed = await this.convenants.confirmedTermSettings(worksCouncilId);
    return {
      organisationId: council.organisationId,
      kind: council.kind,
      settings: { ...council.settings, ...agreed },
    };
  }

  async createCouncil(
    actor: Actor,
    organisationId: string,
    dto: CreateWorksCouncilDto,
  ): Promise<WorksCouncilResponse> {
    this.assertAdminOf(actor, organisationId);
    const org = await this.repo.findOrganisation(organisationId);
    if (org?.kind !== 'employer') {
      throw new Unprocessable(
        'works_council.employer_only',
        'Only an employer organisation has a works council.',
      );
    }
    const council = await this.repo.createCouncil({
      organisationId,
      name: dto.name,
      kind: dto.kind,
    });
    return {
      id: council.id,
      organisationId,
      name: council.name,
      kind: council.kind,
      committees: [],
    };
  }

  async createCommittee(
    actor: Actor,
    worksCouncilId: string,
    dto: CreateCommitteeDto,
  ): Promise<WorksCouncilResponse> {
    const council = await this.visibleCouncil(actor, worksCouncilId);
    this.assertAdminOf(actor, council.organisationId);
    await this.repo.createCommittee({ worksCouncilId, name: dto.name });
    return this.getCouncil(actor, worksCouncilId);
  }

  async listMembers(
    actor: Actor,
    organisationId: string,
    query: CursorPageQueryDto,
  ): Promise<Page<MemberResponse>> {
    this.assertMemberOf(actor, organisationId);
    const page = await this.accounts.membershipPageInOrganisation(organisationId, query);
    return mapPage(page, (m) => toMemberResponse(actor, organisationId, m));
  }

  /** For other libs: every member of the organisation as the list shows them, unpaged. */
  async allMembers(actor: Actor, organisationId: string): Promise<MemberResponse[]> {
    this.assertMemberOf(actor, organisationId);
    const rows = await this.accounts.membershipsInOrganisation(organisationId);
    return rows.map((m) => toMemberResponse(actor, organisationId, m));
  }

  /** One member of the organisation as the list shows it, after a change. */
  private async memberOf(
    actor: Actor,
    organisationId: string,
    membershipId: string,
  ): Promise<MemberResponse | undefined> {
    return (await this.allMembers(actor, organisationId)).find(
      (m) => m.membershipId === membershipId,
    );
  }

  /**
   * Gives a user of this organisation one more role. Council roles are granted by that council's
   * board only, employer-side roles by the organisation's admin (B.19); one account never holds
   * both sides' roles. Another tenant's user answers exactly like an unknown id: people from
   * elsewhere join by invitation (by e-mail), never by id.
   */
  async addMembership(
    actor: Actor,
    organisationId: string,
    dto: CreateMembershipDto,
  ): Promise<MemberResponse> {
    this.assertMemberOf(actor, organisationId);
    const membershipId = await this.tx.run(async () => {
      const placement = await this.checkPlacement(organisationId, dto);
      await this.assertMayGrant(actor, organisationId, dto.role, placement.worksCouncilId);
      const account = await this.accounts.lockAccount(dto.userId);
      if (account?.organisationId !== organisationId || account.deactivated) {
        throw new NotFound('user');
      }
      assertOneSide(
        account.memberships.map((m) => m.role),
        dto.role,
      );
      const membership = await this.accounts.addMembership({
        userId: dto.userId,
        organisationId,
        ...placement,
        role: dto.role,
      });
      await this.recordChange(actor.userId, membership, 'granted', null);
      return membership.id;
    });
    const member = await this.memberOf(actor, organisationId, membershipId);
    if (!member) {
      throw new NotFound('user');
    }
    return member;
  }

  /** A council role becomes another council role of the same council (board only); an employer role another employer role (admin). */
  async changeMembership(
    actor: Actor,
    membershipId: string,
    dto: ChangeMembershipDto,
  ): Promise<MemberResponse> {
    const membership = await this.accounts.getMembership(membershipId);
    this.assertMembershipVisible(actor, membership);
    await this.tx.run(async () => {
      await this.assertMayGrant(
        actor,
        membership.organisationId,
        membership.role,
        membership.worksCouncilId,
      );
      if (sideOf(dto.role) !== sideOf(membership.role)) {
        throw new Conflict(
          'membership.sides_exclusive',
          'A role cannot move to the other side; remove it and let that side grant the new one.',
          { role: dto.role },
        );
      }
      const placement = await this.checkPlacement(membership.organisationId, {
        role: dto.role,
        worksCouncilId: membership.worksCouncilId ?? undefined,
        committeeId: dto.committeeId,
      });
      const account = await this.accounts.lockAccount(membership.userId);
      assertOneSide(
        (account?.memberships ?? []).filter((m) => m.id !== membership.id).map((m) => m.role),
        dto.role,
      );
      if (!COUNCIL_BOARD_ROLES.includes(dto.role)) {
        await this.assertNotLastBoardMember(membership);
      }
      await this.accounts.changeMembership(membership.id, {
        role: dto.role,
        committeeId: placement.committeeId,
      });
      await this.recordChange(
        actor.userId,
        { ...membership, role: dto.role, committeeId: placement.committeeId },
        'changed',
        membership.role,
      );
    });
    const member = await this.memberOf(actor, membership.organisationId, membership.id);
    if (!member) {
      throw new NotFound('membership');
    }
    return member;
  }

  async removeMembership(actor: Actor, membershipId: string): Promise<void> {
    const membership = await this.accounts.getMembership(membershipId);
    this.assertMembershipVisible(actor, membership);
    await this.tx.run(async () => {
      await this.assertMayGrant(
        actor,
        membership.organisationId,
        membership.role,
        membership.worksCouncilId,
      );
      await this.assertNotLastBoardMember(membership);
      await this.accounts.removeMembership(membershipId);
      await this.recordChange(actor.userId, membership, 'removed', null);
    });
  }

  /**
   * Deactivates an account of this organisation: it signs in no more and its sessions end at once.
   * An account with a council role is the council's to deactivate (its board), never the
   * employer's: an admin switching off a council member would be the employer cutting the council
   * (B.19). Other accounts are deactivated by the organisation's admin.
   */
  async deactivateUser(actor: Actor, organisationId: string, userId: string): Promise<void> {
    this.assertMemberOf(actor, organisationId);
    await this.tx.run(async () => {
      const account = await this.accounts.lockAccount(userId);
      if (account?.organisationId !== organisationId) {
        throw new NotFound('user');
      }
      if (userId === actor.userId) {
        throw new Conflict(
          'user.cannot_deactivate_self',
          'You cannot deactivate your own account.',
        );
      }
      if (account.deactivated) {
        return;
      }
      const councilRoles = account.memberships.filter((m) => sideOf(m.role) === 'council');
      if (councilRoles.length > 0) {
        for (const membership of councilRoles) {
          await this.assertMayGrant(
            actor,
            organisationId,
            membership.role,
            membership.worksCouncilId,
          );
          await this.assertNotLastBoardMember(membership);
        }
      } else {
        this.assertAdminOf(actor, organisationId);
      }
      await this.accounts.deactivate(userId, actor.userId, this.clock.now());
      for (const membership of councilRoles) {
        await this.recordChange(actor.userId, membership, 'deactivated', null, { emit: false });
      }
    });
  }

  /** The council's record of its role changes, newest first: for the council's own members only. */
  async listRoleChanges(
    actor: Actor,
    worksCouncilId: string,
    query: CursorPageQueryDto,
  ): Promise<Page<CouncilRoleChangeResponse>> {
    await this.visibleCouncil(actor, worksCouncilId);
    if (!hasRoleIn(actor, COUNCIL_SPACE_ROLES, { worksCouncilId })) {
      throw new Forbidden(
        'works_council.members_only',
        "Only the works council's own members see who holds its roles and who granted them.",
      );
    }
    const page = await this.repo.roleChangePage(worksCouncilId, query);
    const names = await this.accounts.displayNames(
      page.items.flatMap((r) =>
        r.actorUserId ? [r.subjectUserId, r.actorUserId] : [r.subjectUserId],
      ),
    );
    const person = (userId: string) => ({ userId, displayName: names.get(userId) ?? '' });
    return mapPage(page, (r) => ({
      id: r.id,
      change: r.change,
      role: r.role,
      previousRole: r.previousRole,
      committeeId: r.committeeId,
      subject: person(r.subjectUserId),
      changedBy: r.actorUserId ? person(r.actorUserId) : null,
      occurredAt: r.occurredAt.toISOString(),
    }));
  }

  async invite(
    actor: Actor,
    organisationId: string,
    dto: CreateInvitationDto,
  ): Promise<InvitationResponse> {
    this.assertMemberOf(actor, organisationId);
    const roles = [];
    for (const assignment of dto.roles) {
      roles.push({
        role: assignment.role,
        ...(await this.checkPlacement(organisationId, assignment)),
      });
    }
    const sides = new Set(roles.map((r) => sideOf(r.role)));
    if (sides.has('council') && sides.has('employer')) {
      throw new Conflict(
        'membership.sides_exclusive',
        "One account cannot hold a role on the employer's side and one on the works council's.",
      );
    }
    if (roles.some((r) => r.role === Role.ExternalExpert)) {
      // Only with a cost notice for the employer (art. 22(2)) and the expert's art. 20 acknowledgement.
      throw new Unprocessable(
        'membership.expert_by_engagement',
        "The council's expert is invited with POST /works-councils/:worksCouncilId/expert-engagements.",
        {},
        [{ path: 'roles', message: 'external_expert is invited through an expert engagement' }],
      );
    }
    for (const role of roles) {
      await this.assertMayGrant(actor, organisationId, role.role, role.worksCouncilId, {
        invitation: true,
      });
    }
    return this.issueInvitation(actor.userId, organisationId, dto.email, roles);
  }

  /**
   * The council board engages the council's own expert (WOR art. 16): an invitation by e-mail to
   * the expert role in this council, and the cost notice the employer sees (art. 22(2)). The expert
   * is added to the cases the board chooses with `POST /cases/:caseId/experts`.
   */
  async engageExpert(
    actor: Actor,
    worksCouncilId: string,
    dto: CreateExpertEngagementDto,
  ): Promise<CreatedExpertEngagementResponse> {
    const council = await this.visibleCouncil(actor, worksCouncilId);
    if (!hasRoleIn(actor, COUNCIL_BOARD_ROLES, { worksCouncilId })) {
      throw new Forbidden(
        'membership.council_board_only',
        "Only the works council's chair or secretary engages its expert.",
        { role: Role.ExternalExpert },
      );
    }
    return this.tx.run(async () => {
      const invitation = await this.issueInvitation(
        actor.userId,
        council.organisationId,
        dto.email,
        [{ role: Role.ExternalExpert, worksCouncilId, committeeId: null }],
      );
      const engagement = await this.repo.createEngagement({
        worksCouncilId,
        invitationId: invitation.id,
        email: invitation.email,
        purpose: dto.purpose,
        expectedCostsCents: dto.expectedCostsCents,
        engagedBy: actor.userId,
      });
      // Art. 22(2): the employer is told, each employer-side person in their own room; the council in its room.
      const employerSide = (
        await this.accounts.membershipsInOrganisation(council.organisationId)
      ).filter((m) => EMPLOYER_SIDE_ROLES.includes(m.role));
      await this.outbox.append(
        [
          {
            type: 'expert_engagement.notified' as const,
            organisationId: council.organisationId,
            worksCouncilId,
            payload: { engagementId: engagement.id },
          },
          ...[...new Set(employerSide.map((m) => m.userId))].map((userId) => ({
            type: 'expert_engagement.notified' as const,
            organisationId: council.organisationId,
            userId,
            payload: { engagementId: engagement.id, worksCouncilId },
          })),
        ],
        actor.userId,
      );
      return { ...toEngagementResponse(engagement, new Map(), true), invitation };
    });
  }

  /** The council sees its engagements in full; the employer the cost notices (art. 22(2)), not the addresses. */
  async listEngagements(
    actor: Actor,
    worksCouncilId: string,
    query: CursorPageQueryDto,
  ): Promise<Page<ExpertEngagementResponse>> {
    const ownCouncil = await this.assertSeesEngagements(actor, worksCouncilId);
    const page = await this.repo.engagementPage(worksCouncilId, query);
    const names = await this.accounts.displayNames(
      page.items.flatMap((r) => (r.userId ? [r.userId] : [])),
    );
    return mapPage(page, (r) => toEngagementResponse(r, names, ownCouncil));
  }

  /** For other libs: one of the council's engagements as its list shows it, or null. */
  async engagementOf(
    actor: Actor,
    worksCouncilId: string,
    engagementId: string,
  ): Promise<ExpertEngagementResponse | null> {
    const ownCouncil = await this.assertSeesEngagements(actor, worksCouncilId);
    const row = await this.repo.findEngagement(worksCouncilId, engagementId);
    if (!row) {
      return null;
    }
    const names = await this.accounts.displayNames(row.userId ? [row.userId] : []);
    return toEngagementResponse(row, names, ownCouncil);
  }

  /** Whether the reader is of the council itself; refuses anyone but it and the employer. */
  private async assertSeesEngagements(actor: Actor, worksCouncilId: string): Promise<boolean> {
    const council = await this.visibleCouncil(actor, worksCouncilId);
    const ownCouncil = hasRoleIn(actor, COUNCIL_SPACE_ROLES, { worksCouncilId });
    if (
      !ownCouncil &&
      !hasRoleIn(actor, EMPLOYER_SIDE_ROLES, { organisationId: council.organisationId })
    ) {
      throw new Forbidden(
        'works_council.members_only',
        "Only the works council's members and the employer see its expert engagements.",
      );
    }
    return ownCouncil;
  }

  /** An invitation with a fresh one-time token; for the platform's first-admin invitations too. */
  async issueInvitation(
    actorId: string,
    organisationId: string,
    email: string,
    roles: InvitedRole[],
  ): Promise<InvitationResponse> {
    const token = randomBytes(32).toString('base64url');
    const expiresAt = new Date(
      this.clock.now().getTime() + this.config.auth.invitationTtlHours * 3_600_000,
    );
    const invitation = await this.repo.createInvitation({
      organisationId,
      email: email.trim().toLowerCase(),
      roles,
      tokenHash: sha256(token),
      invitedBy: actorId,
      expiresAt,
    });
    return {
      id: invitation.id,
      email: invitation.email,
      expiresAt: expiresAt.toISOString(),
      token,
      acceptUrl: `${this.config.app.publicUrl}/invitations/accept#token=${token}`,
    };
  }

  /** Turns an invitation into an account with its memberships; the token works once. */
  async acceptInvitation(dto: AcceptInvitationDto): Promise<TokenPair> {
    const now = this.clock.now();
    const userId = await this.tx.run(async () => {
      const invitation = await this.repo.findInvitationByHashForUpdate(sha256(dto.token));
      if (!invitation || invitation.acceptedAt || invitation.expiresAt <= now) {
        throw new NotFound('invitation');
      }
      const engagement = await this.repo.engagementOfInvitation(invitation.id);
      if (engagement && dto.confidentialityAcknowledged !== true) {
        throw new Unprocessable(
          'invitation.confidentiality_required',
          "WOR art. 20: the council's expert is bound to confidentiality; acknowledge it to accept.",
          {},
          [{ path: 'confidentialityAcknowledged', message: 'must be acknowledged (true)' }],
        );
      }
      if (await this.accounts.findUserIdByEmail(invitation.email)) {
        throw new Conflict(
          'user.email_taken',
          'An account with this e-mail address already exists; ask an administrator to add the role to it.',
        );
      }
      const user = await this.accounts.createUser({
        email: invitation.email,
        displayName: dto.displayName,
        password: dto.password,
        organisationId: invitation.organisationId,
        language: dto.language,
      });
      await this.assertInviterStillMay(
        invitation.invitedBy,
        invitation.organisationId,
        invitation.roles,
      );
      for (const role of invitation.roles) {
        const membership = await this.accounts.addMembership({
          userId: user.userId,
          organisationId: invitation.organisationId,
          worksCouncilId: role.worksCouncilId,
          committeeId: role.committeeId,
          role: role.role as Role,
        });
        await this.recordChange(invitation.invitedBy, membership, 'granted', null);
      }
      if (engagement) {
        await this.repo.markEngaged(engagement.id, user.userId, now);
        const council = await this.repo.findCouncil(engagement.worksCouncilId);
        await this.outbox.append(
          [
            {
              type: 'expert_engagement.accepted',
              organisationId: council?.organisationId ?? null,
              worksCouncilId: engagement.worksCouncilId,
              payload: { engagementId: engagement.id },
            },
          ],
          user.userId,
        );
      }
      await this.repo.markInvitationAccepted(invitation.id, now);
      return user.userId;
    });
    return this.auth.issueSession(userId);
  }

  /** Council roles need a council of this organisation; committee members a committee of it. */
  private async checkPlacement(
    organisationId: string,
    assignment: RoleAssignmentDto,
  ): Promise<{ worksCouncilId: string | null; committeeId: string | null }> {
    const needsCouncil = COUNCIL_ROLES.includes(assignment.role);
    if (!needsCouncil) {
      if (assignment.worksCouncilId || assignment.committeeId) {
        throw new Unprocessable(
          'membership.unexpected_council',
          `The role ${assignment.role} does not belong to a works council.`,
          {},
          [{ path: 'worksCouncilId', message: 'must be empty for this role' }],
        );
      }
      return { worksCouncilId: null, committeeId: null };
    }
    const council = assignment.worksCouncilId
      ? await this.repo.findCouncil(assignment.worksCouncilId)
      : null;
    if (council?.organisationId !== organisationId) {
      throw new Unprocessable(
        'membership.council_required',
        `The role ${assignment.role} needs a works council of this organisation.`,
        {},
        [{ path: 'worksCouncilId', message: 'must be a works council of this organisation' }],
      );
    }
    if (assignment.role === Role.CommitteeMember) {
      const committee = assignment.committeeId
        ? await this.repo.findCommittee(assignment.committeeId)
        : null;
      if (committee?.worksCouncilId !== council.id) {
        throw new Unprocessable(
          'membership.committee_required',
          'A committee member needs a committee of that works council.',
          {},
          [{ path: 'committeeId', message: 'must be a committee of the works council' }],
        );
      }
      return { worksCouncilId: council.id, committeeId: committee.id };
    }
    return { worksCouncilId: council.id, committeeId: null };
  }

  /**
   * Who may grant, change or remove a role (B.19): a council role, only the board (chair or
   * secretary) of that very council; an employer-side or union role, the organisation's admin.
   * The one exception is how a council starts: while it has no board and never had a chair, the
   * admin who created it may invite its first chair.
   */
  private async assertMayGrant(
    actor: Actor,
    organisationId: string,
    role: Role,
    worksCouncilId: string | null,
    { invitation = false } = {},
  ): Promise<void> {
    if (sideOf(role) !== 'council') {
      this.assertAdminOf(actor, organisationId);
      return;
    }
    if (worksCouncilId && hasRoleIn(actor, COUNCIL_BOARD_ROLES, { worksCouncilId })) {
      return;
    }
    const firstChair =
      invitation &&
      role === Role.CouncilChair &&
      worksCouncilId !== null &&
      hasRoleIn(actor, [Role.OrgAdmin], { organisationId });
    if (firstChair && !(await this.councilHasBoard(organisationId, worksCouncilId))) {
      return;
    }
    throw new Forbidden(
      'membership.council_board_only',
      "Only the works council's chair or secretary grants, changes or removes its roles.",
      { role },
    );
  }

  /** At acceptance the inviter must still be allowed to grant each role (a second "first chair" is not). */
  private async assertInviterStillMay(
    inviterId: string,
    organisationId: string,
    roles: InvitedRole[],
  ): Promise<void> {
    const inviter = inviterId === PLATFORM_INVITER ? null : await this.auth.actorFor(inviterId);
    if (
      (inviterId === PLATFORM_INVITER ||
        inviter?.memberships.some((m) => m.role === Role.PlatformAdmin)) &&
      roles.every((r) => PLATFORM_GRANTED_ROLES.includes(r.role as Role))
    ) {
      return; // the operator provisions an organisation's first admin (issue #15)
    }
    try {
      if (!inviter) {
        throw new Forbidden(
          'membership.council_board_only',
          'The inviter no longer has an account.',
        );
      }
      for (const role of roles) {
        await this.assertMayGrant(inviter, organisationId, role.role as Role, role.worksCouncilId, {
          invitation: true,
        });
      }
    } catch (error) {
      if (error instanceof Forbidden) {
        throw new Conflict(
          'invitation.no_longer_allowed',
          'Whoever sent this invitation may no longer grant these roles; ask for a new invitation.',
        );
      }
      throw error;
    }
  }

  private async councilHasBoard(organisationId: string, worksCouncilId: string): Promise<boolean> {
    const members = await this.accounts.membershipsInOrganisation(organisationId);
    return (
      members.some(
        (m) => m.worksCouncilId === worksCouncilId && COUNCIL_BOARD_ROLES.includes(m.role),
      ) || (await this.repo.everHadChair(worksCouncilId))
    );
  }

  /** A council keeps a board: the last chair or secretary cannot go before another is appointed. */
  private async assertNotLastBoardMember(membership: MembershipSummary): Promise<void> {
    if (!COUNCIL_BOARD_ROLES.includes(membership.role) || !membership.worksCouncilId) {
      return;
    }
    const members = await this.accounts.membershipsInOrganisation(membership.organisationId);
    if (
      !members.some(
        (m) =>
          m.id !== membership.id &&
          m.userId !== membership.userId &&
          m.worksCouncilId === membership.worksCouncilId &&
          COUNCIL_BOARD_ROLES.includes(m.role),
      )
    ) {
      throw new Conflict(
        'membership.last_board_member',
        'The works council needs a chair or secretary: appoint another one first.',
      );
    }
  }

  /** Council roles go into the council's own record; every change reaches the user's open sockets (re-checked after commit). */
  private async recordChange(
    actorId: string,
    membership: MembershipSummary,
    change: CouncilRoleChangeKind,
    previousRole: Role | null,
    { emit = true } = {},
  ): Promise<void> {
    if (sideOf(membership.role) === 'council' && membership.worksCouncilId) {
      await this.repo.recordRoleChanges([
        {
          worksCouncilId: membership.worksCouncilId,
          subjectUserId: membership.userId,
          membershipId: membership.id,
          change,
          role: membership.role,
          previousRole,
          committeeId: membership.committeeId,
          actorUserId: actorId,
          occurredAt: this.clock.now(),
        },
      ]);
    }
    if (emit) {
      await this.outbox.append(
        [
          {
            type: 'membership.changed',
            userId: membership.userId,
            organisationId: membership.organisationId,
            worksCouncilId: membership.worksCouncilId,
            payload: { membershipId: membership.id, change },
          },
        ],
        actorId,
      );
    }
  }

  /** Another tenant's membership answers exactly like one that does not exist. */
  private assertMembershipVisible(actor: Actor, membership: MembershipSummary): void {
    if (!actor.memberships.some((m) => m.organisationId === membership.organisationId)) {
      throw new NotFound('membership');
    }
  }

  private async visibleCouncil(actor: Actor, worksCouncilId: string): Promise<WorksCouncilEntity> {
    const council = await this.repo.findCouncil(worksCouncilId);
    if (!council || !actor.memberships.some((m) => m.organisationId === council.organisationId)) {
      throw new NotFound('works_council');
    }
    return council;
  }

  private async withCommittees(councils: WorksCouncilEntity[]): Promise<WorksCouncilResponse[]> {
    const committees = await this.repo.committeesOf(councils.map((c) => c.id));
    return councils.map((c) => ({
      id: c.id,
      organisationId: c.organisationId,
      name: c.name,
      kind: c.kind,
      committees: committees
        .filter((k) => k.worksCouncilId === c.id)
        .map((k) => ({ id: k.id, name: k.name })),
    }));
  }

  /** Another tenant's organisation answers 404, the same as one that does not exist. */
  private assertMemberOf(actor: Actor, organisationId: string): void {
    if (!actor.memberships.some((m) => m.organisationId === organisationId)) {
      throw new NotFound('organisation');
    }
  }

  private assertAdminOf(actor: Actor, organisationId: string): void {
    this.assertMemberOf(actor, organisationId);
    if (!hasRoleIn(actor, [Role.OrgAdmin], { organisationId })) {
      throw new Forbidden(
        'organisation.admin_required',
        'Only an administrator of this organisation may do this.',
      );
    }
  }
}

/** An external expert is hired by the council from outside: names and roles, not addresses. */
function toMemberResponse(
  actor: Actor,
  organisationId: string,
  m: MembershipSummary & { user: AccountSummary },
): MemberResponse {
  const seesAddresses = actor.memberships.some(
    (own) => own.organisationId === organisationId && own.role !== Role.ExternalExpert,
  );
  return {
    membershipId: m.id,
    userId: m.userId,
    displayName: m.user.displayName,
    email: seesAddresses ? m.user.email : null,
    role: m.role,
    worksCouncilId: m.worksCouncilId,
    committeeId: m.committeeId,
    deactivated: m.user.deactivated,
  };
}
