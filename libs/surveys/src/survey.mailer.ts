import { Inject, Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { createTransport, type Transporter } from 'nodemailer';

import { APP_CONFIG, type AppConfig } from '@wc/config';

/** Exported for the test that reads every e-mail in both languages (issue #18). */
export const SURVEY_INVITATION_MAIL = {
  nl: {
    subject: (title: string) => `Vragenlijst van de ondernemingsraad: ${title}`,
    body: (title: string, link: string) =>
      `De ondernemingsraad vraagt uw mening over "${title}": wat doet dit AI-systeem met uw werk?\n\nDe vragenlijst is anoniem. U heeft geen account nodig. De link werkt één keer; niemand, ook de ondernemingsraad niet, kan zien wat u antwoordt. De raad ziet alleen de uitkomsten van minstens vijf collega's samen:\n${link}\n\nDit bericht is alleen voor u: stuur het niet door.`,
  },
  en: {
    subject: (title: string) => `Survey from the works council: ${title}`,
    body: (title: string, link: string) =>
      `The works council (ondernemingsraad) asks for your view on "${title}": what does this AI system do to your work?\n\nThe survey is anonymous. You need no account. The link works once; nobody, the works council included, can see what you answer. The council only sees the results of at least five colleagues together:\n${link}\n\nThis message is for you alone: do not forward it.`,
  },
} as const;

export interface SurveyInvitationMail {
  to: string;
  token: string;
}

/**
 * The survey invitations, sent straight over SMTP_URL after the invitations are committed, as the
 * account e-mails are (libs/auth AccountMailer). Not through the notification outbox: the message
 * carries a secret that must never be stored, and its address is forgotten once it is sent (an
 * outbox row or a `mail_delivery` row would keep both, linked).
 */
@Injectable()
export class SurveyMailer implements OnModuleDestroy {
  private readonly logger = new Logger(SurveyMailer.name);
  private readonly transport: Transporter | null;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    this.transport = config.mail.smtpUrl
      ? createTransport({ url: config.mail.smtpUrl, pool: true, maxConnections: 3 })
      : null;
  }

  get configured(): boolean {
    return this.transport !== null;
  }

  onModuleDestroy(): void {
    this.transport?.close();
  }

  /** The link of one invitation: the token goes in the fragment, which never reaches a server log. */
  linkFor(token: string): string {
    return `${this.config.app.publicUrl.replace(/\/+$/, '')}/survey#token=${token}`;
  }

  /** Sends each invitation; answers the tokens whose e-mail failed. Never throws. */
  async sendAll(
    mails: readonly SurveyInvitationMail[],
    language: 'nl' | 'en',
    title: string,
  ): Promise<string[]> {
    const texts = SURVEY_INVITATION_MAIL[language];
    const outcomes = await Promise.allSettled(
      mails.map(async (mail) => {
        if (!this.transport) {
          throw new Error('SMTP_URL is not set');
        }
        await this.transport.sendMail({
          from: this.config.mail.from,
          to: mail.to,
          subject: texts.subject(title),
          text: texts.body(title, this.linkFor(mail.token)),
          headers: { 'Auto-Submitted': 'auto-generated' },
        });
      }),
    );
    const failed = mails.filter((_, i) => outcomes[i].status === 'rejected').map((m) => m.token);
    if (failed.length > 0) {
      // Counts only: an address is never logged.
      this.logger.warn(`${failed.length} of ${mails.length} survey invitations failed`);
    }
    return failed;
  }
}
