import { randomUUID } from 'node:crypto';
import { mkdir, open, rename, rm, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Readable } from 'node:stream';

import { assertStorageKey, DocumentStorage } from './document-storage';

/**
 * Documents on local disk under `<dataDir>/documents` (the default driver). A file is written to
 * a temporary name in the target directory, flushed, then renamed: readers see the whole file or
 * none, and a crash leaves at most a `.tmp-*` file behind.
 */
export class LocalDiskStorage extends DocumentStorage {
  constructor(private readonly root: string) {
    super();
  }

  async put(key: string, bytes: Buffer): Promise<void> {
    const target = this.pathOf(key);
    if (await exists(target)) {
      return; // content-addressed: the same key holds the same bytes
    }
    const dir = dirname(target);
    await mkdir(dir, { recursive: true });
    const temp = join(dir, `.tmp-${randomUUID()}`);
    try {
      const file = await open(temp, 'wx', 0o640);
      try {
        await file.writeFile(bytes);
        await file.sync();
      } finally {
        await file.close();
      }
      await rename(temp, target);
    } catch (error) {
      await rm(temp, { force: true });
      throw error;
    }
  }

  async get(key: string): Promise<Readable> {
    // Opened before the stream is handed out, so a missing file fails here and not mid-response.
    const file = await open(this.pathOf(key), 'r');
    return file.createReadStream();
  }

  private pathOf(key: string): string {
    assertStorageKey(key);
    return join(this.root, ...key.split('/'));
  }
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      return false;
    }
    throw error;
  }
}
