/** Membership roles (model.md). Employer-side roles hang off an organisation, council roles off a works council. */
export enum Role {
  HrManager = 'hr_manager',
  EmployerRepresentative = 'employer_representative',
  CouncilChair = 'council_chair',
  CouncilSecretary = 'council_secretary',
  CouncilMember = 'council_member',
  CommitteeMember = 'committee_member',
  ExternalExpert = 'external_expert',
  UnionOfficer = 'union_officer',
  OrgAdmin = 'org_admin',
  /** The platform operator's own people: they provision, suspend and delete organisations. */
  PlatformAdmin = 'platform_admin',
}

/** The roles an organisation grants its people; platform admins are provisioned by the operator only. */
export const ALL_ROLES = Object.values(Role).filter((role) => role !== Role.PlatformAdmin);
export const EMPLOYER_ROLES: readonly Role[] = [Role.HrManager, Role.EmployerRepresentative];
export const COUNCIL_BOARD_ROLES: readonly Role[] = [Role.CouncilChair, Role.CouncilSecretary];
/** Council roles that see every sent case of their council; a committee member sees its committee's only. */
export const WHOLE_COUNCIL_ROLES: readonly Role[] = [
  Role.CouncilChair,
  Role.CouncilSecretary,
  Role.CouncilMember,
];
export const COUNCIL_ROLES: readonly Role[] = [
  Role.CouncilChair,
  Role.CouncilSecretary,
  Role.CouncilMember,
  Role.CommitteeMember,
  Role.ExternalExpert,
];

/**
 * The employer's side, for the rule that one account never holds both sides' roles (B.19): the org
 * admin counts, since administering the employer's organisation is an employer power.
 */
export const EMPLOYER_SIDE_ROLES: readonly Role[] = [
  Role.HrManager,
  Role.EmployerRepresentative,
  Role.OrgAdmin,
];

/** Which party a role belongs to; union officers belong to neither. */
export function sideOf(role: Role): 'employer' | 'council' | 'union' {
  if (COUNCIL_ROLES.includes(role)) {
    return 'council';
  }
  return EMPLOYER_SIDE_ROLES.includes(role) ? 'employer' : 'union';
}

/** Coarse route permissions; the fine-grained check is each aggregate's policy. */
export enum Permission {
  OrganisationRead = 'organisation:read',
  OrganisationManage = 'organisation:manage',
  CouncilRead = 'council:read',
  CouncilManage = 'council:manage',
  MembershipManage = 'membership:manage',
  InvitationCreate = 'invitation:create',
  ProfileManage = 'profile:manage',
  AiSystemRead = 'ai_system:read',
  AiSystemWrite = 'ai_system:write',
  CaseRead = 'case:read',
  CaseFile = 'case:file',
  CaseDecide = 'case:decide',
  CaseCouncilPosition = 'case:council_position',
  CaseTriageContest = 'case:triage_contest',
  CaseParticipate = 'case:participate',
  AuditRead = 'audit:read',
  NotificationRead = 'notification:read',
  ReminderSettingsManage = 'reminder_settings:manage',
  /** Propose and confirm a council's agreed terms; the service lets one side propose, the other confirm (B.19). */
  ConvenantManage = 'convenant:manage',
  /** Grant, change and revoke union shares; the service allows the council board only (issue #8). */
  UnionShareManage = 'union_share:manage',
  /** Register and manage the organisation's webhook endpoints (issue #21); the service checks which organisation. */
  WebhookManage = 'webhook:manage',
  /** An organisation admin takes the whole organisation's archive (issue #15, leaving). */
  OrganisationExport = 'organisation:export',
  /** Create, suspend, resume and delete organisations: the platform operator only. */
  PlatformManage = 'platform:manage',
}

const EVERYONE: Permission[] = [
  Permission.OrganisationRead,
  Permission.ProfileManage,
  Permission.NotificationRead,
];
const EMPLOYER: Permission[] = [
  ...EVERYONE,
  Permission.CouncilRead,
  Permission.AiSystemRead,
  Permission.AiSystemWrite,
  Permission.CaseRead,
  Permission.CaseFile,
  Permission.CaseDecide,
  Permission.CaseParticipate,
  Permission.AuditRead,
  Permission.ConvenantManage,
];
const COUNCIL: Permission[] = [
  ...EVERYONE,
  Permission.CouncilRead,
  Permission.AiSystemRead,
  Permission.CaseRead,
  Permission.CaseParticipate,
  Permission.AuditRead,
  Permission.UnionShareManage,
];
/** The board grants, changes and removes the council's own roles (B.19); the service checks which council. */
const COUNCIL_BOARD: Permission[] = [
  ...COUNCIL,
  Permission.CaseCouncilPosition,
  Permission.CaseTriageContest,
  Permission.ReminderSettingsManage,
  Permission.ConvenantManage,
  Permission.MembershipManage,
  Permission.InvitationCreate,
];

export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  [Role.HrManager]: EMPLOYER,
  [Role.EmployerRepresentative]: EMPLOYER,
  [Role.CouncilChair]: COUNCIL_BOARD,
  [Role.CouncilSecretary]: COUNCIL_BOARD,
  [Role.CouncilMember]: COUNCIL,
  [Role.CommitteeMember]: COUNCIL,
  [Role.ExternalExpert]: [...EVERYONE, Permission.CaseRead, Permission.CaseParticipate],
  [Role.UnionOfficer]: [...EVERYONE, Permission.CaseRead, Permission.CaseParticipate],
  [Role.OrgAdmin]: [
    ...EVERYONE,
    Permission.OrganisationManage,
    Permission.CouncilRead,
    Permission.CouncilManage,
    Permission.MembershipManage,
    Permission.InvitationCreate,
    Permission.ReminderSettingsManage,
    Permission.WebhookManage,
    Permission.OrganisationExport,
    Permission.ConvenantManage,
  ],
  [Role.PlatformAdmin]: [...EVERYONE, Permission.PlatformManage],
};
