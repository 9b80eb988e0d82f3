// The installable CLI: `npm pack` of this repository (its prepack script builds the bundles),
// installed globally into an empty prefix with the registry switched off (the package has no
// dependency: every library is bundled), then run as `braze-s3` on the sample repository.
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SAMPLE_FINDINGS, copySampleRepo } from './ci-sample-repo';

const root = join(__dirname, '../..');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

describe('the packed CLI (npm pack, npm install -g --prefix, braze-s3)', function () {
  this.timeout(240_000);
  let bin: string;
  let installed: string;
  let packed: string[];
  const version = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version;

  before(() => {
    const out = mkdtempSync(join(tmpdir(), 'braze-s3-pack-'));
    const listing = JSON.parse(execFileSync(npm, ['pack', '--json', '--pack-destination', out], { cwd: root, encoding: 'utf8' }));
    packed = listing[0].files.map((f: { path: string }) => f.path).sort();
    const tarball = join(out, listing[0].filename);
    const prefix = mkdtempSync(join(tmpdir(), 'braze-s3-prefix-'));
    execFileSync(npm, ['install', '-g', '--prefix', prefix, '--offline', '--no-audit', '--no-fund', tarball], { encoding: 'utf8', stdio: 'pipe' });
    bin = join(prefix, 'bin', 'braze-s3');
    installed = join(prefix, 'lib', 'node_modules', 'braze-s3-policy-kit');
  });

  const run = (args: string[], cwd: string) => {
    const r = spawnSync(bin, args, { cwd, encoding: 'utf8', env: { ...process.env, LANG: 'C', PATH: process.env.PATH } });
    return { code: r.status, out: r.stdout, err: r.stderr };
  };

  it('the tarball holds the CLI and what it reads at run time, nothing of the extension or the sources', () => {
    assert.deepEqual(packed, [
      'CHANGELOG.md', 'LICENSE', 'README.md',
      'dist/aws.js', 'dist/cli.js', 'dist/formats.js', 'dist/iam-index.json', 'dist/tree-sitter-terraform.wasm', 'dist/web-tree-sitter.wasm',
      'docs/rules.es.md', 'docs/rules.md', 'grammars/LICENSE-tree-sitter-hcl', 'package.json',
    ]);
  });

  it('installs with no dependency (offline) and puts braze-s3 on the prefix\'s bin', () => {
    assert.ok(existsSync(bin), bin);
    assert.deepEqual(existsSync(join(installed, 'node_modules')) ? readdirSync(join(installed, 'node_modules')) : [], []);
  });

  it('braze-s3 --version prints the package version', () => {
    const r = run(['--version'], tmpdir());
    assert.equal(r.code, 0, r.err);
    assert.equal(r.out.trim(), version);
  });

  it('braze-s3 check on a sample repository: JSON, Terraform (the wasm grammar found beside the bundle) and CloudFormation; exit 1 on the error', () => {
    const repo = copySampleRepo();
    const r = run(['check', '--format', 'json', '.'], repo);
    assert.equal(r.code, 1, r.err);
    const json = JSON.parse(r.out);
    assert.deepEqual(json.unreadable, []);
    const docs = json.files.map((f: { path: string; purpose: { id: string } }) => `${f.path} ${f.purpose.id}`).sort();
    assert.deepEqual(docs, ['cfn/braze-export.yaml dashboard', 'infra/braze-currents.tf currents', 'policies/braze-currents.json currents']);
    const findings = json.files.flatMap((f: { path: string; findings: { code: string; severity: string; range: { start: { line: number; character: number } } }[] }) =>
      f.findings.map((x) => ({ path: f.path, line: x.range.start.line + 1, col: x.range.start.character + 1, severity: x.severity, code: x.code })));
    assert.deepEqual(findings.sort((a: { path: string }, b: { path: string }) => a.path.localeCompare(b.path)), SAMPLE_FINDINGS);
    // The text output and the repository configuration (policies/braze-*.json declared Currents).
    const text = run(['check', '.'], repo);
    assert.match(text.out, /^policies\/braze-currents\.json: Currents export policy \(declared\)$/m);
    assert.match(text.out, /^3 files checked: 1 error, 1 warning$/m);
  });

  it('--help names the rule documentation, which ships in the package', () => {
    const r = run(['--help'], tmpdir());
    assert.equal(r.code, 0);
    const doc = r.out.trim().split('\n').at(-1)!.trim();
    assert.ok(doc.startsWith(installed), doc);
    assert.match(readFileSync(doc, 'utf8'), /^## action-unknown$/m);
  });
});
