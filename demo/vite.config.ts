import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));

// The React and Vue demo pages: `vite build -c demo/vite.config.ts` → dist/demo/, served at /demo/*.
// Run after the widget build (which empties dist/). No JSX or Vue plugin: both pages use render functions.
export default defineConfig({
  root: here('./frameworks'),
  base: '/demo/',
  logLevel: 'warn',
  // Vue's bundler build reads these; without them it warns and keeps dev-only code.
  define: {
    __VUE_OPTIONS_API__: 'false',
    __VUE_PROD_DEVTOOLS__: 'false',
    __VUE_PROD_HYDRATION_MISMATCH_DETAILS__: 'false',
  },
  build: {
    target: 'es2022',
    outDir: here('../dist/demo'),
    emptyOutDir: true,
    // No inline modulepreload polyfill: the demo pages run under `script-src 'self'`.
    modulePreload: { polyfill: false },
    rollupOptions: {
      input: { react: here('./frameworks/react.html'), vue: here('./frameworks/vue.html') },
    },
  },
});
