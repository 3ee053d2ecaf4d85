import type { Readable } from 'node:stream';

/**
 * Where document bytes live. Keys are content-addressed (`sha256/<2 hex>/<64 hex>`), made by
 * `storageKeyFor`, never from a user-supplied name, so equal content is stored once and `put` is
 * idempotent.
 */
export abstract class DocumentStorage {
  abstract put(key: string, bytes: Buffer): Promise<void>;
  /** The stored bytes; rejects when the key is unknown. */
  abstract get(key: string): Promise<Buffer | Readable>;
  /** Why this instance cannot store or read documents right now (for readiness), or undefined. */
  abstract problem(): Promise<string | undefined>;
}

const KEY = /^sha256\/([0-9a-f]{2})\/([0-9a-f]{64})$/;

export function storageKeyFor(sha256: string): string {
  const key = `sha256/${sha256.slice(0, 2)}/${sha256}`;
  assertStorageKey(key);
  return key;
}

/** Defence in depth: a key that is not a content address never reaches a file system or bucket. */
export function assertStorageKey(key: string): void {
  const match = KEY.exec(key);
  if (!match || !match[2].startsWith(match[1])) {
    throw new Error(`not a content-addressed storage key: ${JSON.stringify(key)}`);
  }
}
