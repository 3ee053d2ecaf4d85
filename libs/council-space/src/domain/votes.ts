/** A vote's outcome, as stored when it closes. */
export interface VoteResult {
  /** Ballots per option, every option listed (0 when nobody chose it). */
  readonly counts: Readonly<Record<string, number>>;
  readonly ballots: number;
  readonly quorum: number;
  readonly quorumMet: boolean;
  /** The option with the most ballots; null when nobody voted or the top is tied. */
  readonly winner: string | null;
}

export type VoteStatus = 'open' | 'closed';
export type PositionTrack = 'advice' | 'consent';

/** Counts the ballots. Quorum is the minimum number of ballots for the result to count. */
export function tallyVote(
  options: readonly string[],
  ballots: ReadonlyArray<{ option: string }>,
  quorum: number,
): VoteResult {
  const counts: Record<string, number> = Object.fromEntries(options.map((o) => [o, 0]));
  for (const ballot of ballots) {
    if (ballot.option in counts) {
      counts[ballot.option] += 1;
    }
  }
  const cast = Object.values(counts).reduce((sum, n) => sum + n, 0);
  const top = Math.max(0, ...Object.values(counts));
  const leaders = options.filter((o) => counts[o] === top);
  return {
    counts,
    ballots: cast,
    quorum,
    quorumMet: cast >= quorum,
    winner: top > 0 && leaders.length === 1 ? leaders[0] : null,
  };
}

/** Open past its deadline: it closes on the next read or ballot (the Clock decides, not a timer). */
export function isDue(vote: { status: VoteStatus; closesAt: Date }, now: Date): boolean {
  return vote.status === 'open' && vote.closesAt.getTime() <= now.getTime();
}

/** The council's formal positions per track, WOR 25(4) / 27(2); mirrors the case workflow. */
export type CouncilPosition = 'positive' | 'negative' | 'conditional' | 'granted' | 'refused';
const POSITIONS: Readonly<Record<PositionTrack, readonly CouncilPosition[]>> = {
  advice: ['positive', 'negative', 'conditional'],
  consent: ['granted', 'refused', 'conditional'],
};

export function positionsOf(track: PositionTrack): readonly string[] {
  return POSITIONS[track];
}

/** The winning option as a position of the track, or null when it is none. */
export function winningPosition(
  vote: { result: { winner: string | null } | null },
  track: PositionTrack,
): CouncilPosition | null {
  return POSITIONS[track].find((p) => p === vote.result?.winner) ?? null;
}

/**
 * Why a vote's result cannot (yet) become the council's formal position, or null when it can:
 * it must be closed, have met its quorum, have one winning option, name a position of the track,
 * and not have been adopted before.
 */
export function adoptionRefusal(
  vote: { status: VoteStatus; result: VoteResult | null; adoptedAsPosition: boolean },
  track: PositionTrack,
):
  | 'vote.not_closed'
  | 'vote.already_adopted'
  | 'vote.quorum_not_met'
  | 'vote.no_winner'
  | 'vote.option_not_a_position'
  | null {
  if (vote.status !== 'closed' || !vote.result) {
    return 'vote.not_closed';
  }
  if (vote.adoptedAsPosition) {
    return 'vote.already_adopted';
  }
  if (!vote.result.quorumMet) {
    return 'vote.quorum_not_met';
  }
  if (vote.result.winner === null) {
    return 'vote.no_winner';
  }
  if (winningPosition(vote, track) === null) {
    return 'vote.option_not_a_position';
  }
  return null;
}
