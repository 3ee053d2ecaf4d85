export { ComplaintsModule } from './complaints.module';
export { ComplaintsService, type ComplaintCounts } from './complaints.service';
export * from './dto/complaint.dto';
