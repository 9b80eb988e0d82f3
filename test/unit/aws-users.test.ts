// IAM users, their keys and key rotation, against moto (plain mode; the new key's test runs with
// IAM enforcement on, so a key that does not work would fail there).
import assert from 'node:assert/strict';
import { CreateAccessKeyCommand, CreateUserCommand } from '@aws-sdk/client-iam';
import { accessKeys, createClients, holdsExportPolicy, keyConcern, listUsersPage, rotateAccessKey, setAccessKeyStatus, testCredentials, userPolicies } from '../../src/aws';
import type { Clients, NewKey, Report, RotationUi } from '../../src/aws';
import { startLocalAws, type LocalAws } from './localAws';

describe('IAM users and access keys (moto)', function () {
  let aws: LocalAws;
  let admin: Clients;
  before(async function () {
    aws = await startLocalAws(this);
    admin = createClients({ endpoint: aws.endpoint, region: 'us-east-1', credentials: aws.adminKeys, timeoutMs: 10_000 });
  });
  after(async () => {
    admin?.dispose();
    await aws?.stop();
  });

  it('lists every user, following the page markers (moto answers in one page)', async () => {
    for (let i = 0; i < 3; i++) await admin.iam.send(new CreateUserCommand({ UserName: `paging-${i}` }));
    const names: string[] = [];
    let marker: string | undefined;
    let pages = 0;
    do {
      const page = await listUsersPage(admin.iam, marker, 2);
      names.push(...page.users.map((u) => u.name));
      marker = page.marker;
      pages++;
    } while (marker && pages < 10);
    assert.deepEqual(names.sort(), ['admin', aws.demo.DEMO_USER, 'paging-0', 'paging-1', 'paging-2'].sort());
  });

  it('reads a user\'s policies and tells the export user apart', async () => {
    const policies = await userPolicies(admin.iam, aws.demo.DEMO_USER);
    assert.deepEqual(policies.map((p) => `${p.kind}:${p.name}`), ['managed:braze-currents-s3']);
    assert.equal(holdsExportPolicy(policies), true);
    assert.equal(holdsExportPolicy(await userPolicies(admin.iam, 'admin')), false, 'Action * is a general policy');
  });

  it('lists keys with status and creation date', async () => {
    const keys = await accessKeys(admin.iam, aws.demo.DEMO_USER);
    assert.equal(keys.length, 1);
    assert.equal(keys[0].id, aws.userKeys.accessKeyId);
    assert.equal(keys[0].status, 'Active');
    assert.ok(keys[0].created instanceof Date);
  });

  it('says why an export key needs attention: old, idle, never used', () => {
    const now = new Date('2026-11-29T12:00:00Z');
    const days = (n: number) => new Date(now.getTime() - n * 86_400_000);
    assert.deepEqual(keyConcern({ id: 'A', status: 'Active', created: days(120), lastUsed: days(0) }, now), { kind: 'old', days: 120 });
    assert.deepEqual(keyConcern({ id: 'A', status: 'Active', created: days(30), lastUsed: days(3) }, now), { kind: 'idle', days: 3 });
    assert.deepEqual(keyConcern({ id: 'A', status: 'Active', created: days(5) }, now), { kind: 'never-used', days: 5 });
    assert.equal(keyConcern({ id: 'A', status: 'Active', created: days(10), lastUsed: days(0) }, now), undefined);
    assert.equal(keyConcern({ id: 'A', status: 'Inactive', created: days(400) }, now), undefined);
  });

  describe('rotation', () => {
    const user = 'rotation-user';
    before(async () => {
      await admin.iam.send(new CreateUserCommand({ UserName: user }));
      await admin.iam.send(new CreateAccessKeyCommand({ UserName: user }));
    });

    /** A scripted person, and Test credentials run for real with the new key against moto. */
    function ui(answers: { keep?: boolean; handOver?: boolean; makeRoom?: boolean; cancelTest?: boolean; bucket?: string }): RotationUi & { tested: NewKey[]; handedOver: NewKey[] } {
      const tested: NewKey[] = [];
      const handedOver: NewKey[] = [];
      return {
        tested,
        handedOver,
        deleteInactiveToMakeRoom: async () => answers.makeRoom ?? false,
        testNewKey: async (key): Promise<Report | undefined> => {
          tested.push(key);
          if (answers.cancelTest) return undefined;
          const clients = createClients({ endpoint: aws.endpoint, region: 'us-east-1', credentials: key, timeoutMs: 10_000 });
          try {
            return await testCredentials(clients, { bucket: answers.bucket ?? 'acme-braze-exports', integration: 'dashboard' });
          } finally {
            clients.dispose();
          }
        },
        keepDespiteFailure: async () => answers.keep ?? false,
        handOver: async (key) => {
          handedOver.push(key);
          return answers.handOver ?? true;
        },
      };
    }
    const statuses = async () => (await accessKeys(admin.iam, user)).map((k) => k.status).sort();

    it('cancelled at hand-over: the new key is deleted, the old one untouched', async () => {
      const before = await accessKeys(admin.iam, user);
      const script = ui({ handOver: false });
      const outcome = await rotateAccessKey(admin.iam, user, script);
      assert.equal(outcome.status, 'cancelled');
      assert.equal(script.tested.length, 1);
      assert.deepEqual(await accessKeys(admin.iam, user).then((k) => k.map((x) => `${x.id}:${x.status}`)), before.map((x) => `${x.id}:${x.status}`));
    });

    it('a new key that fails its test is deleted unless kept', async () => {
      const outcome = await rotateAccessKey(admin.iam, user, ui({ bucket: 'no-such-bucket-here', keep: false }));
      assert.deepEqual([outcome.status, outcome.status === 'cancelled' && outcome.reason], ['cancelled', 'test-failed']);
      assert.deepEqual(await statuses(), ['Active']);
    });

    it('rotates: creates, tests, hands over once, then deactivates the old key', async () => {
      const [old] = await accessKeys(admin.iam, user);
      const script = ui({});
      const outcome = await rotateAccessKey(admin.iam, user, script);
      assert.equal(outcome.status, 'rotated');
      assert.equal(script.handedOver.length, 1);
      assert.equal(script.handedOver[0].secretAccessKey.length, 40);
      const keys = await accessKeys(admin.iam, user);
      assert.deepEqual(keys.map((k) => `${k.id === old.id ? 'old' : 'new'}:${k.status}`).sort(), ['new:Active', 'old:Inactive']);
      assert.ok(outcome.status === 'rotated' && outcome.deactivated.includes(old.id));
    });

    it('at the two-key limit: asks to delete the inactive key first; declining changes nothing', async () => {
      const before = (await accessKeys(admin.iam, user)).map((k) => `${k.id}:${k.status}`).sort();
      const declined = await rotateAccessKey(admin.iam, user, ui({ makeRoom: false }));
      assert.deepEqual([declined.status, declined.status === 'cancelled' && declined.reason], ['cancelled', 'declined']);
      assert.deepEqual((await accessKeys(admin.iam, user)).map((k) => `${k.id}:${k.status}`).sort(), before);
      const rotated = await rotateAccessKey(admin.iam, user, ui({ makeRoom: true }));
      assert.equal(rotated.status, 'rotated');
      assert.deepEqual(await statuses(), ['Active', 'Inactive']);
    });

    it('with two active keys it stops and changes nothing (one of them may be in use)', async () => {
      const keys = await accessKeys(admin.iam, user);
      const inactive = keys.find((k) => k.status === 'Inactive')!;
      await setAccessKeyStatus(admin.iam, user, inactive.id, 'Active');
      const outcome = await rotateAccessKey(admin.iam, user, ui({}));
      assert.deepEqual([outcome.status, outcome.status === 'cancelled' && outcome.reason], ['cancelled', 'limit']);
      assert.deepEqual(await statuses(), ['Active', 'Active']);
    });
  });
});
