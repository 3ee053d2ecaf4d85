import { Document, HeadingLevel, Packer, Paragraph, TextRun } from 'docx';

import { type LetterRecord, letterBlocks } from './domain';

/** A letter as DOCX through the `docx` library (no hand-written XML), for editing outside. */
export function renderLetterDocx(letter: LetterRecord): Promise<Buffer> {
  const children = letterBlocks(letter).map((block) => {
    switch (block.kind) {
      case 'title':
        return new Paragraph({ text: block.text, heading: HeadingLevel.TITLE });
      case 'heading':
        return new Paragraph({ text: block.text, heading: HeadingLevel.HEADING_2 });
      case 'meta':
        return new Paragraph({ children: [new TextRun({ text: block.text, size: 18 })] });
      case 'bullet':
        return new Paragraph({ text: block.text, bullet: { level: 0 } });
      case 'paragraph':
        return new Paragraph({ text: block.text });
    }
  });
  const doc = new Document({
    creator: 'Overleg',
    title: letter.structured.subject,
    description: letter.structured.caseReference,
    sections: [{ children }],
  });
  return Packer.toBuffer(doc);
}
