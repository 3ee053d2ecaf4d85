import { Inject, Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { createTransport, type Transporter } from 'nodemailer';

import { APP_CONFIG, type AppConfig } from '@wc/config';

const TEXTS = {
  nl: {
    subject: 'Nieuw wachtwoord voor Overleg',
    body: (link: string) =>
      `Iemand (hopelijk u) vroeg een nieuw wachtwoord aan voor uw account op Overleg.\n\nKies een nieuw wachtwoord via deze link. De link werkt één keer en een uur lang:\n${link}\n\nVroeg u dit niet aan? Dan kunt u dit bericht negeren; uw wachtwoord blijft hetzelfde.`,
  },
  en: {
    subject: 'New password for Overleg',
    body: (link: string) =>
      `Someone (hopefully you) asked for a new password for your Overleg account.\n\nChoose a new password through this link. It works once, for one hour:\n${link}\n\nDid you not ask for this? Then ignore this message; your password stays as it is.`,
  },
} as const;

/**
 * E-mails about the account itself (a reset link), sent straight over SMTP_URL. Not through the
 * notification outbox: the message carries a secret that must never be stored, and it concerns
 * nobody but the address it goes to.
 */
@Injectable()
export class AccountMailer implements OnModuleDestroy {
  private readonly logger = new Logger(AccountMailer.name);
  private readonly transport: Transporter | null;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    this.transport = config.mail.smtpUrl ? createTransport({ url: config.mail.smtpUrl }) : null;
  }

  onModuleDestroy(): void {
    this.transport?.close();
  }

  /** Never throws: the caller answers alike whatever happens, so failures are only logged. */
  async sendPasswordReset(to: string, language: 'nl' | 'en', link: string): Promise<void> {
    if (!this.transport) {
      this.logger.warn('password reset requested, but SMTP_URL is not set: no e-mail sent');
      return;
    }
    const texts = TEXTS[language];
    try {
      await this.transport.sendMail({
        from: this.config.mail.from,
        to,
        subject: texts.subject,
        text: texts.body(link),
      });
    } catch (error) {
      this.logger.error({ err: (error as Error).message }, 'password reset e-mail failed');
    }
  }
}
