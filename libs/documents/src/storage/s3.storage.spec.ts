import { GetObjectCommand, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { Readable } from 'node:stream';

import { storageKeyFor } from './document-storage';
import { s3ClientConfig, S3Storage } from './s3.storage';

describe('S3 storage configuration', () => {
  it('uses path-style addressing for a custom endpoint', () => {
    expect(s3ClientConfig({ endpoint: 'http://minio:9000', bucket: 'docs', accessKeyId: 'k', secretAccessKey: 's' })).toMatchObject({
      endpoint: 'http://minio:9000',
      forcePathStyle: true,
      region: 'us-east-1',
      credentials: { accessKeyId: 'k', secretAccessKey: 's' },
    });
  });

  it('leaves AWS defaults (virtual hosts, the credential chain) without an endpoint', () => {
    const config = s3ClientConfig({ bucket: 'docs', region: 'eu-central-1' });
    expect(config).toMatchObject({ region: 'eu-central-1' });
    expect(config).not.toHaveProperty('forcePathStyle');
    expect(config).not.toHaveProperty('credentials');
  });

  it('needs a bucket', () => {
    expect(() => new S3Storage({})).toThrow(/S3_BUCKET/);
  });

  it('puts and gets objects by their content address', async () => {
    const sent: unknown[] = [];
    const client = {
      send: (command: unknown) => {
        sent.push(command);
        return Promise.resolve(command instanceof GetObjectCommand ? { Body: Readable.from([Buffer.from('x')]) } : {});
      },
    } as unknown as S3Client;
    const storage = new S3Storage({ bucket: 'docs' }, client);
    const key = storageKeyFor('ab'.repeat(32));
    await storage.put(key, Buffer.from('x'));
    await storage.get(key);
    expect(sent[0]).toBeInstanceOf(PutObjectCommand);
    expect((sent[0] as PutObjectCommand).input).toMatchObject({ Bucket: 'docs', Key: key, ContentLength: 1 });
    expect((sent[1] as GetObjectCommand).input).toEqual({ Bucket: 'docs', Key: key });
    await expect(storage.put('../x', Buffer.from('x'))).rejects.toThrow(/content-addressed/);
    expect(sent).toHaveLength(2);
  });
});
