import { Test } from '@nestjs/testing';
import request from 'supertest';

import { ApiModule, configureApp } from '@wc/api';
import { loadConfig } from '@wc/config';
import { SmtpSink, waitUntil } from '@wc/testing';

import {
  admin,
  emptyDatabase,
  type EmptyDatabase,
  invitationToken,
  runScript,
} from './support/admin-command';

const ADMIN = { email: 'beheer@nieuw-bedrijf.nl', password: 'een lange zin als wachtwoord 7' };
const CHAIR = { email: 'voorzitter@nieuw-bedrijf.nl', password: 'de or vergadert elke dinsdag 9' };
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/;

describe('provisioning an organisation on an empty database (e2e)', () => {
  let smtp: SmtpSink;
  let db: EmptyDatabase;
  let api: { close: () => Promise<void>; http: () => ReturnType<typeof request> };

  beforeAll(async () => {
    smtp = await SmtpSink.start();
    db = await emptyDatabase({ SMTP_URL: smtp.url, PUBLIC_URL: 'https://overleg.test' });
  });
  afterAll(async () => {
    await api?.close();
    await db.drop();
    await smtp.close();
  });

  const login = (who: { email: string; password: string }) =>
    api.http().post('/auth/login').send(who);

  it('migrations + the command make a working tenant: admin by e-mail, council, chair, both log in', async () => {
    const migrated = await runScript('migrate', [], db.env);
    expect(migrated).toMatchObject({ code: 0 });

    const created = await admin(
      [
        'create-organisation',
        '--name',
        'Nieuw Bedrijf B.V.',
        '--kind',
        'employer',
        '--headcount',
        '80',
      ],
      db.env,
    );
    const organisationId = UUID.exec(created)?.[0];
    expect(organisationId).toBeDefined();
    expect(created).toContain('Nieuw Bedrijf B.V.');

    const printed = await admin(['invite-admin', organisationId!, ADMIN.email], db.env);
    await waitUntil(() => smtp.to(ADMIN.email).length === 1, 10_000);
    const mail = smtp.to(ADMIN.email)[0];
    expect(mail.subject).toBe('Uitnodiging voor Overleg: Nieuw Bedrijf B.V.');
    const token = invitationToken(mail.text);
    expect(token).toBeDefined();
    expect(invitationToken(printed)).toBe(token);
    expect(await admin(['list'], db.env)).toMatch(
      new RegExp(`${organisationId}\\s+employer\\s+active`),
    );

    // The API of this configuration, on the database the commands made.
    const config = loadConfig({
      NODE_ENV: 'test',
      DATABASE_URL: db.appUrl,
      PUBLIC_URL: 'https://overleg.test',
    });
    const moduleRef = await Test.createTestingModule({
      imports: [ApiModule.forRoot(config)],
    }).compile();
    const app = configureApp(moduleRef.createNestApplication());
    await app.listen(0, '127.0.0.1');
    const url = (await app.getUrl()).replace('[::1]', '127.0.0.1');
    api = { close: () => app.close(), http: () => request(url) };

    const session = await api
      .http()
      .post('/invitations/accept')
      .send({ token, displayName: 'Bea Beheer', password: ADMIN.password })
      .expect(200);
    const asAdmin = `Bearer ${session.body.accessToken}`;
    const council = await api
      .http()
      .post(`/organisations/${organisationId}/works-councils`)
      .set('Authorization', asAdmin)
      .send({ name: 'Ondernemingsraad Nieuw Bedrijf', kind: 'or' })
      .expect(201);
    const chairInvitation = await api
      .http()
      .post(`/organisations/${organisationId}/invitations`)
      .set('Authorization', asAdmin)
      .send({
        email: CHAIR.email,
        roles: [{ role: 'council_chair', worksCouncilId: council.body.id }],
      })
      .expect(201);
    await api
      .http()
      .post('/invitations/accept')
      .send({
        token: chairInvitation.body.token,
        displayName: 'Cor Voorzitter',
        password: CHAIR.password,
      })
      .expect(200);

    await login(ADMIN).expect(200);
    const chair = await login(CHAIR).expect(200);
    const me = await api
      .http()
      .get('/auth/me')
      .set('Authorization', `Bearer ${chair.body.accessToken}`)
      .expect(200);
    expect(me.body.memberships).toEqual([
      expect.objectContaining({ role: 'council_chair', worksCouncilId: council.body.id }),
    ]);

    // Suspended: nobody signs in and no token works; resumed: they sign in again.
    await admin(['suspend', organisationId!], db.env);
    const refused = await login(ADMIN).expect(401);
    expect(refused.body.code).toBe('auth.invalid_credentials');
    await api
      .http()
      .get('/auth/me')
      .set('Authorization', `Bearer ${chair.body.accessToken}`)
      .expect(401);
    await api
      .http()
      .post('/auth/refresh')
      .send({ refreshToken: chair.body.refreshToken })
      .expect(401);
    expect(await admin(['list'], db.env)).toMatch(
      new RegExp(`${organisationId}\\s+employer\\s+suspended`),
    );
    await admin(['resume', organisationId!], db.env);
    await login(CHAIR).expect(200);
  });

  it('refuses an unknown verb and a missing argument with the usage', async () => {
    const unknown = await runScript('admin', ['frobnicate'], db.env);
    expect(unknown.code).toBe(1);
    expect(unknown.output).toContain('unknown verb "frobnicate"');
    expect(unknown.output).toContain('create-organisation --name');
    const missing = await runScript('admin', ['create-organisation', '--kind', 'union'], db.env);
    expect(missing.code).toBe(1);
    expect(missing.output).toContain('missing --name');
  });
});
