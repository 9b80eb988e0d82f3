// Dashboard and API export files: which keys are exports, a ZIP's entries from its central
// directory (fflate), and the bounded, newest-first listing, reading and download against moto.
import * as assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { zipSync, strToU8 } from 'fflate';
import { CreateBucketCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { TooLargeError, createClients, downloadObject, isExportFile, listExportFiles, readObject, zipEntries } from '../../src/aws';
import { startLocalAws, type LocalAws } from './localAws';

describe('export files', () => {
  it('knows an export file by its extension, never a folder or Test credentials\' marker', () => {
    for (const k of ['a.csv', 'x/Segment.CSV', 'r/users.json', 'e.zip', 'x.csv.gz', 'p/part-0000.txt']) assert.ok(isExportFile(k), k);
    for (const k of ['a.png', 'folder/', 'currents/braze-s3-credentials-check.txt', 'a.avro']) assert.ok(!isExportFile(k), k);
  });

  it('lists a ZIP\'s entries with their sizes without decompressing them', () => {
    const zip = zipSync({ 'a/part-0000.txt': strToU8('x'.repeat(5000)), 'README.txt': strToU8('hi\n') });
    assert.deepEqual(zipEntries(zip).map((e) => [e.name, e.originalSize]), [['a/part-0000.txt', 5000], ['README.txt', 3]]);
    assert.ok(zipEntries(zip)[0].size < 5000, 'compressed');
    assert.throws(() => zipEntries(strToU8('not a zip')), /zip|invalid/i);
  });

  describe('against moto', () => {
    let aws: LocalAws;
    let s3: S3Client;
    let dispose: () => void;
    before(async function () {
      aws = await startLocalAws(this);
      const clients = createClients({ endpoint: aws.endpoint, credentials: aws.adminKeys });
      s3 = clients.s3;
      dispose = () => clients.dispose();
      await s3.send(new CreateBucketCommand({ Bucket: 'export-probe' }));
      for (let i = 0; i < 7; i++) await s3.send(new PutObjectCommand({ Bucket: 'export-probe', Key: `exports/file-${i}.${i % 2 ? 'csv' : 'json'}`, Body: `${i}\n` }));
      await s3.send(new PutObjectCommand({ Bucket: 'export-probe', Key: 'img/logo.png', Body: 'png' }));
    });
    after(async () => {
      dispose?.();
      await aws?.stop();
    });

    it('lists the demo\'s dashboard exports and keeps only the newest few within its bound', async () => {
      const demo = await listExportFiles(s3, 'acme-braze-exports');
      assert.deepEqual(demo.files.map((f) => f.key.split('/')[0]).sort(), ['api-exports', 'reports', 'segment-exports', 'segment-exports']);
      const kept = await listExportFiles(s3, 'export-probe', { keep: 3 });
      assert.equal(kept.files.length, 3);
      assert.equal(kept.found, 7, 'the PNG is not an export');
      assert.equal(kept.cut, false);
      const bounded = await listExportFiles(s3, 'export-probe', { maxObjects: 1 });
      assert.equal(bounded.listed, 8, 'whole pages');
    });

    it('reads an object within a bound, refuses a bigger one, and downloads through a temporary file', async () => {
      assert.equal(Buffer.from(await readObject(s3, 'export-probe', 'exports/file-1.csv', 100)).toString(), '1\n');
      await assert.rejects(readObject(s3, 'export-probe', 'exports/file-1.csv', 1), (e: unknown) => e instanceof TooLargeError && e.size === 2);
      const dir = mkdtempSync(join(tmpdir(), 'braze-s3-export-'));
      const n = await downloadObject(s3, 'acme-braze-exports', (await listExportFiles(s3, 'acme-braze-exports')).files.find((f) => f.key.endsWith('.zip'))!.key, join(dir, 'x.zip'));
      assert.equal(zipEntries(readFileSync(join(dir, 'x.zip'))).length, 3);
      assert.equal(readFileSync(join(dir, 'x.zip')).length, n);
      assert.ok(!existsSync(join(dir, 'x.zip.part')));
      await assert.rejects(downloadObject(s3, 'export-probe', 'no/such.csv', join(dir, 'y.csv')), /NoSuchKey|not exist/i);
      assert.ok(!existsSync(join(dir, 'y.csv')) && !existsSync(join(dir, 'y.csv.part')), 'nothing left of a failed download');
    });
  });
});
