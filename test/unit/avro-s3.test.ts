// Avro files in S3 and on disk through the product's own code: the read-only file system's S3
// reads (ranged GETs, one folder level) against moto, and `braze-s3 avro` (dist/cli.js) on a local
// file, a broken one and an s3:// object.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CreateBucketCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { createClients, listFolder, objectBytes, objectSource, ObjectTooLargeError, parseS3Url, type Clients } from '../../src/aws';
import { AvroFile } from '../../src/avro';
import { EMAIL_SEND_SCHEMA, emailSend, emailSends, writeAvro } from '../avro/currents';
import { startLocalAws, type LocalAws } from './localAws';

const cli = join(__dirname, '../../dist/cli.js');
const KEY = 'currents/dataexport.prod-01.S3.integration.5f2c1a9e8b3d4c0012a7e0ff/event_type=users.messages.email.Send/date=2026-12-03-10/app_group_id=5f2c1a9e8b3d4c0012a7e001/1.avro';

function run(args: string[], env: Record<string, string> = {}) {
  return new Promise<{ code: number | null; out: string; err: string }>((resolve) => {
    const p = spawn(process.execPath, [cli, ...args], { env: { ...process.env, LANG: 'C', AWS_EC2_METADATA_DISABLED: 'true', ...env } });
    let out = '';
    let err = '';
    p.stdout.on('data', (d) => (out += d));
    p.stderr.on('data', (d) => (err += d));
    p.on('exit', (code) => resolve({ code, out, err }));
  });
}

describe('braze-s3 avro on local files (dist/cli.js)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'braze-s3-avro-'));
  let good: string;
  let cut: string;
  before(async () => {
    assert.ok(existsSync(cli), 'dist/cli.js is missing: run `npm run build` first');
    const buf = await writeAvro(EMAIL_SEND_SCHEMA, emailSends(500), 'snappy', 4096);
    writeFileSync((good = join(dir, 'send.avro')), buf);
    writeFileSync((cut = join(dir, 'cut.avro')), buf.subarray(0, Math.floor(buf.length / 2)));
    writeFileSync(join(dir, 'export.csv'), 'id,email\n1,a@example.com\n');
  });

  it('prints records as JSON lines, --limit N of them', async () => {
    const r = await run(['avro', good, '--limit', '3']);
    assert.equal(r.code, 0, r.err);
    assert.equal(r.err, '');
    assert.deepEqual(r.out.trim().split('\n').map((l) => JSON.parse(l)), [emailSend(0), emailSend(1), emailSend(2)]);
    const all = await run(['avro', good]);
    assert.equal(all.out.trim().split('\n').length, 500);
  });
  it('--schema prints the writer schema (alone, or before --limit records)', async () => {
    const r = await run(['avro', good, '--schema']);
    assert.equal(r.code, 0);
    assert.equal(JSON.parse(r.out).name, 'com.braze.currents.users.messages.email.EmailSend');
    const both = await run(['avro', good, '--schema', '--limit', '1']);
    assert.match(both.out, /"fields"[\s\S]*\n\{"id":/);
  });
  it('a truncated file: the records before the break, then where it broke (exit 1)', async () => {
    const r = await run(['avro', cut]);
    assert.equal(r.code, 1);
    const lines = r.out.trim().split('\n');
    assert.ok(lines.length > 0 && lines.length < 500, `${lines.length} records`);
    assert.deepEqual(JSON.parse(lines[lines.length - 1]), emailSend(lines.length - 1));
    assert.match(r.err, new RegExp(`^braze-s3: The file is truncated: it ends at byte [\\d,]+, inside block \\d+\\. ${lines.length} records before it were read\\.\\n$`));
    const es = await run(['avro', cut, '--lang', 'es']);
    assert.match(es.err, /El archivo está truncado/);
  });
  it('not Avro, missing, bad usage: exit 2 with a clear message', async () => {
    const csv = await run(['avro', join(dir, 'export.csv')]);
    assert.equal(csv.code, 2);
    assert.match(csv.err, /export\.csv is not a readable Avro file: Not an Avro object container file/);
    assert.equal(csv.out, '');
    const missing = await run(['avro', join(dir, 'nope.avro')]);
    assert.equal(missing.code, 2);
    assert.match(missing.err, /cannot read .*nope\.avro: no such file/);
    assert.equal((await run(['avro'])).code, 2);
    assert.match((await run(['avro', good, '--limit', 'x'])).err, /--limit must be a whole number/);
  });
});

