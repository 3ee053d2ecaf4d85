import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';

import { type Actor, CurrentActor, Permission, RequirePermission } from '@wc/auth';
import { CaseIdParams } from '@wc/cases';
import { CursorPageQueryDto, pageOfSorted } from '@wc/pagination';

import { CommentService } from './comment.service';
import {
  CommentIdParams,
  CommentResponse,
  CreateCommentDto,
  ThreadPageQueryDto,
  ThreadQueryDto,
  CommentPage,
  MentionablePage,
  CommentRevisionPage,
  UpdateCommentDto,
} from './dto/comment.dto';

@ApiTags('discussion')
@ApiBearerAuth()
@Controller('cases/:caseId/comments')
export class CommentController {
  constructor(private readonly comments: CommentService) {}

  @Get()
  @RequirePermission(Permission.CaseRead)
  async list(
    @CurrentActor() actor: Actor,
    @Param() { caseId }: CaseIdParams,
    @Query() { thread, ...page }: ThreadPageQueryDto,
  ): Promise<CommentPage> {
    // A case's discussion, oldest first; the access rules per thread run over the whole case.
    return pageOfSorted(await this.comments.list(actor, caseId, thread), page, (c) => [
      c.createdAt,
      c.id,
    ]);
  }

  /** The people who can read the thread (`case` when omitted), to offer after `@`. */
  @Get('mentionable')
  @RequirePermission(Permission.CaseRead)
  async mentionable(
    @CurrentActor() actor: Actor,
    @Param() { caseId }: CaseIdParams,
    @Query() { thread, ...page }: ThreadPageQueryDto,
  ): Promise<MentionablePage> {
    return pageOfSorted(
      await this.comments.mentionable(actor, caseId, thread ?? 'case'),
      page,
      (m) => [m.displayName, m.userId],
    );
  }

  @Post()
  @RequirePermission(Permission.CaseParticipate)
  create(
    @CurrentActor() actor: Actor,
    @Param() { caseId }: CaseIdParams,
    @Query() { thread }: ThreadQueryDto,
    @Body() dto: CreateCommentDto,
  ): Promise<CommentResponse> {
    return this.comments.create(actor, caseId, thread ?? 'case', dto);
  }

  @Patch(':commentId')
  @RequirePermission(Permission.CaseParticipate)
  update(
    @CurrentActor() actor: Actor,
    @Param() { caseId, commentId }: CommentIdParams,
    @Body() dto: UpdateCommentDto,
  ): Promise<CommentResponse> {
    return this.comments.update(actor, caseId, commentId, dto);
  }

  /** Soft: the comment stays listed without its text; its revisions stay stored. */
  @Delete(':commentId')
  @HttpCode(200)
  @RequirePermission(Permission.CaseParticipate)
  remove(
    @CurrentActor() actor: Actor,
    @Param() { caseId, commentId }: CommentIdParams,
  ): Promise<CommentResponse> {
    return this.comments.remove(actor, caseId, commentId);
  }

  @Get(':commentId/revisions')
  @RequirePermission(Permission.CaseRead)
  async revisions(
    @CurrentActor() actor: Actor,
    @Param() { caseId, commentId }: CommentIdParams,
    @Query() page: CursorPageQueryDto,
  ): Promise<CommentRevisionPage> {
    return pageOfSorted(await this.comments.revisions(actor, caseId, commentId), page, (r) => [
      r.revision,
    ]);
  }
}
