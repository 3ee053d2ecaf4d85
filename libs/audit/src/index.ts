export * from './audit.module';
export { AuditService, type AuditRecord, type AuditEntryView } from './audit.service';
export type { ChainVerdict } from './audit-chain';
