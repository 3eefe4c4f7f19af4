import fc from 'fast-check';
import type { FuzzRoute, JsonSchema } from './fuzz-routes.js';

/** Strings that have broken servers before: markup, paths, encodings, sizes, look-alike numbers. */
export const HOSTILE_STRINGS = [
  '',
  ' ',
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'hasOwnProperty',
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  'javascript:alert(1)',
  '../../../../etc/passwd',
  '..%2f..%2fetc%2fpasswd',
  '%00',
  '\u0000',
  '\u202eevil',
  '\ud800',
  '\udfff\ud800',
  '😀👩‍👩‍👧‍👦',
  'Ω≈ç√∫˜µ≤≥÷',
  'ｃｕｓｔ＿１',
  'null',
  'undefined',
  'NaN',
  'Infinity',
  '-1',
  '1e309',
  '0x10',
  'true',
  "' OR '1'='1' --",
  '${7*7}{{7*7}}',
  '\r\nSet-Cookie: x=1',
  'sub_',
  'cust_' + 'A'.repeat(22),
  'x'.repeat(1_000),
  'y'.repeat(20_000),
  'z'.repeat(70_000),
];

const HOSTILE_NUMBERS = [0, -0, -1, 1, 0.5, -0.5, 59, 60, 61, 3600, 3601, 1e308, -1e308, 2 ** 31, 2 ** 53 + 2, -(2 ** 53) - 2, Number.MIN_VALUE, 1e-7];

export const RAW_BODIES = [
  '',
  '{',
  'not json',
  '{"a":',
  '\ufeff{}',
  'null',
  '[]',
  '"text"',
  '1',
  'true',
  '{"mode":"immediate","mode":"nope"}',
  '{"__proto__":{"polluted":"yes"},"constructor":{"prototype":{"polluted":"yes"}}}',
  '[' .repeat(5_000) + ']'.repeat(5_000),
  '{"a":'.repeat(3_000) + '1' + '}'.repeat(3_000),
  JSON.stringify({ customer_id: 'q'.repeat(70_000) }),
  '\u0000\u0001\u0002',
];

export const RAW_QUERIES = ['%', '%zz', '%E0%A4%A', 'a=%00', '&&&', '=', '==&=', 'a[b]=1', '__proto__[polluted]=1', 'constructor[prototype][polluted]=1', 'x=' + 'q'.repeat(10_000)];

const RAW_SEGMENTS = ['%', '%zz', '%2e%2e', '..', '.', '%2F', 'a%2Fb', '%00', '%E0%A4%A', '~', '%20', '%F0%9F%98%80'];

const CONTENT_TYPES = [
  'application/json',
  'application/json; charset=utf-8',
  'application/json; charset=utf-16le',
  'text/plain',
  'text/html',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=zzz',
  'application/vnd.api+json',
  'application/json, text/html',
  'garbage/;;;',
  '',
];

const HEADER_NAMES = ['origin', 'idempotency-key', 'x-forwarded-for', 'accept', 'accept-language', 'cookie', 'referer', 'x-request-id', 'user-agent', 'content-encoding', 'if-none-match', 'range', 'x-http-method-override'];

const keyName = fc.oneof(
  { weight: 2, arbitrary: fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'valueOf', '', 'polluted') },
  { weight: 3, arbitrary: fc.string({ maxLength: 20 }) },
);

/** An object with exactly these own keys, `__proto__` included (a plain literal would set the prototype instead). */
function ownObject(entries: [string, unknown][]): Record<string, unknown> {
  const o: Record<string, unknown> = {};
  for (const [k, v] of entries) Object.defineProperty(o, k, { value: v, enumerable: true, writable: true, configurable: true });
  return o;
}

export const hostileString: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...HOSTILE_STRINGS) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ maxLength: 200 }) },
);

export const hostileNumber: fc.Arbitrary<number> = fc.oneof(
  fc.constantFrom(...HOSTILE_NUMBERS),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
);

const scalar: fc.Arbitrary<unknown> = fc.oneof(hostileString, hostileNumber, fc.boolean(), fc.constant(null));

export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 5, arbitrary: scalar },
  { weight: 1, arbitrary: fc.array(scalar, { maxLength: 5 }) },
  { weight: 1, arbitrary: fc.array(fc.tuple(keyName, scalar), { maxLength: 4 }).map(ownObject) },
  { weight: 1, arbitrary: fc.constant(ownObject([['__proto__', { polluted: 'yes' }], ['constructor', { prototype: { polluted: 'yes' } }]])) },
);

/** Live id pools: routes' answers add the ids they reveal, so later cases reach deeper. */
export interface IdPools {
  own: string[];
  foreign: string[];
}

const STEMS: Record<string, string> = { customer: 'cust_', subscription: 'sub_', transaction: 'tran_', order: 'ord_', product: 'prod_', event: 'evt_', webhook: 'wh_', refund: 'ref_', price: 'pprice_' };

