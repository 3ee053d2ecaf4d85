import { type ChildProcess, spawn } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';

import { createTestDatabase, freePort, type TestDatabase, waitUntil } from '@wc/testing';

const REPO = join(__dirname, '..');
const CORRELATION_ID = 'trace-req-0001';

interface OtlpSpan {
  traceId: string;
  spanId: string;
  name: string;
  attributes?: Array<{ key: string; value: { stringValue?: string } }>;
}
interface OtlpExport {
  resourceSpans: Array<{
    resource: { attributes: Array<{ key: string; value: { stringValue?: string } }> };
    scopeSpans: Array<{ spans: OtlpSpan[] }>;
  }>;
}

const attribute = (span: OtlpSpan, key: string) =>
  span.attributes?.find((a) => a.key === key)?.value.stringValue;

describe('OpenTelemetry tracing, on by OTEL_EXPORTER_OTLP_ENDPOINT (e2e)', () => {
  let receiver: Server;
  const exports: OtlpExport[] = [];
  let database: TestDatabase;
  let api: ChildProcess | undefined;

  beforeAll(async () => {
    // A local OTLP/HTTP receiver: the JSON the exporter posts to /v1/traces.
    receiver = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString()));
      req.on('end', () => {
        if (req.url === '/v1/traces') {
          exports.push(JSON.parse(body) as OtlpExport);
        }
        res.writeHead(200, { 'Content-Type': 'application/json' }).end('{}');
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    database = await createTestDatabase();
  });
  afterAll(async () => {
    api?.kill('SIGKILL');
    await new Promise((resolve) => receiver.close(resolve));
    await database?.drop();
  });

  it('sends the spans of a request, with its correlation id and its PostgreSQL queries, to the collector', async () => {
    const port = await freePort();
    const { port: receiverPort } = receiver.address() as { port: number };
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      NODE_ENV: 'test',
      DATABASE_URL: database.url,
      PORT: String(port),
      OTEL_EXPORTER_OTLP_ENDPOINT: `http://127.0.0.1:${receiverPort}`,
      OTEL_BSP_SCHEDULE_DELAY: '100',
    };
    delete env.REDIS_URL;
    api = spawn(
      process.execPath,
      ['-r', '@swc-node/register', '-r', 'tsconfig-paths/register', 'apps/api/src/main.ts'],
      { cwd: REPO, env, stdio: 'ignore' },
    );
    const url = `http://127.0.0.1:${port}`;
    await waitUntil(
      async () => (await fetch(`${url}/health/ready`).catch(() => undefined))?.status === 200,
      60_000,
      () => 'the API to be ready',
    );

    const res = await fetch(`${url}/health/ready`, {
      headers: { 'X-Correlation-Id': CORRELATION_ID },
    });
    expect(res.status).toBe(200);

    const spans = () =>
      exports.flatMap((e) =>
        e.resourceSpans.flatMap((r) =>
          r.scopeSpans.flatMap((s) =>
            s.spans.map((span) => ({
              span,
              service: r.resource.attributes.find((a) => a.key === 'service.name')?.value
                .stringValue,
            })),
          ),
        ),
      );
    await waitUntil(
      async () =>
        Promise.resolve(
          spans().some(({ span }) => attribute(span, 'overleg.correlation_id') === CORRELATION_ID),
        ),
      10_000,
      () => 'the request span at the collector',
    );
    const request = spans().find(
      ({ span }) => attribute(span, 'overleg.correlation_id') === CORRELATION_ID,
    )!;
    expect(request.service).toBe('overleg-api');
    expect(request.span.name).toMatch(/^GET/);
    // Its database queries are child spans of the same trace.
    await waitUntil(
      async () =>
        Promise.resolve(
          spans().some(
            ({ span }) =>
              span.traceId === request.span.traceId &&
              span.spanId !== request.span.spanId &&
              /pg|postgres|SELECT/i.test(span.name),
          ),
        ),
      10_000,
      () => 'a PostgreSQL span in the request trace',
    );
  });
});
