import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  Patch,
  Post,
  Put,
  Query,
} from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';

import { type Actor, CurrentActor, Permission, RequirePermission } from '@wc/auth';
import { CaseIdParams } from '@wc/cases';
import { CursorPageQueryDto, pageOfSorted } from '@wc/pagination';

import {
  AdoptVoteDto,
  CastBallotDto,
  CloseVoteDto,
  CreateInternalNoteDto,
  InternalNotePage,
  InternalNoteResponse,
  NoteIdParams,
  OpenVoteDto,
  UpdateInternalNoteDto,
  VoteIdParams,
  VotePage,
  VoteResponse,
} from './dto/council-space.dto';
import { InternalNoteService } from './internal-note.service';
import { VoteService } from './vote.service';

/**
 * The council-internal space of a case: council members only. Anyone else gets 404, as for a
 * case they cannot see (the employer side must not learn what the council deliberates). Every
 * route carries the same coarse permission so that the guard's 403 cannot tell the employer side
 * apart either; the board-only acts are checked after the 404 (403 `internal.board_only`).
 */
@ApiTags('council-space')
@ApiBearerAuth()
@Controller('cases/:caseId/internal')
export class CouncilSpaceController {
  constructor(
    private readonly notes: InternalNoteService,
    private readonly votes: VoteService,
  ) {}

  @Get('notes')
  @RequirePermission(Permission.CaseParticipate)
  async listNotes(
    @CurrentActor() actor: Actor,
    @Param() { caseId }: CaseIdParams,
    @Query() page: CursorPageQueryDto,
  ): Promise<InternalNotePage> {
    return pageOfSorted(await this.notes.list(actor, caseId), page, (n) => [n.createdAt, n.id]);
  }

  @Post('notes')
  @RequirePermission(Permission.CaseParticipate)
  createNote(
    @CurrentActor() actor: Actor,
    @Param() { caseId }: CaseIdParams,
    @Body() dto: CreateInternalNoteDto,
  ): Promise<InternalNoteResponse> {
    return this.notes.create(actor, caseId, dto);
  }

  @Patch('notes/:noteId')
  @RequirePermission(Permission.CaseParticipate)
  updateNote(
    @CurrentActor() actor: Actor,
    @Param() { caseId, noteId }: NoteIdParams,
    @Body() dto: UpdateInternalNoteDto,
  ): Promise<InternalNoteResponse> {
    return this.notes.update(actor, caseId, noteId, dto);
  }

  @Delete('notes/:noteId')
  @HttpCode(204)
  @RequirePermission(Permission.CaseParticipate)
  removeNote(
    @CurrentActor() actor: Actor,
    @Param() { caseId, noteId }: NoteIdParams,
  ): Promise<void> {
    return this.notes.remove(actor, caseId, noteId);
  }

  @Get('votes')
  @RequirePermission(Permission.CaseParticipate)
  async listVotes(
    @CurrentActor() actor: Actor,
    @Param() { caseId }: CaseIdParams,
    @Query() page: CursorPageQueryDto,
  ): Promise<VotePage> {
    return pageOfSorted(await this.votes.list(actor, caseId), page, (v) => [v.createdAt, v.id]);
  }

  /** Chair or secretary. */
  @Post('votes')
  @RequirePermission(Permission.CaseParticipate)
  openVote(
    @CurrentActor() actor: Actor,
    @Param() { caseId }: CaseIdParams,
    @Body() dto: OpenVoteDto,
  ): Promise<VoteResponse> {
    return this.votes.open(actor, caseId, dto);
  }

  @Get('votes/:voteId')
  @RequirePermission(Permission.CaseParticipate)
  getVote(
    @CurrentActor() actor: Actor,
    @Param() { caseId, voteId }: VoteIdParams,
  ): Promise<VoteResponse> {
    return this.votes.get(actor, caseId, voteId);
  }

  /** Casts your ballot, or changes it while the vote is open (409 `vote.closed` after). */
  @Put('votes/:voteId/ballot')
  @RequirePermission(Permission.CaseParticipate)
  castBallot(
    @CurrentActor() actor: Actor,
    @Param() { caseId, voteId }: VoteIdParams,
    @Body() dto: CastBallotDto,
  ): Promise<VoteResponse> {
    return this.votes.castBallot(actor, caseId, voteId, dto);
  }

  /** Chair or secretary; a vote also closes by itself at its deadline. */
  @Post('votes/:voteId/close')
  @HttpCode(200)
  @RequirePermission(Permission.CaseParticipate)
  closeVote(
    @CurrentActor() actor: Actor,
    @Param() { caseId, voteId }: VoteIdParams,
    @Body() dto: CloseVoteDto,
  ): Promise<VoteResponse> {
    return this.votes.close(actor, caseId, voteId, dto);
  }

  /** Chair or secretary: records the winning option as the council position on a track. */
  @Post('votes/:voteId/adopt')
  @HttpCode(200)
  @RequirePermission(Permission.CaseParticipate)
  adoptVote(
    @CurrentActor() actor: Actor,
    @Param() { caseId, voteId }: VoteIdParams,
    @Body() dto: AdoptVoteDto,
  ): Promise<VoteResponse> {
    return this.votes.adopt(actor, caseId, voteId, dto);
  }
}
