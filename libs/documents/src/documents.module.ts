import { join } from 'node:path';

import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';

import { AuditModule } from '@wc/audit';
import { CasesModule } from '@wc/cases';
import { APP_CONFIG, type AppConfig } from '@wc/config';

import { DocumentTextEntity } from './document-text.entity';
import { DocumentVersionEntity } from './document-version.entity';
import { DocumentEntity } from './document.entity';
import { DocumentRepository } from './document.repository';
import { DocumentUploadInterceptor } from './document-upload.interceptor';
import { DocumentsController } from './documents.controller';
import { DocumentsService } from './documents.service';
import { DocumentStorage } from './storage/document-storage';
import { TextExtractor } from './text-extractor';
import { LocalDiskStorage } from './storage/local-disk.storage';
import { S3Storage } from './storage/s3.storage';

/** The storage driver from configuration: local disk under the data directory, or S3. */
export function createDocumentStorage(config: AppConfig): DocumentStorage {
  return config.storage.driver === 's3' ? new S3Storage(config.storage.s3) : new LocalDiskStorage(join(config.app.dataDir, 'documents'));
}

@Module({
  imports: [TypeOrmModule.forFeature([DocumentEntity, DocumentVersionEntity, DocumentTextEntity]), AuditModule, CasesModule],
  controllers: [DocumentsController],
  providers: [
    DocumentsService,
    DocumentRepository,
    DocumentUploadInterceptor,
    TextExtractor,
    { provide: DocumentStorage, inject: [APP_CONFIG], useFactory: createDocumentStorage },
  ],
  exports: [DocumentsService],
})
export class DocumentsModule {}
