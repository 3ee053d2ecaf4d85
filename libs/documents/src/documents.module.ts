import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

import { AuditModule } from '@wc/audit';
import { CasesModule } from '@wc/cases';
import { CouncilsModule } from '@wc/councils';
import { APP_CONFIG, type AppConfig } from '@wc/config';

import { DocumentTextEntity } from './document-text.entity';
import { DocumentVersionEntity } from './document-version.entity';
import { DocumentEntity } from './document.entity';
import { DocumentRepository } from './document.repository';
import { DocumentUploadInterceptor } from './document-upload.interceptor';
import { DocumentsController } from './documents.controller';
import { DocumentsService } from './documents.service';
import { DatabaseStorage } from './storage/database.storage';
import { DocumentStorage } from './storage/document-storage';
import { LocalDocumentImporter } from './local-document-importer';
import { TextExtractor } from './text-extractor';
import { S3Storage } from './storage/s3.storage';

/** The storage driver from configuration: PostgreSQL (the default) or an S3 bucket. */
export function createDocumentStorage(config: AppConfig, dataSource: DataSource): DocumentStorage {
  return config.storage.driver === 's3'
    ? new S3Storage(config.storage.s3)
    : new DatabaseStorage(dataSource);
}

@Module({
  imports: [
    TypeOrmModule.forFeature([DocumentEntity, DocumentVersionEntity, DocumentTextEntity]),
    AuditModule,
    CasesModule,
    CouncilsModule,
  ],
  controllers: [DocumentsController],
  providers: [
    DocumentsService,
    DocumentRepository,
    DocumentUploadInterceptor,
    LocalDocumentImporter,
    TextExtractor,
    {
      provide: DocumentStorage,
      inject: [APP_CONFIG, DataSource],
      useFactory: createDocumentStorage,
    },
  ],
  exports: [DocumentsService, DocumentStorage],
})
export class DocumentsModule {}
