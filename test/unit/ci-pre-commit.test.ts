// The pre-commit hook (.pre-commit-hooks.yaml) as a user's repository runs it: Debian's pre-commit
// runs `pre-commit try-repo <this repository> braze-s3` in a git repository holding the sample
// files. pre-commit clones this repository, installs the hook (language: node: npm install, then
// npm pack, whose prepack builds the CLI, then npm install -g of the tarball) and runs it on the
// files. .ci/run installs pre-commit; elsewhere the test is skipped, saying why, when it is absent.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { SAMPLE_FINDINGS, copySampleRepo, git } from './ci-sample-repo';

const root = join(__dirname, '../..');
const hasPreCommit = spawnSync('pre-commit', ['--version'], { encoding: 'utf8' }).status === 0;

describe('the pre-commit hook (.pre-commit-hooks.yaml, run by pre-commit try-repo)', function () {
  this.timeout(600_000);

  it('.pre-commit-hooks.yaml declares the braze-s3 hook: the CLI with --only-policies, on JSON, .tf and YAML files', () => {
    const hooks = parse(readFileSync(join(root, '.pre-commit-hooks.yaml'), 'utf8'));
    assert.equal(hooks.length, 1);
    assert.equal(hooks[0].id, 'braze-s3');
    assert.equal(hooks[0].language, 'node');
    assert.equal(hooks[0].entry, 'braze-s3 check --only-policies');
    const files = new RegExp(hooks[0].files);
    for (const f of ['a.json', 'main.tf', 'template.yaml', 'x.yml', 'y.template']) assert.ok(files.test(f), f);
    assert.ok(!files.test('README.md'));
  });

  it('fails the commit on the sample repository\'s error, naming each finding (warnings too); other JSON and YAML files are not judged', function () {
    if (!hasPreCommit) {
      if (process.env.CI) assert.fail('pre-commit is not installed: .ci/run installs it (apt-get install pre-commit)');
      console.log('      (skipped: pre-commit is not installed; apt-get install pre-commit, as .ci/run does)');
      this.skip();
    }
    const repo = copySampleRepo({ git: true });
    // Files pre-commit passes too that are no policy: they must not be reported.
    writeFileSync(join(repo, 'package.json'), '{ "name": "app", "private": true }\n');
    writeFileSync(join(repo, 'ci.yml'), 'name: ci\non: push\n');
    git(repo, 'add', '-A');
    git(repo, 'commit', '-qm', 'more files');
    const env = { ...process.env, PRE_COMMIT_HOME: mkdtempSync(join(tmpdir(), 'braze-s3-pre-commit-home-')), LANG: 'C', npm_config_prefer_offline: 'true' };
    // One run: each run of a changed checkout clones and installs the hook again (1-2 minutes).
    const tryRepo = () => spawnSync('pre-commit', ['try-repo', root, 'braze-s3', '--all-files', '--verbose'], { cwd: repo, encoding: 'utf8', env });
    const failing = tryRepo();
    assert.equal(failing.status, 1, failing.stdout + failing.stderr);
    assert.match(failing.stdout, /braze-s3 \(IAM policies for a Braze S3 export\)\.+Failed/);
    for (const f of SAMPLE_FINDINGS) assert.ok(failing.stdout.includes(`${f.path}:${f.line}:${f.col} ${f.severity} ${f.code} `), `${f.path}:${f.line}\n${failing.stdout}`);
    assert.doesNotMatch(failing.stdout, /package\.json|ci\.yml/);
  });
});
