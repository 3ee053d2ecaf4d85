import { Injectable } from '@nestjs/common';
import { LessThanOrEqual } from 'typeorm';

import { type AgendaLineContext, agendaLineSql, amsterdamDaySql } from '@wc/access';
import { TransactionHost } from '@wc/database';

import { BallotEntity } from './ballot.entity';
import { InternalNoteEntity } from './internal-note.entity';
import { VoteEntity } from './vote.entity';

/** An open vote as a dashboard lists it: never what anyone voted. */
export interface OpenVoteView {
  id: string;
  caseId: string;
  proposal: string;
  closesAt: string;
  quorum: number;
  ballotsCast: number;
  youVoted: boolean;
}

/** The only file that queries `internal_note`, `vote` and `ballot`. */
@Injectable()
export class CouncilSpaceRepository {
  constructor(private readonly tx: TransactionHost) {}

  // Notes

  createNote(fields: Partial<InternalNoteEntity>): InternalNoteEntity {
    return this.tx.manager.create(InternalNoteEntity, fields);
  }

  saveNote(note: InternalNoteEntity): Promise<InternalNoteEntity> {
    return this.tx.manager.save(note);
  }

  notesOf(caseId: string): Promise<InternalNoteEntity[]> {
    return this.tx.manager.find(InternalNoteEntity, {
      where: { caseId },
      order: { createdAt: 'ASC', id: 'ASC' },
    });
  }

  noteForUpdate(caseId: string, id: string): Promise<InternalNoteEntity | null> {
    return this.tx.manager.findOne(InternalNoteEntity, {
      where: { id, caseId },
      lock: { mode: 'pessimistic_write' },
    });
  }

  async deleteNote(id: string): Promise<void> {
    await this.tx.manager.delete(InternalNoteEntity, { id });
  }

  // Votes

  createVote(fields: Partial<VoteEntity>): VoteEntity {
    return this.tx.manager.create(VoteEntity, fields);
  }

  saveVote(vote: VoteEntity): Promise<VoteEntity> {
    return this.tx.manager.save(vote);
  }

  /** Open votes on these cases, not yet past their close, in which this member has cast no ballot: one statement. */
  /** The open votes awaiting the actor's ballot on the agenda's cases of a council member's side. */
  votesAwaitingBallotLinesSql({ actor, param, now, cases }: AgendaLineContext): string {
    return agendaLineSql(
      {
        kind: `'vote'`,
        side: `'council'`,
        yours: 'true',
        action: `'cast_vote'`,
        case_id: 'v.case_id',
        case_title: 'ac.title',
        due_date: amsterdamDaySql('v.closes_at'),
        subject: 'v.proposal',
        vote_id: 'v.id',
        path: `'/cases/' || v.case_id || '/council'`,
        anchor: `'vote-' || v.id`,
      },
      `FROM vote v JOIN ${cases} ac ON ac.id = v.case_id AND ac.side IN ('council_board', 'council_member')
        WHERE v.status = 'open' AND v.closes_at > ${param(now)}
          AND NOT EXISTS (SELECT 1 FROM ballot b WHERE b.vote_id = v.id AND b.member_id = ${param(actor.userId)})`,
    );
  }

  votesOf(caseId: string): Promise<VoteEntity[]> {
    return this.tx.manager.find(VoteEntity, {
      where: { caseId },
      order: { createdAt: 'ASC', id: 'ASC' },
    });
  }

