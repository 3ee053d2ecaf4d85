import { randomUUID } from 'node:crypto';
import { connect } from 'node:net';

import { Controller, Get, type INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import request from 'supertest';
import { DataSource } from 'typeorm';

import { ApiModule, configureApp } from '@wc/api';
import { Public } from '@wc/auth';
import { loadConfig } from '@wc/config';
import { createTestDatabase } from '@wc/testing';

const PROBLEM_JSON = /^application\/problem\+json/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Test-only routes that fail the way real bugs do. */
@Controller('test-only')
class FailingController {
  @Public()
  @Get('unexpected-error')
  unexpected(): never {
    throw new Error('secret internals: password=hunter2 at /srv/overleg/case.service.ts:42');
  }

  @Public()
  @Get('unexpected-rejection')
  async rejection(): Promise<never> {
    await Promise.resolve();
    throw new TypeError("Cannot read properties of undefined (reading 'secret internals')");
  }
}

describe('errors as problem+json (e2e)', () => {
  let app: INestApplication;
  let http: () => ReturnType<typeof request>;
  let dropDatabase: () => Promise<void>;

  beforeAll(async () => {
    const database = await createTestDatabase();
    dropDatabase = database.drop;
    const config = loadConfig({ NODE_ENV: 'test', DATABASE_URL: database.url });
    const moduleRef = await Test.createTestingModule({
      imports: [ApiModule.forRoot(config)],
      controllers: [FailingController],
    }).compile();
    app = configureApp(moduleRef.createNestApplication());
    await app.listen(0, '127.0.0.1');
    const url = (await app.getUrl()).replace('[::1]', '127.0.0.1');
    http = () => request(url);
  });
  afterAll(async () => {
    await app.close();
    await dropDatabase();
  });

  it('answers an unknown route with a 404 problem', async () => {
    const res = await http().get('/no/such/route?x=1');
    expect(res.status).toBe(404);
    expect(res.headers['content-type']).toMatch(PROBLEM_JSON);
    expect(res.body).toEqual({
      type: 'urn:overleg:problem:route.not_found',
      title: 'Not found',
      status: 404,
      detail: expect.any(String),
      code: 'route.not_found',
      instance: '/no/such/route?x=1',
      correlationId: res.headers['x-correlation-id'],
    });
  });

  it('answers an unknown method on a known path with a 404 problem too', async () => {
    const res = await http().delete('/auth/login');
    expect(res.status).toBe(404);
    expect(res.body).toMatchObject({ status: 404, code: 'route.not_found' });
  });

  it('refuses a body over 1 MB with 413 before it reaches a handler', async () => {
    const huge = { email: 'a@example.test', password: 'x'.repeat(1024 * 1024 + 1) };
    const res = await http().post('/auth/login').send(huge);
    expect(res.status).toBe(413);
    expect(res.headers['content-type']).toMatch(PROBLEM_JSON);
    expect(res.body).toMatchObject({
      status: 413,
      code: 'request.too_large',
      title: 'Payload too large',
    });
  });

  it('parses a body just under the limit (the limit is 1 MB, not less)', async () => {
    const res = await http()
      .post('/auth/login')
      .send({ email: 'not-an-email', password: 'x'.repeat(900 * 1024) });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('request.validation_failed');
    expect(res.body.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ path: 'email' }),
        expect.objectContaining({ path: 'password' }),
      ]),
    );
  });

  // A lone surrogate escape once reached validator's isEmail, whose encodeURI threw: a 500.
  it.each([
    ['a value', '{"email":"\\udfff lone","password":"x"}'],
    ['a nested value', '{"email":"a@example.test","password":"x","extra":["\\ud800"]}'],
    ['a key', '{"\\udc00":"x","email":"a@example.test","password":"x"}'],
  ])('refuses a lone surrogate escape in %s with a 400 problem', async (_where, body) => {
    const res = await http().post('/auth/login').set('Content-Type', 'application/json').send(body);
    expect(res.status).toBe(400);
    expect(res.headers['content-type']).toMatch(PROBLEM_JSON);
    expect(res.body).toMatchObject({ status: 400, code: 'request.invalid_unicode' });
  });

  it('accepts a well-formed surrogate pair (an emoji) in JSON escapes', async () => {
    const res = await http()
      .post('/auth/login')
      .set('Content-Type', 'application/json')
      .send('{"email":"\\ud83d\\ude80@example.test","password":"x"}');
    expect(res.body.code).not.toBe('request.invalid_unicode');
    expect(res.status).toBeLessThan(500);
  });
  it.each(['unexpected-error', 'unexpected-rejection'])(
    'turns an unexpected error (%s) into a generic 500 without internals',
    async (route) => {
      const res = await http().get(`/test-only/${route}`).set('x-correlation-id', 'boom-1');
      expect(res.status).toBe(500);
      expect(res.headers['content-type']).toMatch(PROBLEM_JSON);
      expect(res.body).toEqual({
        type: 'urn:overleg:problem:server.internal_error',
        title: 'Internal server error',
        status: 500,
        detail: 'Something went wrong on our side.',
        code: 'server.internal_error',
        instance: `/test-only/${route}`,
        correlationId: 'boom-1',
      });
      expect(res.text).not.toContain('secret internals');
      expect(res.text).not.toContain('hunter2');
      expect(res.text).not.toMatch(/\.ts:\d+|\bat \w+ \(/);
    },
  );

  describe('correlation ids', () => {
    it('issues one per response when none is given', async () => {
      const first = await http().get('/health/live').expect(200);
      const second = await http().get('/health/live').expect(200);
      expect(first.headers['x-correlation-id']).toMatch(UUID);
      expect(second.headers['x-correlation-id']).toMatch(UUID);
      expect(first.headers['x-correlation-id']).not.toBe(second.headers['x-correlation-id']);
    });

    it('echoes a well-formed one in the header and in the problem body', async () => {
      const given = `client-${randomUUID()}`;
      const res = await http().post('/auth/login').set('x-correlation-id', given).send({});
      expect(res.status).toBe(400);
      expect(res.headers['x-correlation-id']).toBe(given);
      expect(res.body.correlationId).toBe(given);
    });

    it('replaces a malformed one instead of echoing it (it ends up in logs)', async () => {
      for (const bad of ['has spaces in it', 'x'.repeat(65), '../../etc/passwd', '<script>']) {
        const res = await http().get('/no/such/route').set('x-correlation-id', bad);
        expect(res.status).toBe(404);
        expect(res.headers['x-correlation-id']).toMatch(UUID);
        expect(res.body.correlationId).toBe(res.headers['x-correlation-id']);
      }
    });
  });

  // Node's HTTP parser refuses these before Express or the filter runs (apps/api/src/bootstrap/client-error.ts).
  describe('requests the HTTP parser refuses', () => {
    /** Sends raw bytes and reads the whole answer until the server closes the connection. */
    async function raw(
      bytes: string,
    ): Promise<{ statusLine: string; headers: Record<string, string>; body: string }> {
      const { port } = new URL((await app.getUrl()).replace('[::1]', '127.0.0.1'));
      const text = await new Promise<string>((resolve, reject) => {
        const socket = connect(Number(port), '127.0.0.1', () => socket.write(bytes));
        const chunks: Buffer[] = [];
        socket.on('data', (chunk: Buffer) => chunks.push(chunk));
        socket.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
        socket.on('error', reject);
        socket.setTimeout(10_000, () => {
          socket.destroy();
          reject(new Error('no answer within 10 s'));
        });
      });
      const [head, body = ''] = text.split('\r\n\r\n');
      const [statusLine, ...lines] = head.split('\r\n');
      const headers = Object.fromEntries(
        lines.map((l) => [
          l.slice(0, l.indexOf(':')).toLowerCase(),
          l.slice(l.indexOf(':') + 1).trim(),
        ]),
      );
      return { statusLine, headers, body };
    }

    function expectProblem(answer: Awaited<ReturnType<typeof raw>>, status: number, code: string) {
      expect(answer.statusLine).toMatch(new RegExp(`^HTTP/1\\.1 ${status} `));
      expect(answer.headers['content-type']).toMatch(PROBLEM_JSON);
      expect(answer.headers.connection).toBe('close');
      expect(Number(answer.headers['content-length'])).toBe(Buffer.byteLength(answer.body));
      expect(JSON.parse(answer.body)).toEqual({
        type: `urn:overleg:problem:${code}`,
        title: expect.any(String),
        status,
        detail: expect.any(String),
        code,
        correlationId: answer.headers['x-correlation-id'],
      });
      expect(answer.headers['x-correlation-id']).toMatch(UUID);
    }

    it('answers a 20 kB URL with a 431 problem', async () => {
      const answer = await raw(
        `GET /health/live?q=${'a'.repeat(20 * 1024)} HTTP/1.1\r\nHost: localhost\r\n\r\n`,
      );
      expectProblem(answer, 431, 'request.headers_too_large');
    });

    it('answers a 20 kB header with a 431 problem', async () => {
      const answer = await raw(
        `GET /health/live HTTP/1.1\r\nHost: localhost\r\nX-Filler: ${'b'.repeat(20 * 1024)}\r\n\r\n`,
      );
      expectProblem(answer, 431, 'request.headers_too_large');
    });

    it('answers a request line that is not HTTP with a 400 problem', async () => {
      const answer = await raw('this is not http\r\n\r\n');
      expectProblem(answer, 400, 'request.malformed');
    });

    it('keeps serving afterwards; an ordinary HTTP client reads the 431 problem too', async () => {
      const huge = await http().get(`/health/live?q=${'c'.repeat(20 * 1024)}`);
      expect(huge.status).toBe(431);
      expect(huge.headers['content-type']).toMatch(PROBLEM_JSON);
      expect(huge.body).toMatchObject({ status: 431, code: 'request.headers_too_large' });
      const res = await http().get('/health/live').expect(200);
      expect(res.body).toMatchObject({ status: 'ok' });
    });
  });

  // Last: it destroys the connection pool of this app.
  describe('when the database is gone', () => {
    it('reports ready while the database answers', async () => {
      const res = await http().get('/health/ready').expect(200);
      expect(res.body).toEqual({ status: 'ok', database: 'up' });
    });

    it('answers /health/ready with a 503 problem, not a 500', async () => {
      await app.get(DataSource).destroy();
      const res = await http().get('/health/ready');
      expect(res.status).toBe(503);
      expect(res.headers['content-type']).toMatch(PROBLEM_JSON);
      expect(res.body).toMatchObject({
        status: 503,
        title: 'Service unavailable',
        code: 'service.unavailable',
        detail: 'The database is not reachable.',
      });
      // Liveness does not depend on the database.
      await http().get('/health/live').expect(200);
    });
  });
});
