import { assertMayConfirm, toTermSettings } from './convenant-parties';

describe('convenant parties (B.19; legal-rules W5, W13, (d)2)', () => {
  it.each([
    ["council confirms the employer's proposal", 'employer', 'council'],
    ["the employer confirms the council's proposal", 'council', 'employer'],
  ] as const)('%s', (_name, proposedSide, side) => {
    expect(() => assertMayConfirm({ status: 'proposed', proposedSide }, side)).not.toThrow();
  });

  it.each(['employer', 'council'] as const)('the %s cannot confirm its own proposal', (side) => {
    expect(() => assertMayConfirm({ status: 'proposed', proposedSide: side }, side)).toThrow(
      expect.objectContaining({ code: 'convenant.other_side_confirms', status: 403 }),
    );
  });

  it.each(['confirmed', 'superseded'])('refuses to confirm a %s version', (status) => {
    expect(() => assertMayConfirm({ status, proposedSide: 'employer' }, 'council')).toThrow(
      expect.objectContaining({ code: 'convenant.not_proposed', status: 409 }),
    );
  });

  it('maps the agreed terms onto the calculator settings', () => {
    expect(
      toTermSettings({
        adviceTermWeeks: 4,
        consentTermWeeks: 5,
        informationResponseWorkingDays: 7,
        stopClockWhileInformationOpen: true,
        evaluationIntervalMonths: 12,
      }),
    ).toEqual({
      adviceResponseTerm: { weeks: 4 },
      consentResponseTerm: { weeks: 5 },
      informationResponseTerm: { workingDays: 7 },
      stopClockWhileInformationOpen: true,
      evaluationAfter: { months: 12 },
    });
  });
});
