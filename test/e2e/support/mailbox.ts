import type { MailMessage as Mail } from '../../../server/store/schema.js';
import type { RunningServer } from './server.js';

/** What `GET /dev/mailbox/messages` lists: the outbox's own record shape. */
export type { Mail };

/** The newest message to `to` in the dev outbox (`GET /dev/mailbox/messages`), waiting up to 10 s for it. */
export async function latestMailTo(server: RunningServer, to: string, after?: string): Promise<Mail> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const res = await fetch(`${server.url}/dev/mailbox/messages`);
    if (res.ok) {
      const all = (await res.json()) as Mail[];
      const found = all.find((m) => m.to.includes(to) && m.id !== after);
      if (found) return found;
    }
    if (Date.now() > deadline) throw new Error(`no mail to ${to} in the dev outbox (last status ${res.status})`);
    await new Promise((r) => setTimeout(r, 150));
  }
}

/** The first link to our server in a message's text. */
export function linkIn(mail: Mail, base: string): string {
  const re = new RegExp(`${base.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}/[^\\s<>"')]+`);
  const m = re.exec(mail.text) ?? re.exec(mail.html);
  if (!m) throw new Error(`no link to ${base} in "${mail.subject}":\n${mail.text}`);
  return m[0].replace(/&amp;/g, '&');
}
