// The repository configuration (.braze-s3.yaml / .braze-s3.json) and braze-s3-ignore suppressions:
// the reader and its messages, where the file is found, the glob matcher, inline comments in
// Terraform and CloudFormation (and Metadata), and the CLI end to end on a temporary repository.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { compileGlob } from '../../src/config/glob';
import { parseRepoConfig } from '../../src/config/parse';
import { FindingFilter, ProcessedFileReport, processFileReport } from '../../src/config/apply';
import { clearConfigCache, configFileFor, configForFile, findConfigFile } from '../../src/config/repoConfig';
import type { RepoConfig } from '../../src/config/repoConfig';
import { analyzeFile, allFindings } from '../../src/routing/analyzeFile';
import { loadTerraform } from '../../src/formats/treeSitter';
import type { Finding } from '../../src/policy';

const CONFIG = '/repo/.braze-s3.yaml';

function parsed(text: string, locale?: 'en' | 'es'): RepoConfig {
  const r = parseRepoConfig(text, CONFIG, locale);
  assert.deepEqual(r.problems, [], JSON.stringify(r.problems));
  assert.ok(r.config);
  return r.config;
}

function problems(text: string, locale?: 'en' | 'es') {
  const r = parseRepoConfig(text, CONFIG, locale);
  assert.equal(r.config, undefined, 'an invalid configuration must not be used');
  return r.problems.map((p) => ({ line: p.line + 1, col: p.character + 1, message: p.message }));
}

describe('repository configuration: globs', () => {
  const m = (glob: string, path: string) => compileGlob(glob).test(path);
  it('matches *, **, ?, {a,b} and [..] relative to the configuration folder', () => {
    assert.ok(m('policies/*.json', 'policies/a.json'));
    assert.ok(!m('policies/*.json', 'policies/sub/a.json'));
    assert.ok(m('policies/**/*.json', 'policies/sub/deep/a.json'));
    assert.ok(m('policies/**/*.json', 'policies/a.json'));
    assert.ok(m('infra/braze-?.tf', 'infra/braze-1.tf'));
    assert.ok(m('infra/*.{tf,yaml}', 'infra/main.yaml'));
    assert.ok(!m('infra/*.{tf,yaml}', 'infra/main.json'));
    assert.ok(m('[ab]*.json', 'x/b1.json'));
    assert.ok(!m('[!ab]*.json', 'b1.json'));
  });
  it('a name without / matches in any folder; ./ or / anchors; a folder matches what is under it', () => {
    assert.ok(m('trust.json', 'deep/down/trust.json'));
    assert.ok(!m('./trust.json', 'deep/trust.json'));
    assert.ok(m('/trust.json', 'trust.json'));
    assert.ok(m('vendor/', 'vendor/a/b.json'));
    assert.ok(m('vendor', 'x/vendor/b.json'));
    assert.ok(!m('vendor/', 'vendored/b.json'));
  });
  it('refuses malformed and absolute patterns', () => {
    for (const bad of ['', 'a/{b', 'a/[b', '../x', 'C:\\x']) assert.throws(() => compileGlob(bad), Error, bad);
  });
});

