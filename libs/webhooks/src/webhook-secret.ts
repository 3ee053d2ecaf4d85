import type { AppConfig } from '@wc/config';
import { SecretBox } from '@wc/core';

/**
 * Signing secrets are kept encrypted (the server must read them back to sign), under a key derived
 * from JWT_SECRET: changing that secret means rotating every endpoint's secret.
 */
export function webhookSecretBox(config: AppConfig): SecretBox {
  return new SecretBox(config.auth.jwtSecret, 'webhook-secret');
}
