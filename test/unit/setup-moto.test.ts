// Set up the export against a local AWS (moto_server, real SDK clients): create change set →
// preview → execute → verify → teardown, for the role and key methods, new and existing buckets,
// one or both integrations. moto applies create change sets and stack events; what it lacks
// (update change sets, rollback, stuck stacks) is in setup-mocked.test.ts.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GetRoleCommand, GetUserCommand, ListAccessKeysCommand, ListRolePoliciesCommand } from '@aws-sdk/client-iam';
import { HeadBucketCommand } from '@aws-sdk/client-s3';
import { DescribeStacksCommand, ListChangeSetsCommand } from '@aws-sdk/client-cloudformation';
import { createClients, runSetup, runTeardown, reportText, stackState } from '../../src/aws';
import type { Clients, Clock, SetupAnswers, SetupDone, SetupUi } from '../../src/aws';
import { startLocalAws, type LocalAws } from './localAws';

/** No real waiting: moto finishes each operation before answering. */
const instant: Clock = { now: () => Date.now(), sleep: async () => undefined };

interface Script {
  deploy?: boolean;
  keepKey?: boolean;
  lines: string[];
  previews: number;
  secretSeen?: string;
}

function scriptedUi(s: Script): SetupUi {
  return {
    progress: (t) => s.lines.push(t),
    confirm: async () => {
      s.previews++;
      return s.deploy ?? true;
    },
    handOverKey: async (key) => {
      s.secretSeen = key.secretAccessKey;
      return s.keepKey ?? true;
    },
  };
}

