import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';

import { AiSystemsModule } from '@wc/ai-systems';
import { CasesModule } from '@wc/cases';
import { CouncilsModule } from '@wc/councils';
import { DeadlinesModule } from '@wc/deadlines';

import { CouncilRequestEntity } from './council-request.entity';
import { CouncilSignalEntity } from './council-signal.entity';
import { IntakeController } from './intake.controller';
import { IntakeRepository } from './intake.repository';
import { IntakeService } from './intake.service';

/** The council's intake and initiative (issue #19). */
@Module({
  imports: [
    TypeOrmModule.forFeature([CouncilSignalEntity, CouncilRequestEntity]),
    AiSystemsModule,
    CasesModule,
    CouncilsModule,
    DeadlinesModule,
  ],
  controllers: [IntakeController],
  providers: [IntakeService, IntakeRepository],
  exports: [IntakeService],
})
export class IntakeModule {}
