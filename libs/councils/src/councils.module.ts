import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';

import { AuthModule } from '@wc/auth';

import { CommitteeEntity } from './committee.entity';
import { CouncilRoleChangeEntity } from './council-role-change.entity';
import { CouncilsController } from './councils.controller';
import { CouncilsRepository } from './councils.repository';
import { CouncilsService } from './councils.service';
import { DemoSeeder } from './demo-seeder';
import { ExpertEngagementEntity } from './expert-engagement.entity';
import { InvitationEntity } from './invitation.entity';
import { OrganisationEntity } from './organisation.entity';
import { PlatformController } from './platform.controller';
import { PlatformService } from './platform.service';
import { WorksCouncilEntity } from './works-council.entity';

@Module({
  imports: [
    AuthModule,
    TypeOrmModule.forFeature([
      OrganisationEntity,
      WorksCouncilEntity,
      CommitteeEntity,
      InvitationEntity,
      CouncilRoleChangeEntity,
      ExpertEngagementEntity,
    ]),
  ],
  controllers: [CouncilsController, PlatformController],
  providers: [CouncilsService, PlatformService, CouncilsRepository, DemoSeeder],
  exports: [CouncilsService, PlatformService, DemoSeeder],
})
export class CouncilsModule {}
