import { Injectable } from '@nestjs/common';

import { type AgendaLineContext, visibleCaseIdsSql } from '@wc/access';
import type { Actor } from '@wc/auth';
import { CaseService, TrackTransitionService } from '@wc/cases';
import { CouncilsService } from '@wc/councils';
import { Clock, Conflict, NotFound, Unprocessable, VersionConflict } from '@wc/core';
import { domainEvent, Outbox, TransactionHost } from '@wc/database';

import type { CouncilSpaceEventType } from './council-space.events';
import { CouncilSpaceRepository, type OpenVoteView } from './council-space.repository';
import { adoptionRefusal, isDue, positionsOf, tallyVote, winningPosition } from './domain/votes';
import type {
  AdoptVoteDto,
  CastBallotDto,
  CloseVoteDto,
  OpenVoteDto,
  VoteResponse,
} from './dto/council-space.dto';
import { type InternalAccess, InternalAccessPolicy } from './internal-access.policy';
import type { VoteEntity } from './vote.entity';

/**
 * Votes among the council's members on a case (issue #6). The chair or secretary opens and closes
 * a vote; each board member or member casts one ballot and may change it while the vote is open.
 * A vote past its deadline closes on the next read or ballot (by the Clock, so no timer is
 * needed). The board may adopt a closed result that met its quorum as the council's formal
 * position, through the case workflow.
 */
@Injectable()
export class VoteService {
  constructor(
    private readonly tx: TransactionHost,
    private readonly space: CouncilSpaceRepository,
    private readonly policy: InternalAccessPolicy,
    private readonly cases: CaseService,
    private readonly tracks: TrackTransitionService,
    private readonly councils: CouncilsService,
    private readonly outbox: Outbox,
    private readonly clock: Clock,
  ) {}

  /**
   * The open votes awaiting the actor's ballot as lines of the personal agenda's one statement
   * (issue #13): only on cases whose council-internal space the actor may use, a council member's
   * side and never the employer's (B.19).
   */
  agendaLinesSql(ctx: AgendaLineContext): string {
    return this.space.votesAwaitingBallotLinesSql(ctx);
  }

  async list(actor: Actor, caseId: string): Promise<VoteResponse[]> {
    const access = await this.policy.assertInternal(actor, caseId);
    await this.closeDue(access);
    return this.respond(actor, await this.space.votesOf(caseId), access);
  }

  /**
   * The open votes of the council's sent cases whose internal space the actor may use (a council
   * member's side, never the employer's; `@wc/access`), for the council dashboard: how many, and
   * the first `limit` closing soonest, in one statement. A vote past its deadline is left out, as
   * `list` would have closed it.
   */
  openVotesOfCouncil(
    actor: Actor,
    worksCouncilId: string,
    limit: number,
  ): Promise<{ total: number; first: OpenVoteView[] }> {
    const params: unknown[] = [];
    const sql = visibleCaseIdsSql(actor, (value) => `$${params.push(value)}`, {
      worksCouncilId,
      status: 'sent',
      reach: 'internal',
    });
    return this.space.openVotesOfCaseSet({ sql, params }, actor.userId, this.clock.now(), limit);
  }

  async get(actor: Actor, caseId: string, voteId: string): Promise<VoteResponse> {
    const access = await this.policy.assertInternal(actor, caseId);
    await this.closeDue(access);
    const vote = await this.space.vote(caseId, voteId);
    if (!vote) {
      throw new NotFound('vote');
    }
    return this.respondOne(actor, vote, access);
  }

  async open(actor: Actor, caseId: string, dto: OpenVoteDto): Promise<VoteResponse> {
    const access = await this.policy.assertInternal(actor, caseId);
    this.policy.assertBoard(access, 'opens a vote');
    const closesAt = new Date(dto.closesAt);
    if (closesAt.getTime() <= this.clock.now().getTime()) {
      throw new Unprocessable('vote.closes_in_past', 'A vote must close in the future.', {}, [
        { path: 'closesAt', message: 'must lie in the future' },
      ]);
    }
    const vote = await this.tx.run(async () => {
      await this.policy.lockCase(caseId);
      const saved = await this.space.saveVote(
        this.space.createVote({
          caseId,
          proposal: dto.proposal,
          options: [...dto.options],
          quorum: dto.quorum,
          closesAt,
          status: 'open',
          result: null,
          closedAt: null,
          adoptedAsPosition: false,
          adoptedTrack: null,
          createdBy: actor.userId,
          createdAt: this.clock.now(),
        }),
      );
      await this.emit(actor.userId, access, 'internal.vote_opened', saved);
      return saved;
    });
    return this.respondOne(actor, vote, access);
  }