describe('Set up the export against moto (create change set → verify → teardown)', function () {
  let aws: LocalAws;
  let clients: Clients;
  const figures: string[] = [];
  before(async function () {
    aws = await startLocalAws(this);
    clients = createClients({ endpoint: aws.endpoint, region: 'us-east-1', credentials: aws.adminKeys, timeoutMs: 10_000 });
  });
  after(async () => {
    if (figures.length) console.log(`      figures (moto): ${figures.join(' | ')}`);
    clients?.dispose();
    await aws?.stop();
  });

  const roleAnswers = (bucket: string, existingBucket: boolean, integration: SetupAnswers['integration'] = 'currents'): SetupAnswers => ({
    integration, auth: 'role-arn', bucket, existingBucket, folder: 'currents', partnerAccountId: aws.demo.DEMO_PARTNER_ACCOUNT_ID, externalId: aws.demo.DEMO_EXTERNAL_ID,
  });
  const keyAnswers = (bucket: string, existingBucket: boolean, integration: SetupAnswers['integration'] = 'dashboard'): SetupAnswers => ({ integration, auth: 'secret-key', bucket, existingBucket });

  async function deployed(answers: SetupAnswers, s: Script): Promise<SetupDone> {
    const started = Date.now();
    const o = await runSetup(clients, answers, scriptedUi(s), { clock: instant });
    assert.equal(o.status, 'deployed', JSON.stringify(o, null, 1).slice(0, 2000));
    const d = o as SetupDone;
    figures.push(`${answers.auth}/${answers.existingBucket ? 'existing' : 'new'}/${answers.integration}: ${d.steps} steps, ${((Date.now() - started) / 1000).toFixed(2)} s`);
    return d;
  }

  async function exists(fn: () => Promise<unknown>): Promise<boolean> {
    try {
      await fn();
      return true;
    } catch {
      return false;
    }
  }

  it('role method, new bucket: deploys, verifies the role, hands over the paste values, and teardown removes the role but keeps the bucket', async () => {
    const s: Script = { lines: [], previews: 0 };
    const o = await deployed(roleAnswers('acme-setup-role-new', false), s);
    assert.equal(s.previews, 1);
    assert.deepEqual(o.changeSet.changes.map((c) => `${c.action} ${c.logicalId}`).sort(), ['Add BrazeCurrentsPolicy', 'Add BrazeExportRole', 'Add ExportBucket']);
    assert.equal(o.verified, true, o.reports.map(reportText).join('\n'));
    assert.equal(o.roleArn, 'arn:aws:iam::123456789012:role/braze-currents-acme-setup-role-new');
    // The partner dashboard's order for Currents with a role: role ARN, bucket, folder (then the region, for reference).
    assert.deepEqual(o.paste[0].fields.map((f) => `${f.id}=${f.value}`), [`roleArn=${o.roleArn}`, 'bucket=acme-setup-role-new', 'folder=currents', 'region=us-east-1']);
    // Progress comes from the stack events (moto records the stack's own; resource by resource is in setup-mocked.test.ts).
    assert.ok(s.lines.includes('braze-currents-acme-setup-role-new: CREATE_COMPLETE'), s.lines.join('\n'));
    const attached = await clients.iam.send(new ListRolePoliciesCommand({ RoleName: 'braze-currents-acme-setup-role-new' }));
    assert.deepEqual(attached.PolicyNames, ['braze-currents-acme-setup-role-new-currents']);

    const t = await runTeardown(clients, o.plan.names.stack, { confirm: async (p) => {
      assert.deepEqual(p.kept.map((k) => k.name), ['acme-setup-role-new']);
      assert.ok(p.deleted.some((d) => d.type === 'AWS::IAM::Role' && d.name === 'braze-currents-acme-setup-role-new'));
      return true;
    }, progress: () => undefined }, { clock: instant });
    assert.equal(t.status, 'deleted');
    assert.equal(await exists(() => clients.iam.send(new GetRoleCommand({ RoleName: 'braze-currents-acme-setup-role-new' }))), false, 'the role is gone');
    assert.equal(await exists(() => clients.s3.send(new HeadBucketCommand({ Bucket: 'acme-setup-role-new' }))), true, 'the bucket stays (DeletionPolicy Retain)');
    assert.deepEqual(await stackState(clients.cloudFormation, o.plan.names.stack), { exists: false });
  });

  it('role method, existing bucket, both integrations: the bucket is not in the stack; both policies verified', async () => {
    const s: Script = { lines: [], previews: 0 };
    const o = await deployed(roleAnswers('acme-braze-exports', true, 'both'), s);
    assert.deepEqual(o.changeSet.changes.map((c) => c.logicalId).sort(), ['BrazeCurrentsPolicy', 'BrazeDashboardExportPolicy', 'BrazeExportRole']);
    assert.deepEqual(o.reports.map((r) => `${r.kind}:${r.ok}`), ['verify-role:true', 'verify-role:true'], o.reports.map(reportText).join('\n'));
    assert.deepEqual(o.paste.map((g) => g.fields.map((f) => f.id).join(',')), ['roleArn,bucket,folder,region', 'roleArn,bucket,region']);
    const t = await runTeardown(clients, o.plan.names.stack, { confirm: async (p) => {
      assert.deepEqual(p.kept, [], 'an existing bucket was never in the stack');
      return true;
    }, progress: () => undefined }, { clock: instant });
    assert.equal(t.status, 'deleted');
    assert.equal(await exists(() => clients.s3.send(new HeadBucketCommand({ Bucket: 'acme-braze-exports' }))), true);
  });

  it('key method, new bucket: the stack holds no key; the key is created afterwards, tested as the partner, shown once; teardown deletes key and user', async () => {
    const s: Script = { lines: [], previews: 0 };
    const o = await deployed(keyAnswers('acme-setup-key-new', false), s);
    assert.doesNotMatch(o.plan.templateBody, /AccessKey|Secret/);
    assert.equal(o.verified, true, o.reports.map(reportText).join('\n'));
    assert.equal(o.reports[0].kind, 'test-credentials');
    assert.equal(o.reports[0].accessKeyId, o.accessKeyId, 'Test credentials ran with the new key');
    assert.ok(s.secretSeen && s.secretSeen.length >= 20);
    // The secret is in no outcome field, progress line or report.
    assert.ok(!JSON.stringify(o).includes(s.secretSeen!), 'the secret never reaches the outcome');
    assert.ok(!s.lines.join('\n').includes(s.secretSeen!));
    assert.deepEqual(o.paste[0].fields.map((f) => `${f.id}=${f.value ?? '(shown once)'}`), [`accessKeyId=${o.accessKeyId}`, 'secretAccessKey=(shown once)', 'bucket=acme-setup-key-new', 'region=us-east-1']);
    const keys = await clients.iam.send(new ListAccessKeysCommand({ UserName: 'braze-dashboard-export-acme-setup-key-new' }));
    assert.deepEqual(keys.AccessKeyMetadata?.map((k) => k.AccessKeyId), [o.accessKeyId]);

    const t = await runTeardown(clients, o.plan.names.stack, { confirm: async (p) => {
      assert.ok(p.deleted.some((d) => d.type === 'AWS::IAM::AccessKey' && d.name === o.accessKeyId), 'the confirmation names the key');
      return true;
    }, progress: () => undefined }, { clock: instant });
    assert.equal(t.status, 'deleted');
    assert.equal(await exists(() => clients.iam.send(new GetUserCommand({ UserName: 'braze-dashboard-export-acme-setup-key-new' }))), false);
  });

  it('key method, existing bucket, Currents: verified with the new key on the folder', async () => {
    const s: Script = { lines: [], previews: 0 };
    const o = await deployed(keyAnswers('acme-marketing-assets', true, 'currents'), s);
    assert.equal(o.verified, true, o.reports.map(reportText).join('\n'));
    assert.match(o.reports[0].subject, /^s3:\/\/acme-marketing-assets\/currents\/ \(currents\)$/);
    const t = await runTeardown(clients, o.plan.names.stack, { confirm: async () => true, progress: () => undefined }, { clock: instant });
    assert.equal(t.status, 'deleted');
  });

  it('a re-run with the same answers: nothing to change (no preview asked, no change set left), verified again; teardown cancelled keeps the stack', async () => {
    const first = await deployed(roleAnswers('acme-setup-rerun', false), { lines: [], previews: 0 });
    const s: Script = { lines: [], previews: 0 };
    const again = await runSetup(clients, roleAnswers('acme-setup-rerun', false), scriptedUi(s), { clock: instant });
    // A "new" bucket that now exists is the stack's own: the re-run sees it through the stack, not as taken.
    assert.equal(again.status, 'unchanged', JSON.stringify(again).slice(0, 500));
    assert.equal(s.previews, 0);
    assert.ok(s.lines.includes('Nothing to change: the stack already matches these answers'));
    const sets = await clients.cloudFormation.send(new ListChangeSetsCommand({ StackName: first.plan.names.stack })).then((r) => r.Summaries ?? []);
    assert.deepEqual(sets.filter((x) => x.StackName === first.plan.names.stack && x.ExecutionStatus === 'AVAILABLE'), []);
    const kept = await runTeardown(clients, first.plan.names.stack, { confirm: async () => false, progress: () => undefined }, { clock: instant });
    assert.equal(kept.status, 'cancelled');
    assert.equal((await stackState(clients.cloudFormation, first.plan.names.stack)).exists, true);
    await runTeardown(clients, first.plan.names.stack, { confirm: async () => true, progress: () => undefined }, { clock: instant });
  });

  it('cancel at the preview: the change set and the empty stack are deleted, nothing is created', async () => {
    const s: Script = { lines: [], previews: 0, deploy: false };
    const o = await runSetup(clients, roleAnswers('acme-setup-cancelled', false), scriptedUi(s), { clock: instant });
    assert.equal(o.status, 'cancelled');
    assert.deepEqual(await stackState(clients.cloudFormation, 'braze-currents-acme-setup-cancelled'), { exists: false });
    // (moto lists every stack's change sets whatever StackName says: keep this stack's.)
    const sets = await clients.cloudFormation.send(new ListChangeSetsCommand({ StackName: 'braze-currents-acme-setup-cancelled' })).then((r) => r.Summaries ?? []).catch(() => []);
    assert.deepEqual(sets.filter((x) => x.StackName === 'braze-currents-acme-setup-cancelled' && x.Status !== 'DELETE_COMPLETE'), []);
    assert.equal(await exists(() => clients.s3.send(new HeadBucketCommand({ Bucket: 'acme-setup-cancelled' }))), false);
    assert.equal(await exists(() => clients.iam.send(new GetRoleCommand({ RoleName: 'braze-currents-acme-setup-cancelled' }))), false);
  });

  it('cancel at the key hand-over: the new key is deleted again (the stack stays, without a key)', async () => {
    const s: Script = { lines: [], previews: 0, keepKey: false };
    const o = await deployed(keyAnswers('acme-setup-key-cancel', false), s);
    assert.equal(o.accessKeyId, undefined);
    const keys = await clients.iam.send(new ListAccessKeysCommand({ UserName: 'braze-dashboard-export-acme-setup-key-cancel' }));
    assert.deepEqual(keys.AccessKeyMetadata, []);
    await runTeardown(clients, o.plan.names.stack, { confirm: async () => true, progress: () => undefined }, { clock: instant });
  });

  it('refuses unsuitable existing buckets (Object Lock, SSE-KMS), a missing one, and a "new" bucket that exists, before any stack', async () => {
    const cases: [SetupAnswers, RegExp][] = [
      [roleAnswers('acme-braze-locked', true), /Object Lock/],
      [roleAnswers('acme-braze-kms', true), /SSE-KMS/],
      [roleAnswers('acme-nowhere-bucket', true), /there is no bucket "acme-nowhere-bucket"/],
      [roleAnswers('acme-braze-exports', false), /already exists in this account: choose it as an existing bucket/],
    ];
    for (const [answers, message] of cases) {
      const o = await runSetup(clients, answers, scriptedUi({ lines: [], previews: 0 }), { clock: instant });
      assert.equal(o.status, 'refused', answers.bucket);
      assert.match((o as { message: string }).message, message);
      const stacks = await clients.cloudFormation.send(new DescribeStacksCommand({})).then((r) => r.Stacks ?? []);
      assert.deepEqual(stacks.filter((x) => x.StackStatus !== 'DELETE_COMPLETE').map((x) => x.StackName), [], 'no stack was made');
    }
  });

  it('invalid names are refused before any call, with the rule broken', async () => {
    const o = await runSetup(clients, { ...roleAnswers('Bad_Bucket', false), partnerAccountId: '123', externalId: 'x' }, scriptedUi({ lines: [], previews: 0 }), { clock: instant });
    assert.equal(o.status, 'invalid');
    assert.deepEqual((o as { problems: string[] }).problems, [
      '"Bad_Bucket" is not a valid S3 bucket name: only lowercase letters, digits, dots and hyphens are allowed.',
      'the partner\'s AWS account ID has exactly 12 digits (the partner dashboard shows it)',
      'the external ID has 2 to 1,224 letters, digits and + = , . @ : / _ - (the partner dashboard shows it)',
    ]);
  });

  describe('with IAM enforcement on (as in the demo)', () => {
    before(() => aws.enforceIam(true));
    after(() => aws.enforceIam(false));

    it('an administrator (demo-admin) deploys and removes the setup; moto checks each call against its policy', async () => {
      const o = await deployed(roleAnswers('acme-setup-enforced', false), { lines: [], previews: 0 });
      assert.equal(o.verified, true, o.reports.map(reportText).join('\n'));
      const t = await runTeardown(clients, o.plan.names.stack, { confirm: async () => true, progress: () => undefined }, { clock: instant });
      assert.equal(t.status, 'deleted');
    });

    it('credentials without CloudFormation permissions: the denied action is named by moto\'s answer and nothing is created', async () => {
      const user = createClients({ endpoint: aws.endpoint, region: 'us-east-1', credentials: aws.userKeys, timeoutMs: 10_000 });
      try {
        const o = await runSetup(user, roleAnswers('acme-braze-currents', true), scriptedUi({ lines: [], previews: 0 }), { clock: instant });
        assert.equal(o.status, 'refused');
        assert.match((o as { message: string }).message, /^your credentials may not (s3:\w+|cloudformation:\w+)/);
      } finally {
        user.dispose();
      }
      assert.deepEqual(await stackState(clients.cloudFormation, 'braze-currents-acme-braze-currents'), { exists: false });
    });
  });

  describe('braze-s3 setup / teardown (dist/cli.js against moto)', () => {
    const cli = join(__dirname, '../../dist/cli.js');
    before(() => assert.ok(existsSync(cli), 'dist/cli.js is missing: run `npm run build` first'));
    const run = (args: string[]) => new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve) => {
      const child = spawn(process.execPath, [cli, ...args, '--endpoint', aws.endpoint, '--region', 'us-east-1'], {
        env: { ...process.env, LANG: 'C', AWS_ACCESS_KEY_ID: aws.adminKeys.accessKeyId, AWS_SECRET_ACCESS_KEY: aws.adminKeys.secretAccessKey, AWS_PROFILE: '' },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (d) => (stdout += d));
      child.stderr.on('data', (d) => (stderr += d));
      child.on('close', (status) => resolve({ status, stdout, stderr }));
    });

    it('--dry-run --format json prints the change set and the documents, then deletes it (exit 0, no stack)', async () => {
      const r = await run(['setup', '--bucket', 'acme-cli-dry', '--integration', 'currents', '--partner-account-id', aws.demo.DEMO_PARTNER_ACCOUNT_ID, '--external-id', aws.demo.DEMO_EXTERNAL_ID, '--dry-run', '--format', 'json']);
      assert.equal(r.status, 0, r.stderr + r.stdout);
      const out = JSON.parse(r.stdout);
      assert.equal(out.status, 'dry-run');
      assert.deepEqual(out.changes.map((c: { logicalId: string }) => c.logicalId).sort(), ['BrazeCurrentsPolicy', 'BrazeExportRole', 'ExportBucket']);
      const trust = out.documents.find((d: { name: string }) => /AssumeRolePolicyDocument/.test(d.name));
      assert.equal(trust.document.Statement[0].Condition.StringEquals['sts:ExternalId'], aws.demo.DEMO_EXTERNAL_ID);
      assert.deepEqual(await stackState(clients.cloudFormation, 'braze-currents-acme-cli-dry'), { exists: false });
    });

    it('--yes --method key --key-file: deploys, verifies, writes the secret only to the file (0600); teardown --yes removes it (exit 0)', async () => {
      const keyFile = join(mkdtempSync(join(tmpdir(), 'braze-setup-')), 'key.json');
      const r = await run(['setup', '--bucket', 'acme-cli-key', '--integration', 'both', '--method', 'key', '--yes', '--key-file', keyFile, '--format', 'json']);
      assert.equal(r.status, 0, r.stderr + r.stdout);
      const out = JSON.parse(r.stdout);
      assert.equal(out.verified, true);
      const key = JSON.parse(readFileSync(keyFile, 'utf8'));
      assert.equal(key.AccessKeyId, out.accessKeyId);
      assert.equal(statSync(keyFile).mode & 0o777, 0o600);
      assert.ok(!r.stdout.includes(key.SecretAccessKey) && !r.stderr.includes(key.SecretAccessKey), 'the secret is not printed');
      const t = await run(['teardown', '--stack', out.stack, '--yes', '--format', 'json']);
      assert.equal(t.status, 0, t.stderr + t.stdout);
      assert.equal(JSON.parse(t.stdout).status, 'deleted');
      assert.deepEqual(JSON.parse(t.stdout).kept.map((k: { name: string }) => k.name), ['acme-cli-key']);
    });

    it('bad usage exits 2 before any call: no --yes off a terminal, key method without --key-file, an invalid bucket name', async () => {
      const role = ['--partner-account-id', aws.demo.DEMO_PARTNER_ACCOUNT_ID, '--external-id', aws.demo.DEMO_EXTERNAL_ID];
      const noYes = await run(['setup', '--bucket', 'acme-cli-noyes', ...role]);
      assert.equal(noYes.status, 2);
      assert.match(noYes.stderr, /pass --yes/);
      const noFile = await run(['setup', '--bucket', 'acme-cli-nofile', '--method', 'key', '--yes']);
      assert.equal(noFile.status, 2);
      assert.match(noFile.stderr, /--key-file/);
      const bad = await run(['setup', '--bucket', 'Bad..Name', '--yes', '--format', 'json', ...role]);
      assert.equal(bad.status, 2);
      assert.equal(JSON.parse(bad.stdout).status, 'invalid');
      assert.deepEqual(await stackState(clients.cloudFormation, 'braze-currents-acme-cli-noyes'), { exists: false });
    });
  });
});
