// npm run bench: every benchmark, with ratios measured in the same run.
import { spawnSync } from 'node:child_process';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { engineBench } from './engine';
import { realPoliciesBench, realPoliciesChild } from './realPolicies';
import { treeBench } from './tree';
import { formatsBench } from './formats';

// Run from out/bench/run.js (bundled like dist/): the project root is two levels up.
const root = join(__dirname, '..', '..');

async function main() {
  console.log('== engine');
  engineBench();
  console.log('\n== real AWS policies');
  realPoliciesBench(root, __filename);
  console.log('\n== Terraform and CloudFormation');
  await formatsBench();
  console.log('\n== account listing (mocked clients)');
  await treeBench();
  console.log('\n== bundles');
  for (const f of ['extension.js', 'client.js', 'server.js', 'aws.js', 'cli.js', 'iam-index.json', 'web-tree-sitter.wasm', 'tree-sitter-terraform.wasm']) console.log(`dist/${f}: ${(statSync(join(root, 'dist', f)).size / 1024).toFixed(1)} KB`);
  console.log('\n== in the VS Code host (activation, edit-to-diagnostics latency)');
  const r = spawnSync(process.execPath, [join(root, 'scripts/test-host/run-integration.mjs'), '--skip-build', '--no-ui'], {
    encoding: 'utf8', env: { ...process.env, BRAZE_S3_TEST_GREP: 'latency|activates' }, maxBuffer: 64 * 1024 * 1024,
  });
  for (const line of (r.stdout + r.stderr).split('\n')) if (/^(activation|latency):/.test(line.trim())) console.log(line.trim());
}

const child = process.argv.indexOf('--real-policies-child');
if (child >= 0) realPoliciesChild(process.argv[child + 1]);
else if (process.argv.includes('--real-policies')) realPoliciesBench(root, __filename);
else if (process.argv.includes('--formats')) void formatsBench();
else void main();
