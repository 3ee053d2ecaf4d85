import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';

import { AuthModule } from '@wc/auth';

import { CommitteeEntity } from './committee.entity';
import { ConvenantController } from './convenant.controller';
import { ConvenantEntity } from './convenant.entity';
import { ConvenantRepository } from './convenant.repository';
import { ConvenantService } from './convenant.service';
import { CouncilRoleChangeEntity } from './council-role-change.entity';
import { CouncilsController } from './councils.controller';
import { CouncilsRepository } from './councils.repository';
import { CouncilsService } from './councils.service';
import { DemoSeeder } from './demo-seeder';
import { ExpertEngagementEntity } from './expert-engagement.entity';
import { InvitationEntity } from './invitation.entity';
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
      ConvenantEntity,
    ]),
  ],
  controllers: [CouncilsController, ConvenantController],
  providers: [
    CouncilsService,
    CouncilsRepository,
    ConvenantService,
    ConvenantRepository,
    DemoSeeder,
  ],
  exports: [CouncilsService, DemoSeeder],
})
export class CouncilsModule {}
