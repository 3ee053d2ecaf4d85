import {
  attachmentDisposition,
  cleanFilename,
  MAX_FILENAME_LENGTH,
  storedFilename,
} from './filename';

describe('cleanFilename', () => {
  it.each([
    ['rapport.pdf', 'rapport.pdf', 'pdf', false],
    ['../../etc/passwd.txt', 'passwd.txt', 'txt', true],
    ['C:\\Users\\hr\\Documents\\DPIA v2.DOCX', 'DPIA v2.DOCX', 'docx', true],
    ['a\u0000b\r\nc.txt', 'abc.txt', 'txt', true],
    ['factuur\u202Efdp.exe', 'factuurfdp.exe', 'exe', true],
    ['what?<is>this:"|*.md', 'what__is_this____.md', 'md', true],
    ['trailing dots... ', 'trailing dots', '', true],
    ['.env', '.env', '', false],
    ['Überblick – ÖR.pdf', 'Überblick – ÖR.pdf', 'pdf', false],
  ])('%j becomes %j', (raw, name, extension, changed) => {
    expect(cleanFilename(raw)).toEqual({ name, extension, changed });
  });

  it.each([[undefined], [''], ['..'], ['/'], ['a/..'], ['dir\\'], ['\u0000\u0001'], ['  .  ']])(
    'leaves nothing usable of %j',
    (raw) => {
      expect(cleanFilename(raw).name).toBeNull();
    },
  );

  it('falls back to a name of the detected kind', () => {
    expect(storedFilename(cleanFilename('..'), 'jpeg')).toBe('document.jpg');
    expect(storedFilename(cleanFilename('scan.jpeg'), 'jpeg')).toBe('scan.jpeg');
  });

  it('cuts long names on code points and keeps the extension', () => {
    const clean = cleanFilename(`${'😀'.repeat(300)}.pdf`);
    expect(Array.from(clean.name!)).toHaveLength(MAX_FILENAME_LENGTH);
    expect(clean.name!.endsWith('😀.pdf')).toBe(true);
    expect(clean.extension).toBe('pdf');
  });
});

describe('attachmentDisposition', () => {
  it('gives an ASCII fallback and the exact UTF-8 name', () => {
    expect(attachmentDisposition('Überblick (v2) 100%.pdf')).toBe(
      `attachment; filename="_berblick (v2) 100_.pdf"; filename*=UTF-8''%C3%9Cberblick%20%28v2%29%20100%25.pdf`,
    );
  });

  it('cannot be broken out of with quotes or backslashes', () => {
    expect(attachmentDisposition('a"; filename=evil.html\\.txt')).toBe(
      `attachment; filename="a_; filename=evil.html_.txt"; filename*=UTF-8''a%22%3B%20filename%3Devil.html%5C.txt`,
    );
  });
});
