import { s3ClientConfig, S3Storage } from './s3.storage';

describe('S3 storage configuration', () => {
  it('uses path-style addressing for a custom endpoint', () => {
    expect(
      s3ClientConfig({
        endpoint: 'http://minio:9000',
        bucket: 'docs',
        accessKeyId: 'k',
        secretAccessKey: 's',
      }),
    ).toMatchObject({
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
});