describe('repository configuration: the reader', () => {
  it('reads every key', () => {
    const c = parsed([
      '# the repository\'s Braze export setup',
      'partnerAccountId: "123456789012"',
      'externalId: acme-ext-42',
      'folder: exports/currents',
      'purposes:',
      '  - glob: "policies/braze-*.json"',
      '    purpose: currents',
      '  - { glob: "infra/partner-trust.json", purpose: trust }',
      '  - glob: "ops/**"',
      '    purpose: none',
      'rules:',
      '  resource-overbroad: error',
      '  action-redundant: off',
      'exclude: [vendor/, "examples/**"]',
      'ignore:',
      '  - glob: "legacy/*.json"',
      '    codes: [resource-overbroad, bucket-inconsistent]',
      '    reason: migrating to one bucket per stage (JIRA-123)',
    ].join('\n'));
    assert.equal(c.partnerAccountId, '123456789012');
    assert.equal(c.externalId, 'acme-ext-42');
    assert.equal(c.folder, 'exports/currents');
    assert.deepEqual(c.purposes.map((p) => [p.glob, p.purpose, p.line]), [['policies/braze-*.json', 'currents', 6], ['infra/partner-trust.json', 'trust', 8], ['ops/**', 'none', 9]]);
    assert.deepEqual(c.rules, { 'resource-overbroad': 'error', 'action-redundant': 'off' });
    assert.deepEqual(c.exclude, ['vendor/', 'examples/**']);
    assert.deepEqual(c.ignore, [{ glob: 'legacy/*.json', codes: ['resource-overbroad', 'bucket-inconsistent'], reason: 'migrating to one bucket per stage (JIRA-123)', line: 16 }]);
  });

  it('reads the same in JSON, and an empty file is all defaults', () => {
    const c = parsed(JSON.stringify({ $schema: 'x', rules: { 'resource-overbroad': 'info' }, purposes: [{ glob: 'p/*.json', purpose: 'dashboard' }] }, null, 2));
    assert.deepEqual(c.rules, { 'resource-overbroad': 'info' });
    assert.equal(c.purposes[0].purpose, 'dashboard');
    assert.deepEqual(parsed('# nothing yet\n').purposes, []);
  });

  it('says what is wrong, on which line, and uses nothing of an invalid file', () => {
    assert.deepEqual(problems([
      'purpose:',
      '  - glob: a.json',
      'rules:',
      '  resource-overbroad: fatal',
      '  action-unknwn: error',
      'purposes:',
      '  - glob: "a/{b"',
      '    purpose: currents',
      '  - glob: b.json',
      '    purpose: braze',
      '  - glob: c.json',
      'ignore:',
      '  - glob: legacy/*.json',
      '    codes: [resource-overbroad]',
      '  - glob: x.json',
      '    codes: suppression-unused',
      '    reason: no',
      'partnerAccountId: 12345',
    ].join('\n')), [
      { line: 1, col: 1, message: 'Unknown key "purpose". Did you mean "purposes"? Known keys: purposes, rules, exclude, ignore, partnerAccountId, externalId, folder.' },
      { line: 4, col: 23, message: '"fatal" is not a severity for resource-overbroad: use error, warning, info or off.' },
      { line: 5, col: 3, message: '"action-unknwn" is not a rule code. Did you mean "action-unknown"? The codes are listed in docs/rules.md.' },
      { line: 7, col: 11, message: 'The pattern "a/{b" is not usable: a "{" is not closed.' },
      { line: 10, col: 14, message: '"braze" is not a purpose: use currents, dashboard, trust or none (a general IAM policy).' },
      { line: 11, col: 5, message: 'This entry of "purposes" has no "purpose".' },
      { line: 13, col: 5, message: 'This entry of "ignore" has no reason: say why the findings are ignored.' },
      { line: 16, col: 12, message: 'suppression-unused cannot be ignored here: change its severity under "rules" instead.' },
      { line: 18, col: 19, message: 'partnerAccountId "12345" is not an AWS account ID (12 digits; quote it so YAML keeps it a string).' },
    ]);
  });

  it('reports YAML syntax errors and a root that is not a mapping, in Spanish too', () => {
    assert.match(problems('rules: [a\n')[0].message, /^YAML syntax error/);
    assert.deepEqual(problems('- a\n- b\n').map((p) => p.line), [1]);
    assert.deepEqual(problems('rules:\n  sid-invalid: maybe\n', 'es'), [{ line: 2, col: 16, message: '«maybe» no es una gravedad para sid-invalid: usa error, warning, info u off.' }]);
    assert.match(problems('rulez: {}\n', 'es')[0].message, /^Clave desconocida «rulez». ¿Querías decir «rules»\?/);
  });
});

