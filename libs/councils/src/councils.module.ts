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
import {
  OrganisationDeletionSchedule,
  OrganisationDeletionSweep,
} from './organisation-deletion.sweep';
import { OrganisationDirectoryService } from './organisation-directory.service';
import { OrganisationEntity } from './organisation.entity';
import { OrganisationExportService } from './organisation-export.service';
import { PlatformController } from './platform.controller';
import { PlatformService } from './platform.service';
import { WorksCouncilEntity } from './works-council.entity';

const ENTITIES = TypeOrmModule.forFeature([
  OrganisationEntity,
  WorksCouncilEntity,
  CommitteeEntity,
  InvitationEntity,
  CouncilRoleChangeEntity,
  ExpertEngagementEntity,
  ConvenantEntity,
]);

@Module({
  imports: [AuthModule, ENTITIES],
  controllers: [CouncilsController, ConvenantController, PlatformController],
  providers: [
    CouncilsService,
    ConvenantService,
    ConvenantRepository,
    PlatformService,
    CouncilsRepository,
    DemoSeeder,
    OrganisationDeletionSweep,
    OrganisationDirectoryService,
    OrganisationExportService,
  ],
  exports: [
    CouncilsService,
    OrganisationDirectoryService,
    PlatformService,
    DemoSeeder,
    OrganisationDeletionSweep,
  ],
})
export class CouncilsModule {}

/** The worker's part: the sweep that deletes organisations after their grace period, on a timer. */
@Module({
  imports: [ENTITIES],
  providers: [CouncilsRepository, OrganisationDeletionSweep, OrganisationDeletionSchedule],
})
export class CouncilsWorkerModule {}
