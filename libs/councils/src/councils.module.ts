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
import { OrganisationDirectoryService } from './organisation-directory.service';
import { OrganisationEntity } from './organisation.entity';
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
  controllers: [CouncilsController],
  providers: [CouncilsService, OrganisationDirectoryService, CouncilsRepository, DemoSeeder],
  exports: [CouncilsService, OrganisationDirectoryService, DemoSeeder],
})
export class CouncilsModule {}