describe('S3 objects for the read-only file system and the Avro viewer (moto)', function () {
  let aws: LocalAws;
  let clients: Clients;
  let body: Buffer;
  before(async function () {
    aws = await startLocalAws(this);
    clients = createClients({ endpoint: aws.endpoint, region: 'us-east-1', credentials: aws.adminKeys, timeoutMs: 10_000 });
    body = await writeAvro(EMAIL_SEND_SCHEMA, emailSends(5000), 'deflate', 16 * 1024);
    await clients.s3.send(new CreateBucketCommand({ Bucket: 'avro-viewer-test' }));
    await clients.s3.send(new PutObjectCommand({ Bucket: 'avro-viewer-test', Key: KEY, Body: body }));
    await clients.s3.send(new PutObjectCommand({ Bucket: 'avro-viewer-test', Key: 'exports/users.csv', Body: 'id,email\n1,a@example.com\n' }));
  });
  after(async () => {
    clients?.dispose();
    await aws?.stop();
  });

  it('reads an Avro object page by page with ranged GETs (moto honours Range)', async () => {
    const source = await objectSource(clients.s3, 'avro-viewer-test', KEY);
    assert.equal(source.size, body.length);
    const reads: number[] = [];
    const file = await AvroFile.open({ size: source.size, read: async (o, l) => { const r = await source.read(o, l); reads.push(r.length); return r; } }, { chunkBytes: 64 * 1024 });
    const rows = await file.page(0, 100);
    assert.deepEqual(rows[99], { index: 99, value: emailSend(99) });
    assert.ok(reads.reduce((a, b) => a + b, 0) < body.length / 2, `read ${reads} of ${body.length}`);
    assert.deepEqual((await file.count()).records, 5000);
    assert.deepEqual((await file.page(49, 100))[99].value, emailSend(4999));
    assert.equal(file.problem, undefined);
  });

  it('lists one folder level and reads a small object whole; a large one is refused', async () => {
    const top = await listFolder(clients.s3, 'avro-viewer-test', '');
    assert.deepEqual(top.entries.map((e) => `${e.name}${e.folder ? '/' : ''}`).sort(), ['currents/', 'exports/']);
    const exports = await listFolder(clients.s3, 'avro-viewer-test', 'exports/');
    assert.deepEqual(exports.entries.map((e) => [e.name, e.size]), [['users.csv', 25]]);
    assert.equal(Buffer.from(await objectBytes(clients.s3, 'avro-viewer-test', 'exports/users.csv', 1000)).toString(), 'id,email\n1,a@example.com\n');
    await assert.rejects(objectBytes(clients.s3, 'avro-viewer-test', KEY, 1000), (e: unknown) => e instanceof ObjectTooLargeError && e.size === body.length);
    assert.deepEqual(parseS3Url(`s3://avro-viewer-test/${KEY}`), { bucket: 'avro-viewer-test', key: KEY });
  });

  it('braze-s3 avro s3://… prints the object\'s records; a missing key exits 2 with AWS\'s code', async () => {
    const env = { AWS_ENDPOINT_URL: aws.endpoint, AWS_ACCESS_KEY_ID: aws.adminKeys.accessKeyId, AWS_SECRET_ACCESS_KEY: aws.adminKeys.secretAccessKey, AWS_REGION: 'us-east-1' };
    const r = await run(['avro', `s3://avro-viewer-test/${KEY}`, '--limit', '2'], env);
    assert.equal(r.code, 0, r.err);
    assert.deepEqual(r.out.trim().split('\n').map((l) => JSON.parse(l)), [emailSend(0), emailSend(1)]);
    const missing = await run(['avro', 's3://avro-viewer-test/currents/none.avro'], env);
    assert.equal(missing.code, 2);
    assert.match(missing.err, /cannot read s3:\/\/avro-viewer-test\/currents\/none\.avro: (NotFound|NoSuchKey)/);
  });
});
