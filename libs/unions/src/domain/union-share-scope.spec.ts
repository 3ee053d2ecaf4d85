import { coveringScope } from './union-share-scope';

const COUNCIL = 'c0000000-0000-4000-8000-000000000001';
const OTHER_COUNCIL = 'c0000000-0000-4000-8000-000000000002';
const CASE = 'a0000000-0000-4000-8000-000000000001';
const OTHER_CASE = 'a0000000-0000-4000-8000-000000000002';
const aiCase = { id: CASE, worksCouncilId: COUNCIL };

describe('coveringScope', () => {
  it.each([
    ['no shares', [], null],
    [
      'a share of the case',
      [{ worksCouncilId: COUNCIL, caseId: CASE, scope: 'status' as const }],
      'status',
    ],
    [
      'an all-cases share of the council',
      [{ worksCouncilId: COUNCIL, caseId: null, scope: 'dossier' as const }],
      'dossier',
    ],
    [
      'a share of another case',
      [{ worksCouncilId: COUNCIL, caseId: OTHER_CASE, scope: 'dossier' as const }],
      null,
    ],
    [
      'an all-cases share of another council',
      [{ worksCouncilId: OTHER_COUNCIL, caseId: null, scope: 'dossier' as const }],
      null,
    ],
    [
      'the broadest of several',
      [
        { worksCouncilId: COUNCIL, caseId: null, scope: 'status' as const },
        { worksCouncilId: COUNCIL, caseId: CASE, scope: 'dossier' as const },
      ],
      'dossier',
    ],
  ])('%s', (_name, shares, expected) => {
    expect(coveringScope(shares, aiCase)).toBe(expected);
  });
});