describe('repository configuration: which file applies', () => {
  const root = mkdtempSync(join(tmpdir(), 'braze-s3-find-'));
  const write = (path: string, text: string) => {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  };
  beforeEach(() => clearConfigCache());
  after(() => rmSync(root, { recursive: true, force: true }));

  it('the nearest file walking up wins; the walk stops at the folder holding .git; .yaml before .json', () => {
    mkdirSync(join(root, 'outer/repo/.git'), { recursive: true });
    write('outer/.braze-s3.yaml', 'rules: {}\n');
    write('outer/repo/.braze-s3.json', '{"rules": {"sid-invalid": "off"}}');
    write('outer/repo/.braze-s3.yaml', 'rules: {sid-invalid: info}\n');
    write('outer/repo/team/.braze-s3.yaml', 'rules: {sid-invalid: warning}\n');
    write('outer/repo/team/sub/p.json', '{}');
    write('outer/repo/other/p.json', '{}');
    write('outer/repo/other/nested/.git', 'gitdir: elsewhere\n'); // a worktree or submodule
    assert.equal(findConfigFile(join(root, 'outer/repo/team/sub')), join(root, 'outer/repo/team/.braze-s3.yaml'));
    assert.equal(findConfigFile(join(root, 'outer/repo/other')), join(root, 'outer/repo/.braze-s3.yaml'));
    assert.equal(findConfigFile(join(root, 'outer/repo/other/nested')), undefined);
    assert.deepEqual(configFileFor(join(root, 'outer/repo/team/sub/p.json'))?.config?.rules, { 'sid-invalid': 'warning' });
  });

  it('what it says for one file: the first purposes glob that matches, exclude, ignore', () => {
    const config = parsed('purposes:\n  - {glob: "p/braze-*.json", purpose: currents}\n  - {glob: "p/*.json", purpose: none}\nexclude: [vendor/]\nignore:\n  - {glob: "p/old-*.json", codes: [sid-invalid], reason: old}\n');
    assert.equal(configForFile(config, '/repo/p/braze-a.json').purpose, 'currents');
    assert.equal(configForFile(config, '/repo/p/old-a.json').purpose, 'none');
    assert.equal(configForFile(config, '/elsewhere/p/braze-a.json').purpose, undefined);
    assert.equal(configForFile(config, '/repo/vendor/x/p.json').excluded, true);
    assert.deepEqual(configForFile(config, '/repo/p/old-a.json').ignore, [{ codes: ['sid-invalid'], reason: 'old', line: 6 }]);
    assert.deepEqual(configForFile(config, '/repo/p/new.json').ignore, []);
  });
});

/** Checks a file as the CLI does: the engine, then severities and suppressions. */
function check(text: string, fileName: string, config?: RepoConfig): ProcessedFileReport {
  const report = analyzeFile(text, fileName, {});
  assert.ok(report, 'the Terraform grammar is loaded');
  return processFileReport(report, new FindingFilter({ text, format: report.format, config: config && configForFile(config, `/repo/${fileName}`) }));
}
const shown = (r: ProcessedFileReport) => allFindings(r).map((f) => f.code);
const suppressed = (r: ProcessedFileReport) => [...r.suppressedInFile, ...r.documents.flatMap((d) => d.suppressed)].map((f) => `${f.code} ${f.suppression.kind}: ${f.suppression.justification}`);
const at = (text: string, f: Finding) => text.slice(f.offset, f.offset + f.length);

const tfPolicy = (before: string, inner = '') => `${before}data "aws_iam_policy_document" "braze_currents" {
  statement {
    actions   = ["s3:ListBucket", "s3:GetBucketLocation"]
    resources = ["arn:aws:s3:::acme-exports*"]
  }
  statement {
    actions   = ["s3:PutObject", "s3:GetObject", "s3:GetObjekt"]${inner}
    resources = ["arn:aws:s3:::acme-exports*/*"]
  }
}
`;