/** An id from the live pool, preferring ones whose prefix fits the field name (customer_id → cust_…). */
export function poolId(pools: IdPools, which: 'own' | 'foreign', name = ''): fc.Arbitrary<string> {
  const stem = Object.entries(STEMS).find(([k]) => name.includes(k))?.[1];
  return fc.nat().map((i) => {
    const all = pools[which];
    const fit = stem ? all.filter((id) => id.startsWith(stem)) : all;
    const list = fit.length > 0 ? fit : all.length > 0 ? all : ['missing_id'];
    return list[i % list.length];
  });
}

/** A value that fits `schema` (mostly): reaches the code behind validation. */
/** Fields named like ids that hold the merchant's own references (free text), not ids of our objects. */
const OWN_REFERENCES = new Set(['external_id', 'request_id']);

export function validish(schema: JsonSchema, pools: IdPools, name = ''): fc.Arbitrary<unknown> {
  const orNull = (a: fc.Arbitrary<unknown>) => (schema.nullable ? fc.option(a, { nil: null }) : a);
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (schema.enum) return orNull(fc.constantFrom(...schema.enum));
  const alts = schema.anyOf ?? schema.oneOf;
  if (alts && alts.length > 0) return fc.oneof(...alts.map((s) => validish(s, pools, name)));
  if (schema.allOf && schema.allOf.length > 0) return validish(Object.assign({}, ...schema.allOf), pools, name);
  const type = Array.isArray(schema.type) ? schema.type.find((x) => x !== 'null') : schema.type;
  switch (type) {
    case 'string': {
      if (/(^|_)id$/.test(name) && !OWN_REFERENCES.has(name)) {
        return orNull(fc.oneof({ weight: 4, arbitrary: poolId(pools, 'own', name) }, { weight: 1, arbitrary: poolId(pools, 'foreign', name) }, { weight: 1, arbitrary: fc.constant('missing_id') }));
      }
      if (schema.format === 'email' || /email/.test(name)) return orNull(fc.oneof(fc.emailAddress(), fc.constantFrom('ada@example.com', 'grace@example.com')));
      if (schema.format === 'uri' || schema.format === 'url' || /url|origin/.test(name)) return orNull(fc.oneof(fc.webUrl(), fc.constant('http://127.0.0.1:8787')));
      const min = schema.minLength ?? 0;
      const max = Math.max(min, Math.min(schema.maxLength ?? 40, 80));
      return orNull(fc.string({ minLength: min, maxLength: max }));
    }
    case 'integer': {
      const min = typeof schema.minimum === 'number' ? schema.minimum : -1_000;
      const max = typeof schema.maximum === 'number' ? schema.maximum : 1_000_000;
      return orNull(fc.integer({ min, max: Math.max(min, max) }));
    }
    case 'number': {
      const min = typeof schema.minimum === 'number' ? schema.minimum : -1e6;
      const max = typeof schema.maximum === 'number' ? schema.maximum : 1e6;
      return orNull(fc.double({ min, max: Math.max(min, max), noNaN: true }));
    }
    case 'boolean':
      return orNull(fc.boolean());
    case 'array':
      return orNull(fc.array(validish(schema.items ?? {}, pools, name), { minLength: schema.minItems ?? 0, maxLength: Math.min(schema.maxItems ?? 4, 4) }));
    case 'object': {
      const props = schema.properties ?? {};
      const required = new Set(schema.required ?? []);
      const fields = Object.entries(props).map(([k, s]) =>
        required.has(k) ? validish(s, pools, k).map((v) => [[k, v]] as [string, unknown][]) : fc.option(validish(s, pools, k), { nil: undefined }).map((v) => (v === undefined ? [] : [[k, v]]) as [string, unknown][]),
      );
      if (fields.length === 0) return orNull(fc.constant({}));
      return orNull(fc.tuple(...fields).map((parts) => ownObject(parts.flat())));
    }
    default:
      return hostileValue;
  }
}

/** A near-valid value with one thing wrong (or nothing wrong, or entirely wrong). */
export function mutated(schema: JsonSchema, pools: IdPools): fc.Arbitrary<unknown> {
  const base = validish(schema, pools);
  const props = Object.keys(schema.properties ?? {});
  const pick = fc.nat();
  const edit = (value: unknown, f: (o: Record<string, unknown>, key: string) => void, i: number) => {
    if (!value || typeof value !== 'object' || Array.isArray(value)) return value;
    const o = ownObject(Object.entries(value));
    const key = props.length > 0 ? props[i % props.length] : Object.keys(o)[0] ?? 'x';
    f(o, key);
    return o;
  };
  return fc.oneof(
    { weight: 3, arbitrary: base },
    { weight: 3, arbitrary: fc.tuple(base, pick, hostileValue).map(([v, i, bad]) => edit(v, (o, k) => Object.defineProperty(o, k, { value: bad, enumerable: true, writable: true, configurable: true }), i)) },
    { weight: 1, arbitrary: fc.tuple(base, pick).map(([v, i]) => edit(v, (o, k) => delete o[k], i)) },
    { weight: 2, arbitrary: fc.tuple(base, keyName, hostileValue).map(([v, k, bad]) => edit(v, (o) => Object.defineProperty(o, k, { value: bad, enumerable: true, writable: true, configurable: true }), 0)) },
    { weight: 1, arbitrary: hostileValue },
  );
}

