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
  const moto = await import(pathToFileURL(join(root, 'scripts/local-aws/moto.mjs')).href);
  if (!moto.findMotoServer()) {
    console.log('delivery: skipped (moto_server not on PATH)');
    return;
  }
  const server = await moto.startMoto();
  const clients = createClients({ endpoint: server.endpoint, region: 'us-east-1', credentials: { accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY' }, timeoutMs: 60_000 });
  try {
    const now = Date.now();
    await clients.s3.send(new CreateBucketCommand({ Bucket: 'bench-currents' }));
    await seed(clients.s3, 'bench-currents', 'small', 2_500, now);
    await seed(clients.s3, 'bench-currents', 'big', 10_000, now);
    const measure = async (folder: string) => {
      gc();
      const before = process.memoryUsage().heapUsed;
      const t0 = performance.now();
      const d = await summariseFolder(clients.s3, 'bench-currents', { folder, now });
      const ms = performance.now() - t0;
      gc();
      const retained = process.memoryUsage().heapUsed - before;
      return { d, ms, retained };
    };
    await measure('small'); // warm the client and the connection
    const small = await measure('small');
    const big = await measure('big');
    const kb = (n: number) => (n / 1024).toFixed(0);
    console.log(`delivery: summarised ${big.d.listed.toLocaleString('en')} objects (4 event types × 168 hours) in ${big.ms.toFixed(0)} ms with ${big.d.requests} requests (target ≤ 3000 ms)`);
    console.log(`delivery: heap retained with the summary: ${kb(big.retained)} KB for ${big.d.listed.toLocaleString('en')} objects vs ${kb(small.retained)} KB for ${small.d.listed.toLocaleString('en')} (ratio ${(big.retained / Math.max(1, small.retained)).toFixed(2)}; summary JSON ${kb(JSON.stringify(big.d).length)} KB)`);
    void big.d;
    void small.d;
  } finally {
    clients.dispose();
    await server.stop();
  }
}