describe('braze-s3-ignore in Terraform', () => {
  before(async () => assert.ok(await loadTerraform()));

  it('without a suppression: two resource-overbroad and one action-unknown', () => {
    assert.deepEqual(shown(check(tfPolicy(''), 'main.tf')), ['resource-overbroad', 'action-unknown', 'resource-overbroad']);
  });

  it('on the line before a block header: the whole block', () => {
    const r = check(tfPolicy('# braze-s3-ignore: resource-overbroad -- every stage bucket starts with acme-exports\n'), 'main.tf');
    assert.deepEqual(shown(r), ['action-unknown']);
    assert.deepEqual(suppressed(r), ['resource-overbroad inSource: every stage bucket starts with acme-exports', 'resource-overbroad inSource: every stage bucket starts with acme-exports']);
  });

  it('at the end of a line (also //): that line only; on the line before a line: that line', () => {
    const text = tfPolicy('', ' // braze-s3-ignore: action-unknown -- a new action our catalog lacks').replace('    resources = ["arn:aws:s3:::acme-exports*"]', '    # braze-s3-ignore: resource-overbroad, sid-invalid -- legacy bucket name\n    resources = ["arn:aws:s3:::acme-exports*"]');
    const r = check(text, 'main.tf');
    assert.deepEqual(shown(r), ['resource-overbroad']);
    assert.equal(at(text, allFindings(r)[0]), 'arn:aws:s3:::acme-exports*/*');
    assert.deepEqual(suppressed(r).sort(), ['action-unknown inSource: a new action our catalog lacks', 'resource-overbroad inSource: legacy bucket name']);
  });

  it('without a reason, or with an unknown code: suppression-invalid, and nothing suppressed', () => {
    const text = tfPolicy('# braze-s3-ignore: resource-overbroad\n', ' # braze-s3-ignore: action-unknwn -- typo in the code');
    const r = check(text, 'main.tf');
    assert.deepEqual(shown(r), ['suppression-invalid', 'resource-overbroad', 'action-unknown', 'suppression-invalid', 'resource-overbroad']);
    const invalid = allFindings(r).filter((f) => f.code === 'suppression-invalid');
    assert.equal(invalid[0].severity, 'warning');
    assert.equal(invalid[0].message, 'This braze-s3-ignore of resource-overbroad has no reason: add " -- " and why. It suppresses nothing.');
    assert.equal(at(text, invalid[0]), '# braze-s3-ignore: resource-overbroad');
    assert.match(invalid[1].message, /"action-unknwn" is not a rule code\. Did you mean "action-unknown"\?.*It suppresses nothing\.$/);
    assert.deepEqual(suppressed(r), []);
  });

  it('one that suppresses nothing: suppression-unused (info); none while the file has a syntax error', () => {
    const text = tfPolicy('# braze-s3-ignore: sid-invalid -- no Sid is ever written here\n');
    const r = check(text, 'main.tf');
    const unused = allFindings(r).find((f) => f.code === 'suppression-unused');
    assert.ok(unused);
    assert.equal(unused.severity, 'info');
    assert.equal(unused.message, 'This braze-s3-ignore suppresses nothing: no sid-invalid finding is here.');
    const broken = check(text.replace('"s3:GetObjekt"]', '"s3:GetObjekt"'), 'main.tf');
    assert.ok(shown(broken).includes('template-syntax'));
    assert.ok(!shown(broken).includes('suppression-unused'));
  });

  it('does not read directives inside strings or heredocs; covers a heredoc policy', () => {
    const text = [
      'resource "aws_iam_policy" "app" {',
      '  description = "# braze-s3-ignore: action-unknown -- not a comment"',
      '  # braze-s3-ignore: action-unknown -- the heredoc holds a new action',
      '  policy = <<EOF',
      '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObjekt", "Resource": "arn:aws:s3:::acme-app/*"}]}',
      'EOF',
      '}',
      '',
    ].join('\n');
    const r = check(text, 'main.tf');
    assert.deepEqual(shown(r), []);
    assert.deepEqual(suppressed(r), ['action-unknown inSource: the heredoc holds a new action']);
  });

  it('the configuration: rules change severities or turn a rule off; ignore suppresses (external)', () => {
    const config = parsed('rules:\n  resource-overbroad: error\n  action-unknown: off\nignore:\n  - glob: "*.tf"\n    codes: [resource-overbroad]\n    reason: reviewed\n');
    const r = check(tfPolicy(''), 'main.tf', config);
    assert.deepEqual(shown(r), []);
    assert.deepEqual(suppressed(r), ['resource-overbroad external: reviewed', 'resource-overbroad external: reviewed']);
    assert.equal(r.documents[0].suppressed[0].severity, 'error');
    assert.equal(r.documents[0].suppressed[0].suppression.line, 5);
    const severities = check(tfPolicy(''), 'main.tf', parsed('rules: { resource-overbroad: error, suppression-unused: off }\n'));
    assert.deepEqual(allFindings(severities).map((f) => `${f.code} ${f.severity}`), ['resource-overbroad error', 'action-unknown error', 'resource-overbroad error']);
  });
});

const cfn = (resourceExtra = '', before = '', actionLine = '            Action: [s3:PutObject, s3:GetObject, s3:GetObjekt]') => `AWSTemplateFormatVersion: "2010-09-09"
Resources:
${before}  BrazeExportPolicy:
    Type: AWS::IAM::ManagedPolicy
${resourceExtra}    Properties:
      PolicyDocument:
        Version: "2012-10-17"
        Statement:
          - Effect: Allow
            Action:
              - s3:ListBucket
              - s3:GetBucketLocation
            Resource: arn:aws:s3:::acme-exports*
          - Effect: Allow
${actionLine}
            Resource: arn:aws:s3:::acme-exports*/*
  AppBucket:
    Type: AWS::S3::Bucket
`;

