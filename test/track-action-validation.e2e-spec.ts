import type { GivenOrganisation } from '@wc/testing';

import { fileCase } from './support/case-fixtures';
import { startTestApp, type TestApp } from './support/test-app';

/**
 * A track action is a union discriminated by `type` (issue #13): each type is validated by its
 * own DTO, so a missing field of that type, a field of another type and an unknown type are bad
 * input (400, problem+json, the path of each field) before the stage machine is asked.
 */
describe('track actions are validated per type (e2e)', () => {
  let t: TestApp;
  let org: GivenOrganisation;
  const bearer: Record<string, string> = {};
  let caseId: string;
  let version: number;

  beforeAll(async () => {
    t = await startTestApp();
    org = await t.given.organisation();
    bearer.hr = await t.login(org.hr);
    bearer.chair = await t.login(org.chair);
    ({ caseId, version } = await fileCase(t, org, bearer.hr));
  });
  afterAll(() => t.close());

  const post = (who: string, action: Record<string, unknown>) =>
    t
      .http()
      .post(`/cases/${caseId}/tracks/advice/transitions`)
      .set('Authorization', bearer[who])
      .send({ version, action });

  it.each([
    [
      'a position without its position',
      'chair',
      { type: 'record_council_position' },
      'action.position',
    ],
    [
      'a held meeting without its day',
      'chair',
      { type: 'record_consultation_held' },
      'action.heldOn',
    ],
    [
      'an employer decision without the day it was received',
      'hr',
      { type: 'record_employer_decision', follows: true },
      'action.receivedOn',
    ],
    [
      'a field of another action',
      'hr',
      { type: 'submit_request', position: 'positive' },
      'action.position',
    ],
    ['an unknown type', 'hr', { type: 'approve_everything' }, 'action.type'],
  ])('refuses %s with 400 and the field', async (_name, who, action, path) => {
    const res = await post(who, action).expect(400);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(res.body.code).toBe('request.validation_failed');
    expect((res.body.errors as Array<{ path: string }>).map((e) => e.path)).toContain(path);
  });

  it('passes a well-formed action of its type on to the stage machine', async () => {
    const res = await post('hr', {
      type: 'request_consultation',
      reasons: 'Voorgenomen besluit',
    }).expect(201);
    expect(
      res.body.tracks.find((tr: { kind: string }) => tr.kind === 'advice').snapshot.history,
    ).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          action: expect.objectContaining({ type: 'request_consultation' }),
        }),
      ]),
    );
  });
});
