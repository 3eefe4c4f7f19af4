import '@hono/zod-openapi';
import * as contract from '../../../contract/portal.js';
import { ErrorSchema } from '../router.js';

/**
 * The contract's schemas as named OpenAPI components. `@hono/zod-openapi` adds `.openapi()` to every
 * zod schema, the contract's included; the contract itself stays free of it.
 */
export const Overview = contract.OverviewResponse.openapi('PortalOverview');
export const Transactions = contract.TransactionsResponse.openapi('PortalTransactions');
export const SubscriptionAnswer = contract.SubscriptionResponse.openapi('PortalSubscriptionResponse');
export const Preview = contract.ChangePreview.openapi('PortalChangePreview');
export const ChangeAnswer = contract.ChangeResponse.openapi('PortalChangeResponse');
export const RefundAnswer = contract.RefundRequestResponse.openapi('PortalRefundRequestResponse');
export const ReferenceAnswer = contract.ReferenceResponse.openapi('PortalReference');
export const BillingAnswer = contract.BillingResponse.openapi('PortalBillingResponse');
export const SubscribeAnswer = contract.SubscribeResponse.openapi('PortalSubscribeResponse');
export const ManageLinkAnswer = contract.ManageLinkResponse.openapi('PortalManageLink');
export const TokenAnswer = contract.TokenResponse.openapi('PortalSessionToken');
export const SessionPreviewAnswer = contract.SessionPreview.openapi('PortalSessionPreview');
export const MagicLinkAnswer = contract.MagicLinkAccepted.openapi('PortalMagicLinkAccepted');

const json = <T>(schema: T, description: string) => ({ description, content: { 'application/json': { schema } } });
export const ok = <T>(schema: T, description: string) => ({ 200: json(schema, description) });
export const created = <T>(schema: T, description: string) => ({ 201: json(schema, description) });

const error = (description: string) => json(ErrorSchema, description);

/** What every token-authenticated portal route may answer besides success. */
export const portalErrors = {
  400: error('Invalid request'),
  401: error('Missing, expired or revoked token'),
  403: error('Not allowed by the merchant, or from this origin'),
  404: error('Not found (or not this customer\u2019s)'),
  409: error('Not possible in the current state (already done, already pending, wrong status)'),
} as const;

/** Support and invoice requests share one budget. */
export const requestErrors = { ...portalErrors, 429: error('Too many support and invoice requests from this customer lately (see Retry-After)') } as const;

export const jsonBody = <T>(schema: T) => ({ body: { required: true, content: { 'application/json': { schema } } } });