export type AuthCase = 'valid' | 'none' | 'garbage' | 'rival' | 'live' | 'other-kind' | 'in-query' | 'bad-scheme';
export type BodyCase = { kind: 'none' } | { kind: 'json'; value: unknown } | { kind: 'raw'; text: string } | { kind: 'bytes'; bytes: number[] };

export interface FuzzCase {
  auth: AuthCase;
  garbage: string;
  params: string[];
  query: [string, string][];
  rawQuery: string | null;
  body: BodyCase;
  contentType: string | null;
  headers: [string, string][];
}

const headerValue = fc.oneof(
  fc.constantFrom('null', 'http://127.0.0.1:8787', 'http://127.0.0.1:9', 'https://evil.example', 'x'.repeat(300), '*'),
  fc.string({ unit: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)), maxLength: 60 }),
  fc.string({ unit: fc.integer({ min: 0xa0, max: 0xff }).map((c) => String.fromCharCode(c)), maxLength: 10 }),
);

const segment = (pools: IdPools, name: string): fc.Arbitrary<{ raw: boolean; value: string }> =>
  fc.oneof(
    { weight: 4, arbitrary: poolId(pools, 'own', name).map((value) => ({ raw: false, value })) },
    { weight: 2, arbitrary: poolId(pools, 'foreign', name).map((value) => ({ raw: false, value })) },
    { weight: 2, arbitrary: hostileString.map((value) => ({ raw: false, value })) },
    { weight: 1, arbitrary: fc.constantFrom(...RAW_SEGMENTS).map((value) => ({ raw: true, value })) },
  );

/** Percent-encodes like encodeURIComponent, but never throws (lone surrogates become U+FFFD). */
export function encode(s: string): string {
  let out = '';
  for (const b of Buffer.from(s, 'utf8')) {
    const c = String.fromCharCode(b);
    out += /[A-Za-z0-9\-_.~]/.test(c) ? c : `%${b.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

/** `/v1/webhooks/{id}` → `webhooks_id`: the segment before a param says what kind of id it is. */
function paramName(path: string, param: string): string {
  const parts = path.split('/');
  const at = parts.indexOf(`{${param}}`);
  return param === 'id' && at > 0 ? `${parts[at - 1]}_id` : param;
}

export function fuzzCase(route: FuzzRoute, pools: IdPools): fc.Arbitrary<FuzzCase> {
  const queryArb = fc.tuple(
    fc.tuple(...route.query.map((q) => fc.option(fc.oneof(validish(q.schema, pools, q.name), hostileString).map((v) => [q.name, typeof v === 'string' ? v : JSON.stringify(v) ?? ''] as [string, string]), { nil: null, freq: q.required ? 8 : 2 }))),
    fc.array(fc.tuple(keyName, hostileString), { maxLength: 3 }),
  ).map(([doc, extra]) => [...doc.filter((x): x is [string, string] => x !== null), ...extra]);
  const bodyArb: fc.Arbitrary<BodyCase> = fc.oneof(
    { weight: 6, arbitrary: (route.body ? mutated(route.body, pools) : hostileValue).map((value) => ({ kind: 'json' as const, value })) },
    { weight: 1, arbitrary: fc.constant({ kind: 'none' as const }) },
    { weight: 2, arbitrary: fc.constantFrom(...RAW_BODIES).map((text) => ({ kind: 'raw' as const, text })) },
    { weight: 1, arbitrary: fc.array(fc.integer({ min: 0, max: 255 }), { maxLength: 40 }).map((bytes) => ({ kind: 'bytes' as const, bytes: [0xff, 0xfe, 0xc3, 0x28, ...bytes] })) },
  );
  return fc.record({
    auth: fc.oneof(
      { weight: 8, arbitrary: fc.constant<AuthCase>('valid') },
      { weight: 1, arbitrary: fc.constantFrom<AuthCase>('none', 'garbage', 'rival', 'live', 'other-kind', 'in-query', 'bad-scheme') },
    ),
    garbage: headerValue,
    params: fc.tuple(...route.pathParams.map((p) => segment(pools, paramName(route.path, p)))).map((segs) => segs.map((s) => (s.raw ? s.value : encode(s.value)))),
    query: queryArb,
    rawQuery: fc.option(fc.constantFrom(...RAW_QUERIES), { freq: 6 }),
    body: route.method === 'GET' || route.method === 'HEAD' ? fc.constant<BodyCase>({ kind: 'none' }) : bodyArb,
    contentType: fc.oneof({ weight: 6, arbitrary: fc.constant('application/json') }, { weight: 2, arbitrary: fc.constantFrom(...CONTENT_TYPES) }, { weight: 1, arbitrary: fc.constant(null) }),
    headers: fc.array(fc.tuple(fc.constantFrom(...HEADER_NAMES), headerValue), { maxLength: 3 }),
  });
}
