import { createHash } from 'node:crypto';
import { readdir, readFile, rename, stat } from 'node:fs/promises';
import { join } from 'node:path';

import { assertStorageKey, type DocumentStorage } from './document-storage';

export interface LocalImportResult {
  imported: number;
  /** Where the files went afterwards (kept, not deleted), or undefined when there was nothing. */
  movedTo?: string;
}

/**
 * Upgrade step: releases before issue #20 kept document bytes on the API's own disk under
 * `<dataDir>/documents/sha256/<2 hex>/<64 hex>`. Each such file whose bytes match its name is put
 * into the configured storage (idempotent: keys are content addresses, so concurrent replicas and
 * a re-run after a crash do no harm); then the directory is renamed, never deleted, so an operator
 * can check and remove it. A file whose bytes do not match its name stops the import.
 */
export async function importLocalDocuments(storage: DocumentStorage, dataDir: string, now: Date): Promise<LocalImportResult> {
  const root = join(dataDir, 'documents');
  if (!(await isDirectory(root))) {
    return { imported: 0 };
  }
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  let imported = 0;
  for (const entry of entries) {
    if (!entry.isFile() || entry.name.startsWith('.tmp-')) {
      continue; // a `.tmp-*` file is an upload the old driver never finished
    }
    const key = join(entry.parentPath, entry.name).slice(root.length + 1).split(/[\\/]/).join('/');
    assertStorageKey(key);
    const bytes = await readFile(join(entry.parentPath, entry.name));
    const hash = createHash('sha256').update(bytes).digest('hex');
    if (!key.endsWith(`/${hash}`)) {
      throw new Error(`${join(entry.parentPath, entry.name)} does not hold the bytes its name promises; fix or remove it, then start again`);
    }
    await storage.put(key, bytes);
    imported += 1;
  }
  const movedTo = `${root}.imported-${now.toISOString().replace(/[:.]/g, '-')}`;
  try {
    await rename(root, movedTo);
  } catch (error) {
    // Another replica sharing the disk renamed it first.
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') {
      throw error;
    }
  }
  return { imported, movedTo };
}

async function isDirectory(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isDirectory();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      return false;
    }
    throw error;
  }
}