  /** One ballot per member: a second one replaces the first, until the vote closes. */
  async castBallot(
    actor: Actor,
    caseId: string,
    voteId: string,
    dto: CastBallotDto,
  ): Promise<VoteResponse> {
    const access = await this.policy.assertInternal(actor, caseId);
    const outcome = await this.tx.run(async () => {
      await this.policy.lockCase(caseId);
      const vote = await this.lockedVote(caseId, voteId);
      if (vote.status === 'closed') {
        return 'closed' as const;
      }
      if (isDue(vote, this.clock.now())) {
        // Its deadline passed: close it now (and keep that), then refuse the ballot.
        await this.closeVote(vote, null, access);
        return 'closed' as const;
      }
      if (!vote.options.includes(dto.option)) {
        throw new Unprocessable(
          'vote.unknown_option',
          'That is not one of the options of this vote.',
          { options: vote.options },
          [{ path: 'option', message: `must be one of: ${vote.options.join(', ')}` }],
        );
      }
      await this.space.putBallot(vote.id, actor.userId, dto.option, this.clock.now());
      await this.emit(actor.userId, access, 'internal.ballot_cast', vote);
      return vote;
    });
    if (outcome === 'closed') {
      throw new Conflict(
        'vote.closed',
        'This vote is closed; ballots can no longer be cast or changed.',
      );
    }
    return this.respondOne(actor, outcome, access);
  }

  async close(
    actor: Actor,
    caseId: string,
    voteId: string,
    dto: CloseVoteDto,
  ): Promise<VoteResponse> {
    const access = await this.policy.assertInternal(actor, caseId);
    this.policy.assertBoard(access, 'closes a vote');
    const vote = await this.tx.run(async () => {
      await this.policy.lockCase(caseId);
      const current = await this.lockedVote(caseId, voteId);
      if (current.version !== dto.version) {
        throw new VersionConflict('vote', dto.version, current.version);
      }
      if (current.status === 'closed') {
        throw new Conflict('vote.closed', 'This vote is already closed.');
      }
      return this.closeVote(current, actor.userId, access);
    });
    return this.respondOne(actor, vote, access);
  }

  /**
   * The adopted result becomes the council's formal position on a track: `record_council_position`
   * through the case workflow, in the same transaction, so the workflow's own rules (at least one
   * consultation meeting, reasons, the track's stage) apply and a refusal leaves the vote as it was.
   */
  async adopt(
    actor: Actor,
    caseId: string,
    voteId: string,
    dto: AdoptVoteDto,
  ): Promise<VoteResponse> {
    const access = await this.policy.assertInternal(actor, caseId);
    this.policy.assertBoard(access, 'adopts a vote as the council position');
    await this.closeDue(access);
    const vote = await this.tx.run(async () => {
      await this.policy.lockCase(caseId);
      const current = await this.lockedVote(caseId, voteId);
      if (current.version !== dto.version) {
        throw new VersionConflict('vote', dto.version, current.version);
      }
      const refusal = adoptionRefusal(current, dto.track);
      switch (refusal) {
        case null:
          break;
        case 'vote.not_closed':
          throw new Conflict(refusal, 'Only a closed vote can be adopted.');
        case 'vote.already_adopted':
          throw new Conflict(refusal, 'This vote was already adopted as the council position.');
        case 'vote.quorum_not_met':
          throw new Unprocessable(
            refusal,
            'The vote did not reach its quorum; its result cannot become the council position.',
            { ballots: current.result?.ballots, quorum: current.quorum },
          );
        case 'vote.no_winner':
          throw new Unprocessable(refusal, 'The vote has no single winning option.', {
            counts: current.result?.counts,
          });
        case 'vote.option_not_a_position':
          throw new Unprocessable(
            refusal,
            `The winning option is not a position of the ${dto.track} track.`,
            { winner: current.result?.winner, positions: positionsOf(dto.track) },
          );
      }
      const aiCase = await this.cases.get(actor, caseId);
      await this.tracks.transition(actor, caseId, dto.track, {
        version: aiCase.version,
        action: {
          type: 'record_council_position',
          // adoptionRefusal checked the winner is a position of the track.
          position: winningPosition(current, dto.track)!,
          reasons: dto.reasons,
          conditions: dto.conditions,
          waivesSuspension: dto.waivesSuspension,
        },
      });
      current.adoptedAsPosition = true;
      current.adoptedTrack = dto.track;
      const saved = await this.space.saveVote(current);
      await this.emit(actor.userId, access, 'internal.vote_adopted', saved, { track: dto.track });
      return saved;
    });
    return this.respondOne(actor, vote, access);
  }

