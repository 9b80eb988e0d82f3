// Benchmark: workspace-wide Problems on a workspace of N policy files (default 1,000, the default
// bound of brazeS3.workspaceDiagnostics.maxFiles) made from the real AWS managed policies, in the
// real extension host. Every fifth file is a .tf holding its policy as heredoc JSON; past the
// 1,594 managed policies they repeat under new names. Prints the scan time, how many policy files
// reached the Problems panel and the extension host's event-loop delay during the scan.
//   node scripts/test-host/bench-workspace.mjs [N]   (after a build with --tests)
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { startCodeServer } from './code-server.mjs';
import { ensureHost } from './install-host.mjs';
import { writePolicyFiles } from '../bench-files.mjs';
import { CHROMIUM_ARGS, runSuite } from './run-integration.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const n = Number(process.argv[2] ?? 1000);
ensureHost();
const dir = mkdtempSync(join(tmpdir(), 'braze-s3-bench-ws-'));
const workspace = join(dir, 'workspace');
mkdirSync(join(workspace, 'policies'), { recursive: true });
writePolicyFiles(root, join(workspace, 'policies'), n);
// Above the default bound of 1,000 files the scan must be allowed to run (this settings file is a candidate too).
mkdirSync(join(workspace, '.vscode'));
writeFileSync(join(workspace, '.vscode', 'settings.json'), JSON.stringify({ 'brazeS3.workspaceDiagnostics.maxFiles': Math.max(1000, n + 10) }));
const resultsFile = join(dir, 'results.json');
const server = await startCodeServer({ env: { BRAZE_S3_TEST_RESULTS: resultsFile, BRAZE_S3_TEST_GREP: 'workspace scan benchmark', BRAZE_S3_BENCH_FILES: String(n), AWS_EC2_METADATA_DISABLED: 'true' } });
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS });
let failed = true;
try {
  const r = await runSuite(server, browser, workspace, resultsFile);
  failed = r.failed > 0;
  if (failed) console.error(`workspace scan benchmark failed: ${JSON.stringify(r.failures)}`);
} finally {
  await browser.close().catch(() => {});
  await server.stop();
  rmSync(dir, { recursive: true, force: true });
}
// Exit explicitly: a handle of the stopped host (a socket or a child's pipe) would keep `npm run bench` waiting here.
process.exit(failed ? 1 : 0);
