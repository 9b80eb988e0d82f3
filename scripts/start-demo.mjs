// npm start: builds the extension, starts a local AWS (moto_server: S3, IAM, STS) seeded with the
// demo account, and code-server on 127.0.0.1 with the extension loaded and a copy of the sample
// workspace (the tracked files under demo/workspace are never modified). Prints the URL to open;
// Ctrl+C stops everything cleanly.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startCodeServer } from './test-host/code-server.mjs';
import { ensureHost } from './test-host/install-host.mjs';
import { payloadUrl } from './test-host/run-integration.mjs';
import { DEMO_BUCKETS, DEMO_EXTERNAL_ID, DEMO_PARTNER_ACCOUNT_ID, DEMO_ROLES, DEMO_USER, seedDemoAccount } from './local-aws/demo-account.mjs';
import { MOTO_INSTALL_HINT, findMotoServer, motoEnvironment, startMoto } from './local-aws/moto.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const port = Number(process.env.PORT ?? 8080);

ensureHost();
execFileSync(process.execPath, [join(root, 'scripts/build.mjs')], { stdio: 'inherit', cwd: root });
const workspace = join(mkdtempSync(join(tmpdir(), 'braze-s3-demo-')), 'workspace');
cpSync(join(root, 'demo/workspace'), workspace, { recursive: true });

let moto;
let userKey;
if (findMotoServer()) {
  moto = await startMoto({ port: process.env.MOTO_PORT ? Number(process.env.MOTO_PORT) : undefined });
  userKey = await seedDemoAccount(moto.endpoint);
} else {
  console.warn(`\n${MOTO_INSTALL_HINT}\nThe demo opens without a local AWS: the policy editing features all work; the Braze S3 account view and the live checks will report that AWS cannot be reached.\n`);
}
const server = await startCodeServer({
  port,
  userSettings: { 'brazeS3.region': 'us-east-1', 'brazeS3.partnerAccountId': DEMO_PARTNER_ACCOUNT_ID, 'brazeS3.externalId': DEMO_EXTERNAL_ID },
  env: moto ? motoEnvironment(moto.endpoint) : { AWS_EC2_METADATA_DISABLED: 'true', AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
});
const url = payloadUrl(server.url, workspace, root);
console.log(`
Braze S3 Export Policy Kit demo
  Open:       ${url}
  Workspace:  ${workspace} (a copy of demo/workspace)
  Local AWS:  ${moto ? `${moto.endpoint} (moto; the SDK finds it through AWS_ENDPOINT_URL)` : 'none (moto_server is not installed)'}
${moto ? `    buckets: ${DEMO_BUCKETS.join(', ')}
    roles:   ${DEMO_ROLES.good} (correct), ${DEMO_ROLES.noExternalId}, ${DEMO_ROLES.noGetObject}
    user:    ${DEMO_USER}, access key ${userKey.accessKeyId} (secret: ${userKey.secretAccessKey})
    partner account ${DEMO_PARTNER_ACCOUNT_ID}, external ID ${DEMO_EXTERNAL_ID} (set in the demo's settings)
` : ''}  Try: open policies/*.json, hover an action, Ctrl+. on a squiggle, the Braze S3 view in the activity bar,
       right-click a bucket > Test credentials, right-click a role > Verify role ARN.
Press Ctrl+C to stop.`);

let stopping = false;
async function stop() {
  if (stopping) return;
  stopping = true;
  console.log('\nstopping…');
  await server.stop();
  await moto?.stop();
  rmSync(dirname(workspace), { recursive: true, force: true });
  process.exit(0);
}
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
