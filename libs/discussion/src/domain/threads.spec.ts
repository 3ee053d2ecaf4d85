import {
  isThreadKey,
  mayUseThread,
  mentionedUserIds,
  namedMentions,
  visibilityOfThread,
} from './threads';

const A = '6f1c2b8e-4b0a-4c1e-9d53-0f1e2d3c4b5a';
const B = '0a9b8c7d-6e5f-4a3b-8c2d-1e0f9a8b7c6d';

describe('comment threads', () => {
  it.each([
    ['case', true],
    ['union', true],
    ['assessment:A1', true],
    ['assessment:DPIA.views', true],
    [`document:${A}`, true],
    ['document:not-a-uuid', false],
    ['assessment:', false],
    ['internal', false],
    ['case ', false],
  ])('%s is a thread key: %s', (key, expected) => {
    expect(isThreadKey(key)).toBe(expected);
  });

  it('keeps union threads from the employer side and experts, and case threads from union officers', () => {
    expect(visibilityOfThread('union')).toBe('union');
    expect(visibilityOfThread('assessment:A1')).toBe('case');
    expect(mayUseThread('employer', 'union')).toBe(false);
    expect(mayUseThread('expert', 'union')).toBe(false);
    expect(mayUseThread('union', 'union')).toBe(true);
    expect(mayUseThread('union', 'case')).toBe(false);
    expect(mayUseThread('union', `document:${A}`)).toBe(false);
    expect(mayUseThread('council_member', 'union')).toBe(true);
    expect(mayUseThread('council_board', 'case')).toBe(true);
    expect(mayUseThread('employer', 'assessment:A1')).toBe(true);
  });

  it('reads @[name](id) tokens and merges explicit mentions without duplicates', () => {
    const body = `Zie @[Jan de Vries](${A}) en nog eens @[Jan](${A.toUpperCase()}); @[kapot](123)`;
    expect(mentionedUserIds(body)).toEqual([A]);
    expect(mentionedUserIds(body, [B, A])).toEqual([A, B]);
    expect(mentionedUserIds('geen vermeldingen')).toEqual([]);
  });
});

describe('namedMentions', () => {
  const people = [
    { userId: 'A', displayName: 'Sanne' },
    { userId: 'B', displayName: 'Sanne Bakker' },
    { userId: 'C', displayName: 'Jan (HR)' },
  ];

  it.each([
    ['@Sanne Bakker, kijk je mee?', ['b']],
    ['@Sanne kijk je mee?', ['a']],
    ['@sanne bakker en @Sanne', ['b', 'a']],
    ['@Sannes fiets', []],
    ['mail@Sanne.nl', []],
    ['vraag @Jan (HR)', ['c']],
    ['geen noemingen', []],
  ])('%s', (body, expected) => {
    expect(namedMentions(body, people)).toEqual(expected);
  });
});
