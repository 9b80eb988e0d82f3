// The command-line checker, run as users run it: the bundled dist/cli.js in a child process.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { policyText, trustPolicyText } from '../../src/policy';
import { currentsStatements, policy } from './helpers';
import { startLocalAws, type LocalAws } from './localAws';

const cli = join(__dirname, '../../dist/cli.js');
const dir = mkdtempSync(join(tmpdir(), 'braze-s3-cli-'));
const file = (name: string, content: string | Buffer) => {
  const p = join(dir, name);
  writeFileSync(p, content);
  return p;
};

function run(...args: string[]) {
  const r = spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8', env: { ...process.env, LANG: 'C' } });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('CLI (dist/cli.js)', () => {
  before(() => assert.ok(existsSync(cli), 'dist/cli.js is missing: run `npm run build` first'));

  const good = file('good.json', policyText('currents', { bucket: 'acme-braze-exports' }));
  const placeholder = file('placeholder.json', policyText('currents'));
  const C = currentsStatements('acme-braze-exports');
  const missing = file('missing.json', policy([C[0], { ...C[1], Action: ['s3:PutObject'] }]));
  const warnOnly = file('warn.json', policy([C[0], { ...C[1], Resource: ['arn:aws:s3:::acme-braze-exports*'] }]));

  it('exits 0 on a correct policy and prints a summary', () => {
    const r = run('check', good);
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /^Currents export policy: 1 policy document, 0 errors, 0 warnings$/m);
    assert.match(r.out, /^1 file checked: 0 errors, 0 warnings$/m);
  });
  it('exits 0 when there are only warnings', () => {
    const r = run('check', warnOnly);
    assert.equal(r.code, 0);
    assert.match(r.out, /warning resource-overbroad/);
  });
  it('exits 1 on errors, printing file:line:col severity code message (1-based)', () => {
    const r = run('check', placeholder);
    assert.equal(r.code, 1);
    const [purpose, first] = r.out.split('\n');
    assert.equal(purpose, `${placeholder}: Currents export policy (it holds a Braze template placeholder (INSERTBUCKETNAME); inferred because s3:DeleteObject is not granted)`);
    assert.equal(first, `${placeholder}:11:31 error placeholder Replace the template placeholder "INSERTBUCKETNAME" with your bucket name.`);
  });
  it('prints the exact JSON shape with 0-based ranges', () => {
    const r = run('check', '--format', 'json', missing);
    assert.equal(r.code, 1);
    const json = JSON.parse(r.out);
    assert.deepEqual(Object.keys(json), ['files', 'unreadable', 'ignoredSkipped']);
    assert.deepEqual(Object.keys(json.files[0]), ['path', 'purpose', 'findings']);
    assert.deepEqual(json.files[0].purpose, { id: 'currents', declared: false, reason: 'a bucket name mentions Braze or Currents; inferred because s3:DeleteObject is not granted' });
    const f = json.files[0].findings[0];
    assert.deepEqual(Object.keys(f), ['code', 'severity', 'message', 'offset', 'length', 'range']);
    assert.equal(f.code, 'integration-missing-permission');
    assert.match(f.message, /Currents needs s3:GetObject on arn:aws:s3:::acme-braze-exports\/currents\/\*/);
    assert.deepEqual(f.range.start, { line: 15, character: 16 });
    const text = policy([C[0], { ...C[1], Action: ['s3:PutObject'] }]);
    assert.equal(text.slice(f.offset, f.offset + f.length), '[\n        "s3:PutObject"\n      ]');
  });
  it('labels partner trust policies and general documents', () => {
    const trust = file('trust.json', trustPolicyText('111122223333', 'x'));
    const json = JSON.parse(run('check', '--format', 'json', '--partner-account-id', '111122223333', trust, file('pkg.json', '{"name":"x"}')).out);
    assert.deepEqual(json.files.map((f: { purpose: { id: string } }) => f.purpose.id), ['trust', 'general']);
    assert.equal(json.files[0].purpose.reason, 'it trusts the configured partner account');
  });
  it('walks folders: Braze findings only on Braze policies, generic checks on the rest, one summary line per purpose', () => {
    const repo = mkdtempSync(join(tmpdir(), 'braze-s3-repo-'));
    const put = (rel: string, content: string) => {
      mkdirSync(join(repo, rel, '..'), { recursive: true });
      writeFileSync(join(repo, rel), content);
    };
    put('iam/ec2-readonly.json', policy([{ Effect: 'Allow', Action: ['ec2:Describe*', 'elasticloadbalancing:Describe*'], Resource: '*' }]));
    put('iam/admin.json', policy([{ Effect: 'Allow', Action: '*', Resource: '*' }]));
    put('iam/app-bucket.json', policy([{ Effect: 'Allow', Action: ['s3:ListBucket'], Resource: 'arn:aws:s3:::app-uploads' }, { Effect: 'Allow', Action: ['s3:GetObject', 's3:PutObject'], Resource: 'arn:aws:s3:::app-uploads/*' }]));
    put('iam/typo.json', policy([{ Effect: 'Allow', Action: ['ec2:DescribeInstancess'], Resource: '*' }]));
    put('braze/export.json', policy([C[0], { ...C[1], Action: ['s3:PutObject'] }]));
    put('node_modules/x/policy.json', policy([{ Effect: 'Allow', Action: 's4:Nothing', Resource: '*' }]));
    put('package.json', '{"name": "x", "Statement": []}');
    put('notes.json', '{"hello": "world"}');
    const r = run('check', repo);
    assert.equal(r.code, 1, r.err);
    const lines = r.out.trimEnd().split('\n');
    const findingsOf = (name: string) => lines.filter((l) => l.startsWith(join(repo, name) + ':') && / (error|warning|info) /.test(l)).map((l) => l.split(' ')[2]);
    assert.deepEqual(findingsOf('braze/export.json'), ['integration-missing-permission']);
    assert.deepEqual(findingsOf('iam/ec2-readonly.json'), []);
    assert.deepEqual(findingsOf('iam/admin.json'), []);
    assert.deepEqual(findingsOf('iam/app-bucket.json'), []);
    assert.deepEqual(findingsOf('iam/typo.json'), ['action-unknown']);
    assert.ok(!r.out.includes('node_modules') && !r.out.includes('package.json'), r.out);
    assert.deepEqual(lines.slice(-3), [
      'Currents export policy: 1 policy document, 1 error, 0 warnings',
      'general IAM policy: 4 policy documents, 1 error, 0 warnings',
      '5 files checked: 2 errors, 0 warnings',
    ]);
    // --integration none: the export policy is checked as a general one (only its generic findings).
    assert.equal(run('check', '--integration', 'none', join(repo, 'braze/export.json')).code, 0);
  });
  it('names an unreadable input inside JSON and SARIF output (exit 2), and still reports the rest', () => {
    const missingPath = join(dir, 'gone.json');
    const json = run('check', '--format', 'json', good, missingPath);
    assert.equal(json.code, 2);
    const doc = JSON.parse(json.out);
    assert.equal(doc.files.length, 1);
    assert.deepEqual(doc.unreadable, [{ path: missingPath, problem: 'cannot read (ENOENT)' }]);
    const sarif = run('check', '--format', 'sarif', good, missingPath);
    assert.equal(sarif.code, 2);
    const inv = JSON.parse(sarif.out).runs[0].invocations[0];
    assert.equal(inv.executionSuccessful, false);
    assert.match(inv.toolExecutionNotifications[0].message.text, /gone\.json: cannot read \(ENOENT\)/);
    assert.deepEqual(JSON.parse(sarif.out).runs[0].artifacts[0].properties.purpose.id, 'currents');
  });
  it('counts in Spanish with proper plurals', () => {
    assert.match(run('check', '--lang', 'es', good).out, /^1 archivo comprobado: 0 errores, 0 avisos$/m);
  });
  it('prints SARIF 2.1.0 with rule metadata and 1-based regions', () => {
    const r = run('check', '--format', 'sarif', placeholder);
    const sarif = JSON.parse(r.out);
    assert.equal(sarif.version, '2.1.0');
    const run0 = sarif.runs[0];
    assert.equal(run0.tool.driver.name, 'braze-s3');
    assert.ok(run0.tool.driver.rules.some((x: { id: string }) => x.id === 'placeholder'));
    assert.equal(run0.results[0].ruleId, 'placeholder');
    assert.equal(run0.results[0].level, 'error');
    assert.deepEqual(run0.results[0].locations[0].physicalLocation.region.startLine, 11);
    assert.equal(run0.tool.driver.rules[run0.results[0].ruleIndex].id, 'placeholder');
    // Each rule links to the docs shipped beside the CLI, and carries its fix.
    const rule = run0.tool.driver.rules.find((x: { id: string }) => x.id === 'placeholder');
    const docs = readFileSync(fileURLToPath(rule.helpUri.split('#')[0]), 'utf8');
    assert.ok(docs.split('\n').includes('## placeholder'));
    assert.match(rule.help.text, /Replace it with your bucket name/);
  });
  it('--help says where the rule documentation is, and the file is there', () => {
    const help = run('--help').out;
    const path = /^\s+(\/\S+docs\/rules\.md)$/m.exec(help)?.[1];
    assert.ok(path && readFileSync(path, 'utf8').startsWith('# Braze S3 Export Policy Kit rules'), help.slice(-200));
  });
  it('checks against a declared integration, folder and partner IDs', () => {
    assert.match(run('check', '--integration', 'dashboard', good).out, /Dashboard data export needs s3:DeleteObject on arn:aws:s3:::acme-braze-exports\/\*,/);
    // --folder is the Currents folder: a dashboard export is still checked at the bucket root.
    assert.match(run('check', '--integration', 'dashboard', '--folder', 'braze', good).out, /Dashboard data export needs s3:DeleteObject on arn:aws:s3:::acme-braze-exports\/\*,/);
    assert.equal(run('check', '--folder', 'braze', file('dashboard.json', policyText('dashboard', { bucket: 'acme-braze-exports' }))).code, 0);
    const scoped = file('scoped.json', policyText('currents', { bucket: 'acme-braze-exports', folder: 'braze' }));
    assert.equal(run('check', '--folder', 'braze', scoped).code, 0);
    assert.equal(run('check', scoped).code, 1); // default folder "currents" is outside braze/*
    const trust = file('trust2.json', trustPolicyText('111122223333', 'x'));
    assert.match(run('check', '--partner-account-id', '444455556666', '--integration', 'trust', trust).out, /trust-account-mismatch/);
  });
  it('test-credentials with nothing listening at the endpoint names it and the next step, never a stack trace', () => {
    const r = spawnSync(process.execPath, [cli, 'test-credentials', '--bucket', 'acme-exports', '--endpoint', 'http://127.0.0.1:9', '--timeout-ms', '3000'], {
      encoding: 'utf8', env: { ...process.env, LANG: 'C', AWS_ACCESS_KEY_ID: 'AKIAEXAMPLEEXAMPLE00', AWS_SECRET_ACCESS_KEY: 'cliCanarySecret000000000000000000000000000' },
    });
    assert.equal(r.status, 1, r.stderr);
    assert.match(r.stdout, /^✗ GetBucketLocation: failed: ECONNREFUSED: AWS could not be reached at http:\/\/127\.0\.0\.1:9 \(connection refused: nothing is listening there\) \[ECONNREFUSED\]$/m);
    assert.match(r.stdout, /^ {4}→ nothing answered at http:\/\/127\.0\.0\.1:9 .*start it \(in this project: npm start\)/m);
    assert.match(r.stdout, /^Access key ID: AKIAEXAMPLEEXAMPLE00$/m);
    assert.doesNotMatch(r.stdout + r.stderr, /\n\s+at |cliCanarySecret/);
    assert.equal(r.stderr, '');
    const env = spawnSync(process.execPath, [cli, 'test-credentials', '--bucket', 'acme-exports', '--lang', 'es', '--timeout-ms', '3000'], {
      encoding: 'utf8', env: { ...process.env, AWS_ENDPOINT_URL: 'http://no-such-host.invalid:4566', AWS_ACCESS_KEY_ID: 'AKIAEXAMPLEEXAMPLE00', AWS_SECRET_ACCESS_KEY: 'x'.repeat(40) },
    });
    assert.match(env.stdout, /falló: ENOTFOUND: no se pudo contactar con AWS en http:\/\/no-such-host\.invalid:4566 \(el nombre de host no se resuelve\)/);
    assert.match(env.stdout, /nada respondió en http:\/\/no-such-host\.invalid:4566 \(de AWS_ENDPOINT_URL\)/);
  });
  it('says how many git-ignored policy files a folder run skipped and how to include them (plural forms, English and Spanish)', () => {
    const repo = mkdtempSync(join(tmpdir(), 'braze-s3-ignored-'));
    assert.equal(spawnSync('git', ['init', '-q', repo]).status, 0);
    mkdirSync(join(repo, 'generated'));
    writeFileSync(join(repo, '.gitignore'), 'generated/\nlocal.json\n');
    writeFileSync(join(repo, 'kept.json'), policyText('currents', { bucket: 'acme-exports' }));
    writeFileSync(join(repo, 'generated', 'a.json'), policyText('currents', { bucket: 'acme-exports' }));
    writeFileSync(join(repo, 'generated', 'notes.json'), '{"not": "a policy"}');
    const text = run('check', repo).out.trimEnd().split('\n');
    assert.equal(text.at(-1), '1 policy file skipped because git ignores it (--include-ignored checks it)');
    writeFileSync(join(repo, 'local.json'), policyText('dashboard', { bucket: 'acme-exports' }));
    assert.equal(run('check', repo).out.trimEnd().split('\n').at(-1), '2 policy files skipped because git ignores them (--include-ignored checks them)');
    assert.equal(run('check', '--lang', 'es', repo).out.trimEnd().split('\n').at(-1), '2 archivos de política omitidos porque git los ignora (--include-ignored los comprueba)');
    assert.equal(JSON.parse(run('check', '--format', 'json', repo).out).ignoredSkipped, 2);
    const all = run('check', '--include-ignored', '--format', 'json', repo);
    assert.deepEqual(JSON.parse(all.out).files.map((f: { path: string }) => f.path.slice(repo.length + 1)).sort(), ['generated/a.json', 'kept.json', 'local.json']);
    assert.equal(JSON.parse(all.out).ignoredSkipped, 0);
    assert.doesNotMatch(run('check', '--include-ignored', repo).out, /git ignores/);
    writeFileSync(join(repo, '.gitignore'), '');
    assert.doesNotMatch(run('check', repo).out, /git ignores/, 'nothing ignored: nothing said');
  });
  it('speaks Spanish with --lang es', () => {
    assert.match(run('check', '--lang', 'es', placeholder).out, /Sustituye el marcador de la plantilla "INSERTBUCKETNAME"/);
  });
  it('exits 2 with a clear message for bad usage and unreadable input', () => {
    const cases: [string[], RegExp][] = [
      [[], /Usage/],
      [['check'], /needs at least one FILE or folder/],
      [['check', '--format', 'xml', good], /--format must be one of text, json, sarif/],
      [['check', '--bogus', good], /unknown option --bogus/],
      [['check', '--partner-account-id', '12', good], /12 digits/],
      [['frobnicate'], /unknown command/],
    ];
    for (const [args, message] of cases) {
      const r = run(...args);
      assert.equal(r.code, 2, `${args.join(' ')}: exit ${r.code}`);
      assert.match(r.err, message);
      assert.equal(r.out, '');
    }
    const inputs: [string, RegExp][] = [
      [join(dir, 'nope.json'), /nope.json: cannot read \(ENOENT\)/],
      [file('bin.json', Buffer.from([0x7b, 0, 1, 2])), /binary content/],
    ];
    for (const [path, message] of inputs) {
      const r = run('check', path);
      assert.equal(r.code, 2, `${path}: exit ${r.code}`);
      assert.match(r.err, message);
      assert.match(r.out, /^0 files checked: 0 errors, 0 warnings; 1 input not readable$/m);
    }
  });
  it('check main.tf template.yaml DIR: reads Terraform and CloudFormation, positions as in each file, documents named', () => {
    const iac = join(__dirname, '../fixtures/iac');
    const infra = join(__dirname, '../fixtures/workspace/infra');
    const tf = join(infra, 'braze-currents.tf');
    const yaml = join(infra, 'braze-export.yaml');
    const text = run('check', tf, yaml);
    assert.equal(text.code, 1);
    assert.match(text.out, new RegExp(`^${tf.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:22:8 error action-unknown "s3:GetObjekt" is not an IAM action`, 'm'));
    assert.match(text.out, /braze-export\.yaml:31:17 error action-unknown "s3:PutObjekt"/);
    assert.match(text.out, /braze-currents\.tf data\.aws_iam_policy_document\.braze_trust: partner role trust policy/);
    assert.match(text.out, /^2 files checked \(5 policy documents\): 8 errors, 2 warnings$/m);
    const json = JSON.parse(run('check', '--format', 'json', tf).out);
    assert.deepEqual(json.files.map((f: { document: string; usage?: string; purpose: { id: string } }) => [f.document, f.usage ?? null, f.purpose.id]), [
      ['data.aws_iam_policy_document.braze_currents', 'identity', 'currents'],
      ['data.aws_iam_policy_document.braze_trust', 'trust', 'trust'],
      ['aws_iam_role_policy.braze_dashboard.policy', 'identity', 'dashboard'],
    ]);
    const typo = json.files[0].findings.find((f: { code: string }) => f.code === 'action-unknown');
    assert.deepEqual(typo.range.start, { line: 21, character: 7 });
    const sarif = JSON.parse(run('check', '--format', 'sarif', yaml).out);
    assert.deepEqual(sarif.runs[0].artifacts.map((a: { properties: { document: string } }) => a.properties.document), ['BrazeExportPolicy.PolicyDocument', 'BrazeExportRole.AssumeRolePolicyDocument']);
    // A folder: the .tf files, the templates (YAML and JSON); not a YAML file that is no template.
    const folder = mkdtempSync(join(tmpdir(), 'braze-s3-iac-'));
    for (const f of ['unknown-values.tf', 'braze-export.template.json', 'delivery-role.yaml']) writeFileSync(join(folder, f), readFileSync(join(iac, f)));
    writeFileSync(join(folder, 'docker-compose.yml'), 'services:\n  web:\n    image: nginx\n');
    writeFileSync(join(folder, 'versions.tf'), 'terraform {\n  required_version = ">= 1.5"\n}\n');
    const walked = JSON.parse(run('check', '--format', 'json', folder).out);
    assert.deepEqual([...new Set(walked.files.map((f: { path: string }) => f.path.split('/').pop()))].sort(), ['braze-export.template.json', 'delivery-role.yaml', 'unknown-values.tf']);
  });

  it('reports malformed JSON as findings (exit 1), not as a crash', () => {
    const r = run('check', file('broken.json', '{"Version": "2012-10-17", "Statement": [ // hi\n]}'));
    assert.equal(r.code, 1);
    assert.match(r.out, /json-syntax Invalid JSON: comments are not allowed/);
  });
});

