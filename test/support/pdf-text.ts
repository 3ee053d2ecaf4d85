import { execFile } from 'node:child_process';

// pdf-parse runs pdf.js, which needs dynamic ESM imports that Jest's VM refuses; extract the text
// in a plain Node child process instead.
const EXTRACT_TEXT = `const { PDFParse } = require('pdf-parse');
const chunks = [];
process.stdin.on('data', (c) => chunks.push(c));
process.stdin.on('end', async () => {
  const parser = new PDFParse({ data: Buffer.concat(chunks) });
  const result = await parser.getText();
  await parser.destroy();
  process.stdout.write(result.text);
});`;

/** The text of a PDF as pdf-parse reads it, line breaks and page markers included. */
export function pdfText(pdf: Buffer): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = execFile(
      process.execPath,
      ['-e', EXTRACT_TEXT],
      { cwd: process.cwd(), maxBuffer: 50_000_000 },
      (error, stdout) =>
        error ? reject(new Error('PDF text extraction failed', { cause: error })) : resolve(stdout),
    );
    child.stdin?.end(pdf);
  });
}
