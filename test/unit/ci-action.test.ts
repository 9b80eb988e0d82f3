// The GitHub Action (action.yml): its entry point dist/action.js run as GitHub runs it, with the
// environment GitHub sets (GITHUB_WORKSPACE, GITHUB_EVENT_NAME/PATH, GITHUB_OUTPUT,
// GITHUB_STEP_SUMMARY, INPUT_*), on a git repository of the sample files with a pull request's
// commit on top; and action.yml itself (it parses, and every input reaches the entry point).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { ACTION_INPUTS } from '../../src/cli/action';
import { parseUnifiedDiff } from '../../src/cli/changedLines';
import { copySampleRepo, git } from './ci-sample-repo';

const root = join(__dirname, '../..');
const entry = join(root, 'dist/action.js');
const action = parse(readFileSync(join(root, 'action.yml'), 'utf8'));

/**
 * A sample repository whose HEAD is a pull request's commit: a new typo on line 9 of the .tf (which
 * also makes s3:GetBucketLocation missing, reported on line 6, a line the commit leaves alone).
 */
function pullRequest() {
  const repo = copySampleRepo({ git: true });
  const base = git(repo, 'rev-parse', 'HEAD').trim();
  const tf = join(repo, 'infra/braze-currents.tf');
  writeFileSync(tf, readFileSync(tf, 'utf8').replace('"s3:GetBucketLocation"]', '"s3:GetBucketLocaton"]'));
  git(repo, 'commit', '-qam', 'a pull request');
  const event = join(repo, '..', `${repo.split('/').pop()}-event.json`);
  writeFileSync(event, JSON.stringify({ action: 'opened', pull_request: { number: 7, base: { sha: base } } }));
  return { repo, base, event };
}

function runAction(repo: string, inputs: Record<string, string>, extra: NodeJS.ProcessEnv = {}) {
  const out = mkdtempSync(join(tmpdir(), 'braze-s3-action-'));
  const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: process.env.HOME, GITHUB_ACTIONS: 'true', GITHUB_WORKSPACE: repo, GITHUB_OUTPUT: join(out, 'output'), GITHUB_STEP_SUMMARY: join(out, 'summary.md'), ...extra };
  // GitHub's own naming for a node action: INPUT_ and the input's name upper-cased (FAIL-ON keeps its hyphen).
  for (const [k, v] of Object.entries(inputs)) env[`INPUT_${k.toUpperCase()}`] = v;
  writeFileSync(env.GITHUB_OUTPUT!, '');
  const r = spawnSync(process.execPath, [entry], { cwd: tmpdir(), env, encoding: 'utf8' });
  const outputs = Object.fromEntries(readFileSync(env.GITHUB_OUTPUT!, 'utf8').trim().split('\n').filter(Boolean).map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]));
  const summary = existsSync(env.GITHUB_STEP_SUMMARY!) ? readFileSync(env.GITHUB_STEP_SUMMARY!, 'utf8') : '';
  return { code: r.status, stdout: r.stdout, stderr: r.stderr, outputs, summary, annotations: r.stdout.split('\n').filter((l) => l.startsWith('::')) };
}

