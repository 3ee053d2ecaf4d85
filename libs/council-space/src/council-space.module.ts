import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';

import { CasesModule } from '@wc/cases';
import { CouncilsModule } from '@wc/councils';

import { BallotEntity } from './ballot.entity';
import { CouncilSpaceController } from './council-space.controller';
import { CouncilSpaceRepository } from './council-space.repository';
import { InternalAccessPolicy } from './internal-access.policy';
import { InternalNoteEntity } from './internal-note.entity';
import { InternalNoteService } from './internal-note.service';
import { VoteEntity } from './vote.entity';
import { VoteService } from './vote.service';

/** The council-internal space of a case: notes, draft positions and votes (issue #6). */
@Module({
  imports: [
    TypeOrmModule.forFeature([InternalNoteEntity, VoteEntity, BallotEntity]),
    CasesModule,
    CouncilsModule,
  ],
  controllers: [CouncilSpaceController],
  providers: [InternalNoteService, VoteService, InternalAccessPolicy, CouncilSpaceRepository],
  exports: [InternalNoteService, VoteService],
})
export class CouncilSpaceModule {}
