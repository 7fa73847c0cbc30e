// Browser unit tests (`*.browser.test.ts`): bundled by scripts/test.mjs into .build/browser/ first
// (Monaco and friends cannot be served unbundled), then run here in headless Chromium.
import { chromeLauncher } from '@web/test-runner-chrome';
import { defaultReporter } from '@web/test-runner';
import { writeFileSync, mkdirSync } from 'node:fs';
import { chromeArgs, chromePath } from './scripts/browser.mjs';
import { headersMiddleware } from './scripts/serve.mjs';

/** Counts every test so scripts/test.mjs can print one `N passed, N failed` line for all suites. */
function countingReporter(file) {
  return {
    onTestRunFinished({ sessions }) {
      let passed = 0;
      let failed = 0;
      const visit = (suite) => {
        for (const t of suite?.tests ?? []) {
          if (t.skipped) continue;
          if (t.passed) passed++;
          else failed++;
        }
        for (const s of suite?.suites ?? []) visit(s);
      };
      for (const s of sessions) {
        if (!s.testResults) {
          failed++; // a file that failed to load still counts as a failure
          continue;
        }
        visit(s.testResults);
        if (s.errors?.length && !s.testResults.tests?.length && !s.testResults.suites?.length) failed++;
      }
      mkdirSync('.build', { recursive: true });
      writeFileSync(file, JSON.stringify({ passed, failed }));
    },
  };
}

export default {
  files: ['.build/browser/**/*.test.js'],
  rootDir: '.',
  nodeResolve: false,
  concurrency: 1,
  browserStartTimeout: 60000,
  testsStartTimeout: 60000,
  testsFinishTimeout: 180000,
  middleware: [headersMiddleware(true)],
  browsers: [chromeLauncher({ launchOptions: { executablePath: chromePath(), headless: true, args: chromeArgs } })],
  testFramework: { config: { timeout: 30000 } },
  reporters: [defaultReporter(), countingReporter('.build/wtr-summary.json')],
};