describe('the GitHub Action (action.yml, dist/action.js)', () => {
  before(() => assert.ok(existsSync(entry), 'dist/action.js is missing: run `npm run build` first'));

  it('action.yml parses: a composite action that builds the checker, runs dist/action.js and uploads its SARIF with github/codeql-action/upload-sarif', () => {
    assert.equal(action.runs.using, 'composite');
    const [build, check, upload] = action.runs.steps;
    assert.match(build.run, /npm ci/);
    assert.match(build.run, /node scripts\/build\.mjs --production/);
    assert.equal(check.id, 'check');
    assert.equal(check.run, 'node "$GITHUB_ACTION_PATH/dist/action.js"');
    assert.match(upload.uses, /^github\/codeql-action\/upload-sarif@v\d+$/);
    assert.equal(upload.with.sarif_file, '${{ steps.check.outputs.sarif-file }}');
    assert.match(upload.if, /inputs\.upload-sarif == 'true'/);
  });

  it('every input of action.yml reaches the entry point (INPUT_* on the check step), and the entry reads no other', () => {
    const inputs = Object.keys(action.inputs);
    assert.deepEqual(inputs.filter((i) => i !== 'upload-sarif').sort(), [...ACTION_INPUTS].sort());
    const env = action.runs.steps[1].env;
    for (const name of ACTION_INPUTS) assert.equal(env[`INPUT_${name.toUpperCase().replace(/-/g, '_')}`], `\${{ inputs.${name} }}`, name);
    assert.equal(Object.keys(env).length, ACTION_INPUTS.length);
    for (const [name, o] of Object.entries<{ value: string }>(action.outputs)) assert.equal(o.value, `\${{ steps.check.outputs.${name} }}`);
  });

  it('on a pull request: annotates only the finding on the changed line, writes outputs, summary and SARIF, exits 1 on errors', () => {
    const { repo, event } = pullRequest();
    const r = runAction(repo, { paths: '.', 'fail-on': 'error' }, { GITHUB_EVENT_NAME: 'pull_request', GITHUB_EVENT_PATH: event });
    assert.equal(r.code, 1, r.stdout + r.stderr);
    assert.deepEqual(r.annotations, [
      '::error file=infra/braze-currents.tf,line=9,col=36,endLine=9,endColumn=55,title=braze-s3 action-unknown (data.aws_iam_policy_document.braze_currents)::"s3:GetBucketLocaton" is not an IAM action. Did you mean "s3:GetBucketLocation"?',
    ]);
    assert.deepEqual(r.outputs, { errors: '3', warnings: '1', notes: '0', findings: '4', annotated: '1', unreadable: '0', 'sarif-file': 'braze-s3.sarif', failed: 'true' });
    const sarif = JSON.parse(readFileSync(join(repo, 'braze-s3.sarif'), 'utf8'));
    const results = sarif.runs[0].results.map((x: { ruleId: string; locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } }[] }) => `${x.locations[0].physicalLocation.artifactLocation.uri}:${x.locations[0].physicalLocation.region.startLine} ${x.ruleId}`).sort();
    assert.deepEqual(results, ['infra/braze-currents.tf:15 action-unknown', 'infra/braze-currents.tf:6 integration-missing-permission', 'infra/braze-currents.tf:9 action-unknown', 'policies/braze-currents.json:21 resource-overbroad']);
    assert.match(r.summary, /^### braze-s3 policy check$/m);
    assert.match(r.summary, /^3 files checked: 3 errors, 1 warning\. Failed: findings at level error or above\.$/m);
    assert.match(r.summary, /^Annotated on the changed lines: 1 of 4\.$/m);
    assert.match(r.summary, /^- `policies\/braze-currents\.json:21` \*\*warning\*\* `resource-overbroad` /m);
  });

  it('annotate: all, or a push (no pull request): every finding is annotated; fail-on never exits 0', () => {
    const { repo, event } = pullRequest();
    const all = runAction(repo, { annotate: 'all', 'fail-on': 'never' }, { GITHUB_EVENT_NAME: 'pull_request', GITHUB_EVENT_PATH: event });
    assert.equal(all.code, 0, all.stdout);
    assert.deepEqual(all.annotations.map((a) => a.split(' ')[0] + ' ' + /file=([^,]+),line=(\d+)/.exec(a)!.slice(1).join(':')), ['::error infra/braze-currents.tf:6', '::error infra/braze-currents.tf:9', '::error infra/braze-currents.tf:15', '::warning policies/braze-currents.json:21']);
    assert.match(all.summary, /^3 files checked: 3 errors, 1 warning\. Passed\.$/m);
    const push = runAction(repo, {}, { GITHUB_EVENT_NAME: 'push' });
    assert.equal(push.code, 1);
    assert.equal(push.outputs.annotated, '4');
  });

  it('fail-on warning fails on a warning alone; the default (error) passes it', () => {
    const repo = copySampleRepo({ git: true });
    const tf = join(repo, 'infra/braze-currents.tf');
    writeFileSync(tf, readFileSync(tf, 'utf8').replace(', "s3:ListBukket"', ''));
    assert.equal(runAction(repo, {}).code, 0);
    const strict = runAction(repo, { 'fail-on': 'warning' });
    assert.equal(strict.code, 1);
    assert.deepEqual([strict.outputs.errors, strict.outputs.warnings, strict.outputs.failed], ['0', '1', 'true']);
    // As action.yml's composite step passes it (INPUT_FAIL_ON).
    assert.equal(runAction(repo, {}, { INPUT_FAIL_ON: 'warning' }).code, 1);
  });

  it('the config input names the configuration for every file (its rules apply); paths limit what is checked', () => {
    const repo = copySampleRepo({ git: true });
    writeFileSync(join(repo, 'strict.yaml'), 'rules:\n  resource-overbroad: error\n');
    const r = runAction(repo, { config: 'strict.yaml', paths: 'policies\ncfn' });
    assert.equal(r.code, 1);
    assert.deepEqual([r.outputs.errors, r.outputs.warnings, r.outputs.findings], ['1', '0', '1']);
    assert.match(r.annotations[0], /^::error file=policies\/braze-currents\.json,line=21,.*resource-overbroad/);
  });

  it('a pull request whose base commit is not in the clone (a shallow checkout): every finding annotated, and the summary says why', () => {
    const { repo } = pullRequest();
    const event = join(repo, 'event.json');
    writeFileSync(event, JSON.stringify({ pull_request: { base: { sha: '0123456789abcdef0123456789abcdef01234567' } } }));
    const r = runAction(repo, { paths: 'infra policies' }, { GITHUB_EVENT_NAME: 'pull_request', GITHUB_EVENT_PATH: event });
    assert.equal(r.outputs.annotated, '4');
    assert.match(r.summary, /The pull request's changed lines are unknown \(.+\): every finding is annotated\. Check out with fetch-depth: 0\./);
  });

  it('bad input: an unknown fail-on level or an invalid configuration is a workflow error (exit 2), never a stack trace', () => {
    const repo = copySampleRepo({ git: true });
    const bad = runAction(repo, { 'fail-on': 'sometimes' });
    assert.equal(bad.code, 2);
    assert.deepEqual(bad.annotations, ['::error title=braze-s3::input fail-on must be one of error, warning, info, never (got "sometimes")']);
    writeFileSync(join(repo, 'broken.yaml'), 'rules:\n  no-such-rule: error\n');
    const config = runAction(repo, { config: 'broken.yaml' });
    assert.equal(config.code, 2);
    assert.match(config.annotations[0], /^::error title=braze-s3 configuration::.*broken\.yaml.*no-such-rule/);
    assert.doesNotMatch(bad.stderr + config.stderr, /\n\s+at /);
  });

  it('parseUnifiedDiff: added and changed lines per file, deletions and removed files left out', () => {
    const diff = [
      'diff --git a/a.tf b/a.tf', '--- a/a.tf', '+++ b/a.tf', '@@ -3 +3 @@', '-x', '+y', '@@ -10,0 +11,2 @@', '+p', '+q', '@@ -20,2 +22,0 @@', '-r', '-s',
      'diff --git a/gone.json b/gone.json', '--- a/gone.json', '+++ /dev/null', '@@ -1,3 +0,0 @@',
      'diff --git a/new.json b/new.json', '--- /dev/null', '+++ b/new.json', '@@ -0,0 +1,2 @@', '+{', '+}',
    ].join('\n');
    const changed = parseUnifiedDiff(diff);
    assert.deepEqual([...changed.keys()], ['a.tf', 'new.json']);
    assert.deepEqual([...changed.get('a.tf')!], [3, 11, 12]);
    assert.deepEqual([...changed.get('new.json')!], [1, 2]);
  });
});