describe('braze-s3-ignore in CloudFormation', () => {
  it('without a suppression: two resource-overbroad and one action-unknown', () => {
    assert.deepEqual(shown(check(cfn(), 'template.yaml')), ['resource-overbroad', 'action-unknown', 'resource-overbroad']);
  });

  it('a comment on the line before a resource covers the resource; at the end of a line, that line', () => {
    const r = check(cfn('', '  # braze-s3-ignore: resource-overbroad -- stage buckets share the prefix\n', '            Action: [s3:PutObject, s3:GetObject, s3:GetObjekt] # braze-s3-ignore: action-unknown -- newer than our catalog'), 'template.yaml');
    assert.deepEqual(shown(r), []);
    assert.deepEqual(suppressed(r), ['resource-overbroad inSource: stage buckets share the prefix', 'action-unknown inSource: newer than our catalog', 'resource-overbroad inSource: stage buckets share the prefix']);
  });

  it('a comment before a sequence item covers that statement only', () => {
    const text = cfn().replace('          - Effect: Allow\n            Action:\n', '          # braze-s3-ignore: resource-overbroad -- bucket-level statement\n          - Effect: Allow\n            Action:\n');
    const r = check(text, 'template.yaml');
    assert.deepEqual(shown(r), ['action-unknown', 'resource-overbroad']);
    assert.equal(at(text, allFindings(r)[1]), 'arn:aws:s3:::acme-exports*/*');
  });

  it('Metadata braze-s3 ignore covers the resource; an entry without a reason is suppression-invalid', () => {
    const metadata = [
      '    Metadata:',
      '      cfn-lint:',
      '        config:',
      '          ignore_checks: [W3005]',
      '      braze-s3:',
      '        ignore:',
      '          - code: resource-overbroad',
      '            reason: one bucket per stage, same prefix',
      '          - code: action-unknown',
      '',
    ].join('\n');
    const text = cfn(metadata);
    const r = check(text, 'template.yaml');
    assert.deepEqual(shown(r), ['suppression-invalid', 'action-unknown']);
    assert.equal(at(text, allFindings(r)[0]), 'code: action-unknown\n');
    assert.deepEqual(suppressed(r), ['resource-overbroad inSource: one bucket per stage, same prefix', 'resource-overbroad inSource: one bucket per stage, same prefix']);
  });

  it('Metadata works in a JSON template too', () => {
    const template = {
      AWSTemplateFormatVersion: '2010-09-09',
      Resources: {
        BrazeExportPolicy: {
          Type: 'AWS::IAM::ManagedPolicy',
          Metadata: { 'braze-s3': { ignore: [{ code: ['action-unknown', 'resource-overbroad'], reason: 'reviewed in SEC-9' }] } },
          Properties: { PolicyDocument: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: ['s3:ListBucket', 's3:GetBucketLocation'], Resource: 'arn:aws:s3:::acme-exports*' }, { Effect: 'Allow', Action: ['s3:PutObject', 's3:GetObject', 's3:GetObjekt'], Resource: 'arn:aws:s3:::acme-exports/*' }] } },
        },
      },
    };
    const r = check(JSON.stringify(template, null, 2), 'template.json');
    assert.equal(r.format, 'cloudformation');
    assert.deepEqual(shown(r), []);
    assert.deepEqual(suppressed(r), ['resource-overbroad inSource: reviewed in SEC-9', 'action-unknown inSource: reviewed in SEC-9']);
  });

  it('messages in Spanish', () => {
    const text = cfn('', '  # braze-s3-ignore: resource-overbroad\n');
    const report = analyzeFile(text, 'template.yaml', { locale: 'es' })!;
    const r = processFileReport(report, new FindingFilter({ text, format: report.format, locale: 'es' }));
    assert.equal(allFindings(r)[0].message, 'Este braze-s3-ignore de resource-overbroad no tiene motivo: añade « -- » y el porqué. No suprime nada.');
  });
});

