import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test, before, after } from 'node:test';
import { createTestApp, type TestApp } from '../support/server.js';
import { INTERNAL_NAMES } from '../../scripts/internal-names.mjs';

// The widget build renames the properties in scripts/internal-names.mjs. That is safe only for names
// nothing outside the bundle reads: here, no field or enum value of the API (JSON the element
// parses, values it looks words up by) and no public member of the element. The DOM side is
// checked in Chromium (test/element/bundle.test.ts).

let t: TestApp;
before(async () => {
  t = await createTestApp();
});
after(() => t.close());

/** Every property name and every string enum value anywhere in a JSON schema document. */
function namesIn(doc: unknown, out = new Set<string>()): Set<string> {
  if (Array.isArray(doc)) for (const v of doc) namesIn(v, out);
  else if (doc && typeof doc === 'object') {
    for (const [k, v] of Object.entries(doc)) {
      if (k === 'properties' && v && typeof v === 'object') for (const name of Object.keys(v)) out.add(name);
      if (k === 'enum' && Array.isArray(v)) for (const value of v) if (typeof value === 'string') out.add(value);
      namesIn(v, out);
    }
  }
  return out;
}

test('no renamed property is a field or an enum value of the API', async () => {
  const wire = namesIn(await (await t.app.request('/openapi.json')).json());
  assert.ok(wire.has('pending_email') && wire.has('scheduled_cancel'), 'the document was read');
  assert.deepEqual(INTERNAL_NAMES.filter((n) => wire.has(n)), []);
});

test('no renamed property is a public member, attribute or event of the element', () => {
  const manifest = JSON.parse(readFileSync(new URL('../../custom-elements.json', import.meta.url), 'utf8'));
  const exposed = new Set<string>();
  for (const mod of manifest.modules)
    for (const d of mod.declarations ?? []) {
      // The element's classes: what a page can read on <creem-portal>.
      if (!d.customElement && d.name !== 'PortalElement') continue;
      for (const m of d.members ?? []) if (m.privacy !== 'private' && m.privacy !== 'protected') exposed.add(m.name);
      for (const a of d.attributes ?? []) exposed.add(a.name).add(a.fieldName);
      for (const e of d.events ?? []) exposed.add(e.name);
    }
  assert.ok(exposed.has('token') && exposed.has('locale'), 'the manifest was read');
  assert.deepEqual(INTERNAL_NAMES.filter((n) => exposed.has(n)), []);
});

test('no renamed property is a key a page reads in an event detail, or a sheet step looked up by name', () => {
  const source = (file: string) => readFileSync(new URL(`../../widget/${file}`, import.meta.url), 'utf8');
  // Event details are the element's public API; step names are strings the views index maps with.
  const detailKeys = [...source('events.ts').matchAll(/^\s+(\w+)\??:/gm)].map((m) => m[1]);
  const steps = [...source('portal-types.ts').matchAll(/step: '(\w+)'/g)].map((m) => m[1]);
  assert.ok(detailKeys.includes('subscription') && steps.includes('menu'), 'the sources were read');
  assert.deepEqual(INTERNAL_NAMES.filter((n) => detailKeys.includes(n) || steps.includes(n)), []);
});
