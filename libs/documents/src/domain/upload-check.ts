import { createHash } from 'node:crypto';

import { DomainError, Unprocessable } from '@wc/core';

import { detectFileType } from './file-type';
import { cleanFilename, storedFilename } from './filename';

/** 413: the upload is larger than `MAX_UPLOAD_BYTES`. */
export class DocumentTooLarge extends DomainError {
  readonly status = 413;
  constructor(maxBytes: number) {
    super('document.too_large', `The file is larger than the limit of ${maxBytes} bytes.`, {
      maxBytes,
    });
  }
}

/** 415: the bytes are not one of the accepted document types. */
export class UnsupportedDocumentType extends DomainError {
  readonly status = 415;
  constructor() {
    super(
      'document.unsupported_type',
      'Only PDF, PNG, JPEG, Word, Excel, PowerPoint and UTF-8 text (.txt, .csv, .md) files are accepted.',
      {
        accepted: ['pdf', 'png', 'jpeg', 'docx', 'xlsx', 'pptx', 'txt', 'csv', 'md'],
      },
    );
  }
}

/** The part of a multer file this lib reads. */
export interface IncomingFile {
  buffer: Buffer;
  originalname?: string;
}

export interface CheckedUpload {
  bytes: Buffer;
  filename: string;
  mediaType: string;
  sizeBytes: number;
  sha256: string;
}

/**
 * Everything an upload must pass before a byte is stored: not empty, within the limit, a type we
 * accept judged from its content, and a safe name. Throws the problem to answer otherwise.
 */
export function checkUpload(file: IncomingFile, maxBytes: number): CheckedUpload {
  const bytes = file.buffer;
  if (bytes.length === 0) {
    throw new Unprocessable('document.empty', 'The file is empty.', {}, [
      { path: 'file', message: 'is empty' },
    ]);
  }
  if (bytes.length > maxBytes) {
    throw new DocumentTooLarge(maxBytes);
  }
  const name = cleanFilename(file.originalname);
  const type = detectFileType(bytes, name.extension);
  if (!type) {
    throw new UnsupportedDocumentType();
  }
  return {
    bytes,
    filename: storedFilename(name, type.kind),
    mediaType: type.mediaType,
    sizeBytes: bytes.length,
    sha256: createHash('sha256').update(bytes).digest('hex'),
  };
}
