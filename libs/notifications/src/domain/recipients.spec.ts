import { Role } from '@wc/auth';

import {
  DEFAULT_COUNCIL_REMINDER_SETTINGS,
  DEFAULT_PREFERENCES,
  type NotificationPreferences,
} from './preferences';
import {
  type DeadlineAudience,
  deliveriesFor,
  type MemberRecord,
  plannedLeadDays,
} from './recipients';

const ORG = 'org-1';
const COUNCIL = 'council-1';
const audience: DeadlineAudience = {
  organisationId: ORG,
  worksCouncilId: COUNCIL,
  councilMayKnow: true,
};

function member(
  userId: string,
  role: Role,
  preferences: Partial<NotificationPreferences> = {},
  place: Partial<MemberRecord> = {},
): MemberRecord {
  const council = [
    Role.CouncilChair,
    Role.CouncilSecretary,
    Role.CouncilMember,
    Role.CommitteeMember,
    Role.ExternalExpert,
  ].includes(role);
  return {
    userId,
    role,
    organisationId: ORG,
    worksCouncilId: council ? COUNCIL : null,
    language: 'nl',
    preferences: { ...DEFAULT_PREFERENCES, ...preferences },
    ...place,
  };
}

const everyone = [
  member('hr', Role.HrManager),
  member('rep', Role.EmployerRepresentative),
  member('chair', Role.CouncilChair),
  member('secretary', Role.CouncilSecretary),
  member('member', Role.CouncilMember),
  member('committee', Role.CommitteeMember),
  member('expert', Role.ExternalExpert),
  member('admin', Role.OrgAdmin),
  member('union', Role.UnionOfficer),
  member('other-council', Role.CouncilMember, {}, { worksCouncilId: 'council-2' }),
  member('other-org-hr', Role.HrManager, {}, { organisationId: 'org-2' }),
];

const users = (kind: string, a = audience, members = everyone) =>
  deliveriesFor(kind, a, members, DEFAULT_COUNCIL_REMINDER_SETTINGS).map((d) => d.userId);

describe('deliveriesFor', () => {
  it("reaches the employer side and the council's own members, no experts, admins, unions or other councils", () => {
    expect(users('7d')).toEqual(['chair', 'committee', 'hr', 'member', 'rep', 'secretary']);
    expect(users('overdue')).toEqual(['chair', 'committee', 'hr', 'member', 'rep', 'secretary']);
  });

  it('keeps a case the council may not see yet (a draft) from the council side entirely', () => {
    expect(users('7d', { ...audience, councilMayKnow: false })).toEqual(['hr', 'rep']);
  });

  it('escalates a fatal term to the council chair and the HR manager only', () => {
    expect(users('escalation')).toEqual(['chair', 'hr']);
  });

  it('sends a user with two roles one notification', () => {
    const both = [member('dual', Role.HrManager), member('dual', Role.CouncilMember)];
    expect(users('2d', audience, both)).toEqual(['dual']);
  });

  it("follows a user's own lead days instead of the council's", () => {
    const custom = [
      member('custom', Role.CouncilMember, { leadDays: [3] }),
      member('plain', Role.CouncilMember),
    ];
    expect(users('3d', audience, custom)).toEqual(['custom']);
    expect(users('7d', audience, custom)).toEqual(['plain']);
    expect(users('overdue', audience, custom)).toEqual(['custom', 'plain']);
  });

  it('uses the channels each user chose, digest mode, and skips those who want neither', () => {
    const members = [
      member('mail-only', Role.CouncilMember, {
        channels: {
          ...DEFAULT_PREFERENCES.channels,
          'deadline.reminder': { inApp: false, email: true },
        },
      }),
      member('inbox-only', Role.CouncilMember, {
        channels: {
          ...DEFAULT_PREFERENCES.channels,
          'deadline.reminder': { inApp: true, email: false },
        },
      }),
      member('nothing', Role.CouncilMember, {
        channels: {
          ...DEFAULT_PREFERENCES.channels,
          'deadline.reminder': { inApp: false, email: false },
        },
      }),
      member('digest', Role.CouncilMember, { emailDelivery: 'daily_digest' }),
    ];
    expect(deliveriesFor('7d', audience, members, DEFAULT_COUNCIL_REMINDER_SETTINGS)).toEqual([
      { userId: 'digest', language: 'nl', inApp: true, email: 'digest' },
      { userId: 'inbox-only', language: 'nl', inApp: true, email: 'none' },
      { userId: 'mail-only', language: 'nl', inApp: false, email: 'immediate' },
    ]);
  });

  it('always puts an escalation in the inbox and mails it at once, even in digest mode', () => {
    const chair = member('chair', Role.CouncilChair, {
      emailDelivery: 'daily_digest',
      channels: {
        ...DEFAULT_PREFERENCES.channels,
        'deadline.escalation': { inApp: false, email: true },
      },
    });
    expect(
      deliveriesFor('escalation', audience, [chair], DEFAULT_COUNCIL_REMINDER_SETTINGS),
    ).toEqual([{ userId: 'chair', language: 'nl', inApp: true, email: 'immediate' }]);
  });
});

describe('plannedLeadDays', () => {
  it("plans the council's days plus those its recipients chose themselves", () => {
    const members = [
      member('a', Role.CouncilMember, { leadDays: [3, 14] }),
      member('b', Role.HrManager, { leadDays: [30] }),
      member('x', Role.UnionOfficer, { leadDays: [45] }),
    ];
    expect(plannedLeadDays(audience, members, { leadDays: [7, 0], escalationLeadDays: 2 })).toEqual(
      [30, 14, 7, 3, 0],
    );
  });
});
