// npm run bench: every benchmark, with ratios measured in the same run.
import { spawnSync } from 'node:child_process';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { engineBench } from './engine';
import { realPoliciesBench, realPoliciesChild } from './realPolicies';
import { treeBench } from './tree';
import { formatsBench } from './formats';
import { deliveryBench } from './delivery';
import { avroBench, avroChild } from './avro';

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
  console.log('\n== Currents delivery (moto)');
  await deliveryBench(root);
  console.log('\n== Avro viewer (a 100,000-record Currents file)');
  await avroBench(__filename);
  console.log('\n== bundles');
  for (const f of ['extension.js', 'client.js', 'server.js', 'aws.js', 'avro.js', 'cli.js', 'deliveryView.js', 'iam-index.json', 'web-tree-sitter.wasm', 'tree-sitter-terraform.wasm']) console.log(`dist/${f}: ${(statSync(join(root, 'dist', f)).size / 1024).toFixed(1)} KB`);
  console.log('\n== in the VS Code host (activation, edit-to-diagnostics latency)');
  const r = spawnSync(process.execPath, [join(root, 'scripts/test-host/run-integration.mjs'), '--skip-build', '--no-ui'], {
    encoding: 'utf8', env: { ...process.env, BRAZE_S3_TEST_GREP: 'latency|activates' }, maxBuffer: 64 * 1024 * 1024,
  });
  for (const line of (r.stdout + r.stderr).split('\n')) if (/^(activation|latency):/.test(line.trim())) console.log(line.trim());
}

const child = process.argv.indexOf('--real-policies-child');
const avro = process.argv.indexOf('--avro-child');
if (avro >= 0) void avroChild(process.argv[avro + 1], process.argv[avro + 2]);
else if (process.argv.includes('--avro')) void avroBench(__filename);
else if (child >= 0) realPoliciesChild(process.argv[child + 1]);
else if (process.argv.includes('--real-policies')) realPoliciesBench(root, __filename);
else if (process.argv.includes('--formats')) void formatsBench();
else if (process.argv.includes('--delivery')) void deliveryBench(root);
else void main();
