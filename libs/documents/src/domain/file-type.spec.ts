import { detectFileType, isPlainUtf8Text } from './file-type';

const bytes = (...parts: Array<string | number[]>) =>
  Buffer.concat(
    parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'latin1') : Buffer.from(p))),
  );
const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const ZIP = [0x50, 0x4b, 0x03, 0x04];
/** Enough of an OOXML package for sniffing: the ZIP signature and its part names. */
const ooxml = (folder: string) =>
  bytes(ZIP, [0x14, 0, 0, 0], '[Content_Types].xml', '...', `${folder}document.xml`);

describe('detectFileType', () => {
  it.each([
    ['a PDF', bytes('%PDF-1.7\n%\xe2\xe3\n1 0 obj'), 'pdf', 'pdf', 'application/pdf'],
    ['a PNG', bytes(PNG, '\0\0\0\rIHDR'), 'png', 'png', 'image/png'],
    ['a JPEG', bytes([0xff, 0xd8, 0xff, 0xe0], 'JFIF'), 'jpg', 'jpeg', 'image/jpeg'],
    [
      'a Word document',
      ooxml('word/'),
      'docx',
      'docx',
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    ],
    [
      'an Excel workbook',
      ooxml('xl/'),
      'xlsx',
      'xlsx',
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    ],
    [
      'a PowerPoint deck',
      ooxml('ppt/'),
      'pptx',
      'pptx',
      'application/vnd.openxmlformats-officedocument.presentationml.presentation',
    ],
    [
      'UTF-8 text',
      Buffer.from('Notulen overleg — één punt\n', 'utf8'),
      'txt',
      'text',
      'text/plain; charset=utf-8',
    ],
    ['CSV', Buffer.from('naam;rol\nA;OR\n', 'utf8'), 'csv', 'csv', 'text/csv; charset=utf-8'],
    [
      'Markdown',
      Buffer.from('# Advies\n', 'utf8'),
      'md',
      'markdown',
      'text/markdown; charset=utf-8',
    ],
    [
      'text with a BOM',
      Buffer.from('\ufeffhallo', 'utf8'),
      'TXT',
      'text',
      'text/plain; charset=utf-8',
    ],
  ])('recognises %s', (_label, content, extension, kind, mediaType) => {
    expect(detectFileType(content, extension)).toEqual({ kind, mediaType });
  });

  it('believes the bytes, not the name: a PNG called .pdf is a PNG', () => {
    expect(detectFileType(bytes(PNG, 'IHDR'), 'pdf')).toEqual({
      kind: 'png',
      mediaType: 'image/png',
    });
  });

  it.each([
    ['an ELF executable', bytes([0x7f], 'ELF', [2, 1, 1, 0]), 'pdf'],
    ['a Windows executable', bytes('MZ\x90\0\x03\0'), 'docx'],
    ['a plain ZIP called .docx', bytes(ZIP, 'readme.txt'), 'docx'],
    ['a Word package called .xlsx', ooxml('word/'), 'xlsx'],
    ['an OOXML package with an unknown extension', ooxml('word/'), 'zip'],
    ['HTML', Buffer.from('<!doctype html><script>alert(1)</script>'), 'html'],
    ['SVG', Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'), 'svg'],
    ['text without a text extension', Buffer.from('plain words'), 'exe'],
    ['Latin-1 text', Buffer.from('caf\xe9', 'latin1'), 'txt'],
    ['text with a NUL byte', Buffer.from('a\0b'), 'txt'],
    ['GIF', Buffer.from('GIF89a'), 'gif'],
    ['a truncated PNG signature', bytes([0x89, 0x50, 0x4e]), 'png'],
    ['an extension that is an Object.prototype key', Buffer.from('text'), 'constructor'],
  ])('refuses %s', (_label, content, extension) => {
    expect(detectFileType(content, extension)).toBeNull();
  });
});

describe('isPlainUtf8Text', () => {
  it('refuses overlong and truncated sequences', () => {
    expect(isPlainUtf8Text(Buffer.from([0xc0, 0xaf]))).toBe(false);
    expect(isPlainUtf8Text(Buffer.from([0xe2, 0x82]))).toBe(false);
    expect(isPlainUtf8Text(Buffer.from('€', 'utf8'))).toBe(true);
  });
});
