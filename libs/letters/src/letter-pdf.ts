import PDFDocument from 'pdfkit';

import { pdfSafe } from '@wc/dossier';

import { type LetterRecord, letterBlocks } from './domain';

/** A letter as an archival PDF: the dossier's fonts and text safety, with the proof in the footer. */
export function renderLetterPdf(letter: LetterRecord): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margin: 64,
    bufferPages: true,
    info: {
      Title: pdfSafe(letter.structured.subject),
      Author: 'Overleg',
      Creator: 'Overleg',
      Subject: pdfSafe(letter.structured.caseReference),
    },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const finished = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  for (const block of letterBlocks(letter)) {
    switch (block.kind) {
      case 'title':
        doc.font('Helvetica-Bold').fontSize(16).fillColor('#1f3a5f').text(pdfSafe(block.text));
        doc.fillColor('black').moveDown(0.5);
        break;
      case 'meta':
        doc.font('Helvetica').fontSize(9).text(pdfSafe(block.text), { paragraphGap: 1 });
        break;
      case 'heading':
        doc.moveDown(0.5).font('Helvetica-Bold').fontSize(11.5).text(pdfSafe(block.text));
        doc.moveDown(0.15);
        break;
      case 'paragraph':
        doc.moveDown(0.2).font('Helvetica').fontSize(10.5).text(pdfSafe(block.text), {
          paragraphGap: 3,
        });
        break;
      case 'bullet':
        doc
          .font('Helvetica')
          .fontSize(10.5)
          .text(pdfSafe(`- ${block.text}`), { indent: 10 });
        break;
    }
  }
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc
      .font('Helvetica')
      .fontSize(7.5)
      .text(
        pdfSafe(
          `${letter.structured.caseReference} - ${letter.auditHead ? `audit #${letter.auditHead.seq} ${letter.auditHead.hash.slice(0, 16)}` : 'audit -'} - ${i + 1}/${range.count}`,
        ),
        64,
        doc.page.height - 36,
        { width: doc.page.width - 128, align: 'center', lineBreak: false },
      );
    doc.page.margins.bottom = bottom;
  }
  doc.end();
  return finished;
}
