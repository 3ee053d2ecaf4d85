import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';

import { AuditModule } from '@wc/audit';
import { AuthModule } from '@wc/auth';
import { CasesModule } from '@wc/cases';

import { CommentController } from './comment.controller';
import { CommentEntity } from './comment.entity';
import { CommentRepository } from './comment.repository';
import { CommentRevisionEntity } from './comment-revision.entity';
import { CommentService } from './comment.service';

/** Comment threads on cases and dossier items, with @mentions and edit history (issue #6). */
@Module({
  imports: [
    TypeOrmModule.forFeature([CommentEntity, CommentRevisionEntity]),
    AuditModule,
    AuthModule,
    CasesModule,
  ],
  controllers: [CommentController],
  providers: [CommentService, CommentRepository],
  exports: [CommentService],
})
export class DiscussionModule {}
