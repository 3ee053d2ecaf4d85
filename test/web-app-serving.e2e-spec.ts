import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { Controller, Get } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Test } from '@nestjs/testing';
import request from 'supertest';

import { loadConfig } from '@wc/config';

import { useSecurityHeaders } from '../apps/api/src/bootstrap/security-headers';
import { serveWebApp } from '../apps/api/src/bootstrap/web-app';

@Controller()
class StubApiController {
  @Get('cases/:id')
  detail(): { api: true } {
    return { api: true };
  }
}

/** The API serves the built web app: `/`, `/assets/*` and deep links for browsers, nothing else. */
describe('serving the web app (e2e)', () => {
  let app: NestExpressApplication;
  let dist: string;
  let http: () => ReturnType<typeof request>;

  beforeAll(async () => {
    dist = await mkdtemp(join(tmpdir(), 'overleg-web-dist-'));
    await mkdir(join(dist, 'assets'));
    await writeFile(join(dist, 'index.html'), '<!doctype html><title>Overleg</title>');
    await writeFile(join(dist, 'assets', 'app-1234.js'), 'console.log(1)');
    await writeFile(join(dist, 'secret.txt'), 'not for the web');
    const moduleRef = await Test.createTestingModule({
      controllers: [StubApiController],
    }).compile();
    app = moduleRef.createNestApplication<NestExpressApplication>({ logger: false });
    useSecurityHeaders(app, loadConfig({ NODE_ENV: 'test' }));
    if (!serveWebApp(app, dist)) {
      throw new Error('serveWebApp found no index.html');
    }
    await app.listen(0, '127.0.0.1');
    const url = (await app.getUrl()).replace('[::1]', '127.0.0.1');
    http = () => request(url);
  });
  afterAll(async () => {
    await app.close();
    await rm(dist, { recursive: true, force: true });
  });

  it('serves the app at / with its security headers', async () => {
    const res = await http().get('/').expect(200);
    expect(res.text).toContain('<title>Overleg</title>');
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.headers['cache-control']).toBe('no-cache');
  });

  it('serves hashed assets as immutable', async () => {
    const res = await http().get('/assets/app-1234.js').expect(200);
    expect(res.text).toBe('console.log(1)');
    expect(res.headers['cache-control']).toContain('immutable');
  });

  it('opens a deep link in the app for a browser, and answers the API for a client with a token', async () => {
    const browser = await http()
      .get('/cases/abc')
      .set('Accept', 'text/html')
      .set('Sec-Fetch-Dest', 'document')
      .expect(200);
    expect(browser.text).toContain('<title>Overleg</title>');
    const api = await http()
      .get('/cases/abc')
      .set('Authorization', 'Bearer x')
      .set('Accept', 'text/html')
      .expect(200);
    expect(api.body).toEqual({ api: true });
  });

  it('serves no other file of the build directory', async () => {
    await http().get('/secret.txt').expect(404);
    await http().get('/assets/../secret.txt').expect(404);
    await http().get('/assets/missing.js').expect(404);
  });
});
