// web-test-runner config for the element tests: Debian's Chromium, TypeScript through esbuild with the
// project's tsconfig (legacy decorators), Lit's production build, and one plain closing line for CI.
import { fileURLToPath } from 'node:url';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { defaultReporter } from '@web/test-runner';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../scripts/chromium.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));

/** Prints `N passed, N failed, N skipped` alone on the last line; a file that failed to load counts as one failure. */
function totalsReporter() {
  return {
    onTestRunFinished({ sessions }) {
      let passed = 0;
      let failed = 0;
      let skipped = 0;
      const walk = (suite) => {
        for (const t of suite?.tests ?? []) {
          if (t.skipped) skipped++;
          else if (t.passed) passed++;
          else failed++;
        }
        for (const s of suite?.suites ?? []) walk(s);
      };
      for (const s of sessions) {
        const before = passed + failed;
        walk(s.testResults);
        const ran = passed + failed - before;
        if ((s.errors?.length && !s.passed) || (ran === 0 && !s.passed)) failed++;
      }
      // After the default reporter's last redraw.
      setTimeout(() => console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`), 0);
    },
  };
}

export default {
  rootDir: root,
  files: ['test/element/**/*.test.ts'],
  nodeResolve: { exportConditions: ['production'] },
  plugins: [esbuildPlugin({ ts: true, tsconfig: `${root}tsconfig.json` })],
  browsers: [
    chromeLauncher({
      launchOptions: {
        executablePath: CHROMIUM_PATH,
        headless: true,
        args: CHROMIUM_ARGS,
      },
    }),
  ],
  // One page at a time: focus and keyboard tests need the focused page, and background pages get no rAF.
  concurrency: 1,
  testFramework: { config: { timeout: 5000 } },
  reporters: [defaultReporter(), totalsReporter()],
};
