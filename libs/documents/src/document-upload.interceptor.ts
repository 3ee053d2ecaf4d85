import {
  BadRequestException,
  type CallHandler,
  type ExecutionContext,
  Inject,
  Injectable,
  type NestInterceptor,
  PayloadTooLargeException,
  type PipeTransform,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { memoryStorage } from 'multer';
import type { Observable } from 'rxjs';

import { APP_CONFIG, type AppConfig } from '@wc/config';
import { BadRequest } from '@wc/core';

import { DocumentTooLarge, type IncomingFile } from './domain';

export const UPLOAD_FIELD = 'file';

/**
 * Nest's FileInterceptor for the one `file` part, in memory and capped at `MAX_UPLOAD_BYTES`
 * (multer stops reading past it), with its errors turned into our problem codes. It runs after
 * the auth guard, so anonymous requests are refused before any body is read.
 */
@Injectable()
export class DocumentUploadInterceptor implements NestInterceptor {
  private readonly multer: NestInterceptor;
  private readonly maxBytes: number;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.maxBytes = config.storage.maxUploadBytes;
    const Multer = FileInterceptor(UPLOAD_FIELD, {
      storage: memoryStorage(),
      // The raw client name reaches cleanFilename, which owns the decision on paths.
      preservePath: true,
      // Browsers send file names as raw UTF-8.
      defParamCharset: 'utf8',
      limits: { fileSize: this.maxBytes, files: 1, fields: 10, fieldSize: 16 * 1024, parts: 12 },
    });
    this.multer = new Multer();
  }

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    try {
      return await this.multer.intercept(context, next);
    } catch (error) {
      if (error instanceof PayloadTooLargeException) {
        throw new DocumentTooLarge(this.maxBytes);
      }
      if (error instanceof BadRequestException) {
        throw new BadRequest(
          'document.bad_multipart',
          `The multipart body was refused: ${error.message}.`,
          {},
          [{ path: UPLOAD_FIELD, message: error.message }],
        );
      }
      throw error;
    }
  }
}

/** A missing file is a field problem like any other: 400 with `errors[path=file]`. */
export class RequiredFilePipe implements PipeTransform<IncomingFile | undefined, IncomingFile> {
  transform(file: IncomingFile | undefined): IncomingFile {
    if (!file) {
      throw new BadRequest('request.validation_failed', 'The request has invalid fields.', {}, [
        {
          path: UPLOAD_FIELD,
          message: `a file is required in the multipart part "${UPLOAD_FIELD}"`,
        },
      ]);
    }
    return file;
  }
}
