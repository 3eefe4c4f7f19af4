import { OpenAPIHono, z } from '@hono/zod-openapi';
import { ApiError } from '../errors.js';
import type { AppEnv } from '../env.js';

/** zod issues → Creem's `message[]`, one readable line per problem, no raw zod objects. */
export function issuesToMessages(issues: readonly z.core.$ZodIssue[]): string[] {
  return issues.slice(0, 20).map((i) => {
    const where = i.path.map(String).join('.');
    return where ? `${where}: ${i.message}` : i.message;
  });
}

/** A router whose validation failures all become one 400 in Creem's error format. */
export function createRouter() {
  return new OpenAPIHono<AppEnv>({
    defaultHook: (result) => {
      if (!result.success) throw new ApiError(400, issuesToMessages(result.error.issues));
    },
  });
}

/** Creem's error body, for the OpenAPI document. */
export const ErrorSchema = z
  .object({
    trace_id: z.string(),
    status: z.number().int(),
    error: z.string(),
    message: z.array(z.string()),
    timestamp: z.number().int(),
  })
  .openapi('Error');

export const errorResponses = {
  400: { description: 'Invalid request', content: { 'application/json': { schema: ErrorSchema } } },
  403: { description: 'Missing or invalid API key', content: { 'application/json': { schema: ErrorSchema } } },
  404: { description: 'Not found', content: { 'application/json': { schema: ErrorSchema } } },
} as const;

export const portalErrorResponses = {
  400: errorResponses[400],
  401: { description: 'Missing, expired or revoked token', content: { 'application/json': { schema: ErrorSchema } } },
  404: errorResponses[404],
} as const;

/** Loose JSON object schema for responses we shape ourselves (documented, not re-validated). */
export const AnyObject = z.record(z.string(), z.unknown());