describe('CLI live checks (dist/cli.js against moto, found through AWS_ENDPOINT_URL)', () => {
  let aws: LocalAws;
  before(async function () {
    aws = await startLocalAws(this);
  });
  after(() => aws?.stop());

  async function runAsync(env: Record<string, string>, ...args: string[]) {
    const { spawn } = await import('node:child_process');
    return new Promise<{ code: number | null; out: string; err: string }>((resolve) => {
      const p = spawn(process.execPath, [cli, ...args], { env: { ...process.env, AWS_EC2_METADATA_DISABLED: 'true', ...env } });
      let out = '';
      let err = '';
      p.stdout.on('data', (d) => (out += d));
      p.stderr.on('data', (d) => (err += d));
      p.on('exit', (code) => resolve({ code, out, err }));
    });
  }
  const env = () => ({ AWS_ENDPOINT_URL: aws.endpoint, AWS_ACCESS_KEY_ID: aws.adminKeys.accessKeyId, AWS_SECRET_ACCESS_KEY: aws.adminKeys.secretAccessKey, AWS_REGION: 'us-east-1' });

  it('test-credentials passes for dashboard export and prints JSON steps (exit 0)', async () => {
    const r = await runAsync(env(), 'test-credentials', '--bucket', 'acme-braze-exports', '--integration', 'dashboard', '--format', 'json');
    assert.equal(r.code, 0, r.err + r.out);
    assert.equal(r.err, '', 'nothing on stderr (no SDK notice)');
    const json = JSON.parse(r.out);
    assert.equal(json.ok, true);
    assert.deepEqual(json.steps.map((s: { id: string; status: string }) => `${s.id}:${s.status}`), ['location:pass', 'list:pass', 'put:pass', 'get:pass', 'delete:pass', 'objectLock:pass', 'encryption:pass']);
  });
  it('test-credentials fails (exit 1) with the AWS error code and a remedy for an unknown key (IAM enforcement on)', async () => {
    await aws.enforceIam(true);
    try {
      const r = await runAsync({ ...env(), AWS_ACCESS_KEY_ID: 'AKIAUNKNOWNKEY000000' }, 'test-credentials', '--bucket', 'acme-braze-exports');
      assert.equal(r.code, 1);
      assert.match(r.out, /✗ GetBucketLocation: failed: InvalidAccessKeyId/);
      assert.match(r.out, /→ the access key ID does not exist/);
      assert.match(r.out, /0 passed, 1 failed, 0 warnings, 3 skipped/);
    } finally {
      await aws.enforceIam(false);
    }
  });
  it('verify-role passes the demo partner role (exit 0) and fails the one without the external ID (exit 1)', async () => {
    const partner = ['--partner-account-id', aws.demo.DEMO_PARTNER_ACCOUNT_ID, '--external-id', aws.demo.DEMO_EXTERNAL_ID];
    const good = await runAsync(env(), 'verify-role', 'arn:aws:iam::123456789012:role/braze-currents-export', '--bucket', 'acme-braze-currents', ...partner);
    assert.equal(good.code, 0, good.out);
    assert.match(good.out, /✓ Trust policy/);
    const bad = await runAsync(env(), 'verify-role', 'arn:aws:iam::123456789012:role/braze-export-no-external-id', '--bucket', 'acme-braze-exports', '--integration', 'dashboard', ...partner);
    assert.equal(bad.code, 1, bad.out);
    assert.match(bad.out, /✗ Trust policy/);
  });
  it('gives the right verdict on every demo bucket and partner role', async () => {
    const buckets: [string, string, number, RegExp][] = [
      ['acme-braze-currents', 'currents', 0, /✓ Marker object: .*\n[\s\S]*passed, 0 failed/],
      ['acme-braze-exports', 'dashboard', 0, /passed, 0 failed/],
      ['acme-marketing-assets', 'dashboard', 0, /passed, 0 failed/],
      ['acme-braze-kms', 'dashboard', 1, /✗ Default encryption: SSE-KMS/],
      ['acme-braze-locked', 'currents', 1, /✗ Object Lock: Object Lock is enabled/],
    ];
    for (const [bucket, integration, code, expected] of buckets) {
      const r = await runAsync(env(), 'test-credentials', '--bucket', bucket, '--integration', integration);
      assert.equal(r.code, code, `${bucket}: ${r.out}`);
      assert.match(r.out, expected, bucket);
    }
    const partner = ['--partner-account-id', aws.demo.DEMO_PARTNER_ACCOUNT_ID, '--external-id', aws.demo.DEMO_EXTERNAL_ID, '--bucket', 'acme-braze-currents'];
    const roles: [string, number, RegExp][] = [
      [aws.demo.DEMO_ROLES.good, 0, /✓ Permissions for the integration/],
      [aws.demo.DEMO_ROLES.noExternalId, 1, /✗ Trust policy/],
      [aws.demo.DEMO_ROLES.noGetObject, 1, /✗ Permissions for the integration: .*s3:GetObject/],
    ];
    for (const [role, code, expected] of roles) {
      const r = await runAsync(env(), 'verify-role', `arn:aws:iam::123456789012:role/${role}`, ...partner);
      assert.equal(r.code, code, `${role}: ${r.out}`);
      assert.match(r.out, expected, role);
    }
  });
  it('verify-role rejects a malformed ARN (exit 1) and bad usage (exit 2)', async () => {
    const bad = await runAsync(env(), 'verify-role', 'arn:aws:iam::123:role/x', '--bucket', 'b');
    assert.equal(bad.code, 1);
    assert.match(bad.out, /is not an IAM role ARN/);
    const usage = await runAsync(env(), 'verify-role', '--bucket', 'b');
    assert.equal(usage.code, 2);
    assert.match(usage.err, /needs exactly one role ARN/);
    assert.equal((await runAsync(env(), 'test-credentials')).code, 2);
  });
});
