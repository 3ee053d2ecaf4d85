import { Inject, Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { createTransport, type Transporter } from 'nodemailer';

import { APP_CONFIG, type AppConfig } from '@wc/config';
import { Clock } from '@wc/core';
import { Metrics } from '@wc/metrics';

import {
  type RenderedMail,
  renderDigestMail,
  renderMeetingInvitation,
  renderNotificationMail,
} from './domain';
import { MailDeliveryRepository, type PendingMail } from './mail-delivery.repository';
import { factsOf, NotificationRepository } from './notification.repository';

export interface Attempt {
  retryCount: number;
  retryLimit: number;
}

/**
 * Sends queued e-mails (`mail_delivery` rows, a chunk per pg-boss job) over SMTP_URL. Idempotent:
 * the delivery row is checked first, so a job that runs again after success sends nothing. The one
 * unavoidable gap (SMTP accepted, then the process died before the row was updated) may repeat a
 * message; its Message-ID is the delivery id, so mail clients fold the two.
 * A failure is logged on the row and rethrown, so pg-boss retries with backoff; the last attempt
 * marks the row failed.
 */
@Injectable()
export class MailSender implements OnModuleDestroy {
  private readonly logger = new Logger(MailSender.name);
  private readonly transport: Transporter | null;
  private readonly domain: string;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly clock: Clock,
    private readonly deliveries: MailDeliveryRepository,
    private readonly notifications: NotificationRepository,
    private readonly metrics: Metrics,
  ) {
    // Pooled: a batch of jobs shares a few SMTP connections instead of one handshake per message.
    this.transport = config.mail.smtpUrl
      ? createTransport({ url: config.mail.smtpUrl, pool: true, maxConnections: 5 })
      : null;
    this.domain = hostOf(config.app.publicUrl);
  }

  onModuleDestroy(): void {
    this.transport?.close();
  }

  /**
   * Sends the deliveries of one job side by side. If any fails, the job fails (after each has
   * been tried and logged), and its retry sends only those still unsent.
   */
  async deliverAll(deliveryIds: readonly string[], attempt: Attempt): Promise<void> {
    const outcomes = await Promise.allSettled(deliveryIds.map((id) => this.deliver(id, attempt)));
    const failed = outcomes.filter((o) => o.status === 'rejected').length;
    if (failed > 0) {
      throw new Error(`${failed} of ${deliveryIds.length} e-mails failed`);
    }
  }

  async deliver(deliveryId: string, attempt: Attempt): Promise<void> {
    const mail = await this.deliveries.findPending(deliveryId);
    if (!mail || mail.status === 'sent' || mail.status === 'skipped' || mail.status === 'failed') {
      return;
    }
    const now = this.clock.now();
    if (!this.transport) {
      await this.deliveries.markSkipped(mail.id, now, 'mail.smtp_not_configured');
      return;
    }
    const rendered: (RenderedMail & { ics?: string; method?: string }) | null =
      await this.render(mail);
    if (!rendered) {
      await this.deliveries.markSkipped(mail.id, now, 'mail.nothing_to_send');
      return;
    }
    const messageId = `<${mail.id}@${this.domain}>`;
    try {
      const info = (await this.transport.sendMail({
        from: this.config.mail.from,
        to: mail.email,
        subject: rendered.subject,
        text: rendered.text,
        html: rendered.html,
        messageId,
        headers: { 'Auto-Submitted': 'auto-generated', 'X-Overleg-Delivery': mail.id },
        // A meeting invitation: the iTIP part calendars act on (text/calendar; method=...).
        ...(rendered.ics && rendered.method
          ? {
              icalEvent: {
                method: rendered.method,
                filename: 'uitnodiging.ics',
                content: rendered.ics,
              },
            }
          : {}),
      })) as { response?: string };
      await this.deliveries.markSent(mail.id, this.clock.now(), messageId, info.response ?? '');
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const final = attempt.retryCount >= attempt.retryLimit;
      await this.deliveries.markFailedAttempt(mail.id, this.clock.now(), message, final);
      this.metrics.mailFailures.inc({ final: String(final) });
      this.logger.warn(
        `mail delivery ${mail.id} attempt ${attempt.retryCount + 1} failed${final ? ' for good' : ''}`,
      );
      throw error;
    }
  }

  private async render(
    mail: PendingMail,
  ): Promise<(RenderedMail & { ics?: string; method?: string }) | null> {
    const links = { appUrl: this.config.app.publicUrl.replace(/\/+$/, '') };
    if (mail.kind === 'meeting_invitation' && mail.invitation) {
      return renderMeetingInvitation(
        mail.invitation,
        { email: mail.email, language: mail.language },
        { email: addressOf(this.config.mail.from) },
        links,
        mail.queuedAt,
        this.domain,
      );
    }
    if (mail.kind === 'notification' && mail.notificationId) {
      const notification = await this.notifications.findById(mail.notificationId);
      return notification
        ? renderNotificationMail(factsOf(notification), mail.language, links)
        : null;
    }
    if (mail.kind === 'digest' && mail.digestDate) {
      const items = await this.notifications.forDigest(mail.id);
      return items.length > 0
        ? renderDigestMail(items.map(factsOf), mail.digestDate, mail.language, links)
        : null;
    }
    return null;
  }
}

/** `Overleg <noreply@x>` → `noreply@x`: the ORGANIZER of an invitation is a mail address. */
function addressOf(from: string): string {
  return /<([^>]+)>/.exec(from)?.[1] ?? from.trim();
}

function hostOf(url: string): string {
  try {
    return new URL(url).hostname || 'overleg.local';
  } catch {
    return 'overleg.local';
  }
}
