import { Worker } from 'node:worker_threads';

import { Injectable, Logger } from '@nestjs/common';
import mammoth from 'mammoth';

import { MEDIA_TYPES } from './domain/file-type';

const PLAIN_TEXT: readonly string[] = [MEDIA_TYPES.text, MEDIA_TYPES.csv, MEDIA_TYPES.markdown];

/**
 * The words of an upload, for search: PDF (pdf-parse), DOCX (mammoth) and UTF-8 text. Other kinds
 * (images, spreadsheets, slides) have none to offer. A file that cannot be read is still stored;
 * it is then found by its title only, so a parser failure is logged, never the upload refused.
 */
@Injectable()
export class TextExtractor {
  private readonly logger = new Logger(TextExtractor.name);

  async extract(bytes: Buffer, mediaType: string): Promise<string | null> {
    try {
      if (mediaType === MEDIA_TYPES.pdf) {
        return clean(await pdfText(bytes));
      }
      if (mediaType === MEDIA_TYPES.docx) {
        return clean((await mammoth.extractRawText({ buffer: bytes })).value);
      }
      if (PLAIN_TEXT.includes(mediaType)) {
        return clean(bytes.toString('utf8'));
      }
      return null;
    } catch (error) {
      this.logger.warn(
        { mediaType, error: error instanceof Error ? error.message : String(error) },
        'document text could not be extracted',
      );
      return null;
    }
  }
}

/** A PDF that takes longer than this to read is found by its title only. */
const PDF_TIMEOUT_MS = 20_000;

/**
 * pdf-parse (pdf.js) in a worker thread: parsing is CPU work that must not stall the API's event
 * loop, a hostile PDF is cut off by the timeout, and pdf.js loads its own worker module by dynamic
 * import, which only a plain Node context offers.
 */
function pdfText(bytes: Buffer): Promise<string> {
  const source = `
    const { parentPort, workerData } = require('node:worker_threads');
    const { PDFParse } = require(workerData.module);
    (async () => {
      const parser = new PDFParse({ data: workerData.bytes });
      try {
        parentPort.postMessage({ text: (await parser.getText()).text });
      } catch (error) {
        parentPort.postMessage({ error: String((error && error.message) || error) });
      } finally {
        await parser.destroy().catch(() => undefined);
      }
    })();`;
  return new Promise((resolve, reject) => {
    const worker = new Worker(source, {
      eval: true,
      workerData: { module: require.resolve('pdf-parse'), bytes: new Uint8Array(bytes) },
    });
    const timer = setTimeout(
      () => void worker.terminate().then(() => reject(new Error('PDF text extraction timed out'))),
      PDF_TIMEOUT_MS,
    );
    worker.once('message', (message: { text?: string; error?: string }) => {
      clearTimeout(timer);
      void worker.terminate();
      if (typeof message.text === 'string') {
        resolve(message.text);
      } else {
        reject(new Error(message.error ?? 'PDF text extraction failed'));
      }
    });
    worker.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
  });
}

/** pdf-parse marks page breaks ("-- 1 of 3 --"); they are not the document's words. */
function clean(text: string): string {
  return text
    .replace(/^-- \d+ of \d+ --$/gm, '')
    .replace(/\s+/g, ' ')
    .trim();
}
