// The CI output formats (--format github|gitlab|junit), run as CI runs them: dist/cli.js on the
// sample repository test/fixtures/ci-repo (a JSON policy with a warning, a .tf with an error, a
// clean CloudFormation template), the output parsed back and its values checked.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { escapeData, escapeProperty, toGithub } from '../../src/cli/formats/github';
import { toJunit } from '../../src/cli/formats/junit';
import type { DocumentReport, PlacedFinding } from '../../src/cli/report';

const cli = join(__dirname, '../../dist/cli.js');
const fixture = join(__dirname, '../fixtures/ci-repo');

function run(args: string[], cwd = fixture, env: NodeJS.ProcessEnv = {}) {
  const clean: NodeJS.ProcessEnv = { ...process.env, LANG: 'C' };
  delete clean.GITHUB_WORKSPACE;
  delete clean.CI_PROJECT_DIR;
  const r = spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8', cwd, env: { ...clean, ...env } });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

/** A copy of the sample repository to edit. */
function copy(): string {
  const dir = mkdtempSync(join(tmpdir(), 'braze-s3-ci-formats-'));
  cpSync(fixture, dir, { recursive: true });
  return dir;
}

/** What GitHub's runner does with a workflow command: split it, then undo the escapes. */
function parseCommand(line: string) {
  const m = /^::(\w+) ([^:]*)::(.*)$/.exec(line);
  assert.ok(m, line);
  const unescape = (s: string) => s.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%3A/g, ':').replace(/%2C/g, ',').replace(/%25/g, '%');
  const props = Object.fromEntries(m[2].split(',').map((p) => {
    const i = p.indexOf('=');
    return [p.slice(0, i), unescape(p.slice(i + 1))];
  }));
  return { command: m[1], props, message: unescape(m[3]) };
}

const finding = (over: Partial<PlacedFinding> = {}): PlacedFinding => ({
  code: 'action-unknown',
  severity: 'error',
  message: 'message',
  offset: 0,
  length: 1,
  range: { start: { line: 2, character: 4 }, end: { line: 3, character: 1 } },
  key: 'k',
  ...over,
});
const doc = (path: string, findings: PlacedFinding[], name?: string): DocumentReport => ({ path, ...(name ? { name } : {}), purpose: { id: 'currents', declared: true, reason: '' }, findings, suppressed: [] });

