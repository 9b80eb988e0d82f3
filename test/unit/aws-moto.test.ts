// The live checks against a local AWS: moto_server (S3, IAM, STS over real HTTP, real SDK
// clients). Plain mode for reads and the demo account; IAM enforcement mode for every "denied"
// verdict, which then comes from the server's own policy evaluation, not from a mock.
import assert from 'node:assert/strict';
import { ListObjectsV2Command } from '@aws-sdk/client-s3';
import { AttachUserPolicyCommand, CreateAccessKeyCommand, CreatePolicyCommand, CreateUserCommand, DeleteAccessKeyCommand, PutUserPolicyCommand, UpdateAccessKeyCommand } from '@aws-sdk/client-iam';
import { createClients, currentsFolders, listBuckets, markerKey, newestObjects, reportMarkdown, reportText, testCredentials, verifyRole } from '../../src/aws';
import type { Clients, Report } from '../../src/aws';
import { startLocalAws, type LocalAws } from './localAws';

describe('live checks against moto (plain mode: the demo account)', function () {
  let aws: LocalAws;
  let clients: Clients;
  before(async function () {
    aws = await startLocalAws(this);
    clients = createClients({ endpoint: aws.endpoint, region: 'us-east-1', credentials: aws.adminKeys, timeoutMs: 10_000 });
  });
  after(async () => {
    clients?.dispose();
    await aws?.stop();
  });

  async function keysUnder(bucket: string, prefix: string): Promise<string[]> {
    const r = await clients.s3.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: prefix }));
    return (r.Contents ?? []).map((o) => o.Key!);
  }

  it('lists the buckets with the SDK paginator', async () => {
    const r = await listBuckets(clients.s3);
    assert.deepEqual(r.buckets.map((b) => b.name).sort(), aws.demo.DEMO_BUCKETS);
    assert.equal(r.truncated, false);
    assert.equal(r.pages, 1);
  });

  it('shows the newest export files under each Currents connector folder', async () => {
    const first = await newestObjects(clients.s3, 'acme-braze-currents', 'currents');
    const second = await newestObjects(clients.s3, 'acme-braze-currents', 'currents-warehouse');
    assert.equal(first.length, 20, 'the demo holds 180 files there: one page, the newest 20');
    assert.equal(second.length, 20);
    assert.ok(first.every((o) => o.key.startsWith('currents/dataexport.prod-01.S3.integration.')));
    // "currents/" is not a prefix of "currents-warehouse/…": each folder shows only its own files.
    assert.ok(second.every((o) => o.key.startsWith('currents-warehouse/')));
  });

  it('finds the folders that hold Currents data: one per connector, none in an export bucket', async () => {
    assert.deepEqual(await currentsFolders(clients.s3, 'acme-braze-currents'), ['currents', 'currents-warehouse']);
    assert.deepEqual(await currentsFolders(clients.s3, 'acme-braze-exports'), [], 'segment-exports/ holds CSV files, not Currents data');
  });

  it('runs the full Currents sequence, leaving exactly one marker however often it runs', async () => {
    for (let i = 0; i < 2; i++) {
      const report = await testCredentials(clients, { bucket: 'acme-braze-exports', integration: 'currents', folder: 'currents', sse: true });
      assert.equal(report.ok, true, reportText(report));
      assert.deepEqual(report.steps.map((s) => `${s.id}:${s.status}`), ['location:pass', 'list:pass', 'put:pass', 'get:pass', 'keep:pass', 'objectLock:pass', 'encryption:pass']);
      assert.match(report.steps[2].detail, /x-amz-server-side-encryption: AES256/);
    }
    assert.deepEqual(await keysUnder('acme-braze-exports', 'currents/'), [markerKey('currents')]);
  });

  it('runs the dashboard-export sequence at the bucket root and leaves no marker behind', async () => {
    const before = await keysUnder('acme-marketing-assets', '');
    const report = await testCredentials(clients, { bucket: 'acme-marketing-assets', integration: 'dashboard' });
    assert.equal(report.ok, true, reportText(report));
    assert.equal(report.subject, 's3://acme-marketing-assets/ (dashboard)');
    assert.deepEqual(report.steps.map((s) => s.id), ['location', 'list', 'put', 'get', 'delete', 'objectLock', 'encryption']);
    assert.deepEqual(await keysUnder('acme-marketing-assets', ''), before);
  });

  it('checks a dashboard export at the bucket root even when a (Currents) folder is given', async () => {
    const report = await testCredentials(clients, { bucket: 'acme-marketing-assets', integration: 'dashboard', folder: 'currents' });
    assert.equal(report.ok, true, reportText(report));
    assert.equal(report.subject, 's3://acme-marketing-assets/ (dashboard)');
    assert.match(report.steps.find((s) => s.id === 'put')!.detail, /^wrote braze-s3-credentials-check\.txt$/);
  });

  it('detects Object Lock from the server: Currents cannot use that bucket', async () => {
    const report = await testCredentials(clients, { bucket: 'acme-braze-locked', integration: 'currents', folder: 'currents' });
    const lock = report.steps.find((s) => s.id === 'objectLock')!;
    assert.equal(lock.status, 'fail', reportText(report));
    assert.match(lock.detail, /Object Lock is enabled/);
    assert.equal(report.ok, false);
  });

  it('detects SSE-KMS default encryption from the server', async () => {
    const report = await testCredentials(clients, { bucket: 'acme-braze-kms', integration: 'dashboard' });
    const enc = report.steps.find((s) => s.id === 'encryption')!;
    assert.equal(enc.status, 'fail', reportText(report));
    assert.match(enc.detail, /SSE-KMS/);
  });

  it('reports a missing bucket as NoSuchBucket, in Spanish', async () => {
    const report = await testCredentials(clients, { bucket: 'no-such-bucket-here', integration: 'currents', locale: 'es' });
    assert.equal(report.steps[0].errorCode, 'NoSuchBucket');
    assert.match(report.steps[0].detail, /\(HTTP 404, ID de solicitud \S+\)/);
    assert.match(report.steps[0].remedy ?? '', /no existe ningún contenedor "no-such-bucket-here"/);
    assert.match(reportText(report), /0 superados, 1 fallido, 0 avisos, 3 omitidos$/);
    // The report as people read it: title, counts, a mark and the AWS code per step, the remedy under it.
    const md = reportMarkdown(report).split('\n');
    assert.equal(md[0], '# ✗ Probar credenciales');
    assert.equal(md[2], '`s3://no-such-bucket-here/currents/ (currents)`');
    assert.equal(md[4], `ID de clave de acceso: \`${aws.adminKeys.accessKeyId}\`  `);
    assert.match(md[6], /^\*\*0 superados, 1 fallido, 0 avisos, 3 omitidos\*\* · \d{4}-/);
    assert.match(md[8], /^- ✗ \*\*GetBucketLocation\*\* `NoSuchBucket`: falló: NoSuchBucket: /);
    assert.match(md[9], /^ {2}- → no existe ningún contenedor "no-such-bucket-here"/);
    assert.match(md[10], /^- – \*\*ListObjectsV2 en la carpeta\*\*: omitido/);
  });

  it('reports a closed port as a network problem naming the endpoint and the next step, never a stack trace (English and Spanish)', async () => {
    const down = createClients({ endpoint: 'http://127.0.0.1:9', credentials: aws.adminKeys, timeoutMs: 3000 });
    try {
      const report = await testCredentials(down, { bucket: 'acme-braze-exports', integration: 'currents' });
      assert.equal(report.ok, false);
      assert.equal(report.steps[0].status, 'fail');
      assert.equal(report.steps[0].errorCode, 'ECONNREFUSED');
      assert.equal(report.steps[0].detail, 'failed: ECONNREFUSED: AWS could not be reached at http://127.0.0.1:9 (connection refused: nothing is listening there)');
      assert.match(report.steps[0].remedy ?? '', /^nothing answered at http:\/\/127\.0\.0\.1:9 \(the endpoint setting: brazeS3\.endpoint or --endpoint\)\. If it is a local AWS \(moto, LocalStack\), start it \(in this project: npm start\); otherwise check the endpoint setting/);
      assert.match(reportText(report), /0 passed, 1 failed, 0 warnings, 3 skipped$/);
      assert.doesNotMatch(reportText(report), /\n\s+at |connect ECONNREFUSED/);
      const es = await testCredentials(down, { bucket: 'acme-braze-exports', integration: 'currents', locale: 'es' });
      assert.equal(es.steps[0].detail, 'falló: ECONNREFUSED: no se pudo contactar con AWS en http://127.0.0.1:9 (conexión rechazada: nada escucha ahí)');
      assert.match(es.steps[0].remedy ?? '', /^nada respondió en http:\/\/127\.0\.0\.1:9 .*inícialo \(en este proyecto: npm start\)/);
      const role = await verifyRole(down, { roleArn: 'arn:aws:iam::123456789012:role/x', bucket: 'acme-braze-exports', integration: 'currents' });
      assert.equal(role.steps.find((s) => s.id === 'role')?.detail, 'failed: ECONNREFUSED: AWS could not be reached at http://127.0.0.1:9 (connection refused: nothing is listening there)');
    } finally {
      down.dispose();
    }
  });

  describe('Verify role ARN, reading the roles from moto', () => {
    const arn = (name: string) => `arn:aws:iam::123456789012:role/${name}`;
    const verify = (name: string, integration: 'currents' | 'dashboard', bucket: string) =>
      verifyRole(clients, { roleArn: arn(name), bucket, integration, folder: 'currents', partnerAccountId: aws.demo.DEMO_PARTNER_ACCOUNT_ID, externalId: aws.demo.DEMO_EXTERNAL_ID });

    it('passes the demo role that trusts the partner with the external ID and holds the Currents policy', async () => {
      const report = await verify(aws.demo.DEMO_ROLES.good, 'currents', 'acme-braze-currents');
      assert.equal(report.ok, true, reportText(report));
      assert.deepEqual(report.steps.map((s) => `${s.id}:${s.status}`), ['arn:pass', 'role:pass', 'trust:pass', 'permissions:pass', 'boundary:pass', 'objectLock:pass', 'encryption:pass']);
    });

    it('fails the role whose trust policy lacks the external ID', async () => {
      const report = await verify(aws.demo.DEMO_ROLES.noExternalId, 'dashboard', 'acme-braze-exports');
      assert.equal(report.ok, false);
      assert.equal(report.steps.find((s) => s.id === 'trust')?.status, 'fail', reportText(report));
      assert.equal(report.steps.find((s) => s.id === 'permissions')?.status, 'pass', reportText(report));
    });

    it('fails the role whose policy lacks s3:GetObject, naming the action', async () => {
      const report = await verify(aws.demo.DEMO_ROLES.noGetObject, 'currents', 'acme-braze-currents');
      const permissions = report.steps.find((s) => s.id === 'permissions')!;
      assert.equal(permissions.status, 'fail', reportText(report));
      assert.match(permissions.detail, /s3:GetObject/);
      assert.doesNotMatch(permissions.detail, /s3:PutObject/);
    });

    it('an AWS error the check does not know (moto answers SimulatePrincipalPolicy with an HTML 500) shows code, readable message and HTTP status', async () => {
      const report = await verifyRole(clients, { roleArn: arn(aws.demo.DEMO_ROLES.good), bucket: 'acme-braze-currents', integration: 'currents', folder: 'currents', partnerAccountId: aws.demo.DEMO_PARTNER_ACCOUNT_ID, externalId: aws.demo.DEMO_EXTERNAL_ID, simulate: true });
      const simulate = report.steps.find((s) => s.id === 'simulate')!;
      assert.equal(simulate.status, 'skip', reportText(report));
      assert.match(simulate.detail, /\(HTTP 500/);
      assert.doesNotMatch(simulate.detail, /<[a-z!/]/i, 'no HTML tags');
      assert.ok(simulate.detail.length < 420, simulate.detail);
      assert.equal(report.ok, true, 'a skipped optional step fails nothing');
    });

    it('checks a role for dashboard export at the bucket root, not in the Currents folder', async () => {
      const report = await verify(aws.demo.DEMO_ROLES.noGetObject, 'dashboard', 'acme-braze-currents');
      const permissions = report.steps.find((s) => s.id === 'permissions')!;
      assert.equal(permissions.status, 'fail', reportText(report));
      assert.match(permissions.detail, /s3:GetObject on arn:aws:s3:::acme-braze-currents\/\* is not granted/);
      assert.doesNotMatch(permissions.detail, /acme-braze-currents\/currents\//);
    });

    it('says NoSuchEntity with its remedy for a role that does not exist', async () => {
      const report = await verify('no-such-role', 'currents', 'acme-braze-currents');
      const role = report.steps.find((s) => s.id === 'role')!;
      assert.equal(role.status, 'fail');
      assert.equal(role.errorCode, 'NoSuchEntity');
      assert.match(role.remedy ?? '', /no such role/);
    });
  });
});

