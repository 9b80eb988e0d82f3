// The demo AWS account, seeded into moto as a real account would look for this product: buckets
// for Currents (two connectors' folders) and dashboard export, one with Object Lock and one with
// SSE-KMS (both unsuitable), roles for the role-ARN method (one right, two wrong), and an IAM user
// with an access key for the secret-key method.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

export const DEMO_ACCOUNT_ID = '123456789012'; // moto's account
export const DEMO_PARTNER_ACCOUNT_ID = '111122223333';
export const DEMO_EXTERNAL_ID = 'braze-demo-external-id';
export const DEMO_BUCKETS = ['acme-braze-currents', 'acme-braze-exports', 'acme-braze-kms', 'acme-braze-locked', 'acme-marketing-assets'];
/** Each Currents connector writes under a folder of its own (the source document's rule). */
export const DEMO_CONNECTOR_FOLDERS = ['currents', 'currents-warehouse'];
export const DEMO_ROLES = {
  good: 'braze-currents-export',
  noExternalId: 'braze-export-no-external-id',
  noGetObject: 'braze-currents-missing-getobject',
};
export const DEMO_USER = 'braze-currents-writer';
/** The IAM user whose key the demo's editor uses for the account view (with IAM enforcement on). */
export const DEMO_ADMIN = 'demo-admin';

const bucketArn = (b) => `arn:aws:s3:::${b}`;

export function currentsPolicy(bucket, folder = 'currents', actions = ['s3:PutObject', 's3:GetObject']) {
  return {
    Version: '2012-10-17',
    Statement: [
      { Effect: 'Allow', Action: ['s3:ListBucket', 's3:GetBucketLocation'], Resource: [bucketArn(bucket)] },
      { Effect: 'Allow', Action: actions, Resource: [`${bucketArn(bucket)}/${folder ? `${folder}/` : ''}*`] },
    ],
  };
}

export function dashboardPolicy(bucket) {
  return {
    Version: '2012-10-17',
    Statement: [
      { Effect: 'Allow', Action: ['s3:ListBucket', 's3:GetBucketLocation'], Resource: [bucketArn(bucket)] },
      { Effect: 'Allow', Action: ['s3:PutObject', 's3:GetObject', 's3:DeleteObject'], Resource: [`${bucketArn(bucket)}/*`] },
    ],
  };
}

export function partnerTrust(externalId = DEMO_EXTERNAL_ID) {
  return {
    Version: '2012-10-17',
    Statement: [{
      Effect: 'Allow',
      Principal: { AWS: `arn:aws:iam::${DEMO_PARTNER_ACCOUNT_ID}:root` },
      Action: 'sts:AssumeRole',
      ...(externalId ? { Condition: { StringEquals: { 'sts:ExternalId': externalId } } } : {}),
    }],
  };
}

/**
 * SDK clients for moto. Any key works while IAM enforcement is off: moto lets the first
 * INITIAL_NO_AUTH_ACTION_COUNT requests through unchecked (every S3, IAM or STS request counts one,
 * SDK retries included; infinite by default), and from then on accepts only keys it issued.
 */
