// Test credentials and bucket listing against a real S3 protocol server (s3rver on 127.0.0.1).
import assert from 'node:assert/strict';
import { ListObjectsV2Command } from '@aws-sdk/client-s3';
import { createClients, listBuckets, markerKey, newestObjects, reportText, testCredentials } from '../../src/aws';
import type { Clients } from '../../src/aws';
// eslint-disable-next-line @typescript-eslint/ban-ts-comment
// @ts-ignore -- plain ESM helper shared with the demo and the integration runner
import { startS3Server } from '../../scripts/test-host/s3-server.mjs';

const KEYS = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' };

describe('AWS S3 (against s3rver)', () => {
  let server: { endpoint: string; stop(): Promise<void> };
  let clients: Clients;
  before(async () => {
    server = await startS3Server({ seed: true });
    clients = createClients({ endpoint: server.endpoint, region: 'us-east-1', credentials: KEYS, timeoutMs: 5000 });
  });
  after(async () => {
    clients?.dispose();
    await server?.stop();
  });

  async function keysUnder(bucket: string, prefix: string): Promise<string[]> {
    const r = await clients.s3.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: prefix }));
    return (r.Contents ?? []).map((o) => o.Key!);
  }

  it('lists the buckets with the SDK paginator', async () => {
    const r = await listBuckets(clients.s3);
    assert.deepEqual(r.buckets.map((b) => b.name).sort(), ['acme-braze-currents', 'acme-braze-exports', 'acme-marketing-assets']);
    assert.equal(r.truncated, false);
    assert.equal(r.pages, 1);
  });

  it('shows the newest export files under the folder', async () => {
    const objects = await newestObjects(clients.s3, 'acme-braze-currents', 'currents');
    assert.equal(objects.length, 3);
    assert.ok(objects.every((o) => o.key.startsWith('currents/dataexport.prod-01.S3.integration.')));
    assert.ok(objects.every((o) => o.size >= 3 * 1024));
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

  it('runs the dashboard-export sequence and leaves no marker behind', async () => {
    const report = await testCredentials(clients, { bucket: 'acme-marketing-assets', integration: 'dashboard', folder: 'exports' });
    assert.equal(report.ok, true, reportText(report));
    assert.deepEqual(report.steps.map((s) => s.id), ['location', 'list', 'put', 'get', 'delete', 'objectLock', 'encryption']);
    assert.deepEqual(await keysUnder('acme-marketing-assets', ''), []);
  });

  it('never touches any other key', async () => {
    const before = await keysUnder('acme-braze-currents', '');
    await testCredentials(clients, { bucket: 'acme-braze-currents', integration: 'dashboard', folder: 'currents' });
    assert.deepEqual(await keysUnder('acme-braze-currents', ''), before);
  });

  it('reports an unknown access key ID with a remedy and skips the rest', async () => {
    const bad = createClients({ endpoint: server.endpoint, credentials: { accessKeyId: 'AKIAUNKNOWNKEY000000', secretAccessKey: 'x'.repeat(40) }, timeoutMs: 5000 });
    try {
      const report = await testCredentials(bad, { bucket: 'acme-braze-exports', integration: 'currents' });
      assert.equal(report.ok, false);
      assert.equal(report.steps[0].status, 'fail');
      assert.equal(report.steps[0].errorCode, 'InvalidAccessKeyId');
      assert.match(report.steps[0].remedy ?? '', /access key ID does not exist/);
      assert.ok(report.steps.slice(1).every((s) => s.status === 'skip'));
    } finally {
      bad.dispose();
    }
  });

  it('reports a missing bucket as NoSuchBucket', async () => {
    const report = await testCredentials(clients, { bucket: 'no-such-bucket-here', integration: 'currents', locale: 'es' });
    assert.equal(report.steps[0].errorCode, 'NoSuchBucket');
    assert.match(report.steps[0].remedy ?? '', /no existe ningún contenedor "no-such-bucket-here"/);
  });

  it('reports a closed port as a network problem, not a crash', async () => {
    const down = createClients({ endpoint: 'http://127.0.0.1:9', credentials: KEYS, timeoutMs: 3000 });
    try {
      const report = await testCredentials(down, { bucket: 'acme-braze-exports', integration: 'currents' });
      assert.equal(report.ok, false);
      assert.equal(report.steps[0].status, 'fail');
      assert.match(report.steps[0].remedy ?? '', /could not be reached|no answer in time/);
    } finally {
      down.dispose();
    }
  });
});
