// Currents delivery at scale against moto: a connector folder of 10,000 objects (4 event types ×
// 7 days of hourly partitions) summarised through the real SDK client. Target: ≤ 3 s, and memory
// held by the summary (connectors × event types × hours), not by the listing: the heap retained
// after summarising 10,000 objects is compared with 2,500 in the same run.
import { pathToFileURL } from 'node:url';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { CreateBucketCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { createClients, summariseFolder } from '../src/aws';

const HOUR = 3_600_000;
const TYPES = ['users.messages.email.Send', 'users.messages.email.Open', 'users.behaviors.CustomEvent', 'users.campaigns.Conversion'];

function gc(): void {
  setFlagsFromString('--expose-gc');
  (runInNewContext('gc') as () => void)();
}

async function seed(s3: ReturnType<typeof createClients>['s3'], bucket: string, folder: string, n: number, now: number): Promise<void> {
  const connector = 'dataexport.prod-01.S3.integration.5f0c2a7d91e3b4001a2b3c4d';
  const keys = Array.from({ length: n }, (_, i) => {
    const hour = new Date(Math.floor(now / HOUR) * HOUR - (Math.floor(i / TYPES.length) % 168) * HOUR).toISOString();
    return `${folder}/${connector}/event_type=${TYPES[i % TYPES.length]}/date=${hour.slice(0, 10)}-${hour.slice(11, 13)}/336/prod-01/${connector}+0+${i}.avro`;
  });
  for (let i = 0; i < keys.length; i += 32) {
    await Promise.all(keys.slice(i, i + 32).map((Key) => s3.send(new PutObjectCommand({ Bucket: bucket, Key, Body: 'x' }))));
  }
}

export async function deliveryBench(root: string): Promise<void> {
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  const moto = await import(pathToFileURL(join(root, 'scripts/local-aws/moto.mjs')).href);
  if (!moto.findMotoServer()) {
    console.log('delivery: skipped (moto_server not on PATH)');
    return;
  }
  const server = await moto.startMoto();
  const clients = createClients({ endpoint: server.endpoint, region: 'us-east-1', credentials: { accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY' }, timeoutMs: 60_000 });
  try {
    const now = Date.now();
    // One bucket per size: moto's listing cost grows with the bucket, S3's does not.
    await clients.s3.send(new CreateBucketCommand({ Bucket: 'bench-small' }));
    await clients.s3.send(new CreateBucketCommand({ Bucket: 'bench-big' }));
    await seed(clients.s3, 'bench-small', 'currents', 2_500, now);
    await seed(clients.s3, 'bench-big', 'currents', 10_000, now);
    // Peak heap above the start while listing (sampled at every page), and what the summary keeps.
    const measure = async (bucket: string) => {
      gc();
      const before = process.memoryUsage().heapUsed;
      let peak = before;
      const t0 = performance.now();
      const d = await summariseFolder(clients.s3, bucket, { folder: 'currents', now, onProgress: () => void (peak = Math.max(peak, process.memoryUsage().heapUsed)) });
      const ms = performance.now() - t0;
      gc();
      return { d, ms, peak: peak - before, kept: JSON.stringify(d).length };
    };
    await measure('bench-small'); // warm the client and the connection
    const small = await measure('bench-small');
    const big = await measure('bench-big');
    const mb = (n: number) => (n / 1024 / 1024).toFixed(1);
    console.log(`delivery: summarised ${big.d.listed.toLocaleString('en')} objects (4 event types × 168 hours) in ${big.ms.toFixed(0)} ms with ${big.d.requests} requests (target ≤ 3000 ms); ${small.d.listed.toLocaleString('en')} objects in ${small.ms.toFixed(0)} ms`);
    console.log(`delivery: peak heap above the start while listing ${mb(big.peak)} MB for ${big.d.listed.toLocaleString('en')} objects vs ${mb(small.peak)} MB for ${small.d.listed.toLocaleString('en')} (ratio ${(big.peak / Math.max(1, small.peak)).toFixed(2)}); the summary kept: ${(big.kept / 1024).toFixed(1)} KB vs ${(small.kept / 1024).toFixed(1)} KB (JSON)`);
  } finally {
    clients.dispose();
    await server.stop();
  }
}