export function motoClients(endpoint, credentials = { accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY' }) {
  const { S3Client } = require('@aws-sdk/client-s3');
  const { IAMClient } = require('@aws-sdk/client-iam');
  const common = { region: 'us-east-1', endpoint, credentials, maxAttempts: 5 };
  return { s3: new S3Client({ ...common, forcePathStyle: true }), iam: new IAMClient(common) };
}

/** The two connectors of the demo: `currents/` delivers; `currents-warehouse/` stopped 30 hours ago. */
export const DEMO_CONNECTORS = [
  { folder: 'currents', connector: 'dataexport.prod-01.S3.integration.5f0c2a7d91e3b4001a2b3c4d', codec: 'deflate', seed: 11,
    // Every hour of the last 48, but for a 3-hour outage 20 hours ago that it recovered from.
    hoursAgo: Array.from({ length: 48 }, (_, h) => h).filter((h) => h < 19 || h > 21) },
  { folder: 'currents-warehouse', connector: 'dataexport.prod-03.S3.integration.61a9e0c47b2d5f0018e4c3b2', codec: 'null', seed: 23,
    eventTypes: ['users.messages.email.Send', 'users.behaviors.CustomEvent', 'users.campaigns.Conversion'],
    // Its newest partition ended 30 hours ago (the hour that started 31 hours ago).
    hoursAgo: Array.from({ length: 17 }, (_, h) => h + 31) },
];

/** Dashboard and API exports: a CSV, a ZIP (segment export), a JSON (API export) and an engagement report. */
export function demoExportFiles(now = Date.now()) {
  const { zipSync, strToU8 } = require('fflate');
  const day = (ago) => new Date(now - ago * 86_400_000).toISOString().slice(0, 10);
  const users = Array.from({ length: 25 }, (_, i) => ({ external_id: `customer-${1000 + i}`, email: `customer${1000 + i}@example.com`, country: ['ES', 'US', 'MX'][i % 3] }));
  const csv = ['external_id,email,country', ...users.map((u) => `${u.external_id},${u.email},${u.country}`)].join('\n') + '\n';
  const lines = users.map((u) => JSON.stringify({ external_id: u.external_id, email: u.email, country: u.country })).join('\n') + '\n';
  const zip = zipSync({
    '5f0c2a7d-segment-export/part-0000.txt': strToU8(lines),
    '5f0c2a7d-segment-export/part-0001.txt': strToU8(lines.split('\n').slice(0, 10).join('\n') + '\n'),
    'README.txt': strToU8('Segment export: one JSON object per line.\n'),
  });
  return [
    { key: `segment-exports/active-users-${day(2)}.csv`, body: csv },
    { key: `segment-exports/lapsed-users-${day(1)}.zip`, body: Buffer.from(zip) },
    { key: `api-exports/users-export-segment-${day(0)}.json`, body: JSON.stringify({ users: users.slice(0, 5), message: 'success' }, null, 2) + '\n' },
    { key: `reports/campaign-engagement-${day(0)}.csv`, body: 'date,campaign,sends,opens,clicks\n' + [0, 1, 2].map((i) => `${day(i)},Winter sale,${1200 - i * 100},${410 - i * 20},${95 - i * 5}`).join('\n') + '\n' },
  ];
}

/** Seeds the demo account into a fresh moto; returns the IAM user's access key. */
export async function seedDemoAccount(endpoint, now = Date.now()) {
  const s3m = require('@aws-sdk/client-s3');
  const iamm = require('@aws-sdk/client-iam');
  const { s3, iam } = motoClients(endpoint);
  try {
    for (const Bucket of DEMO_BUCKETS) {
      await s3.send(new s3m.CreateBucketCommand({ Bucket, ...(Bucket === 'acme-braze-locked' ? { ObjectLockEnabledForBucket: true } : {}) }));
      // Real S3 encrypts every new bucket with SSE-S3; moto answers "not found" until it is set.
      const rule = Bucket === 'acme-braze-kms'
        ? { SSEAlgorithm: 'aws:kms', KMSMasterKeyID: `arn:aws:kms:us-east-1:${DEMO_ACCOUNT_ID}:key/1234abcd-12ab-34cd-56ef-1234567890ab` }
        : { SSEAlgorithm: 'AES256' };
      await s3.send(new s3m.PutBucketEncryptionCommand({ Bucket, ServerSideEncryptionConfiguration: { Rules: [{ ApplyServerSideEncryptionByDefault: rule }] } }));
    }
    // Real Currents Avro files over the last 48 hours, a few at a time.
    const { connectorFiles } = await import('./currents-avro.mjs');
    const files = (await Promise.all(DEMO_CONNECTORS.map((c) => connectorFiles({ ...c, now })))).flat();
    for (let i = 0; i < files.length; i += 16) {
      await Promise.all(files.slice(i, i + 16).map((f) => s3.send(new s3m.PutObjectCommand({ Bucket: 'acme-braze-currents', Key: f.key, Body: f.body, ContentType: 'application/avro' }))));
    }
    for (const f of demoExportFiles(now)) await s3.send(new s3m.PutObjectCommand({ Bucket: 'acme-braze-exports', Key: f.key, Body: f.body }));
    await s3.send(new s3m.PutObjectCommand({ Bucket: 'acme-marketing-assets', Key: 'banners/winter-sale.png', Body: Buffer.alloc(2048, 1) }));

    const policy = async (name, document) => (await iam.send(new iamm.CreatePolicyCommand({ PolicyName: name, PolicyDocument: JSON.stringify(document) }))).Policy.Arn;
    const currentsArn = await policy('braze-currents-s3', currentsPolicy('acme-braze-currents'));
    const dashboardArn = await policy('braze-dashboard-export-s3', dashboardPolicy('acme-braze-exports'));
    const role = async (RoleName, trust, PolicyArn, description) => {
      await iam.send(new iamm.CreateRoleCommand({ RoleName, AssumeRolePolicyDocument: JSON.stringify(trust), Description: description }));
      if (PolicyArn) await iam.send(new iamm.AttachRolePolicyCommand({ RoleName, PolicyArn }));
    };
    await role(DEMO_ROLES.good, partnerTrust(), currentsArn, 'Braze Currents: trusts the partner with the external ID');
    await role(DEMO_ROLES.noExternalId, partnerTrust(null), dashboardArn, 'Braze dashboard export: the trust policy lacks the external ID');
    await role(DEMO_ROLES.noGetObject, partnerTrust(), undefined, 'Braze Currents: the policy lacks s3:GetObject');
    await iam.send(new iamm.PutRolePolicyCommand({ RoleName: DEMO_ROLES.noGetObject, PolicyName: 'currents-without-getobject', PolicyDocument: JSON.stringify(currentsPolicy('acme-braze-currents', 'currents', ['s3:PutObject'])) }));
    await role('app-lambda-worker', { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }] }, undefined, 'An application role, not for Braze');

    await iam.send(new iamm.CreateUserCommand({ UserName: DEMO_USER }));
    await iam.send(new iamm.AttachUserPolicyCommand({ UserName: DEMO_USER, PolicyArn: currentsArn }));
    const key = (await iam.send(new iamm.CreateAccessKeyCommand({ UserName: DEMO_USER }))).AccessKey;
    return { accessKeyId: key.AccessKeyId, secretAccessKey: key.SecretAccessKey };
  } finally {
    s3.destroy();
    iam.destroy();
  }
}

/**
 * An administrator (an IAM user allowed everything, with an access key): what the account view
 * and the tests use once IAM enforcement is on. Created with the setup key before enforcement.
 */
export async function createAdmin(endpoint, userName = DEMO_ADMIN) {
  const iamm = require('@aws-sdk/client-iam');
  const { s3, iam } = motoClients(endpoint);
  try {
    await iam.send(new iamm.CreateUserCommand({ UserName: userName }));
    await iam.send(new iamm.PutUserPolicyCommand({ UserName: userName, PolicyName: 'all', PolicyDocument: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] }) }));
    const key = (await iam.send(new iamm.CreateAccessKeyCommand({ UserName: userName }))).AccessKey;
    return { accessKeyId: key.AccessKeyId, secretAccessKey: key.SecretAccessKey };
  } finally {
    s3.destroy();
    iam.destroy();
  }
}
