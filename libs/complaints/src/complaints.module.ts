import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';

import { AiSystemsModule } from '@wc/ai-systems';
import { CouncilsModule } from '@wc/councils';

import { ComplaintContactEntity, ComplaintEntity } from './complaint.entity';
import { ComplaintsController } from './complaints.controller';
import { ComplaintsService } from './complaints.service';

/** The complaints and explanations desk of a system (issue #19). */
@Module({
  imports: [
    TypeOrmModule.forFeature([ComplaintEntity, ComplaintContactEntity]),
    AiSystemsModule,
    CouncilsModule,
  ],
  controllers: [ComplaintsController],
  providers: [ComplaintsService],
  exports: [ComplaintsService],
})
export class ComplaintsModule {}