  private async lockedVote(caseId: string, voteId: string): Promise<VoteEntity> {
    const vote = await this.space.voteForUpdate(caseId, voteId);
    if (!vote) {
      throw new NotFound('vote');
    }
    return vote;
  }

  /** Closes the case's votes whose deadline has come; cheap when there are none. */
  private async closeDue(access: InternalAccess): Promise<void> {
    if (!(await this.space.hasDueVotes(access.caseId, this.clock.now()))) {
      return;
    }
    await this.tx.run(async () => {
      await this.policy.lockCase(access.caseId);
      for (const vote of await this.space.dueVotesForUpdate(access.caseId, this.clock.now())) {
        await this.closeVote(vote, null, access);
      }
    });
  }

  /** `actorId` null: closed by its deadline, not by a person. */
  private async closeVote(
    vote: VoteEntity,
    actorId: string | null,
    access: InternalAccess,
  ): Promise<VoteEntity> {
    const ballots = await this.space.ballotsOf(vote.id);
    vote.status = 'closed';
    vote.result = tallyVote(vote.options, ballots, vote.quorum);
    vote.closedAt = this.clock.now();
    const saved = await this.space.saveVote(vote);
    await this.emit(actorId, access, 'internal.vote_closed', saved, {
      quorumMet: saved.result!.quorumMet,
      automatic: actorId === null,
    });
    return saved;
  }

  private async emit(
    actorId: string | null,
    access: InternalAccess,
    type: CouncilSpaceEventType,
    vote: VoteEntity,
    extra: Record<string, unknown> = {},
  ): Promise<void> {
    await this.outbox.append(
      [
        domainEvent(
          type,
          { voteId: vote.id, version: vote.version, ...extra },
          {
            caseId: access.caseId,
            organisationId: access.organisationId,
            worksCouncilId: access.worksCouncilId,
          },
        ),
      ],
      actorId,
    );
  }

  private async respondOne(
    actor: Actor,
    vote: VoteEntity,
    access: InternalAccess,
  ): Promise<VoteResponse> {
    const [response] = await this.respond(actor, [vote], access);
    return response;
  }

  /** With the case's access: the council's size beside each quorum (one read for the list). */
  private async respond(
    actor: Actor,
    votes: readonly VoteEntity[],
    access: InternalAccess | null = null,
  ): Promise<VoteResponse[]> {
    const summaries = await this.space.ballotSummaries(
      votes.map((v) => v.id),
      actor.userId,
    );
    const councilSize =
      access && votes.length > 0
        ? await this.councils.councilSize(access.organisationId, access.worksCouncilId)
        : null;
    return votes.map((v) =>
      toVoteResponse(v, summaries.get(v.id) ?? { count: 0, mine: null }, councilSize),
    );
  }
}

export function toVoteResponse(
  v: VoteEntity,
  ballots: { count: number; mine: string | null },
  councilSize: number | null = null,
): VoteResponse {
  return {
    id: v.id,
    caseId: v.caseId,
    proposal: v.proposal,
    options: [...v.options],
    quorum: v.quorum,
    councilSize,
    closesAt: v.closesAt.toISOString(),
    status: v.status,
    ballotsCast: ballots.count,
    yourBallot: ballots.mine,
    result: v.result ? { ...v.result, counts: { ...v.result.counts } } : null,
    closedAt: v.closedAt?.toISOString() ?? null,
    adoptedAsPosition: v.adoptedAsPosition,
    adoptedTrack: v.adoptedTrack,
    createdBy: v.createdBy,
    createdAt: v.createdAt.toISOString(),
    version: v.version,
  };
}
