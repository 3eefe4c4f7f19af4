import { createRoute, z } from '@hono/zod-openapi';
import { createRouter, portalErrorResponses, AnyObject } from '../router.js';
import { updateBilling } from '../../domain/billing.js';
import { portalCustomer } from '../../wire/portal.js';
import type { BillingResponse } from '../../../widget/portal-api.js';
import { customerScope } from './customer-scope.js';
import { line } from './fields.js';

export const portalBilling = createRouter();

const regionNames = new Intl.DisplayNames(['en'], { type: 'region' });
// Codes ICU names that are not countries a tax authority would accept.
const NOT_COUNTRIES = new Set(['EU', 'EZ', 'UN', 'UK', 'ZZ']);
// zod runs refinements even after the regex failed, and DisplayNames throws on a malformed code.
const isCountry = (code: string) => /^[A-Z]{2}$/.test(code) && !NOT_COUNTRIES.has(code) && !code.startsWith('Q') && regionNames.of(code) !== code;

/** An optional single line where "" means "none", as a cleared form field sends it. */
const optionalLine = (max: number) =>
  z
    .union([z.literal(''), line(max)])
    .nullable()
    .optional()
    .transform((v) => (v ? v : null));

const Address = z
  .object({ line1: line(200), line2: optionalLine(200), city: line(100), postal_code: line(20), state: optionalLine(100) })
  .strict();

const BillingUpdate = z
  .object({
    name: z.union([z.literal(''), line(120)]).optional(),
    country: z
      .string()
      .trim()
      .toUpperCase()
      .regex(/^[A-Z]{2}$/, 'must be a two-letter ISO 3166-1 country code')
      .refine(isCountry, 'is not a known ISO 3166-1 country code')
      .optional(),
    address: Address.nullable().optional(),
    tax_id: z
      .union([z.literal(''), z.string().trim().max(40).regex(/^[A-Za-z0-9][A-Za-z0-9 .\-/]*$/, 'may contain only letters, digits, spaces and . - /')])
      .nullable()
      .optional(),
    email: z.string().trim().max(254).pipe(z.email()).optional(),
  })
  .strict();

portalBilling.openapi(
  createRoute({
    method: 'patch',
    path: '/',
    summary: 'Update my billing details; a new email is confirmed by a link sent to it',
    security: [{ WidgetToken: [] }],
    request: { body: { required: true, content: { 'application/json': { schema: BillingUpdate } } } },
    responses: {
      200: { description: 'The customer after the update (a new email shows as pending_email)', content: { 'application/json': { schema: AnyObject } } },
      ...portalErrorResponses,
    },
  }),
  async (c) => {
    const body = c.req.valid('json');
    const base = c.var.deps.config.publicUrl;
    const customer = await updateBilling(
      c.var.deps,
      customerScope(c.var.scope),
      {
        name: body.name === undefined ? undefined : body.name || null,
        country: body.country,
        address: body.address,
        taxId: body.tax_id === undefined ? undefined : body.tax_id || null,
        email: body.email,
      },
      (code) => `${base}/portal/email/confirm/${code}`,
    );
    const answer: BillingResponse = { customer: portalCustomer(customer) };
    return c.json(answer, 200);
  },
);
