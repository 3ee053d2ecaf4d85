import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';

import { AuthModule } from '@wc/auth';
import { CasesModule } from '@wc/cases';
import { CouncilsModule } from '@wc/councils';

import { AgendaItemEntity } from './agenda-item.entity';
import { MeetingEntity } from './meeting.entity';
import { MeetingParticipantEntity } from './meeting-participant.entity';
import { MinutesAmendmentEntity } from './minutes-amendment.entity';
import { MeetingRepository } from './meeting.repository';
import { MeetingsController } from './meetings.controller';
import { MeetingsService } from './meetings.service';

/** Consultation and internal meetings of works councils: agenda, minutes, decisions (issue #6). */
@Module({
  imports: [
    TypeOrmModule.forFeature([
      MeetingEntity,
      MeetingParticipantEntity,
      AgendaItemEntity,
      MinutesAmendmentEntity,
    ]),
    AuthModule,
    CasesModule,
    CouncilsModule,
  ],
  controllers: [MeetingsController],
  providers: [MeetingsService, MeetingRepository],
  exports: [MeetingsService],
})
export class MeetingsModule {}
