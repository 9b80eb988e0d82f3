// A local S3 protocol server (s3rver) with demo buckets and Currents-style export files, for the
// integration tests and the `npm start` demo. s3rver does not verify signatures.
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const require = createRequire(import.meta.url);
export const DEMO_BUCKETS = ['acme-braze-currents', 'acme-braze-exports', 'acme-marketing-assets'];

export async function startS3Server({ port = 0, seed = true } = {}) {
  const S3rver = require('s3rver');
  const directory = mkdtempSync(join(tmpdir(), 's3rver-'));
  const server = new S3rver({ port, address: '127.0.0.1', silent: true, directory, configureBuckets: DEMO_BUCKETS.map((name) => ({ name })) });
  const { port: actual } = await server.run();
  const endpoint = `http://127.0.0.1:${actual}`;
  if (seed) await seedExports(endpoint);
  return {
    endpoint,
    async stop() {
      await server.close();
      rmSync(directory, { recursive: true, force: true });
    },
  };
}

/** A few objects in Currents' layout, so the tree shows exports arriving. */
async function seedExports(endpoint) {
  const { S3Client, PutObjectCommand } = require('@aws-sdk/client-s3');
  const s3 = new S3Client({
    region: 'us-east-1', endpoint, forcePathStyle: true,
    credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
    requestChecksumCalculation: 'WHEN_REQUIRED', responseChecksumValidation: 'WHEN_REQUIRED',
  });
  const base = 'currents/dataexport.prod-01.S3.integration.5f0c2a7d91e3b4001a2b3c4d';
  const files = [
    `${base}/event_type=users.messages.email.Send/date=2026-11-24-09/336/prod-01/dataexport.prod-01.S3.integration.5f0c2a7d91e3b4001a2b3c4d+0+2210.avro`,
    `${base}/event_type=users.messages.email.Open/date=2026-11-24-09/337/prod-01/dataexport.prod-01.S3.integration.5f0c2a7d91e3b4001a2b3c4d+1+1180.avro`,
    `${base}/event_type=users.behaviors.CustomEvent/date=2026-11-24-10/340/prod-01/dataexport.prod-01.S3.integration.5f0c2a7d91e3b4001a2b3c4d+0+2411.avro`,
  ];
  for (const [i, Key] of files.entries()) {
    await s3.send(new PutObjectCommand({ Bucket: 'acme-braze-currents', Key, Body: Buffer.alloc(1024 * (i + 3), 7) }));
  }
  s3.destroy();
}
