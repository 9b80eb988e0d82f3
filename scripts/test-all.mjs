// npm test: static checks, the production bundle, unit tests (mocha, plain Node), then the
// integration tests in a real VS Code host with UI checks. Prints each stage's time and a final
// "N passed, N failed" line with the totals; exits non-zero when any stage fails.
import { spawn } from 'node:child_process';
import { MOTO_INSTALL_HINT, findMotoServer } from './local-aws/moto.mjs';

const stages = [
  { name: 'typecheck', cmd: ['npx', 'tsc', '--noEmit', '-p', '.'] },
  { name: 'lint', cmd: ['npx', 'eslint', 'src', 'test', 'scripts', 'bench'] },
  { name: 'l10n', cmd: ['node', 'scripts/l10n-strings.mjs', '--check'] },
  { name: 'rule docs', cmd: ['npx', 'tsx', 'scripts/generate-rule-docs.ts', '--check'] },
  { name: 'snippets', cmd: ['npx', 'tsx', 'scripts/generate-snippets.ts', '--check'] },
  { name: 'build', cmd: ['node', 'scripts/build.mjs', '--production', '--tests'] },
  { name: 'unit', cmd: ['npx', 'mocha'], counts: 'mocha' },
  { name: 'integration', cmd: ['node', 'scripts/test-host/run-integration.mjs', '--skip-build'], counts: 'plain' },
];


if (!findMotoServer()) {
  console.warn(`[test] ${MOTO_INSTALL_HINT}\n[test] Without it the live-check unit suites are skipped and the integration stage fails; every engine, CLI and editor test still runs.`);
}

function run(stage) {
  return new Promise((resolve) => {
    const started = Date.now();
    const child = spawn(stage.cmd[0], stage.cmd.slice(1), { stdio: ['ignore', 'pipe', 'pipe'], env: process.env });
    let out = '';
    child.stdout.on('data', (d) => {
      out += d;
      process.stdout.write(d);
    });
    child.stderr.on('data', (d) => {
      out += d;
      process.stderr.write(d);
    });
    child.on('exit', (code) => resolve({ code: code ?? 1, out, seconds: (Date.now() - started) / 1000 }));
  });
}

function counts(kind, out) {
  if (kind === 'mocha') {
    const passed = Number(/(\d+) passing/.exec(out)?.[1] ?? 0);
    const failed = Number(/(\d+) failing/.exec(out)?.[1] ?? 0);
    return { passed, failed };
  }
  const lines = [...out.matchAll(/^(\d+) passed, (\d+) failed$/gm)];
  const last = lines[lines.length - 1];
  return last ? { passed: Number(last[1]), failed: Number(last[2]) } : { passed: 0, failed: 1 };
}

let passed = 0;
let failed = 0;
const summary = [];
for (const stage of stages) {
  console.log(`\n=== ${stage.name}: ${stage.cmd.join(' ')}`);
  const r = await run(stage);
  if (stage.counts) {
    const c = counts(stage.counts, r.out);
    if (r.code !== 0 && c.failed === 0) c.failed = 1;
    passed += c.passed;
    failed += c.failed;
    summary.push(`${stage.name}: ${c.passed} passed, ${c.failed} failed (${r.seconds.toFixed(1)} s)`);
  } else {
    summary.push(`${stage.name}: ${r.code === 0 ? 'ok' : `FAILED (exit ${r.code})`} (${r.seconds.toFixed(1)} s)`);
    if (r.code !== 0) failed++;
  }
  if (r.code !== 0 && !stage.counts) break; // a broken build makes later stages meaningless
}
console.log('\n=== summary');
for (const line of summary) console.log(line);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 && passed > 0 ? 0 : 1);
