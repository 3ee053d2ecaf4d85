import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';

import { DeadlineEntity } from './deadline.entity';
import { DeadlinesService } from './deadlines.service';
import { RegulatoryCalendarEntity } from './regulatory-calendar.entity';

@Module({
  imports: [TypeOrmModule.forFeature([DeadlineEntity, RegulatoryCalendarEntity])],
  providers: [DeadlinesService],
  exports: [DeadlinesService],
})
export class DeadlinesModule {}
