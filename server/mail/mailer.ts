import nodemailer from 'nodemailer';
import { newId } from '../ids.js';
import { iso, type Clock } from '../clock.js';
import type { Store } from '../store/store.js';

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  html: string;
  replyTo?: string;
}

export interface Mailer {
  send(mail: OutgoingMail): Promise<void>;
}

/** SMTP when SMTP_URL is set; otherwise the dev outbox, stored with the data (shown at /dev/mailbox). */
export function createMailer(opts: { smtpUrl?: string; from: string; store: Store; clock: Clock }): Mailer {
  if (opts.smtpUrl) {
    const transport = nodemailer.createTransport(opts.smtpUrl);
    return {
      async send(mail) {
        await transport.sendMail({ from: opts.from, ...mail });
      },
    };
  }
  return {
    async send(mail) {
      await opts.store.transact((tx) =>
        tx.put('mailbox', {
          id: newId('mail'),
          to: mail.to,
          subject: mail.subject,
          text: mail.text,
          html: mail.html,
          created_at: iso(opts.clock()),
        }),
      );
    },
  };
}
