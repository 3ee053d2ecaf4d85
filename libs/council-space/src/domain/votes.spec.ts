import { adoptionRefusal, isDue, tallyVote } from './votes';

describe('council votes', () => {
  const options = ['positive', 'negative', 'conditional'];

  it('counts ballots per option and names the single winner', () => {
    const result = tallyVote(
      options,
      [{ option: 'negative' }, { option: 'positive' }, { option: 'negative' }],
      3,
    );
    expect(result).toEqual({
      counts: { positive: 1, negative: 2, conditional: 0 },
      ballots: 3,
      quorum: 3,
      quorumMet: true,
      winner: 'negative',
    });
  });

  it('has no winner on a tie or without ballots, and reports a missed quorum', () => {
    expect(tallyVote(options, [{ option: 'negative' }, { option: 'positive' }], 2)).toMatchObject({
      winner: null,
      quorumMet: true,
    });
    expect(tallyVote(options, [], 1)).toMatchObject({ winner: null, ballots: 0, quorumMet: false });
    expect(tallyVote(options, [{ option: 'positive' }], 2)).toMatchObject({
      winner: 'positive',
      quorumMet: false,
    });
  });

  it('ignores a ballot for an option the vote does not have', () => {
    expect(tallyVote(options, [{ option: 'maybe' }], 1)).toMatchObject({
      ballots: 0,
      winner: null,
    });
  });

  it('is due once its deadline has come, while open', () => {
    const closesAt = new Date('2026-03-10T12:00:00Z');
    expect(isDue({ status: 'open', closesAt }, new Date('2026-03-10T11:59:59Z'))).toBe(false);
    expect(isDue({ status: 'open', closesAt }, closesAt)).toBe(true);
    expect(isDue({ status: 'closed', closesAt }, new Date('2026-04-01T00:00:00Z'))).toBe(false);
  });

  it.each([
    [
      { status: 'open' as const, result: null, adoptedAsPosition: false },
      'advice' as const,
      'vote.not_closed',
    ],
    [
      {
        status: 'closed' as const,
        result: tallyVote(options, [{ option: 'positive' }], 2),
        adoptedAsPosition: false,
      },
      'advice' as const,
      'vote.quorum_not_met',
    ],
    [
      {
        status: 'closed' as const,
        result: tallyVote(options, [{ option: 'positive' }, { option: 'negative' }], 2),
        adoptedAsPosition: false,
      },
      'advice' as const,
      'vote.no_winner',
    ],
    [
      {
        status: 'closed' as const,
        result: tallyVote(options, [{ option: 'positive' }], 1),
        adoptedAsPosition: false,
      },
      'consent' as const,
      'vote.option_not_a_position',
    ],
    [
      {
        status: 'closed' as const,
        result: tallyVote(options, [{ option: 'positive' }], 1),
        adoptedAsPosition: true,
      },
      'advice' as const,
      'vote.already_adopted',
    ],
    [
      {
        status: 'closed' as const,
        result: tallyVote(options, [{ option: 'positive' }], 1),
        adoptedAsPosition: false,
      },
      'advice' as const,
      null,
    ],
  ])('adoption of %j on %s: %s', (vote, track, expected) => {
    expect(adoptionRefusal(vote, track)).toBe(expected);
  });
});
