import type { Readable } from 'node:stream';

import {
  GetObjectCommand,
  HeadBucketCommand,
  PutObjectCommand,
  S3Client,
  type S3ClientConfig,
} from '@aws-sdk/client-s3';

import { assertStorageKey, DocumentStorage } from './document-storage';

export interface S3StorageSettings {
  endpoint?: string;
  bucket?: string;
  region?: string;
  accessKeyId?: string;
  secretAccessKey?: string;
}

/** Client settings for AWS S3 or an S3-compatible store (MinIO, Ceph, Garage, …). */
export function s3ClientConfig(settings: S3StorageSettings): S3ClientConfig {
  return {
    region: settings.region ?? 'us-east-1',
    ...(settings.endpoint ? { endpoint: settings.endpoint, forcePathStyle: true } : {}),
    ...(settings.accessKeyId && settings.secretAccessKey
      ? {
          credentials: {
            accessKeyId: settings.accessKeyId,
            secretAccessKey: settings.secretAccessKey,
          },
        }
      : {}),
    // Recent SDKs add CRC checksums to every request by default, which several S3-compatible
    // stores reject; only send them where the API requires them.
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  };
}

/** Documents in an S3 bucket (`STORAGE_DRIVER=s3`); object keys are the content addresses. */
export class S3Storage extends DocumentStorage {
  private readonly bucket: string;

  constructor(
    settings: S3StorageSettings,
    private readonly client: S3Client = new S3Client(s3ClientConfig(settings)),
  ) {
    super();
    if (!settings.bucket) {
      throw new Error('S3 storage needs a bucket (S3_BUCKET)');
    }
    this.bucket = settings.bucket;
  }

  async put(key: string, bytes: Buffer): Promise<void> {
    assertStorageKey(key);
    await this.client.send(
      new PutObjectCommand({
        Bucket: this.bucket,
        Key: key,
        Body: bytes,
        ContentLength: bytes.length,
        ContentType: 'application/octet-stream',
      }),
    );
  }

  async get(key: string): Promise<Readable> {
    assertStorageKey(key);
    const object = await this.client.send(new GetObjectCommand({ Bucket: this.bucket, Key: key }));
    if (!object.Body) {
      throw new Error(`S3 object ${key} has no body`);
    }
    // In Node the body is an http.IncomingMessage, a Readable.
    return object.Body as Readable;
  }

  async problem(): Promise<string | undefined> {
    try {
      await this.client.send(new HeadBucketCommand({ Bucket: this.bucket }), {
        abortSignal: AbortSignal.timeout(PROBE_TIMEOUT_MS),
      });
      return undefined;
    } catch (error) {
      const reason = (error as { name?: string }).name ?? 'error';
      return `The document bucket "${this.bucket}" is not reachable (${reason}): uploads and downloads fail.`;
    }
  }
}

/** Readiness answers within a load balancer's probe timeout even when the store hangs. */
const PROBE_TIMEOUT_MS = 2_000;
