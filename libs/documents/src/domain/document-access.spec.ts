import type { ActorSide } from '@wc/cases';

import {
  amsterdamDay,
  type ConfidentialityMark,
  imposingOrigin,
  isConfidentialOn,
  mayAddVersion,
  mayChangeConfidentiality,
  mayDeleteDocument,
  mayReadDocument,
  maySeeConfidentialityParties,
  originOf,
} from './document-access';

const EXPERT = 'e0000000-0000-4000-8000-000000000001';
const OTHER_EXPERT = 'e0000000-0000-4000-8000-000000000002';
const mark = (overrides: Partial<ConfidentialityMark> = {}): ConfidentialityMark => ({
  scope: 'Vendor model card and pricing',
  until: '2026-06-30',
  exemptedUserIds: [],
  allowedExpertIds: [EXPERT],
  imposedBy: 'u1',
  imposedBySide: 'employer',
  imposedAt: '2026-03-02T09:00:00.000Z',
  ...overrides,
});
const ALL_SIDES: ActorSide[] = ['employer', 'council_board', 'council_member', 'expert', 'union'];

describe('mayReadDocument', () => {
  it('shows ordinary documents to everyone on the case', () => {
    for (const side of ALL_SIDES) {
      expect(mayReadDocument({ side, userId: 'x' }, null, '2026-03-02')).toBe(true);
    }
  });

  it.each([
    ['employer', 'x', true],
    ['council_board', 'x', true],
    ['council_member', 'x', true],
    ['expert', EXPERT, true],
    ['expert', OTHER_EXPERT, false],
    // WOR art. 20 material never reaches a union officer, even one listed by mistake.
    ['union', 'x', false],
    ['union', EXPERT, false],
  ] as Array<[ActorSide, string, boolean]>)(
    'a confidential document: %s (%s) → %s',
    (side, userId, expected) => {
      expect(mayReadDocument({ side, userId }, mark(), '2026-03-02')).toBe(expected);
    },
  );

  it('does not let the exempted-persons list open the document to a union officer or an expert', () => {
    const m = mark({ exemptedUserIds: ['union-officer', OTHER_EXPERT], allowedExpertIds: [] });
    expect(mayReadDocument({ side: 'union', userId: 'union-officer' }, m, '2026-03-02')).toBe(
      false,
    );
    expect(mayReadDocument({ side: 'expert', userId: OTHER_EXPERT }, m, '2026-03-02')).toBe(false);
  });

  it('refuses a side it does not know', () => {
    expect(
      mayReadDocument({ side: 'someone_else' as ActorSide, userId: 'x' }, mark(), '2026-03-02'),
    ).toBe(false);
  });

  it('keeps the secrecy through the until day and lifts it after', () => {
    expect(isConfidentialOn(mark(), '2026-06-30')).toBe(true);
    expect(isConfidentialOn(mark(), '2026-07-01')).toBe(false);
    expect(isConfidentialOn(mark({ until: null }), '2099-01-01')).toBe(true);
    expect(mayReadDocument({ side: 'union', userId: 'x' }, mark(), '2026-07-01')).toBe(true);
  });
});

describe('who does what', () => {
  it('lets the employer side and the council submit, and the board or the employer impose secrecy', () => {
    expect(ALL_SIDES.map(originOf)).toEqual(['employer', 'council', 'council', null, null]);
    expect(ALL_SIDES.map(imposingOrigin)).toEqual(['employer', 'council', null, null, null]);
    expect(ALL_SIDES.map(maySeeConfidentialityParties)).toEqual([true, true, true, false, false]);
  });

  it('lets only the imposing side change or lift the secrecy', () => {
    expect(mayChangeConfidentiality('employer', mark())).toBe(true);
    expect(mayChangeConfidentiality('council_board', mark())).toBe(false);
    expect(mayChangeConfidentiality('council_board', mark({ imposedBySide: 'council' }))).toBe(
      true,
    );
    expect(mayChangeConfidentiality('council_member', mark({ imposedBySide: 'council' }))).toBe(
      false,
    );
  });

  it('takes new versions from the submitting side only', () => {
    expect(mayAddVersion('employer', 'employer')).toBe(true);
    expect(mayAddVersion('council_member', 'employer')).toBe(false);
    expect(mayAddVersion('council_board', 'council')).toBe(true);
    expect(mayAddVersion('expert', 'council')).toBe(false);
  });

  it('lets the employer side or the uploader delete', () => {
    expect(mayDeleteDocument({ side: 'employer', userId: 'hr' }, 'chair')).toBe(true);
    expect(mayDeleteDocument({ side: 'council_member', userId: 'm' }, 'm')).toBe(true);
    expect(mayDeleteDocument({ side: 'council_board', userId: 'c' }, 'm')).toBe(false);
    expect(mayDeleteDocument({ side: 'union', userId: 'u' }, 'u')).toBe(false);
  });
});

describe('amsterdamDay', () => {
  it('uses the Dutch calendar day', () => {
    expect(amsterdamDay(new Date('2026-06-30T22:30:00Z'))).toBe('2026-07-01');
    expect(amsterdamDay(new Date('2026-01-31T22:59:59Z'))).toBe('2026-01-31');
  });
});
