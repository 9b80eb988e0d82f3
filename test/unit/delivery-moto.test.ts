// Delivery health against moto: the demo's real Currents Avro files (one connector delivering,
// one stopped 30 hours ago), the listing's date-partition start, paging, its bound and
// cancellation; and `braze-s3 delivery` (dist/cli.js) as users run it.
import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { CreateBucketCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { createClients, deliveryHealth, HOUR, summariseFolder } from '../../src/aws';
import { startLocalAws, type LocalAws } from './localAws';

const cli = join(__dirname, '../../dist/cli.js');
const PROBE = 'acme-delivery-probe';

describe('delivery health (moto)', () => {
  let aws: LocalAws;
  let s3: S3Client;
  let dispose: () => void;
  before(async function () {
    aws = await startLocalAws(this);
    const clients = createClients({ endpoint: aws.endpoint, credentials: aws.adminKeys });
    s3 = clients.s3;
    dispose = () => clients.dispose();
  });
  after(async () => {
    dispose?.();
    await aws?.stop();
  });

  it('summarises the demo: the delivering connector with its outage, the stopped one with 18 hours left', async () => {
    // The clock of the seeding hour (the demo is seeded relative to its own clock), so that a run
    // across an hour boundary sees the same ages.
    const probe = await summariseFolder(s3, 'acme-braze-currents', { folder: 'currents' });
    const now = probe.connectors[0].newestHour! + 25 * 60_000;
    const delivering = await summariseFolder(s3, 'acme-braze-currents', { folder: 'currents', now });
    assert.equal(delivering.connectors.length, 1);
    const [a] = delivering.connectors;
    assert.equal(a.connector, 'dataexport.prod-01.S3.integration.5f0c2a7d91e3b4001a2b3c4d');
    assert.deepEqual(a.eventTypes.map((e) => e.eventType), ['users.behaviors.CustomEvent', 'users.campaigns.Conversion', 'users.messages.email.Open', 'users.messages.email.Send']);
    assert.equal(a.files, 45 * 4, '45 hours of the last 48 (a 3-hour outage), 4 event types');
    assert.equal(delivering.listed, 180);
    assert.equal(deliveryHealth(a.newestHour, now).state, 'delivering');
    const sends = a.eventTypes[3].series.files;
    assert.deepEqual(sends.slice(-22, -19), [0, 0, 0], 'the outage 19–21 hours ago is a gap');
    assert.equal(sends.at(-1), 1);
    assert.equal(a.newestObjects.length, 15);
    assert.ok(a.newestObjects[0].key.includes(`/date=${new Date(now).toISOString().slice(0, 13).replace('T', '-')}/`), a.newestObjects[0].key);

    const stopped = await summariseFolder(s3, 'acme-braze-currents', { folder: 'currents-warehouse', now });
    const [b] = stopped.connectors;
    assert.equal(b.files, 17 * 3);
    assert.deepEqual(deliveryHealth(b.newestHour, now), { state: 'stopped', ageHours: 30, hoursLeft: 18 });
    // Counted from the key's partition: the listing made a handful of requests, none per object.
    // Two delimiter listings, then one per event type and UTC day of the window (8 days touch 7 × 24 hours).
    assert.equal(stopped.requests, 2 + 3 * 8);
  });

  it('lists from the window\'s first date partition on (older files are never fetched), page by page', async () => {
    const now = Date.UTC(2026, 5, 10, 12, 30);
    const base = 'probe/dataexport.prod-02.S3.integration.0123456789abcdef01234567/event_type=users.messages.email.Send';
    const hours = [0, 1, 2, 5, 24, 47, 48, 100, 24 * 7 - 1, 24 * 7, 24 * 9];
    await s3.send(new CreateBucketCommand({ Bucket: PROBE }));
    for (const [i, h] of hours.entries()) {
      const d = new Date(Date.UTC(2026, 5, 10, 12) - h * HOUR).toISOString();
      const key = `${base}/date=${d.slice(0, 10)}-${d.slice(11, 13)}/336/prod-02/f+0+${i}.avro`;
      await s3.send(new PutObjectCommand({ Bucket: PROBE, Key: key, Body: Buffer.alloc(100 + i) }));
    }
    const progress: number[] = [];
    const d = await summariseFolder(s3, PROBE, { folder: 'probe', now, pageSize: 2, onProgress: (n) => progress.push(n) });
    assert.equal(d.listed, 9, 'the two partitions older than 7 days are not listed');
    assert.equal(progress.at(-1), 9);
    assert.ok(progress.length >= 6, `one progress report per page: ${progress}`);
    assert.ok(progress.every((n, i) => i === 0 || n >= progress[i - 1]), 'the count only grows');
    const [c] = d.connectors;
    assert.equal(c.newestHour, Date.UTC(2026, 5, 10, 12));
    assert.equal(c.files, 9);
    const series = c.eventTypes[0].series;
    assert.equal(series.files.length, 168);
    assert.deepEqual([167, 166, 165, 162, 143, 120, 119, 67, 0].map((i) => series.files[i]), [1, 1, 1, 1, 1, 1, 1, 1, 1]);
    assert.equal(series.files.reduce((a, b) => a + b, 0), 9);
    assert.equal(series.bytes[167], 100);
  });

  it('stops at its bound and says what was cut; a cancelled listing stops', async () => {
    const now = Date.UTC(2026, 5, 10, 12, 30);
    const cut = await summariseFolder(s3, PROBE, { folder: 'probe', now, pageSize: 3, maxObjects: 5, concurrency: 1 });
    assert.ok(cut.cut?.objects && cut.cut.objects >= 5, JSON.stringify(cut.cut));
    assert.ok(cut.listed >= 5 && cut.listed < 9, `stops listing once the bound is crossed: ${cut.listed}`);
    assert.equal(cut.cut?.objects, cut.listed);
    const controller = new AbortController();
    controller.abort();
    await assert.rejects(summariseFolder(s3, PROBE, { folder: 'probe', now, signal: controller.signal }), /abort/i);
  });

  it('finds no connector in an export bucket', async () => {
    const d = await summariseFolder(s3, 'acme-braze-exports', { folder: '' });
    assert.deepEqual(d.connectors, []);
  });

  describe('braze-s3 delivery (dist/cli.js)', () => {
    before(() => assert.ok(existsSync(cli), 'dist/cli.js is missing: run `npm run build` first'));
    const run = (...args: string[]) => new Promise<{ code: number | null; out: string; err: string }>((resolve) => {
      const p = spawn(process.execPath, [cli, ...args], { env: { ...process.env, LANG: 'C', AWS_EC2_METADATA_DISABLED: 'true', AWS_ENDPOINT_URL: aws.endpoint, AWS_ACCESS_KEY_ID: aws.adminKeys.accessKeyId, AWS_SECRET_ACCESS_KEY: aws.adminKeys.secretAccessKey, AWS_REGION: 'us-east-1' } });
      let out = '';
      let err = '';
      p.stdout.on('data', (d) => (out += d));
      p.stderr.on('data', (d) => (err += d));
      p.on('exit', (code) => resolve({ code, out, err }));
    });

    it('exits 0 for the delivering folder and 1 for the whole bucket (a connector stopped)', async () => {
      const ok = await run('delivery', '--bucket', 'acme-braze-currents', '--folder', 'currents');
      assert.equal(ok.code, 0, ok.err + ok.out);
      assert.match(ok.out, /^✓ s3:\/\/acme-braze-currents\/currents\/dataexport\.prod-01\.S3\.integration\.5f0c2a7d91e3b4001a2b3c4d\/\n {2}delivering · newest file [01] hours? ago/);
      assert.match(ok.out, /last 48 h: (180|176) files/); // 176 once an hour has passed since seeding
      assert.match(ok.out, /… 3 hours without files/);
      const all = await run('delivery', '--bucket', 'acme-braze-currents');
      assert.equal(all.code, 1, all.err + all.out);
      // 30 hours and 18 left, or 31 and 17 when the run crossed an hour since the demo was seeded.
    assert.match(all.out, /✗ s3:\/\/acme-braze-currents\/currents-warehouse\/dataexport\.prod-03[^\n]*\n {2}STOPPED · newest file (30 hours ago .* 18|31 hours ago .* 17) hours left before Currents drops/);
    });

    it('prints JSON with the hourly counts, in Spanish text on request, and refuses bad usage (exit 2)', async () => {
      const r = await run('delivery', '--bucket', 'acme-braze-currents', '--format', 'json', '--drop-window-hours', '72');
      assert.equal(r.code, 1);
      const json = JSON.parse(r.out);
      assert.equal(json.stopped, true);
      assert.deepEqual(json.folders.map((f: { folder: string }) => f.folder), ['currents', 'currents-warehouse']);
      const stopped = json.folders[1].connectors[0];
      assert.equal(stopped.health.state, 'stopped');
      assert.equal(stopped.health.ageHours + stopped.health.hoursLeft, 72, 'the window set by --drop-window-hours');
      assert.equal(stopped.hourly.length, 48);
      assert.equal(stopped.hourly.filter((h: { files: number }) => h.files > 0).length, 17);
      const es = await run('delivery', '--bucket', 'acme-braze-currents', '--folder', 'currents-warehouse', '--lang', 'es');
      assert.match(es.out, /DETENIDO · archivo más reciente hace (30 horas .* quedan 18|31 horas .* quedan 17) horas/);
      const bad = await run('delivery', '--bucket', 'acme-braze-currents', '--quiet-hours', 'soon');
      assert.equal(bad.code, 2);
      assert.match(bad.err, /--quiet-hours must be a whole number of hours/);
    });

    it('exits 1 when the folder holds no connector', async () => {
      const r = await run('delivery', '--bucket', 'acme-braze-exports');
      assert.equal(r.code, 1);
      assert.match(r.out, /No Currents connector/);
    });
  });
});
