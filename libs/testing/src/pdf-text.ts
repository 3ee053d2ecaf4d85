import { Worker } from 'node:worker_threads';

/**
 * A PDF's text through pdf-parse, in a worker thread: pdf.js loads its own worker module by
 * dynamic import, which Jest's VM context does not offer (the same reason as the documents lib).
 */
export function pdfText(bytes: Buffer): Promise<string> {
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
    worker.once('message', (message: { text?: string; error?: string }) => {
      void worker.terminate();
      if (typeof message.text === 'string') {
        resolve(message.text);
      } else {
        reject(new Error(message.error ?? 'PDF text extraction failed'));
      }
    });
    worker.once('error', reject);
  });
}
