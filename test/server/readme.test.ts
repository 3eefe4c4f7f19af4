import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';

test("the README's element API tables match custom-elements.json", () => {
  // Exits non-zero (and throws here) when the JSDoc changed without `node scripts/readme-api.mjs`.
  execFileSync(process.execPath, ['scripts/readme-api.mjs', '--check'], { stdio: 'pipe' });
});

test('the README shows the two commands and documents every environment variable the server reads', () => {
  const readme = fs.readFileSync('README.md', 'utf8');
  assert.match(readme, /npm ci && npm start/);
  assert.match(readme, /npm test/);
  const config = fs.readFileSync('server/config.ts', 'utf8');
  const vars = [...config.matchAll(/^\s{2}([A-Z_]+): z\./gm)].map((m) => m[1]);
  assert.ok(vars.length >= 10, `found the variables in config.ts: ${vars.join(', ')}`);
  for (const v of vars) assert.ok(readme.includes(`\`${v}\``), `README documents ${v}`);
});
