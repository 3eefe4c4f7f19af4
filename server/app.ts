import { OpenAPIHono } from '@hono/zod-openapi';
import { errorBody, notFound } from './errors.js';
import type { AppDeps, AppEnv } from './env.js';
import { apiKeyAuth } from './middleware/api-key.js';
import { portalAuth } from './middleware/portal-auth.js';
import { portalCors } from './middleware/cors.js';
import { redactPath } from './middleware/redact-path.js';
import { edge } from './middleware/edge.js';
import { answerError } from './error-answer.js';
import { customers } from './routes/v1/customers.js';
import { subscriptions } from './routes/v1/subscriptions.js';
import { transactions } from './routes/v1/transactions.js';
import { refunds } from './routes/v1/refunds.js';
import { products } from './routes/v1/products.js';
import { checkouts } from './routes/v1/checkouts.js';
import { discounts } from './routes/v1/discounts.js';
import { licenses } from './routes/v1/licenses.js';
import { idempotency } from './middleware/idempotency.js';
import { docsRoutes } from './routes/docs.js';
import { widgetTokens } from './routes/v1/widget-tokens.js';
import { billingLinks } from './routes/v1/billing-links.js';
import { createSignInLimits } from './middleware/rate-limit.js';
import { magicLinkApi } from './routes/portal/magic-link.js';
import { sessionApi } from './routes/portal/session-api.js';
import { portalLinks } from './routes/portal/link.js';
import { checkoutPages } from './routes/portal/checkout.js';
import { portalLogin } from './routes/portal/login.js';
import { portalSessions } from './routes/portal/session.js';
import { hostedPortal } from './routes/portal/hosted.js';
import { devMailbox } from './routes/dev-mailbox.js';
import { webhooks } from './routes/v1/webhooks.js';
import { overview } from './routes/portal/overview.js';
import { portalSubscriptions } from './routes/portal/subscriptions.js';
import { portalTransactions } from './routes/portal/transactions.js';
import { portalSupport } from './routes/portal/support.js';
import { portalInvoiceRequests } from './routes/portal/invoice-requests.js';
import { portalRefundRequests } from './routes/portal/refund-requests.js';
import { portalBilling } from './routes/portal/billing.js';
import { portalSubscribe } from './routes/portal/subscribe.js';
import { emailConfirm } from './routes/portal/email-confirm.js';
import { staticFiles } from './routes/static.js';
import { demoRoutes } from './routes/demo.js';
import { creemWebhooks } from './routes/creem-webhooks.js';

export { MAX_BODY_BYTES } from './middleware/edge.js';

/** Builds the whole HTTP app around its dependencies; listening is main.ts's job. */
export function createApp(deps: AppDeps) {
  const app = new OpenAPIHono<AppEnv>();

  app.use(edge(deps));

  app.get('/healthz', (c) => c.json({ ok: true }));

  // The merchant API: Creem's paths, authenticated by x-api-key.
  app.use('/v1/*', apiKeyAuth());
  app.use('/v1/*', idempotency());
  // Before `customers`, so POST /v1/customers/billing is ours whatever customers declares.
  app.route('/v1/customers', billingLinks);
  app.route('/v1/widget-tokens', widgetTokens);
  app.route('/v1/webhooks', webhooks);
  if (deps.companion) {
    // The merchant's Creem account answers everything else: call Creem's API for it.
    app.all('/v1/*', (c) => {
      throw notFound(`${c.req.method} ${c.req.path} is Creem's own API; in companion mode this server serves only /v1/widget-tokens, /v1/customers/billing and /v1/webhooks`);
    });
  } else {
    app.route('/v1/customers', customers);
    app.route('/v1/subscriptions', subscriptions);
    app.route('/v1/transactions', transactions);
    app.route('/v1/refunds', refunds);
    app.route('/v1/products', products);
    app.route('/v1/checkouts', checkouts);
    app.route('/v1/discounts', discounts);
    app.route('/v1/licenses', licenses);
  }

  // The portal API the element calls, authenticated by a widget token, CORS per merchant.
  app.use('/portal/api/*', portalCors(deps));
  // Sign-in takes no token: these answer before portalAuth (registered after them) would run.
  const signInLimits = createSignInLimits(deps.store.coordination);
  app.route('/portal/api/magic-link', magicLinkApi(signInLimits));
  app.route('/portal/api/session', sessionApi(signInLimits));
  app.use('/portal/api/*', portalAuth());
  app.route('/portal/api/overview', overview);
  app.route('/portal/api/subscriptions', portalSubscriptions);
  app.route('/portal/api/transactions', portalTransactions);
  app.route('/portal/api/support', portalSupport);
  app.route('/portal/api/invoice-requests', portalInvoiceRequests);
  app.route('/portal/api/refund-requests', portalRefundRequests);
  app.route('/portal/api/billing', portalBilling);
  app.route('/portal/api/checkouts', portalSubscribe);
  // Creem's webhooks to a companion server: signed, no API key.
  app.route('/webhooks/creem', creemWebhooks);
  // The link in an email-change mail: a page, no token (the code is the credential).
  app.route('/portal/email', emailConfirm);
  // Hosted sign-in and portal pages (cookie session, no bearer token).
  app.route('/portal', portalLinks(signInLimits));
  if (!deps.companion) app.route('/portal', checkoutPages);
  app.route('/portal', portalLogin(signInLimits));
  app.route('/portal', portalSessions(signInLimits));
  app.route('/portal', hostedPortal());
  if (!deps.config.production) app.route('/dev/mailbox', devMailbox());

  app.openAPIRegistry.registerComponent('securitySchemes', 'ApiKey', { type: 'apiKey', in: 'header', name: 'x-api-key' });
  app.openAPIRegistry.registerComponent('securitySchemes', 'WidgetToken', { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' });
  app.doc('/openapi.json', {
    openapi: '3.0.0',
    info: { title: 'creem-portal', version: '0.1.0', description: 'Creem-compatible merchant API (/v1) and the portal API (/portal/api).' },
    security: [{ ApiKey: [] }],
  });

  app.route('/docs', docsRoutes());

  if (!deps.config.production && deps.demo) app.route('/', demoRoutes(deps.demo, (req) => app.request(req)));
  app.route('/', staticFiles(deps.config));

  app.notFound((c) => c.json(errorBody(c.var.requestId, 404, [`No route for ${c.req.method} ${redactPath(c.req.path)}`]), 404));
  app.onError(answerError);

  return app;
}

export type App = ReturnType<typeof createApp>;
