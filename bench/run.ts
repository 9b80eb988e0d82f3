// npm run bench: every benchmark, with ratios measured in the same run.
import { spawnSync } from 'node:child_process';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { engineBench } from './engine';
import { treeBench } from './tree';

async function main() {
  console.log('== engine');
  engineBench();
  console.log('\n== account listing (mocked clients)');
  await treeBench();
  console.log('\n== bundles');
  spawnSync(process.execPath, [join(__dirname, '../scripts/build.mjs'), '--production', '--tests'], { stdio: 'inherit' });
  for (const f of ['extension.js', 'aws.js', 'cli.js', 'iam-index.json']) console.log(`dist/${f}: ${(statSync(join(__dirname, '../dist', f)).size / 1024).toFixed(1)} KB`);
  console.log('\n== in the VS Code host (activation, edit-to-diagnostics latency)');
  const r = spawnSync(process.execPath, [join(__dirname, '../scripts/test-host/run-integration.mjs'), '--skip-build', '--no-ui'], {
    encoding: 'utf8', env: { ...process.env, BRAZE_S3_TEST_GREP: 'latency|activates' }, maxBuffer: 64 * 1024 * 1024,
  });
  for (const line of (r.stdout + r.stderr).split('\n')) if (/^(activation|latency):/.test(line.trim())) console.log(line.trim());
}

void main();
