import { createRoute, z } from '@hono/zod-openapi';
import { createRouter } from './router.js';
import { html, safeUrl } from '../pages/html.js';
import { page } from '../pages/layout.js';
import { sendPage } from './portal/hosted-respond.js';
import type { MailMessage } from '../store/schema.js';

const Message = z
  .object({ id: z.string(), to: z.string(), subject: z.string(), text: z.string(), html: z.string(), created_at: z.string() })
  .openapi('DevMailMessage');

/** Plain text with its http(s) links made clickable; everything else escaped. */
function linkify(text: string) {
  return text.split(/(https?:\/\/[^\s<>"']+)/g).map((part, i) => {
    const url = i % 2 === 1 ? safeUrl(part) : undefined;
    return url ? html`<a href="${url}">${part}</a>` : part;
  });
}

const messageView = (m: MailMessage) => html`<article>
<h2>${m.subject}</h2>
<p class="muted">To ${m.to} · ${m.created_at} · <a href="/dev/mailbox/messages/${m.id}/html">HTML version</a></p>
<pre>${linkify(m.text)}</pre>
</article>`;

/** The dev outbox (never mounted in production): where mail goes when SMTP_URL is unset. */
export function devMailbox() {
  const router = createRouter();
  const outbox = async (c: { var: { deps: { mailer: { outbox?(): Promise<MailMessage[]> } } } }) => (await c.var.deps.mailer.outbox?.()) ?? [];

  router.openapi(
    createRoute({
      method: 'get',
      path: '/messages',
      summary: 'Dev outbox as JSON, newest first (not in production)',
      security: [],
      responses: { 200: { description: 'Messages', content: { 'application/json': { schema: z.array(Message) } } } },
    }),
    async (c) => {
      c.header('Cache-Control', 'no-store');
      return c.json(await outbox(c), 200);
    },
  );

  router.get('/', async (c) => {
    const messages = await outbox(c);
    const body = page({
      locale: 'en',
      title: 'Dev mailbox',
      wide: true,
      body: html`<h1>Dev mailbox</h1>
<p class="muted">${messages.length} message(s). Mail goes here while SMTP_URL is unset.</p>
${messages.map(messageView)}`,
    });
    return sendPage(c, body);
  });

  // The email as the customer would see it, but sandboxed: no script, no forms, no same-origin access.
  router.get('/messages/:id/html', async (c) => {
    const m = (await outbox(c)).find((x) => x.id === c.req.param('id'));
    if (!m) return c.notFound();
    c.header('Content-Security-Policy', "sandbox allow-popups allow-popups-to-escape-sandbox; default-src 'none'; style-src 'unsafe-inline'; img-src https: data:");
    c.header('X-Content-Type-Options', 'nosniff');
    c.header('Referrer-Policy', 'no-referrer');
    c.header('Cache-Control', 'no-store');
    return c.html(m.html);
  });

  return router;
}
