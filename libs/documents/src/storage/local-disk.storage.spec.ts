import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';

import { storageKeyFor } from './document-storage';
import { LocalDiskStorage } from './local-disk.storage';

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

async function readAll(body: Buffer | Readable): Promise<Buffer> {
  if (Buffer.isBuffer(body)) {
    return body;
  }
  const chunks: Buffer[] = [];
  for await (const chunk of body) {
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name).slice(dir.length + 1)).sort();
}

describe('LocalDiskStorage', () => {
  let root: string;
  let storage: LocalDiskStorage;

  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), 'overleg-docs-'));
    storage = new LocalDiskStorage(join(root, 'documents'));
  });
  afterEach(() => rm(root, { recursive: true, force: true }));

  it('stores bytes under their content address and reads them back', async () => {
    const bytes = Buffer.from('%PDF-1.7 advice request');
    const hash = sha256(bytes);
    const key = storageKeyFor(hash);
    await storage.put(key, bytes);
    expect(await filesUnder(root)).toEqual([join('documents', 'sha256', hash.slice(0, 2), hash)]);
    expect(await readFile(join(root, 'documents', 'sha256', hash.slice(0, 2), hash))).toEqual(bytes);
    expect(await readAll(await storage.get(key))).toEqual(bytes);
  });

  it('writes the same content once and leaves no temporary files', async () => {
    const bytes = Buffer.from('same');
    const key = storageKeyFor(sha256(bytes));
    await Promise.all([storage.put(key, bytes), storage.put(key, bytes), storage.put(key, bytes)]);
    await storage.put(key, bytes);
    expect(await filesUnder(root)).toHaveLength(1);
    expect(await readAll(await storage.get(key))).toEqual(bytes);
  });

  it.each([
    ['../../etc/passwd'],
    ['sha256/../../../etc/passwd'],
    [`sha256/ab/${'a'.repeat(64)}`],
    [`sha256/aa/${'A'.repeat(64)}`],
    [`sha256/aa/${'a'.repeat(64)}/x`],
    ['report.pdf'],
  ])('refuses the key %j and writes nothing', async (key) => {
    await expect(storage.put(key, Buffer.from('x'))).rejects.toThrow(/content-addressed/);
    await expect(storage.get(key)).rejects.toThrow(/content-addressed/);
    expect(await filesUnder(root)).toEqual([]);
  });

  it('rejects reading a key that was never stored', async () => {
    await expect(storage.get(storageKeyFor('0'.repeat(64)))).rejects.toMatchObject({ code: 'ENOENT' });
  });
});
