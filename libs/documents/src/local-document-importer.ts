import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';

import { APP_CONFIG, type AppConfig } from '@wc/config';
import { Clock } from '@wc/core';

import { DocumentRepository } from './document.repository';
import { DocumentStorage } from './storage/document-storage';
import { importLocalDocuments } from './storage/local-document-import';

/** Runs the upgrade import of `<dataDir>/documents` once the app is built, before it listens. */
@Injectable()
export class LocalDocumentImporter implements OnApplicationBootstrap {
  private readonly logger = new Logger(LocalDocumentImporter.name);

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly storage: DocumentStorage,
    private readonly clock: Clock,
    private readonly documents: DocumentRepository,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const { imported, movedTo } = await importLocalDocuments(
      this.storage,
      this.config.app.dataDir,
      this.clock.now(),
      (keys) => this.documents.referencedStorageKeys(keys),
    );
    if (movedTo) {
      this.logger.log(
        { imported, movedTo, driver: this.config.storage.driver },
        'moved documents from local disk into the document storage',
      );
    }
  }
}
