/**
 * The routes to fuzz: every operation in the running app's /openapi.json (so routes are covered
 * as they land), plus the undocumented ones listed by hand below.
 */

export type Auth = 'api-key' | 'widget-token' | 'none';

export interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema;
  enum?: unknown[];
  const?: unknown;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number | boolean;
  exclusiveMaximum?: number | boolean;
  minItems?: number;
  maxItems?: number;
  pattern?: string;
  format?: string;
  nullable?: boolean;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  $ref?: string;
  default?: unknown;
}

export interface FuzzRoute {
  method: string;
  /** OpenAPI style: `/v1/subscriptions/{id}/cancel`. */
  path: string;
  auth: Auth;
  pathParams: string[];
  query: { name: string; required: boolean; schema: JsonSchema }[];
  body: JsonSchema | null;
  bodyRequired: boolean;
  documented: boolean;
}

/** Routes outside the OpenAPI document (pages, static files, dev and demo helpers). */
export const UNDOCUMENTED: FuzzRoute[] = [
  { method: 'GET', path: '/healthz', auth: 'none' },
  { method: 'GET', path: '/openapi.json', auth: 'none' },
  { method: 'GET', path: '/docs', auth: 'none' },
  { method: 'GET', path: '/', auth: 'none' },
  { method: 'GET', path: '/widget/{file}', auth: 'none' },
  { method: 'GET', path: '/demo/{file}', auth: 'none' },
  { method: 'GET', path: '/demo/api/customers', auth: 'none' },
  { method: 'POST', path: '/demo/api/sign-in', auth: 'none', body: { type: 'object', properties: { customer_id: { type: 'string' } }, required: ['customer_id'] } },
  { method: 'GET', path: '/demo/api/token', auth: 'none' },
  { method: 'GET', path: '/dev/mailbox', auth: 'none' },
  { method: 'GET', path: '/dev/mailbox/messages', auth: 'none' },
  { method: 'OPTIONS', path: '/portal/api/overview', auth: 'none' },
  { method: 'OPTIONS', path: '/v1/subscriptions/{id}/cancel', auth: 'none' },
  { method: 'DELETE', path: '/v1/subscriptions/{id}', auth: 'api-key' },
  { method: 'PUT', path: '/portal/api/subscriptions/{id}/cancel', auth: 'widget-token' },
].map((r) => ({
  pathParams: [...r.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]),
  query: [],
  body: null,
  bodyRequired: false,
  documented: false,
  ...r,
})) as FuzzRoute[];

interface OpenApiDoc {
  security?: Record<string, unknown>[];
  paths: Record<string, Record<string, OpenApiOperation>>;
  components?: { schemas?: Record<string, JsonSchema> };
}
interface OpenApiOperation {
  security?: Record<string, unknown>[];
  parameters?: { name: string; in: string; required?: boolean; schema?: JsonSchema }[];
  requestBody?: { required?: boolean; content?: Record<string, { schema?: JsonSchema }> };
}

const METHODS = ['get', 'post', 'put', 'patch', 'delete'];

function authOf(security: Record<string, unknown>[] | undefined): Auth {
  if (!security || security.length === 0) return 'none';
  const names = security.flatMap((s) => Object.keys(s));
  if (names.includes('WidgetToken')) return 'widget-token';
  if (names.includes('ApiKey')) return 'api-key';
  return 'none';
}

/** Inlines `$ref`s to components so generators see whole schemas. */
export function resolveRefs(schema: JsonSchema | undefined, doc: OpenApiDoc, depth = 0): JsonSchema {
  if (!schema || depth > 20) return {};
  if (schema.$ref) {
    const name = schema.$ref.replace('#/components/schemas/', '');
    return resolveRefs(doc.components?.schemas?.[name], doc, depth + 1);
  }
  const out: JsonSchema = { ...schema };
  if (schema.properties) out.properties = Object.fromEntries(Object.entries(schema.properties).map(([k, v]) => [k, resolveRefs(v, doc, depth + 1)]));
  if (schema.items) out.items = resolveRefs(schema.items, doc, depth + 1);
  for (const k of ['anyOf', 'oneOf', 'allOf'] as const) if (schema[k]) out[k] = schema[k]!.map((s) => resolveRefs(s, doc, depth + 1));
  if (schema.additionalProperties && typeof schema.additionalProperties === 'object') {
    out.additionalProperties = resolveRefs(schema.additionalProperties, doc, depth + 1);
  }
  return out;
}

export function routesFromOpenApi(doc: OpenApiDoc): FuzzRoute[] {
  const routes: FuzzRoute[] = [];
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const method of METHODS) {
      const op = item[method];
      if (!op) continue;
      const params = op.parameters ?? [];
      const json = op.requestBody?.content?.['application/json']?.schema;
      routes.push({
        method: method.toUpperCase(),
        path,
        auth: authOf(op.security ?? doc.security),
        pathParams: [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]),
        query: params.filter((p) => p.in === 'query').map((p) => ({ name: p.name, required: !!p.required, schema: resolveRefs(p.schema, doc) })),
        body: json ? resolveRefs(json, doc) : null,
        bodyRequired: !!op.requestBody?.required,
        documented: true,
      });
    }
  }
  return routes;
}

/** Every route of the running app: documented ones first, then the hand-written extras. */
export async function discoverRoutes(request: (path: string) => Promise<Response>): Promise<FuzzRoute[]> {
  const res = await request('/openapi.json');
  if (res.status !== 200) throw new Error(`/openapi.json answered ${res.status}: ${await res.text()}`);
  const documented = routesFromOpenApi((await res.json()) as OpenApiDoc);
  const seen = new Set(documented.map((r) => `${r.method} ${r.path}`));
  return [...documented, ...UNDOCUMENTED.filter((r) => !seen.has(`${r.method} ${r.path}`))];
}