describe('CLI with a repository configuration (dist/cli.js)', () => {
  const cli = join(__dirname, '../../dist/cli.js');
  const repo = mkdtempSync(join(tmpdir(), 'braze-s3-repo-'));
  const write = (path: string, text: string) => {
    mkdirSync(dirname(join(repo, path)), { recursive: true });
    writeFileSync(join(repo, path), text);
    return path;
  };
  const run = (...args: string[]) => {
    const r = spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8', cwd: repo, env: { ...process.env, LANG: 'C' } });
    return { code: r.status, out: r.stdout, err: r.stderr };
  };
  const overbroad = JSON.stringify({ Version: '2012-10-17', Statement: [
    { Effect: 'Allow', Action: ['s3:ListBucket', 's3:GetBucketLocation'], Resource: 'arn:aws:s3:::acme-exports' },
    { Effect: 'Allow', Action: ['s3:PutObject', 's3:GetObject'], Resource: 'arn:aws:s3:::acme-exports*' },
  ] }, null, 2);

  before(() => {
    assert.ok(existsSync(cli), 'dist/cli.js is missing: run `npm run build` first');
    mkdirSync(join(repo, '.git'));
    write('policies/braze-currents.json', overbroad);
    write('vendor/braze-copy.json', overbroad);
    write('infra/main.tf', tfPolicy('# braze-s3-ignore: resource-overbroad -- stage buckets share the prefix\n'));
  });
  after(() => rmSync(repo, { recursive: true, force: true }));

  it('the exit status follows the severities the file sets; --no-config ignores it', () => {
    rmSync(join(repo, '.braze-s3.yaml'), { force: true });
    assert.equal(run('check', 'policies').code, 0);
    write('.braze-s3.yaml', 'rules:\n  resource-overbroad: error\n');
    const strict = run('check', 'policies');
    assert.equal(strict.code, 1, strict.out);
    assert.match(strict.out, /braze-currents\.json:\d+:\d+ error resource-overbroad/);
    assert.equal(run('check', '--no-config', 'policies').code, 0);
    write('.braze-s3.yaml', 'rules:\n  resource-overbroad: off\n');
    assert.doesNotMatch(run('check', 'policies').out, /resource-overbroad/);
  });

  it('purposes, exclude and ignore; flags win over the file; the text says how many were suppressed', () => {
    write('.braze-s3.yaml', [
      'purposes:',
      '  - glob: policies/*.json',
      '    purpose: currents',
      'exclude: [vendor/]',
      'ignore:',
      '  - glob: policies/*.json',
      '    codes: [resource-overbroad]',
      '    reason: legacy prefix, see SEC-12',
      'rules:',
      '  action-unknown: warning',
      '',
    ].join('\n'));
    const r = run('check', '.');
    assert.equal(r.code, 0, r.out + r.err);
    assert.doesNotMatch(r.out, /vendor/);
    assert.match(r.out, /^policies\/braze-currents\.json: Currents export policy \(declared\)$/m);
    assert.match(r.out, /infra\/main\.tf:\d+:\d+ warning action-unknown/);
    assert.match(r.out, /: 0 errors, \d+ warnings?; 3 findings suppressed$/m);
    assert.deepEqual(JSON.parse(run('check', '--integration', 'none', '--format', 'json', 'policies').out).files[0].purpose, { id: 'general', declared: true, reason: 'declared' });
    assert.match(run('check', '--lang', 'es', '.').out, /; 3 hallazgos suprimidos$/m);
    const one = run('check', 'infra/main.tf');
    assert.match(one.out, /; 2 findings suppressed$/m);
  });

  it('JSON and SARIF carry the suppressed findings with their justification (inSource, external)', () => {
    const json = JSON.parse(run('check', '--format', 'json', '.').out);
    const policyFile = json.files.find((f: { path: string }) => f.path === 'policies/braze-currents.json');
    assert.deepEqual(policyFile.findings, []);
    assert.equal(policyFile.suppressed[0].code, 'resource-overbroad');
    assert.deepEqual(policyFile.suppressed[0].suppression, { kind: 'external', justification: 'legacy prefix, see SEC-12', path: '.braze-s3.yaml', line: 6 });
    const sarif = JSON.parse(run('check', '--format', 'sarif', '.').out);
    const results = sarif.runs[0].results as { ruleId: string; locations: { physicalLocation: { artifactLocation: { uri: string } } }[]; suppressions?: { kind: string; justification: string; location?: { physicalLocation: { artifactLocation: { uri: string }; region?: { startLine: number } } } }[] }[];
    const suppressedResults = results.filter((x) => x.suppressions);
    assert.equal(suppressedResults.length, 3);
    const inSource = suppressedResults.find((x) => x.locations[0].physicalLocation.artifactLocation.uri === 'infra/main.tf')!;
    assert.deepEqual(inSource.suppressions, [{ kind: 'inSource', status: 'accepted', justification: 'stage buckets share the prefix', location: { physicalLocation: { artifactLocation: { uri: 'infra/main.tf' }, region: { startLine: 1, startColumn: 1, endLine: 1, endColumn: 72 } } } }]);
    const external = suppressedResults.find((x) => x.locations[0].physicalLocation.artifactLocation.uri === 'policies/braze-currents.json')!;
    assert.equal(external.suppressions![0].kind, 'external');
    assert.equal(external.suppressions![0].location?.physicalLocation.artifactLocation.uri, '.braze-s3.yaml');
    assert.equal(external.suppressions![0].location?.physicalLocation.region?.startLine, 6);
    assert.ok(results.every((x) => x.ruleId !== 'resource-overbroad' || x.suppressions));
  });

  it('an invalid configuration: exit 2 and file:line:col messages, before anything is checked; --config PATH', () => {
    write('.braze-s3.yaml', 'rules:\n  resource-overbroad: loud\npurposes: currents\n');
    const r = run('check', '.');
    assert.equal(r.code, 2);
    assert.equal(r.out, '');
    assert.deepEqual(r.err.trim().split('\n'), [
      'braze-s3: .braze-s3.yaml:2:23: "loud" is not a severity for resource-overbroad: use error, warning, info or off.',
      'braze-s3: .braze-s3.yaml:3:11: "purposes" must be a list.',
    ]);
    assert.match(run('check', '--lang', 'es', '.').err, /«loud» no es una gravedad/);
    assert.equal(run('check', '--no-config', 'policies').code, 0);
    write('ci/strict.yaml', 'rules: { resource-overbroad: error }\n');
    assert.equal(run('check', '--config', 'ci/strict.yaml', 'policies').code, 1);
    const missing = run('check', '--config', 'ci/none.yaml', 'policies');
    assert.equal(missing.code, 2);
    assert.match(missing.err, /ci\/none\.yaml:1:1: The configuration file cannot be read \(ENOENT\)/);
    assert.equal(run('check', '--config', 'ci/strict.yaml', '--no-config', 'policies').code, 2);
  });
});