describe('live checks against moto (IAM enforcement mode: denials from the server)', function () {
  let aws: LocalAws;
  let admin: Clients;
  before(async function () {
    aws = await startLocalAws(this);
    admin = createClients({ endpoint: aws.endpoint, region: 'us-east-1', credentials: aws.adminKeys, timeoutMs: 10_000 });
    await aws.enforceIam(true);
  });
  after(async () => {
    admin?.dispose();
    await aws?.stop();
  });

  /** A new IAM user with one inline policy, and clients that use its own new access key. */
  async function userWith(name: string, policy: object): Promise<{ clients: Clients; keys: { accessKeyId: string; secretAccessKey: string } }> {
    await admin.iam.send(new CreateUserCommand({ UserName: name }));
    await admin.iam.send(new PutUserPolicyCommand({ UserName: name, PolicyName: 'export', PolicyDocument: JSON.stringify(policy) }));
    const k = (await admin.iam.send(new CreateAccessKeyCommand({ UserName: name }))).AccessKey!;
    const keys = { accessKeyId: k.AccessKeyId!, secretAccessKey: k.SecretAccessKey! };
    return { clients: createClients({ endpoint: aws.endpoint, region: 'us-east-1', credentials: keys, timeoutMs: 10_000 }), keys };
  }

  // These checks use the bucket-root folder, so the policies grant objects under the bucket's root
  // (the demo user's folder is covered below).
  const statuses = (r: { steps: { id: string; status: string }[] }) => r.steps.filter((s) => ['location', 'list', 'put', 'get', 'keep', 'delete'].includes(s.id)).map((s) => `${s.id}:${s.status}`);

  it('a user with the Currents policy passes every step', async () => {
    const { clients } = await userWith('currents-ok', aws.demo.currentsPolicy('acme-braze-currents', ''));
    try {
      const report = await testCredentials(clients, { bucket: 'acme-braze-currents', integration: 'currents', folder: '' });
      assert.deepEqual(statuses(report), ['location:pass', 'list:pass', 'put:pass', 'get:pass', 'keep:pass'], reportText(report));
    } finally {
      clients.dispose();
    }
  });

  it('without s3:GetObject exactly the GetObject step fails, as AccessDenied with its remedy', async () => {
    const { clients } = await userWith('currents-no-get', aws.demo.currentsPolicy('acme-braze-currents', '', ['s3:PutObject']));
    try {
      const report = await testCredentials(clients, { bucket: 'acme-braze-currents', integration: 'currents', folder: '' });
      assert.deepEqual(statuses(report), ['location:pass', 'list:pass', 'put:pass', 'get:fail', 'keep:pass'], reportText(report));
      const get = report.steps.find((s) => s.id === 'get')!;
      assert.equal(get.errorCode, 'AccessDenied');
      assert.match(get.detail, /HTTP 403/);
      assert.match(get.remedy ?? '', /grant s3:GetObject on arn:aws:s3:::acme-braze-currents\/\*/);
    } finally {
      clients.dispose();
    }
  });

  it('with s3:PutObject granted only on the bucket ARN the PutObject step fails', async () => {
    const policy = {
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Action: ['s3:ListBucket', 's3:GetBucketLocation', 's3:PutObject', 's3:GetObject'], Resource: 'arn:aws:s3:::acme-braze-currents' }],
    };
    const { clients } = await userWith('currents-put-on-bucket', policy);
    try {
      const report = await testCredentials(clients, { bucket: 'acme-braze-currents', integration: 'currents', folder: '' });
      assert.deepEqual(statuses(report).slice(0, 3), ['location:pass', 'list:pass', 'put:fail'], reportText(report));
      assert.equal(report.steps.find((s) => s.id === 'put')?.errorCode, 'AccessDenied');
    } finally {
      clients.dispose();
    }
  });

  it('a wrong secret and an unknown key each get their own message, and the rest is skipped', async () => {
    const { clients: good, keys } = await userWith('currents-keys', aws.demo.currentsPolicy('acme-braze-currents', ''));
    good.dispose();
    const cases = [
      { credentials: { accessKeyId: keys.accessKeyId, secretAccessKey: 'x'.repeat(40) }, code: 'SignatureDoesNotMatch', remedy: /secret access key does not match/ },
      { credentials: { accessKeyId: 'AKIAUNKNOWNKEY000000', secretAccessKey: keys.secretAccessKey }, code: 'InvalidAccessKeyId', remedy: /access key ID does not exist/ },
    ];
    for (const c of cases) {
      const clients = createClients({ endpoint: aws.endpoint, region: 'us-east-1', credentials: c.credentials, timeoutMs: 10_000 });
      try {
        const report = await testCredentials(clients, { bucket: 'acme-braze-currents', integration: 'currents', folder: '' });
        assert.equal(report.steps[0].errorCode, c.code, reportText(report));
        assert.match(report.steps[0].remedy ?? '', c.remedy);
        assert.ok(report.steps.slice(1).every((s) => s.status === 'skip'));
        assert.ok(!JSON.stringify(report).includes(c.credentials.secretAccessKey));
      } finally {
        clients.dispose();
      }
    }
  });

  describe('which access keys moto accepts with enforcement on (what AWS does with each)', () => {
    const check = async (credentials: { accessKeyId: string; secretAccessKey: string }, input: Partial<Parameters<typeof testCredentials>[1]> = {}) => {
      const clients = createClients({ endpoint: aws.endpoint, region: 'us-east-1', credentials, timeoutMs: 10_000 });
      try {
        return await testCredentials(clients, { bucket: 'acme-braze-currents', integration: 'currents', folder: 'currents', ...input });
      } finally {
        clients.dispose();
      }
    };
    /** Fails at the first step with AWS's own code and message; names the key, never the secret. */
    const assertRejected = (report: Report, keys: { accessKeyId: string; secretAccessKey: string }) => {
      assert.equal(report.ok, false, reportText(report));
      assert.equal(report.steps[0].errorCode, 'InvalidAccessKeyId', reportText(report));
      assert.match(report.steps[0].detail, /^failed: InvalidAccessKeyId: The AWS Access Key Id you provided does not exist in our records\. \(HTTP 403/);
      assert.match(report.steps[0].remedy ?? '', /access key ID does not exist/);
      assert.ok(report.steps.slice(1).every((s) => s.status === 'skip'));
      assert.equal(report.accessKeyId, keys.accessKeyId);
      assert.ok(reportText(report).includes(`Access key ID: ${keys.accessKeyId}`));
      assert.ok(!JSON.stringify(report).includes(keys.secretAccessKey));
      assert.ok(!reportMarkdown(report).includes(keys.secretAccessKey));
    };

    it('a made-up access key fails with InvalidAccessKeyId, AWS\'s message, and the report names the key', async () => {
      const keys = { accessKeyId: 'AKIAMADEUPKEY0000000', secretAccessKey: 'madeUpSecretKey0000000000000000000000000' };
      assertRejected(await check(keys), keys);
    });

    it('a deleted access key fails the same way', async () => {
      const user = await userWith('deleted-key-user', aws.demo.currentsPolicy('acme-braze-currents'));
      user.clients.dispose();
      await admin.iam.send(new DeleteAccessKeyCommand({ UserName: 'deleted-key-user', AccessKeyId: user.keys.accessKeyId }));
      assertRejected(await check(user.keys), user.keys);
    });

    it('a deactivated key fails with InvalidAccessKeyId (moto 5 itself accepts inactive keys; scripts/local-aws/moto_server_as_aws.py adds AWS\'s check), and works again once reactivated', async () => {
      const user = await userWith('inactive-key-user', aws.demo.currentsPolicy('acme-braze-currents'));
      user.clients.dispose();
      await admin.iam.send(new UpdateAccessKeyCommand({ UserName: 'inactive-key-user', AccessKeyId: user.keys.accessKeyId, Status: 'Inactive' }));
      assertRejected(await check(user.keys), user.keys);
      await admin.iam.send(new UpdateAccessKeyCommand({ UserName: 'inactive-key-user', AccessKeyId: user.keys.accessKeyId, Status: 'Active' }));
      assert.equal((await check(user.keys)).steps[0].status, 'pass');
    });

    it('the demo user passes on its Currents folder through its own policy (a ListObjectsV2 prefix with "/" needs moto_server_as_aws.py\'s signature correction), and is denied where its policy does not reach', async () => {
      const ok = await check(aws.userKeys);
      assert.equal(ok.ok, true, reportText(ok));
      assert.deepEqual(statuses(ok), ['location:pass', 'list:pass', 'put:pass', 'get:pass', 'keep:pass']);
      assert.equal(ok.accessKeyId, aws.userKeys.accessKeyId);
      const elsewhere = await check(aws.userKeys, { bucket: 'acme-braze-exports', integration: 'dashboard' });
      assert.equal(elsewhere.ok, false);
      assert.equal(elsewhere.steps[0].errorCode, 'AccessDenied', reportText(elsewhere));
    });

    it('Verify role ARN names the role ARN and the key it read it with', async () => {
      const report = await verifyRole(admin, { roleArn: `arn:aws:iam::123456789012:role/${aws.demo.DEMO_ROLES.good}`, bucket: 'acme-braze-currents', integration: 'currents', folder: 'currents', partnerAccountId: aws.demo.DEMO_PARTNER_ACCOUNT_ID, externalId: aws.demo.DEMO_EXTERNAL_ID });
      assert.equal(report.ok, true, reportText(report));
      assert.equal(report.roleArn, `arn:aws:iam::123456789012:role/${aws.demo.DEMO_ROLES.good}`);
      const text = reportText(report).split('\n');
      assert.equal(text[1], `Role ARN: arn:aws:iam::123456789012:role/${aws.demo.DEMO_ROLES.good}`);
      assert.equal(text[2], `Access key ID: ${aws.adminKeys.accessKeyId}`);
      assert.ok(!reportText(report).includes(aws.adminKeys.secretAccessKey));
    });
  });

  it('a user holding the policy through an attached managed policy passes too', async () => {
    const arn = (await admin.iam.send(new CreatePolicyCommand({ PolicyName: 'dashboard-managed', PolicyDocument: JSON.stringify(aws.demo.dashboardPolicy('acme-braze-exports')) }))).Policy!.Arn!;
    await admin.iam.send(new CreateUserCommand({ UserName: 'dashboard-managed' }));
    await admin.iam.send(new AttachUserPolicyCommand({ UserName: 'dashboard-managed', PolicyArn: arn }));
    const k = (await admin.iam.send(new CreateAccessKeyCommand({ UserName: 'dashboard-managed' }))).AccessKey!;
    const clients = createClients({ endpoint: aws.endpoint, region: 'us-east-1', credentials: { accessKeyId: k.AccessKeyId!, secretAccessKey: k.SecretAccessKey! }, timeoutMs: 10_000 });
    try {
      const report = await testCredentials(clients, { bucket: 'acme-braze-exports', integration: 'dashboard' });
      assert.deepEqual(statuses(report), ['location:pass', 'list:pass', 'put:pass', 'get:pass', 'delete:pass'], reportText(report));
    } finally {
      clients.dispose();
    }
  });
});
