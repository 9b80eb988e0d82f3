// The local AWS `npm start` opens (scripts/local-aws/demo-aws.mjs): IAM enforcement on by default,
// so Test credentials in the demo tells a good key from a made-up, deleted or deactivated one as
// AWS would, and the demo user passes only through its own policy.
import assert from 'node:assert/strict';
import { DeleteAccessKeyCommand, CreateAccessKeyCommand, UpdateAccessKeyCommand } from '@aws-sdk/client-iam';
import { createClients, listBuckets, reportText, testCredentials } from '../../src/aws';
import type { Clients, Report } from '../../src/aws';
// eslint-disable-next-line @typescript-eslint/ban-ts-comment
// @ts-ignore -- plain ESM helpers shared with the demo
import { startDemoAws } from '../../scripts/local-aws/demo-aws.mjs';
// eslint-disable-next-line @typescript-eslint/ban-ts-comment
// @ts-ignore -- idem
import { DEMO_USER } from '../../scripts/local-aws/demo-account.mjs';
// eslint-disable-next-line @typescript-eslint/ban-ts-comment
// @ts-ignore -- idem
import { MOTO_INSTALL_HINT, findMotoServer } from '../../scripts/local-aws/moto.mjs';

type Keys = { accessKeyId: string; secretAccessKey: string };

describe('the demo\'s local AWS (npm start): IAM enforcement on by default', function () {
  let demo: { moto: { endpoint: string; stop(): Promise<void> }; userKey: Keys; adminKey: Keys; enforced: boolean };
  let admin: Clients;
  before(async function () {
    this.timeout(60_000);
    if (!findMotoServer()) {
      console.warn(`    ${MOTO_INSTALL_HINT} Skipping the demo's local AWS.`);
      this.skip();
    }
    demo = await startDemoAws();
    admin = createClients({ endpoint: demo.moto.endpoint, region: 'us-east-1', credentials: demo.adminKey, timeoutMs: 10_000 });
  });
  after(async () => {
    admin?.dispose();
    await demo?.moto.stop();
  });

  async function run(credentials: Keys): Promise<Report> {
    const clients = createClients({ endpoint: demo.moto.endpoint, region: 'us-east-1', credentials, timeoutMs: 10_000 });
    try {
      return await testCredentials(clients, { bucket: 'acme-braze-currents', integration: 'currents', folder: 'currents' });
    } finally {
      clients.dispose();
    }
  }
  function assertInvalidKey(report: Report, keys: Keys): void {
    assert.equal(report.ok, false, reportText(report));
    assert.equal(report.steps[0].errorCode, 'InvalidAccessKeyId', reportText(report));
    assert.match(report.steps[0].detail, /The AWS Access Key Id you provided does not exist in our records/);
    assert.equal(report.accessKeyId, keys.accessKeyId);
    assert.ok(!JSON.stringify(report).includes(keys.secretAccessKey));
  }

  it('is enforced: the seeded account exists and the editor\'s administrator key reads it', async () => {
    assert.equal(demo.enforced, true);
    const r = await listBuckets(admin.s3);
    assert.ok(r.buckets.some((b) => b.name === 'acme-braze-currents'));
  });

  it('the demo user passes Test credentials on its Currents folder', async () => {
    const report = await run(demo.userKey);
    assert.equal(report.ok, true, reportText(report));
    assert.equal(report.accessKeyId, demo.userKey.accessKeyId);
  });

  it('a made-up key fails with InvalidAccessKeyId', async () => {
    const keys = { accessKeyId: 'AKIAMADEUPDEMOKEY000', secretAccessKey: 'madeUpSecretKey0000000000000000000000000' };
    assertInvalidKey(await run(keys), keys);
  });

  it('a deleted key of the demo user fails with InvalidAccessKeyId', async () => {
    const k = (await admin.iam.send(new CreateAccessKeyCommand({ UserName: DEMO_USER }))).AccessKey!;
    const keys = { accessKeyId: k.AccessKeyId!, secretAccessKey: k.SecretAccessKey! };
    assert.equal((await run(keys)).ok, true, 'the new key works before it is deleted');
    await admin.iam.send(new DeleteAccessKeyCommand({ UserName: DEMO_USER, AccessKeyId: keys.accessKeyId }));
    assertInvalidKey(await run(keys), keys);
  });

  it('a deactivated key of the demo user fails with InvalidAccessKeyId (moto 5 accepts inactive keys; the demo\'s moto launcher adds AWS\'s check)', async () => {
    await admin.iam.send(new UpdateAccessKeyCommand({ UserName: DEMO_USER, AccessKeyId: demo.userKey.accessKeyId, Status: 'Inactive' }));
    try {
      assertInvalidKey(await run(demo.userKey), demo.userKey);
    } finally {
      await admin.iam.send(new UpdateAccessKeyCommand({ UserName: DEMO_USER, AccessKeyId: demo.userKey.accessKeyId, Status: 'Active' }));
    }
  });
});
