export { CommitmentsModule, CommitmentsWorkerModule } from './commitments.module';
export { CommitmentService, type OpenCommitment } from './commitment.service';
export {
  CommitmentReminderSweep,
  COMMITMENT_REMINDER_LEAD_DAYS,
} from './commitment-reminder.sweep';
export * from './dto/commitment.dto';
