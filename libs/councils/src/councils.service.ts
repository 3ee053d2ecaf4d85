import { createHash, randomBytes } from 'node:crypto';

import { Inject, Injectable } from '@nestjs/common';

import { AccountService, type Actor, AuthService, COUNCIL_ROLES, hasRoleIn, Role, type TokenPair } from '@wc/auth';
import { APP_CONFIG, type AppConfig } from '@wc/config';
import { Clock, Conflict, Forbidden, NotFound, Unprocessable } from '@wc/core';
import { TransactionHost } from '@wc/database';

import { CouncilsRepository } from './councils.repository';
import type {
  AcceptInvitationDto,
  CreateCommitteeDto,
  CreateInvitationDto,
  CreateMembershipDto,
  CreateWorksCouncilDto,
  InvitationResponse,
  MemberResponse,
  OrganisationResponse,
  RoleAssignmentDto,
  WorksCouncilResponse,
} from './dto/councils.dto';
import type { WorksCouncilEntity } from './works-council.entity';

const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');

@Injectable()
export class CouncilsService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly tx: TransactionHost,
    private readonly repo: CouncilsRepository,
    private readonly accounts: AccountService,
    private readonly auth: AuthService,
    private readonly clock: Clock,
  ) {}

  async getOrganisation(actor: Actor, organisationId: string): Promise<OrganisationResponse> {
    this.assertMemberOf(actor, organisationId);
    const org = await this.repo.findOrganisation(organisationId);
    if (!org) {
      throw new NotFound('organisation');
    }
    return { id: org.id, name: org.name, kind: org.kind, headcount: org.headcount };
  }

  async listCouncils(actor: Actor, organisationId: string): Promise<WorksCouncilResponse[]> {
    this.assertMemberOf(actor, organisationId);
    const councils = await this.repo.councilsOf(organisationId);
    return this.withCommittees(councils);
  }

  async getCouncil(actor: Actor, worksCouncilId: string): Promise<WorksCouncilResponse> {
    const council = await this.visibleCouncil(actor, worksCouncilId);
    const [response] = await this.withCommittees([council]);
    return response;
  }

  /** For other libs: a council's organisation and agreed terms (convenant settings). */
  async councilFacts(worksCouncilId: string): Promise<{ organisationId: string; kind: string; settings: Record<string, unknown> } | null> {
    const council = await this.repo.findCouncil(worksCouncilId);
    return council ? { organisationId: council.organisationId, kind: council.kind, settings: council.settings } : null;
  }

  async createCouncil(actor: Actor, organisationId: string, dto: CreateWorksCouncilDto): Promise<WorksCouncilResponse> {
    this.assertAdminOf(actor, organisationId);
    const org = await this.repo.findOrganisation(organisationId);
    if (org?.kind !== 'employer') {
      throw new Unprocessable('works_council.employer_only', 'Only an employer organisation has a works council.');
    }
    const council = await this.repo.createCouncil({ organisationId, name: dto.name, kind: dto.kind });
    return { id: council.id, organisationId, name: council.name, kind: council.kind, committees: [] };
  }

  async createCommittee(actor: Actor, worksCouncilId: string, dto: CreateCommitteeDto): Promise<WorksCouncilResponse> {
    const council = await this.visibleCouncil(actor, worksCouncilId);
    this.assertAdminOf(actor, council.organisationId);
    await this.repo.createCommittee({ worksCouncilId, name: dto.name });
    return this.getCouncil(actor, worksCouncilId);
  }

  async listMembers(actor: Actor, organisationId: string): Promise<MemberResponse[]> {
    this.assertMemberOf(actor, organisationId);
    // An external expert is hired by the council from outside: names and roles, not addresses.
    const seesAddresses = actor.memberships.some((m) => m.organisationId === organisationId && m.role !== Role.ExternalExpert);
    const rows = await this.accounts.membershipsInOrganisation(organisationId);
    return rows.map((m) => ({
      membershipId: m.id,
      userId: m.userId,
      displayName: m.user.displayName,
      email: seesAddresses ? m.user.email : null,
      role: m.role,
      worksCouncilId: m.worksCouncilId,
      committeeId: m.committeeId,
    }));
  }

  async addMembership(actor: Actor, organisationId: string, dto: CreateMembershipDto): Promise<MemberResponse> {
    this.assertAdminOf(actor, organisationId);
    const placement = await this.checkPlacement(organisationId, dto);
    const membership = await this.accounts.addMembership({ userId: dto.userId, organisationId, ...placement, role: dto.role });
    const member = (await this.listMembers(actor, organisationId)).find((m) => m.membershipId === membership.id);
    if (!member) {
      throw new NotFound('user');
    }
    return member;
  }

  async removeMembership(actor: Actor, membershipId: string): Promise<void> {
    const membership = await this.accounts.getMembership(membershipId);
    // Another tenant's membership answers exactly like one that does not exist.
    if (!actor.memberships.some((m) => m.organisationId === membership.organisationId)) {
      throw new NotFound('membership');
    }
    this.assertAdminOf(actor, membership.organisationId);
    await this.accounts.removeMembership(membershipId);
  }

  async invite(actor: Actor, organisationId: string, dto: CreateInvitationDto): Promise<InvitationResponse> {
    this.assertAdminOf(actor, organisationId);
    const roles = [];
    for (const assignment of dto.roles) {
      roles.push({ role: assignment.role, ...(await this.checkPlacement(organisationId, assignment)) });
    }
    const token = randomBytes(32).toString('base64url');
    const expiresAt = new Date(this.clock.now().getTime() + this.config.auth.invitationTtlHours * 3_600_000);
    const invitation = await this.repo.createInvitation({
      organisationId,
      email: dto.email.trim().toLowerCase(),
      roles,
      tokenHash: sha256(token),
      invitedBy: actor.userId,
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
      if (await this.accounts.findUserIdByEmail(invitation.email)) {
        throw new Conflict('user.email_taken', 'An account with this e-mail address already exists; ask an administrator to add the role to it.');
      }
      const user = await this.accounts.createUser({
        email: invitation.email,
        displayName: dto.displayName,
        password: dto.password,
        organisationId: invitation.organisationId,
        language: dto.language,
      });
      for (const role of invitation.roles) {
        await this.accounts.addMembership({ userId: user.userId, organisationId: invitation.organisationId, worksCouncilId: role.worksCouncilId, committeeId: role.committeeId, role: role.role as Role });
      }
      await this.repo.markInvitationAccepted(invitation.id, now);
      return user.userId;
    });
    return this.auth.issueSession(userId);
  }

  /** Council roles need a council of this organisation; committee members a committee of it. */
  private async checkPlacement(organisationId: string, assignment: RoleAssignmentDto): Promise<{ worksCouncilId: string | null; committeeId: string | null }> {
    const needsCouncil = COUNCIL_ROLES.includes(assignment.role);
    if (!needsCouncil) {
      if (assignment.worksCouncilId || assignment.committeeId) {
        throw new Unprocessable('membership.unexpected_council', `The role ${assignment.role} does not belong to a works council.`, {}, [{ path: 'worksCouncilId', message: 'must be empty for this role' }]);
      }
      return { worksCouncilId: null, committeeId: null };
    }
    const council = assignment.worksCouncilId ? await this.repo.findCouncil(assignment.worksCouncilId) : null;
    if (council?.organisationId !== organisationId) {
      throw new Unprocessable('membership.council_required', `The role ${assignment.role} needs a works council of this organisation.`, {}, [{ path: 'worksCouncilId', message: 'must be a works council of this organisation' }]);
    }
    if (assignment.role === Role.CommitteeMember) {
      const committee = assignment.committeeId ? await this.repo.findCommittee(assignment.committeeId) : null;
      if (committee?.worksCouncilId !== council.id) {
        throw new Unprocessable('membership.committee_required', 'A committee member needs a committee of that works council.', {}, [{ path: 'committeeId', message: 'must be a committee of the works council' }]);
      }
      return { worksCouncilId: council.id, committeeId: committee.id };
    }
    return { worksCouncilId: council.id, committeeId: null };
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
      committees: committees.filter((k) => k.worksCouncilId === c.id).map((k) => ({ id: k.id, name: k.name })),
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
      throw new Forbidden('organisation.admin_required', 'Only an administrator of this organisation may do this.');
    }
  }
}
