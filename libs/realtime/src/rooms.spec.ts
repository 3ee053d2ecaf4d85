import { type RoutableEvent, roomsFor } from './rooms';

const CASE = '7d9f2a52-5d8c-4d0e-9d43-1b2a8f0c1e01';
const COUNCIL = '0b6e3c1f-2a4b-4c5d-8e9f-0a1b2c3d4e5f';
const USER = 'c1d2e3f4-a5b6-4c7d-8e9f-0a1b2c3d4e5f';
const COMMITTEE = '5e6f7a8b-9c0d-4e1f-8a2b-3c4d5e6f7a8b';

describe('roomsFor', () => {
  it.each<[string, RoutableEvent, string[]]>([
    [
      'a case event goes to the case room only',
      { type: 'case.stage_changed', caseId: CASE, worksCouncilId: COUNCIL, userId: null },
      [`case:${CASE}`],
    ],
    [
      'a council-internal case event never goes to the case room',
      { type: 'internal.note_added', caseId: CASE, worksCouncilId: COUNCIL, userId: null },
      [`council-internal:${CASE}`],
    ],
    [
      'a council-wide event goes to the council room',
      { type: 'meeting.scheduled', caseId: null, worksCouncilId: COUNCIL, userId: null },
      [`council:${COUNCIL}`],
    ],
    [
      'an addressed event goes to the user room',
      { type: 'notification.created', caseId: null, worksCouncilId: null, userId: USER },
      [`user:${USER}`],
    ],
    [
      'an addressed case event goes to both',
      { type: 'membership.changed', caseId: CASE, worksCouncilId: COUNCIL, userId: USER },
      [`case:${CASE}`, `user:${USER}`],
    ],
    [
      "a sent case's update also reaches the members who see all of its council's cases",
      {
        type: 'case.updated',
        caseId: CASE,
        worksCouncilId: COUNCIL,
        userId: null,
        caseStatus: 'sent',
      },
      [`case:${CASE}`, `council-cases:${COUNCIL}`],
    ],
    [
      'and the committee preparing it, never the council room where every committee member sits',
      {
        type: 'case.updated',
        caseId: CASE,
        worksCouncilId: COUNCIL,
        userId: null,
        caseStatus: 'sent',
        committeeId: COMMITTEE,
      },
      [`case:${CASE}`, `council-cases:${COUNCIL}`, `committee:${COMMITTEE}`],
    ],
    [
      'a case handed to another committee reaches the one that had it as well',
      {
        type: 'case.updated',
        caseId: CASE,
        worksCouncilId: COUNCIL,
        userId: null,
        caseStatus: 'sent',
        committeeId: COMMITTEE,
        previousCommitteeId: USER,
      },
      [`case:${CASE}`, `council-cases:${COUNCIL}`, `committee:${COMMITTEE}`, `committee:${USER}`],
    ],
    [
      "a draft's update never reaches the council",
      {
        type: 'case.stage_changed',
        caseId: CASE,
        worksCouncilId: COUNCIL,
        userId: null,
        caseStatus: 'draft',
      },
      [`case:${CASE}`],
    ],
    [
      'other case events of a sent case stay in the case room',
      {
        type: 'document.uploaded',
        caseId: CASE,
        worksCouncilId: COUNCIL,
        userId: null,
        caseStatus: 'sent',
      },
      [`case:${CASE}`],
    ],
    [
      'a council event about one case (the union thread) reaches only those who see that case',
      {
        type: 'comment.created',
        caseId: null,
        worksCouncilId: COUNCIL,
        userId: null,
        aboutCase: true,
        committeeId: COMMITTEE,
      },
      [`council-cases:${COUNCIL}`, `committee:${COMMITTEE}`],
    ],
    [
      'an organisation-only event goes nowhere',
      { type: 'expert_engagement.accepted', caseId: null, worksCouncilId: null, userId: null },
      [],
    ],
  ])('%s', (_name, event, rooms) => {
    expect(roomsFor(event)).toEqual(rooms);
  });
});
