import { type Actor, Role } from '@wc/auth';

import { mayManageMeeting, meetingSideOf } from './meeting-policy';

const ORG = 'org-1';
const COUNCIL = 'wc-1';

function actor(
  role: Role,
  place: { organisationId?: string; worksCouncilId?: string | null } = {},
): Actor {
  return {
    userId: 'u',
    organisationId: place.organisationId ?? ORG,
    language: 'nl',
    memberships: [
      {
        membershipId: 'm',
        organisationId: place.organisationId ?? ORG,
        worksCouncilId: place.worksCouncilId ?? null,
        committeeId: null,
        role,
      },
    ],
  };
}

describe('meeting policy', () => {
  const consultation = {
    organisationId: ORG,
    worksCouncilId: COUNCIL,
    kind: 'consultation' as const,
  };
  const internal = { ...consultation, kind: 'internal' as const };

  it('shows consultation meetings to both sides and internal meetings to the council only', () => {
    expect(meetingSideOf(actor(Role.HrManager), consultation)).toBe('employer');
    expect(meetingSideOf(actor(Role.EmployerRepresentative), internal)).toBeNull();
    expect(meetingSideOf(actor(Role.CouncilChair, { worksCouncilId: COUNCIL }), internal)).toBe(
      'council_board',
    );
    expect(meetingSideOf(actor(Role.CommitteeMember, { worksCouncilId: COUNCIL }), internal)).toBe(
      'council_member',
    );
  });

  it('hides meetings from other councils and organisations, experts and org admins', () => {
    expect(
      meetingSideOf(actor(Role.CouncilChair, { worksCouncilId: 'wc-2' }), consultation),
    ).toBeNull();
    expect(
      meetingSideOf(actor(Role.HrManager, { organisationId: 'org-2' }), consultation),
    ).toBeNull();
    expect(
      meetingSideOf(actor(Role.ExternalExpert, { worksCouncilId: COUNCIL }), consultation),
    ).toBeNull();
    expect(meetingSideOf(actor(Role.OrgAdmin), consultation)).toBeNull();
  });

  it('lets the board and the employer side manage, not plain members', () => {
    expect(mayManageMeeting('council_board')).toBe(true);
    expect(mayManageMeeting('employer')).toBe(true);
    expect(mayManageMeeting('council_member')).toBe(false);
    expect(mayManageMeeting(null)).toBe(false);
  });
});
