// The same in-host suite under @vscode/test-electron, for machines that can download VS Code
// (it cannot run on the offline CI machines; use npm run test:integration there).
import { execFileSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runTests } from '@vscode/test-electron';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
execFileSync(process.execPath, [join(root, 'scripts/build.mjs'), '--production', '--tests'], { stdio: 'inherit' });
try {
  await runTests({
    version: process.env.VSCODE_VERSION ?? 'stable',
    extensionDevelopmentPath: root,
    extensionTestsPath: join(root, 'out/test/integration/index.js'),
    launchArgs: [join(root, 'test/fixtures/workspace'), '--disable-extensions', '--disable-workspace-trust'],
    extensionTestsEnv: { BRAZE_S3_TEST_RESULTS: join(root, 'test-results/electron-results.json') },
  });
} catch (error) {
  console.error(`test-electron: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