  /** The votes of these cases still open at `now` (a vote past its deadline counts as closed). */
  /**
   * The open votes (not yet past their deadline) on the cases of `caseSet`, a subquery of case
   * ids (`@wc/access`): how many, and the first `limit` closing soonest with their ballot count
   * and whether `memberId` cast one, in one statement.
   */
  async openVotesOfCaseSet(
    caseSet: { sql: string; params: unknown[] },
    memberId: string,
    now: Date,
    limit: number,
  ): Promise<{ total: number; first: OpenVoteView[] }> {
    const params = [...caseSet.params];
    const param = (value: unknown) => `$${params.push(value)}`;
    const rows = await this.tx.query<OpenVoteView & { total: number }>(
      `SELECT v.id, v.case_id AS "caseId", v.proposal, to_char(v.closes_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "closesAt",
              v.quorum, v.total,
              (SELECT count(*)::int FROM ballot b WHERE b.vote_id = v.id) AS "ballotsCast",
              EXISTS (SELECT 1 FROM ballot b WHERE b.vote_id = v.id AND b.member_id = ${param(memberId)}) AS "youVoted"
         FROM (SELECT v.*, count(*) OVER ()::int AS total FROM vote v
                WHERE v.status = 'open' AND v.closes_at > ${param(now)} AND v.case_id IN (${caseSet.sql})
                ORDER BY v.closes_at, v.id LIMIT ${param(limit)}) v
        ORDER BY v.closes_at, v.id`,
      params,
    );
    return { total: rows[0]?.total ?? 0, first: rows.map(({ total: _total, ...v }) => v) };
  }

  vote(caseId: string, id: string): Promise<VoteEntity | null> {
    return this.tx.manager.findOneBy(VoteEntity, { id, caseId });
  }

  voteForUpdate(caseId: string, id: string): Promise<VoteEntity | null> {
    return this.tx.manager.findOne(VoteEntity, {
      where: { id, caseId },
      lock: { mode: 'pessimistic_write' },
    });
  }

  /** Open votes of the case whose deadline has come, locked, oldest first. */
  dueVotesForUpdate(caseId: string, now: Date): Promise<VoteEntity[]> {
    return this.tx.manager.find(VoteEntity, {
      where: { caseId, status: 'open', closesAt: LessThanOrEqual(now) },
      order: { createdAt: 'ASC', id: 'ASC' },
      lock: { mode: 'pessimistic_write' },
    });
  }

  async hasDueVotes(caseId: string, now: Date): Promise<boolean> {
    return this.tx.manager.exists(VoteEntity, {
      where: { caseId, status: 'open', closesAt: LessThanOrEqual(now) },
    });
  }

  // Ballots

  ballotsOf(voteId: string): Promise<BallotEntity[]> {
    return this.tx.manager.find(BallotEntity, {
      where: { voteId },
      order: { castAt: 'ASC', id: 'ASC' },
    });
  }

  ballotOf(voteId: string, memberId: string): Promise<BallotEntity | null> {
    return this.tx.manager.findOneBy(BallotEntity, { voteId, memberId });
  }

  /** Casts or changes the member's one ballot; callers hold the vote row lock. */
  async putBallot(
    voteId: string,
    memberId: string,
    option: string,
    castAt: Date,
  ): Promise<BallotEntity> {
    const existing = await this.ballotOf(voteId, memberId);
    const ballot = existing ?? this.tx.manager.create(BallotEntity, { voteId, memberId });
    ballot.option = option;
    ballot.castAt = castAt;
    return this.tx.manager.save(ballot);
  }

  /** Ballot counts and the caller's own ballot for several votes, in two queries. */
  async ballotSummaries(
    voteIds: readonly string[],
    memberId: string,
  ): Promise<Map<string, { count: number; mine: string | null }>> {
    const summaries = new Map<string, { count: number; mine: string | null }>(
      voteIds.map((id) => [id, { count: 0, mine: null }]),
    );
    if (voteIds.length === 0) {
      return summaries;
    }
    const rows = await this.tx.manager.query<
      Array<{ vote_id: string; count: string; mine: string | null }>
    >(
      `SELECT vote_id, count(*) AS count, max(option) FILTER (WHERE member_id = $2) AS mine
         FROM ballot WHERE vote_id = ANY($1) GROUP BY vote_id`,
      [voteIds, memberId],
    );
    for (const row of rows) {
      summaries.set(row.vote_id, { count: Number(row.count), mine: row.mine });
    }
    return summaries;
  }
}
