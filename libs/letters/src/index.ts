export * from './letters.module';
export { LettersService } from './letters.service';
export * from './letter.dto';
export {
  LETTER_KINDS,
  LETTER_KIND_SPECS,
  type LetterKind,
  type LetterLanguage,
  type LetterParty,
  type LetterRecord,
  composeLetter,
  letterBlocks,
} from './domain';
export { renderLetterPdf } from './letter-pdf';
export { renderLetterDocx } from './letter-docx';
