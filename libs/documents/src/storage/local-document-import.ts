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
 * `<dataDir>/documents/sha256/<2 hex>/<64 hex>`. Each such file that a document version of this
 * database refers to, and whose bytes match its name, is put into the configured storage
 * (idempotent: keys are content addresses, so concurrent replicas and a re-run after a crash do
 * no harm); then the directory is renamed, never deleted, so an operator can check and remove it.
 * A directory this database refers to nothing in (say, a test database beside a developer's
 * data) is left alone. A referenced file whose bytes do not match its name stops the import.
 */
export async function importLocalDocuments(
  storage: DocumentStorage,
  dataDir: string,
  now: Date,
  referenced: (keys: readonly string[]) => Promise<Set<string>>,
): Promise<LocalImportResult> {
  const root = join(dataDir, 'documents');
  if (!(await isDirectory(root))) {
    return { imported: 0 };
  }
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  const files = new Map<string, string>();
  for (const entry of entries) {
    if (!entry.isFile() || entry.name.startsWith('.tmp-')) {
      continue; // a `.tmp-*` file is an upload the old driver never finished
    }
    const key = join(entry.parentPath, entry.name)
      .slice(root.length + 1)
      .split(/[\\/]/)
      .join('/');
    if (isStorageKey(key)) {
      files.set(key, join(entry.parentPath, entry.name));
    }
  }
  const wanted = await referenced([...files.keys()]);
  if (wanted.size === 0) {
    return { imported: 0 };
  }
  let imported = 0;
  for (const [key, path] of files) {
    if (!wanted.has(key)) {
      continue;
    }
    const bytes = await readFile(path);
    const hash = createHash('sha256').update(bytes).digest('hex');
    if (!key.endsWith(`/${hash}`)) {
      throw new Error(
        `${path} does not hold the bytes its name promises; fix or remove it, then start again`,
      );
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

function isStorageKey(key: string): boolean {
  try {
    assertStorageKey(key);
    return true;
  } catch {
    return false;
  }
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
