import type { NotificationPreferences } from './preferences';
import type { EmailChoice } from './recipients';

/** The channels a mention uses for one user, or null when they switched both off. */
export function mentionChannels(
  preferences: NotificationPreferences,
): { inApp: boolean; email: EmailChoice } | null {
  const { inApp, email } = preferences.channels.mention;
  const choice: EmailChoice = !email
    ? 'none'
    : preferences.emailDelivery === 'daily_digest'
      ? 'digest'
      : 'immediate';
  return inApp || choice !== 'none' ? { inApp, email: choice } : null;
}
