import { startTestApp, type TestApp } from './support/test-app';

/** Idempotent creates (issue #21): a retried POST with the same Idempotency-Key creates once. */
describe('Idempotency-Key on creating POSTs (e2e)', () => {
  let t: TestApp;
  let organisationId: string;
  let hr: string;
  let otherHr: string;
  let org: Awaited<ReturnType<TestApp['given']['organisation']>>;

  const system = (name: string) => ({
    name,
    vendor: 'Acme AI',
    purpose: 'Route planning',
    primaryPurpose: 'control_monitor',
  });
  const create = (bearer: string, body: object, key?: string) => {
    const req = t
      .http()
      .post(`/organisations/${organisationId}/ai-systems`)
      .set('Authorization', bearer);
    return (key === undefined ? req : req.set('Idempotency-Key', key)).send(body);
  };
  const countSystems = async (name: string) =>
    Number(
      (
        await t.ownerQuery<{ n: string }>(
          `SELECT count(*) AS n FROM ai_system WHERE organisation_id = $1 AND name = $2`,
          [organisationId, name],
        )
      )[0].n,
    );

  beforeAll(async () => {
    t = await startTestApp();
    org = await t.given.organisation();
    organisationId = org.organisationId;
    hr = await t.login(org.hr);
    otherHr = await t.login(await t.given.user(organisationId, 'hr_manager'));
  });
  afterAll(() => t.close());

  it('answers the same key and body with the first response and creates one AI system', async () => {
    const first = await create(hr, system('Planner'), 'key-1').expect(201);
    expect(first.headers['idempotent-replayed']).toBeUndefined();
    // Keys order-insensitive: the same fields in another order are the same request.
    const { name, vendor, purpose, primaryPurpose } = system('Planner');
    const again = await create(hr, { primaryPurpose, purpose, vendor, name }, 'key-1').expect(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.body).toEqual(first.body);
    expect(await countSystems('Planner')).toBe(1);
  });

  it('refuses the same key with another body with 422 idempotency.key_reused, creating nothing', async () => {
    await create(hr, system('Scheduler'), 'key-2').expect(201);
    const refused = await create(hr, system('Scheduler 2'), 'key-2').expect(422);
    expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(refused.body).toMatchObject({ status: 422, code: 'idempotency.key_reused' });
    expect(await countSystems('Scheduler 2')).toBe(0);
  });

  it('keeps keys per user: another user with the same key creates their own', async () => {
    await create(hr, system('Shared key'), 'key-3').expect(201);
    await create(otherHr, system('Shared key'), 'key-3').expect(201);
    expect(await countSystems('Shared key')).toBe(2);
  });

  it('stores nothing for a failed first request, so the retry with the same key creates', async () => {
    const invalid = await create(
      hr,
      { ...system('Retry'), primaryPurpose: 'nonsense' },
      'key-4',
    ).expect(400);
    expect(invalid.body.code).toBe('request.validation_failed');
    // The validation pipe refuses before the handler; a domain refusal is released the same way.
    await create(hr, system('Retry'), 'key-4').expect(201);
    expect(await countSystems('Retry')).toBe(1);
  });

  it('without the header, two POSTs create two (the header is opt-in)', async () => {
    await create(hr, system('Twice')).expect(201);
    await create(hr, system('Twice')).expect(201);
    expect(await countSystems('Twice')).toBe(2);
  });

  it('refuses an over-long key with 400 idempotency.key_invalid', async () => {
    const refused = await create(hr, system('Long'), 'k'.repeat(256)).expect(400);
    expect(refused.body.code).toBe('idempotency.key_invalid');
    expect(await countSystems('Long')).toBe(0);
  });

  it('forgets a key after 24 hours', async () => {
    await create(hr, system('Daily'), 'key-5').expect(201);
    t.clock.advance({ hours: 24, minutes: 1 });
    hr = await t.login(org.hr); // the access token has expired meanwhile
    const fresh = await create(hr, system('Daily'), 'key-5').expect(201);
    expect(fresh.headers['idempotent-replayed']).toBeUndefined();
    expect(await countSystems('Daily')).toBe(2);
  });
});
