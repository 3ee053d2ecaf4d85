export * from './documents.module';
export { DocumentsService, type DocumentContent } from './documents.service';
export * from './dto/document.dto';
export { DocumentStorage, storageKeyFor } from './storage/document-storage';
export type { ConfidentialityMark, DocumentKind, DocumentOrigin } from './domain';
