import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';

import { AccessModule } from '@wc/access';
import { AuditModule } from '@wc/audit';
import { CASE_CONDITIONS_SINK, CasesModule } from '@wc/cases';
import { SWEEP_EXTENSIONS } from '@wc/notifications';

import { CommitmentReminderSweep } from './commitment-reminder.sweep';
import { CommitmentController } from './commitment.controller';
import { CommitmentEntity } from './commitment.entity';
import { CommitmentRepository } from './commitment.repository';
import { CommitmentService } from './commitment.service';
import { CommitmentWriter } from './commitment.writer';

@Module({
  imports: [TypeOrmModule.forFeature([CommitmentEntity]), AccessModule, AuditModule, CasesModule],
  providers: [CommitmentService, CommitmentWriter, CommitmentRepository, CommitmentReminderSweep],
  exports: [CommitmentService, CommitmentWriter, CommitmentReminderSweep],
})
class CommitmentDataModule {}

/**
 * Binds `@wc/cases`' `CASE_CONDITIONS_SINK` for the whole application. Global because the case
 * module cannot import this one (this one imports the case module); the writer only writes
 * commitments and events, and never calls the case services back.
 */
@Global()
@Module({
  imports: [CommitmentDataModule],
  providers: [{ provide: CASE_CONDITIONS_SINK, useExisting: CommitmentWriter }],
  exports: [CASE_CONDITIONS_SINK],
})
class CommitmentSinkModule {}

/** Conditions become commitments (issue #19). */
@Module({
  imports: [CommitmentDataModule, CommitmentSinkModule],
  controllers: [CommitmentController],
  exports: [CommitmentDataModule],
})
export class CommitmentsModule {}

@Global()
/** In the worker: the owners' reminders run in the notification sweep job. */
@Module({
  imports: [CommitmentDataModule],
  providers: [{ provide: SWEEP_EXTENSIONS, useExisting: CommitmentReminderSweep }],
  exports: [SWEEP_EXTENSIONS],
})
export class CommitmentsWorkerModule {}
