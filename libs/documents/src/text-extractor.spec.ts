import { Document, Packer, Paragraph } from 'docx';
import PDFDocument from 'pdfkit';

import { MEDIA_TYPES } from './domain/file-type';
import { TextExtractor } from './text-extractor';

async function pdfWith(words: string): Promise<Buffer> {
  const doc = new PDFDocument();
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const ended = new Promise<void>((resolve) => doc.on('end', () => resolve()));
  doc.text(words);
  doc.end();
  await ended;
  return Buffer.concat(chunks);
}

describe('TextExtractor', () => {
  const extractor = new TextExtractor();

  it('reads the words of a PDF without its page markers', async () => {
    await expect(
      extractor.extract(
        await pdfWith('Het roosterprogramma verwerkt werktijden.'),
        MEDIA_TYPES.pdf,
      ),
    ).resolves.toBe('Het roosterprogramma verwerkt werktijden.');
  });

  it('reads the words of a DOCX', async () => {
    const docx = await Packer.toBuffer(
      new Document({
        sections: [
          { children: [new Paragraph('Eerste alinea.'), new Paragraph('Tweede alinea.')] },
        ],
      }),
    );
    await expect(extractor.extract(docx, MEDIA_TYPES.docx)).resolves.toBe(
      'Eerste alinea. Tweede alinea.',
    );
  });

  it('reads UTF-8 text and markdown, and has nothing for images or unreadable files', async () => {
    await expect(
      extractor.extract(Buffer.from('# Kop\n\nTekst met ë', 'utf8'), MEDIA_TYPES.markdown),
    ).resolves.toBe('# Kop Tekst met ë');
    await expect(
      extractor.extract(Buffer.from([0x89, 0x50, 0x4e, 0x47]), MEDIA_TYPES.png),
    ).resolves.toBeNull();
    await expect(
      extractor.extract(Buffer.from('%PDF-1.7 broken'), MEDIA_TYPES.pdf),
    ).resolves.toBeNull();
  });
});
