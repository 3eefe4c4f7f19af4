import fs from 'node:fs';
import path from 'node:path';
import nodemailer from 'nodemailer';
import { newId } from '../ids.js';
import { iso, type Clock } from '../clock.js';
import type { SecretMail, Store } from '../store/interface.js';
import type { MailMessage } from '../store/schema.js';
import { replaceFile, type FileOps } from '../store/durable-file.js';

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  html: string;
  replyTo?: string;
  /** Display name for From (the merchant's brand); the address stays MAIL_FROM's. */
  fromName?: string;
  /**
   * The mail carries a live credential (a sign-in or confirmation link). The dev outbox then keeps
   * it apart from the records, which hold only hashes of codes: in a file beside lowdb's data
   * file, or in a table of its own on PostgreSQL (`store.secretMail`).
   */
  sensitive?: boolean;
}

export interface Mailer {
  send(mail: OutgoingMail): Promise<void>;
  /** The dev outbox, newest first; empty when mail goes out over SMTP. */
  outbox?(): Promise<MailMessage[]>;
}

/** How many sensitive messages the dev outbox keeps. */
const SECRET_MAIL_LIMIT = 200;


export const outboxFileFor = (dataFile: string) => path.join(path.dirname(dataFile), 'dev-outbox.json');

/** SMTP when SMTP_URL is set; otherwise the dev outbox: plain mails in the store, mails with a code apart (the store's own place for them, else `outboxFile`). */
export function createMailer(opts: { smtpUrl?: string; from: string; store: Store; clock: Clock; outboxFile: string; fileOps?: FileOps }): Mailer {
  const fromAddress = /<([^<>]+)>\s*$/.exec(opts.from)?.[1] ?? opts.from;
  const from = (name?: string) => (name ? { name, address: fromAddress } : opts.from);

  if (opts.smtpUrl) {
    const transport = nodemailer.createTransport(opts.smtpUrl);
    return {
      async send(mail) {
        await transport.sendMail({
          from: from(mail.fromName),
          to: mail.to,
          replyTo: mail.replyTo,
          subject: mail.subject,
          text: mail.text,
          html: mail.html,
          headers: { 'Auto-Submitted': 'auto-generated' },
        });
      },
      outbox: async () => [],
    };
  }

  const secretMail = opts.store.secretMail ?? new SecretOutbox(opts.outboxFile, opts.fileOps);
  return {
    async send(mail) {
      const message: MailMessage = {
        id: newId('mail'),
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        html: mail.html,
        created_at: iso(opts.clock()),
      };
      if (mail.sensitive) await secretMail.add(message, SECRET_MAIL_LIMIT);
      else await opts.store.transact((tx) => tx.put('mailbox', message));
    },
    async outbox() {
      // Newest first; within the same millisecond, the later write first.
      const seq = new Map<string, number>();
      const all = [...(await opts.store.all('mailbox')), ...(await secretMail.list())];
      all.forEach((m, i) => seq.set(m.id, i));
      return all.sort((a, b) => b.created_at.localeCompare(a.created_at) || seq.get(b.id)! - seq.get(a.id)!);
    },
  };
}

/**
 * A small JSON file of recent messages, replaced durably (replaceFile) one write at a time. Mails
 * added while a write runs share the next one, as the store's group commit does: under a burst of
 * sign-ins the file is written (and fsynced) once per batch, not once per mail.
 */
class SecretOutbox implements SecretMail {
  private messages: MailMessage[] = [];
  private writing: Promise<void> = Promise.resolve();
  /** The write not yet started, which every mail added meanwhile waits for. */
  private next: Promise<void> | null = null;

  constructor(
    private readonly file: string,
    private readonly ops?: FileOps,
  ) {
    try {
      const parsed = JSON.parse(fs.readFileSync(file, 'utf8')) as unknown;
      if (Array.isArray(parsed)) this.messages = parsed as MailMessage[];
    } catch {
      // Missing or unreadable: the dev outbox starts empty; it is a convenience, not a record.
    }
  }

  async list(): Promise<MailMessage[]> {
    return [...this.messages];
  }

  add(message: MailMessage, keep: number): Promise<void> {
    this.messages = [...this.messages, message].slice(-keep);
    if (!this.next) {
      this.next = this.writing = this.writing
        .catch(() => undefined)
        .then(() => {
          // From here on a new mail waits for the write after this one: this snapshot may miss it.
          this.next = null;
          const snapshot = Buffer.from(JSON.stringify(this.messages));
          return replaceFile(this.file, `${this.file}.${process.pid}.tmp`, async (handle) => void (await handle.writeFile(snapshot)), { mode: 0o600, ops: this.ops });
        });
    }
    return this.next;
  }
}
