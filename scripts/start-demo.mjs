// npm start: builds the extension, starts a local S3-compatible server (s3rver) with demo buckets,
// and code-server on 127.0.0.1 with the extension loaded and a sample workspace of policy files.
// Prints the URL to open; Ctrl+C stops everything cleanly.
import { execFileSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startCodeServer } from './test-host/code-server.mjs';
import { ensureHost } from './test-host/install-host.mjs';
import { DEMO_BUCKETS, startS3Server } from './test-host/s3-server.mjs';
import { payloadUrl } from './test-host/run-integration.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const port = Number(process.env.PORT ?? 8080);

ensureHost();
execFileSync(process.execPath, [join(root, 'scripts/build.mjs')], { stdio: 'inherit', cwd: root });
const s3 = await startS3Server({ port: Number(process.env.S3_PORT ?? 4568) });
const server = await startCodeServer({
  port,
  userSettings: { 'brazeS3.endpoint': s3.endpoint, 'brazeS3.region': 'us-east-1', 'brazeS3.partnerAccountId': '111122223333', 'brazeS3.externalId': 'braze-demo-external-id' },
  env: { AWS_ACCESS_KEY_ID: 'S3RVER', AWS_SECRET_ACCESS_KEY: 'S3RVER', AWS_REGION: 'us-east-1', AWS_EC2_METADATA_DISABLED: 'true' },
});
const url = payloadUrl(server.url, join(root, 'demo/workspace'), root);
console.log(`
Braze S3 Export Policy Kit demo
  Open:        ${url}
  S3 endpoint: ${s3.endpoint} (s3rver; buckets: ${DEMO_BUCKETS.join(', ')})
  Try: open policies/*.json, hover an action, Ctrl+. on a squiggle, the Braze S3 view in the activity bar,
       right-click a bucket > Test credentials.
Press Ctrl+C to stop.`);

let stopping = false;
async function stop() {
  if (stopping) return;
  stopping = true;
  console.log('\nstopping…');
  await server.stop();
  await s3.stop();
  process.exit(0);
}
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
