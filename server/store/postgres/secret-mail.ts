import type pg from 'pg';
import type { SecretMail } from '../interface.js';
import type { MailMessage } from '../schema.js';

type Guard = <T>(work: () => Promise<T>) => Promise<T>;

/** The dev outbox's mails with a code, in their own table, so every process's mailbox shows them. */
export class PostgresSecretMail implements SecretMail {
  constructor(
    private readonly pool: pg.Pool,
    private readonly guard: Guard,
  ) {}

  async add(message: MailMessage, keep: number) {
    await this.guard(async () => {
      await this.pool.query('INSERT INTO dev_secret_mail (id, doc) VALUES ($1, $2)', [message.id, JSON.stringify(message)]);
      await this.pool.query('DELETE FROM dev_secret_mail WHERE seq <= (SELECT max(seq) FROM dev_secret_mail) - $1', [keep]);
    });
  }

  async list() {
    const r = await this.guard(() => this.pool.query('SELECT doc FROM dev_secret_mail ORDER BY seq'));
    return r.rows.map((row) => row.doc as MailMessage);
  }
}
