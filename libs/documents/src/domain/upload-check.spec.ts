import { createHash } from 'node:crypto';

import { checkUpload, DocumentTooLarge, UnsupportedDocumentType } from './upload-check';

describe('checkUpload', () => {
  const pdf = Buffer.from('%PDF-1.4\nhello');

  it('accepts a PDF, hashes it and cleans its name', () => {
    expect(checkUpload({ buffer: pdf, originalname: '../x/Adviesaanvraag.pdf' }, 1024)).toEqual({
      bytes: pdf,
      filename: 'Adviesaanvraag.pdf',
      mediaType: 'application/pdf',
      sizeBytes: pdf.length,
      sha256: createHash('sha256').update(pdf).digest('hex'),
    });
  });

  it('refuses an empty file with 422 document.empty', () => {
    expect(() => checkUpload({ buffer: Buffer.alloc(0), originalname: 'a.txt' }, 1024)).toThrow(
      expect.objectContaining({ status: 422, code: 'document.empty' }),
    );
  });

  it('refuses more than the limit with 413 and accepts exactly the limit', () => {
    const text = Buffer.alloc(1024, 'a');
    expect(checkUpload({ buffer: text, originalname: 'a.txt' }, 1024).sizeBytes).toBe(1024);
    expect(() =>
      checkUpload({ buffer: Buffer.alloc(1025, 'a'), originalname: 'a.txt' }, 1024),
    ).toThrow(DocumentTooLarge);
  });

  it('refuses an executable with 415 whatever its name', () => {
    const elf = Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]);
    expect(() => checkUpload({ buffer: elf, originalname: 'report.pdf' }, 1024)).toThrow(
      UnsupportedDocumentType,
    );
    expect(() => checkUpload({ buffer: elf, originalname: 'report.pdf' }, 1024)).toThrow(
      expect.objectContaining({ status: 415, code: 'document.unsupported_type' }),
    );
  });

  it('names a nameless upload after its type', () => {
    expect(checkUpload({ buffer: pdf, originalname: '..' }, 1024).filename).toBe('document.pdf');
  });
});
