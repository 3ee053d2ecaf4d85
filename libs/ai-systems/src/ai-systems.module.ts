import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';

import { AiSystemChangeEntity } from './ai-system-change.entity';
import { AiSystemEntity } from './ai-system.entity';
import { AiSystemsController } from './ai-systems.controller';
import { AiSystemsService } from './ai-systems.service';

@Module({
  imports: [TypeOrmModule.forFeature([AiSystemEntity, AiSystemChangeEntity])],
  controllers: [AiSystemsController],
  providers: [AiSystemsService],
  exports: [AiSystemsService],
})
export class AiSystemsModule {}