describe('repository configuration and suppressions: mutated input never throws', () => {
  // A small deterministic generator (the same cases on every run).
  let seed = 7;
  const next = (n: number) => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed % n;
  };
  const mutate = (text: string) => {
    const at = next(text.length + 1);
    const pieces = ['', ' ', '\n', ':', '-', '#', '[', ']', '{', '}', '"', '--', 'braze-s3-ignore:', 'null', '- ', '\t'];
    return text.slice(0, at) + pieces[next(pieces.length)] + text.slice(at + next(4));
  };
  const config = 'purposes:\n  - glob: "p/*.json"\n    purpose: currents\nrules:\n  sid-invalid: off\nexclude: [vendor/]\nignore:\n  - {glob: "x/**", codes: [sid-invalid], reason: r}\npartnerAccountId: "123456789012"\n';

  it('the configuration reader: 1,000 mutations', () => {
    let text = config;
    for (let i = 0; i < 1000; i++) {
      text = i % 50 === 0 ? config : mutate(text);
      const r = parseRepoConfig(text, CONFIG);
      assert.ok(r.config || r.problems.length > 0);
      for (const p of r.problems) assert.ok(p.message && p.line >= 0 && p.character >= 0, JSON.stringify(p));
    }
  });

  it('braze-s3-ignore in .tf and YAML, and Metadata: 400 mutations each', async () => {
    assert.ok(await loadTerraform());
    const base = {
      'main.tf': tfPolicy('# braze-s3-ignore: resource-overbroad -- r\n', ' /* braze-s3-ignore: action-unknown -- r */'),
      'template.yaml': cfn('    Metadata:\n      braze-s3:\n        ignore:\n          - {code: action-unknown, reason: r}\n', '  # braze-s3-ignore: resource-overbroad -- r\n'),
    };
    for (const [name, original] of Object.entries(base)) {
      let text = original;
      for (let i = 0; i < 400; i++) {
        text = i % 50 === 0 ? original : mutate(text);
        const report = analyzeFile(text, name, {});
        if (!report) continue;
        const r = processFileReport(report, new FindingFilter({ text, format: report.format }));
        for (const f of allFindings(r)) assert.ok(f.offset >= 0 && f.offset <= text.length, `${name}: ${f.code} at ${f.offset}`);
      }
    }
  });
});