describe('CI output formats (dist/cli.js check --format github|gitlab|junit)', () => {
  before(() => assert.ok(existsSync(cli), 'dist/cli.js is missing: run `npm run build` first'));

  it('github: one workflow command per finding with file, 1-based line/col/endLine/endColumn and title; exit 1 on the error', () => {
    const r = run(['check', '--format', 'github', '.']);
    assert.equal(r.code, 1, r.err);
    const lines = r.out.trimEnd().split('\n');
    assert.equal(lines.length, 2, r.out);
    const [error, warning] = lines.map(parseCommand);
    assert.deepEqual(error, {
      command: 'error',
      props: { file: 'infra/braze-currents.tf', line: '15', col: '51', endLine: '15', endColumn: '64', title: 'braze-s3 action-unknown (data.aws_iam_policy_document.braze_currents)' },
      message: '"s3:ListBukket" is not an IAM action. Did you mean "s3:ListBucket"?',
    });
    assert.equal(warning.command, 'warning');
    assert.deepEqual([warning.props.file, warning.props.line, warning.props.col, warning.props.title], ['policies/braze-currents.json', '21', '18', 'braze-s3 resource-overbroad']);
    // The columns point at the text the finding is about.
    const tf = readFileSync(join(fixture, 'infra/braze-currents.tf'), 'utf8').split('\n')[14];
    assert.equal(tf.slice(50, 63), 's3:ListBukket');
  });

  it('github: paths are relative to GITHUB_WORKSPACE whatever folder it runs from; info findings are notices', () => {
    const r = run(['check', '--format', 'github', join(fixture, 'infra')], tmpdir(), { GITHUB_WORKSPACE: fixture });
    assert.equal(parseCommand(r.out.trim()).props.file, 'infra/braze-currents.tf');
    const notice = parseCommand(toGithub([doc('a.json', [finding({ severity: 'info' })])], [], { root: '.', locale: 'en' }));
    assert.equal(notice.command, 'notice');
  });

  it('github: %, CR, LF in messages and also ":" and "," in properties are escaped, and read back unchanged', () => {
    assert.equal(escapeData('50% a,b:c\r\nx'), '50%25 a,b:c%0D%0Ax');
    assert.equal(escapeProperty('50% a,b:c\r\nx'), '50%25 a%2Cb%3Ac%0D%0Ax');
    const message = 'line one: 100% wrong,\nline two';
    const out = toGithub([doc('odd,dir/a:b.json', [finding({ message })], 'doc, "x": y')], [{ path: 'gone.json', problem: 'no such file' }], { root: '.', locale: 'en' });
    const [first, problem] = out.split('\n').map(parseCommand);
    assert.equal(first.props.file, 'odd,dir/a:b.json');
    assert.equal(first.props.title, 'braze-s3 action-unknown (doc, "x": y)');
    assert.equal(first.message, message);
    assert.deepEqual([problem.command, problem.props.file, problem.message], ['error', 'gone.json', 'no such file']);
  });

  it('gitlab: Code Quality issues with description, check_name, severity, location.path and lines', () => {
    const r = run(['check', '--format', 'gitlab', '.']);
    assert.equal(r.code, 1, r.err);
    const issues = JSON.parse(r.out);
    assert.equal(issues.length, 2);
    const byCheck = Object.fromEntries(issues.map((i: { check_name: string }) => [i.check_name, i]));
    assert.equal(byCheck['action-unknown'].severity, 'major');
    assert.deepEqual(byCheck['action-unknown'].location, { path: 'infra/braze-currents.tf', lines: { begin: 15, end: 15 } });
    assert.match(byCheck['action-unknown'].description, /^"s3:ListBukket" is not an IAM action\. .*\(data\.aws_iam_policy_document\.braze_currents\)$/);
    assert.equal(byCheck['resource-overbroad'].severity, 'minor');
    assert.deepEqual(byCheck['resource-overbroad'].location, { path: 'policies/braze-currents.json', lines: { begin: 21, end: 21 } });
    for (const i of issues) assert.match(i.fingerprint, /^[0-9a-f]{64}$/);
    assert.notEqual(issues[0].fingerprint, issues[1].fingerprint);
  });

  it('gitlab: a fingerprint stays when lines are added above the finding, and two identical findings get two', () => {
    const dir = copy();
    const before = JSON.parse(run(['check', '--format', 'gitlab', '.'], dir).out);
    const tf = join(dir, 'infra/braze-currents.tf');
    writeFileSync(tf, '# one\n# two\n# three\n' + readFileSync(tf, 'utf8'));
    const after = JSON.parse(run(['check', '--format', 'gitlab', '.'], dir).out);
    const tfIssue = (list: { check_name: string; fingerprint: string; location: { lines: { begin: number } } }[]) => list.find((i) => i.check_name === 'action-unknown')!;
    assert.equal(tfIssue(after).location.lines.begin, tfIssue(before).location.lines.begin + 3);
    assert.equal(tfIssue(after).fingerprint, tfIssue(before).fingerprint);
    writeFileSync(tf, readFileSync(tf, 'utf8').replace('"s3:ListBukket"]', '"s3:ListBukket", "s3:ListBukket"]'));
    const twice = JSON.parse(run(['check', '--format', 'gitlab', '.'], dir).out).filter((i: { check_name: string }) => i.check_name === 'action-unknown');
    assert.equal(twice.length, 2);
    assert.notEqual(twice[0].fingerprint, twice[1].fingerprint);
    assert.ok(twice.some((i: { fingerprint: string }) => i.fingerprint === tfIssue(before).fingerprint));
  });

  it('junit: well-formed XML, one test case per file, a failure for the file with an error, warnings in system-out', () => {
    const r = run(['check', '--format', 'junit', '.']);
    assert.equal(r.code, 1, r.err);
    assert.equal(XMLValidator.validate(r.out), true);
    const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse(r.out);
    assert.deepEqual([xml.testsuites.tests, xml.testsuites.failures, xml.testsuites.errors], ['3', '1', '0']);
    const cases: { name: string; failure?: { message: string; type: string; '#text': string }; 'system-out'?: string }[] = xml.testsuites.testsuite.testcase;
    assert.deepEqual(cases.map((c) => c.name), ['cfn/braze-export.yaml', 'infra/braze-currents.tf', 'policies/braze-currents.json']);
    assert.equal(cases[0].failure, undefined);
    assert.equal(cases[1].failure?.type, 'action-unknown');
    assert.equal(cases[1].failure?.message, '1 error: action-unknown "s3:ListBukket" is not an IAM action. Did you mean "s3:ListBucket"?');
    assert.match(cases[1].failure!['#text'], /^infra\/braze-currents\.tf:15:51 error action-unknown /);
    assert.equal(cases[2].failure, undefined);
    assert.match(cases[2]['system-out']!, /^policies\/braze-currents\.json:21:18 warning resource-overbroad /);
  });

  it('junit: markup characters and characters XML forbids in paths and messages stay well-formed and read back', () => {
    const message = 'a <b> & "c" \'d\' \u0001 end';
    const out = toJunit([doc('x&<y>.json', [finding({ message }), finding({ message: 'second' })])], [{ path: 'bad"file.json', problem: 'binary <data>' }], { root: '.', locale: 'es' });
    assert.equal(XMLValidator.validate(out), true);
    const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse(out);
    const [first, second] = xml.testsuites.testsuite.testcase;
    assert.equal(first.name, 'x&<y>.json');
    assert.equal(first.failure.message, '2 errores: action-unknown a <b> & "c" \'d\' \uFFFD end');
    assert.deepEqual([second.name, second.error.message, second.error.type], ['bad"file.json', 'binary <data>', 'unreadable-input']);
    assert.deepEqual([xml.testsuites.failures, xml.testsuites.errors], ['1', '1']);
  });

  it('--only-policies: named files that hold no policy are skipped (not judged), policies and missing files still reported', () => {
    const dir = copy();
    writeFileSync(join(dir, 'package.json'), '{ "name": "app", "private": true }\n');
    writeFileSync(join(dir, 'ci.yml'), 'name: ci\non: push\n');
    const named = ['package.json', 'ci.yml', 'infra/braze-currents.tf', 'cfn/braze-export.yaml'];
    const judged = JSON.parse(run(['check', '--format', 'json', ...named], dir).out);
    assert.ok(judged.files.some((f: { path: string }) => f.path === 'ci.yml'), 'without the flag a named file is always checked');
    const r = run(['check', '--format', 'json', '--only-policies', ...named, 'gone.json'], dir);
    const json = JSON.parse(r.out);
    assert.deepEqual([...new Set(json.files.map((f: { path: string }) => f.path))], ['infra/braze-currents.tf', 'cfn/braze-export.yaml']);
    assert.deepEqual(json.unreadable.map((u: { path: string }) => u.path), ['gone.json']);
    assert.equal(r.code, 2);
  });

  it('an unknown --format is a usage error that lists the formats (exit 2)', () => {
    const r = run(['check', '--format', 'checkstyle', '.']);
    assert.equal(r.code, 2);
    assert.match(r.err, /--format must be one of text, json, sarif, github, gitlab, junit/);
  });
});
