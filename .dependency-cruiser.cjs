/**
 * The architecture, checked by `npm test` (docs/architecture.md explains it):
 * contract ← widget; contract ← server; routes → domain/auth/portal backend → store interface;
 * only the wiring opens a store engine. Type-only imports count too: a type is a dependency.
 */
const ENGINES = '^server/store/(lowdb|postgres)/';
const WIRING = '^server/(main|store/open)\\.ts$';

module.exports = {
  forbidden: [
    { name: 'no-cycles', severity: 'error', comment: 'Import cycles hide which module owns what.', from: {}, to: { circular: true } },
    {
      name: 'contract-imports-neither-side',
      severity: 'error',
      comment: 'The portal contract is shared by the element and the server; it depends on neither.',
      from: { path: '^contract/' },
      to: { path: '^(server|widget|demo)/' },
    },
    { name: 'widget-never-imports-server', severity: 'error', from: { path: '^widget/' }, to: { path: '^(server|demo)/' } },
    { name: 'server-never-imports-widget', severity: 'error', from: { path: '^server/' }, to: { path: '^(widget|demo)/' } },
    {
      name: 'widget-bundle-free-of-zod',
      severity: 'error',
      comment: 'The element uses the contract types only; zod would add its runtime to the bundle.',
      from: { path: '^widget/' },
      to: { path: '(^|/)node_modules/zod/|^contract/(portal|text)\\.ts$', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'http-layer-never-touches-the-store',
      severity: 'error',
      comment: 'Routes and middleware translate HTTP; every read and write goes through the domain, auth or the portal backend.',
      from: { path: '^server/(routes|middleware)/' },
      to: { path: '^server/store/', pathNot: '^server/store/(schema|records|system-records)\\.ts$' },
    },
    {
      name: 'domain-knows-no-http-mail-or-urls',
      severity: 'error',
      comment: 'The rules throw DomainErrors and state mail intents; status codes, markup and links are other layers.',
      from: { path: '^server/domain/' },
      to: { path: '^server/(routes|middleware|mail|pages|texts|portal-backend)/|^server/(errors|urls|app|env|deps)\\.ts$|(^|/)node_modules/(hono|@hono)/' },
    },
    {
      name: 'auth-knows-no-http',
      severity: 'error',
      from: { path: '^server/auth/' },
      to: { path: '^server/(routes|middleware|pages)/|^server/errors\\.ts$|(^|/)node_modules/(hono|@hono)/' },
    },
    {
      name: 'only-the-wiring-opens-an-engine',
      severity: 'error',
      comment: 'Everything else depends on the store interface, so a second engine changes no rule.',
      from: { path: '^server/', pathNot: `${ENGINES}|${WIRING}` },
      to: { path: ENGINES },
    },
    {
      name: 'engines-know-only-the-store',
      severity: 'error',
      from: { path: ENGINES },
      to: { path: '^server/', pathNot: '^server/store/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default', 'types'] },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
