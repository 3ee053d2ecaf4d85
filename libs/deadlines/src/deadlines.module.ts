import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';

import { DeadlineEntity } from './deadline.entity';
import { DeadlinesService } from './deadlines.service';
import { RegulatoryCalendarEntity } from './regulatory-calendar.entity';
import { TermFiguresQuery } from './term-figures.query';

@Module({
  imports: [TypeOrmModule.forFeature([DeadlineEntity, RegulatoryCalendarEntity])],
  providers: [DeadlinesService, TermFiguresQuery],
  exports: [DeadlinesService, TermFiguresQuery],
})
export class DeadlinesModule {}
