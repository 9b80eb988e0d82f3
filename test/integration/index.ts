// The mocha suite run inside the VS Code extension host: a module exporting run(), as
// @vscode/test-electron expects, so the same suite runs under code-server here and under
// test-electron on machines that can download VS Code.
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Mocha from 'mocha';

export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 60_000, reporter: 'spec' });
  const grep = process.env.BRAZE_S3_TEST_GREP;
  if (grep) mocha.grep(grep);
  for (const f of readdirSync(__dirname).filter((f) => f.endsWith('.test.js')).sort()) mocha.addFile(join(__dirname, f));
  return new Promise((resolve, reject) => {
    const runner = mocha.run((failures) => {
      const results = { passed: runner.stats?.passes ?? 0, failed: failures, pending: runner.stats?.pending ?? 0, failures: failedTitles };
      const out = process.env.BRAZE_S3_TEST_RESULTS;
      if (out) writeFileSync(out, JSON.stringify(results, null, 2));
      console.log(`${results.passed} passed, ${results.failed} failed`);
      if (failures > 0) reject(new Error(failures === 1 ? '1 test failed' : `${failures} tests failed`));
      else resolve();
    });
    const failedTitles: string[] = [];
    runner.on('fail', (test, err) => failedTitles.push(`${test.fullTitle()}: ${err instanceof Error ? err.message : String(err)}`));
  });
}
