import { Hono } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../env.js';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { badRequest, unauthorized } from '../errors.js';
import { WIDGET_VERSION } from './static.js';
import { LOCALES } from '../../contract/locales.js';

const SignInBody = z.object({ customer_id: z.string().min(1).max(64) }).strict();

import type { DemoSite } from '../demo-site.js';

/**
 * Plays the demo merchant's own backend (never mounted in production): it lists the demo
 * customers and mints a widget token for one by calling /v1/widget-tokens with the merchant's
 * key, exactly as a merchant's server would. The key stays on the server.
 */
export function demoRoutes(site: DemoSite, request: (req: Request) => Response | Promise<Response>) {
  const app = new Hono<AppEnv>();

  app.get('/demo/api/customers', async (c) => {
    const origin = c.var.deps.config.publicUrl;
    // What the playground's copy-paste snippet points at.
    const widget = { stable_url: `${origin}/widget/creem-portal.js`, versioned_url: `${origin}/widget/v${WIDGET_VERSION}/creem-portal.js` };
    const merchantId = await site.merchantId();
    if (!merchantId) return c.json({ merchant_id: null, customers: [], widget, locales: LOCALES });
    return c.json({ merchant_id: merchantId, customers: await site.customers(), widget, locales: LOCALES });
  });

  // "Signing in" to the demo merchant's site: a plain session cookie, as a merchant's own login would set.
  app.post('/demo/api/sign-in', async (c) => {
    const parsed = SignInBody.safeParse(await c.req.json().catch(() => null));
    if (!parsed.success) throw badRequest('customer_id is required');
    const customer = await site.customer(parsed.data.customer_id);
    if (!customer) throw badRequest('Unknown demo customer');
    setCookie(c, 'demo_customer', customer.id, { path: '/', httpOnly: true, sameSite: 'Lax' });
    return c.json({ ok: true, customer_id: customer.id });
  });

  app.post('/demo/api/sign-out', (c) => {
    deleteCookie(c, 'demo_customer', { path: '/' });
    return c.json({ ok: true });
  });

  // The element's `token-url`: mints a widget token for the signed-in customer, server-side.
  app.get('/demo/api/token', async (c) => {
    const customerId = getCookie(c, 'demo_customer');
    if (!customerId) throw unauthorized('Sign in to the demo site first.');
    const res = await request(
      new Request(new URL('/v1/widget-tokens', c.req.url), {
        method: 'POST',
        headers: { 'x-api-key': site.apiKey, 'content-type': 'application/json' },
        body: JSON.stringify({ customer_id: customerId }),
      }),
    );
    c.header('Cache-Control', 'no-store');
    return c.json(await res.json(), res.status as 201);
  });

  return app;
}
