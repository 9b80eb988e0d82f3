// npm start: builds the extension, starts a local AWS (moto_server: S3, IAM, STS) seeded with the
// demo account, and code-server on 127.0.0.1 with the extension loaded and a copy of the sample
// workspace (the tracked files under demo/workspace are never modified). Prints the URL to open;
// Ctrl+C stops everything cleanly.
//
// IAM enforcement is on (as in AWS): after the demo account is seeded, moto accepts only the keys it
// issued, active ones, and only what their IAM policies allow. The editor's own credentials are
// those of the demo-admin user. Options (scripts/demo-options.mjs): --lang es, --port N,
// --no-iam-enforcement (any key passes).
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startCodeServer } from './test-host/code-server.mjs';
import { ensureHost } from './test-host/install-host.mjs';
import { payloadUrl } from './test-host/run-integration.mjs';
import { DEMO_ADMIN, DEMO_BUCKETS, DEMO_EXTERNAL_ID, DEMO_PARTNER_ACCOUNT_ID, DEMO_ROLES, DEMO_USER } from './local-aws/demo-account.mjs';
import { startDemoAws } from './local-aws/demo-aws.mjs';
import { demoOptions } from './demo-options.mjs';
import { MOTO_INSTALL_HINT, findMotoServer, motoEnvironment } from './local-aws/moto.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
let options;
try {
  options = demoOptions();
} catch (error) {
  console.error(error.message);
  process.exit(2);
}
const { port, enforce, locale } = options;

ensureHost();
execFileSync(process.execPath, [join(root, 'scripts/build.mjs')], { stdio: 'inherit', cwd: root });
const workspace = join(mkdtempSync(join(tmpdir(), 'braze-s3-demo-')), 'workspace');
cpSync(join(root, 'demo/workspace'), workspace, { recursive: true });

let moto;
let userKey;
let adminKey;
if (findMotoServer()) {
  ({ moto, userKey, adminKey } = await startDemoAws({ enforce, port: process.env.MOTO_PORT ? Number(process.env.MOTO_PORT) : undefined }));
} else {
  console.warn(`\n${MOTO_INSTALL_HINT}\nThe demo opens without a local AWS: the policy editing features all work; the Braze S3 account view and the live checks will report that AWS cannot be reached.\n`);
}
const server = await startCodeServer({
  port,
  // Spanish: code-server --locale es (the extension's messages, settings and commands in Spanish).
  locale: locale === 'en' ? undefined : locale,
  userSettings: { 'brazeS3.region': 'us-east-1', 'brazeS3.partnerAccountId': DEMO_PARTNER_ACCOUNT_ID, 'brazeS3.externalId': DEMO_EXTERNAL_ID },
  env: moto ? motoEnvironment(moto.endpoint, adminKey) : { AWS_EC2_METADATA_DISABLED: 'true', AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
});
const url = payloadUrl(server.url, workspace, root);
console.log(`
Braze S3 Export Policy Kit demo
  Open:       ${url}
  Workspace:  ${workspace} (a copy of demo/workspace)
  Language:   ${locale === 'es' ? 'Spanish (--lang es: VS Code\'s own labels stay English offline, everything the extension shows is Spanish)' : 'English (npm start -- --lang es for Spanish)'}
  Local AWS:  ${moto ? `${moto.endpoint} (moto; the SDK finds it through AWS_ENDPOINT_URL)` : 'none (moto_server is not installed)'}
${moto ? `    IAM enforcement ${enforce ? 'on: only active keys moto issued work, and only for what their policies allow' : 'off (--no-iam-enforcement): any access key passes every check'}
    editor credentials: IAM user ${DEMO_ADMIN} (allowed everything), access key ${adminKey.accessKeyId}
    buckets: ${DEMO_BUCKETS.join(', ')}
    roles:   ${DEMO_ROLES.good} (correct), ${DEMO_ROLES.noExternalId}, ${DEMO_ROLES.noGetObject}
    user:    ${DEMO_USER}, access key ${userKey.accessKeyId} (secret: ${userKey.secretAccessKey})
    partner account ${DEMO_PARTNER_ACCOUNT_ID}, external ID ${DEMO_EXTERNAL_ID} (set in the demo's settings)
` : ''}  Try: open policies/*.json, hover an action, Ctrl+. on a squiggle, the Braze S3 view in the activity bar,
       right-click a bucket > Test credentials, right-click a role > Verify role ARN,
       expand acme-braze-currents (Currents delivery: currents-warehouse/ stopped 30 hours ago) and
       acme-braze-exports (export files).
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
