import { Inject, Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { createTransport, type Transporter } from 'nodemailer';

import { APP_CONFIG, type AppConfig } from '@wc/config';

/** Exported for the test that reads every e-mail in both languages (issue #18). */
export const PASSWORD_RESET_MAIL = {
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

/** Exported for the test that reads every e-mail in both languages (issue #18). */
export const ADMIN_INVITATION_MAIL = {
  nl: {
    subject: (organisation: string) => `Uitnodiging voor Overleg: ${organisation}`,
    body: (organisation: string, link: string) =>
      `U bent uitgenodigd als beheerder van ${organisation} op Overleg.\n\nMaak uw account aan via deze link (één keer te gebruiken):\n${link}\n\nVerwachtte u dit niet? Dan kunt u dit bericht negeren.`,
  },
  en: {
    subject: (organisation: string) => `Invitation to Overleg: ${organisation}`,
    body: (organisation: string, link: string) =>
      `You are invited as the administrator of ${organisation} on Overleg.\n\nCreate your account through this link (it works once):\n${link}\n\nDid you not expect this? Then ignore this message.`,
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
    const texts = PASSWORD_RESET_MAIL[language];
    await this.send('password reset', to, texts.subject, texts.body(link));
  }

  /**
   * An organisation's first admin, invited by the platform operator. Never throws either: the
   * operator gets the link on screen (and the command prints it) whether or not the mail went out.
   */
  async sendInvitation(
    to: string,
    language: 'nl' | 'en',
    organisation: string,
    link: string,
  ): Promise<boolean> {
    const texts = ADMIN_INVITATION_MAIL[language];
    return this.send('invitation', to, texts.subject(organisation), texts.body(organisation, link));
  }

  private async send(what: string, to: string, subject: string, text: string): Promise<boolean> {
    if (!this.transport) {
      this.logger.warn(`${what} e-mail due, but SMTP_URL is not set: no e-mail sent`);
      return false;
    }
    try {
      await this.transport.sendMail({ from: this.config.mail.from, to, subject, text });
      return true;
    } catch (error) {
      this.logger.error({ err: (error as Error).message }, `${what} e-mail failed`);
      return false;
    }
  }
}
