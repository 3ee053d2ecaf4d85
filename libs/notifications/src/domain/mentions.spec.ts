import { mentionChannels } from './mentions';
import { DEFAULT_PREFERENCES, preferencesFrom } from './preferences';

describe('mention channels', () => {
  it('default to the inbox and an immediate e-mail', () => {
    expect(mentionChannels(DEFAULT_PREFERENCES)).toEqual({ inApp: true, email: 'immediate' });
    // Preferences stored before mentions existed get the default for them.
    const older = preferencesFrom({
      channels: { 'deadline.reminder': { inApp: true, email: false } },
      emailDelivery: 'immediate',
      leadDays: null,
    });
    expect(older.channels.mention).toEqual({ inApp: true, email: true });
  });

  it.each([
    [{ inApp: true, email: false }, 'immediate', { inApp: true, email: 'none' }],
    [{ inApp: false, email: true }, 'immediate', { inApp: false, email: 'immediate' }],
    [{ inApp: true, email: true }, 'daily_digest', { inApp: true, email: 'digest' }],
    [{ inApp: false, email: false }, 'immediate', null],
  ] as const)('%j with %s e-mails → %j', (mention, emailDelivery, expected) => {
    const preferences = preferencesFrom({ channels: { mention }, emailDelivery, leadDays: null });
    expect(mentionChannels(preferences)).toEqual(expected);
  });
});
