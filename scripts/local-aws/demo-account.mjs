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

function currentsKeys(folder, n) {
  const integration = '5f0c2a7d91e3b4001a2b3c4d';
  const base = `${folder}/dataexport.prod-01.S3.integration.${integration}`;
  const events = ['users.messages.email.Send', 'users.messages.email.Open', 'users.behaviors.CustomEvent'];
  return events.slice(0, n).map((e, i) => `${base}/event_type=${e}/date=2026-11-24-0${9 + i}/${336 + i}/prod-01/dataexport.prod-01.S3.integration.${integration}+${i % 2}+${2210 + i}.avro`);
}

/** Seeds the demo account into a fresh moto; returns the IAM user's access key. */
export async function seedDemoAccount(endpoint) {
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
    const files = [...currentsKeys(DEMO_CONNECTOR_FOLDERS[0], 3), ...currentsKeys(DEMO_CONNECTOR_FOLDERS[1], 2)];
    for (const [i, Key] of files.entries()) {
      await s3.send(new s3m.PutObjectCommand({ Bucket: 'acme-braze-currents', Key, Body: Buffer.alloc(1024 * (i + 3), 7) }));
    }
    await s3.send(new s3m.PutObjectCommand({ Bucket: 'acme-braze-exports', Key: 'segment-exports/active-users-2026-11-24.csv', Body: 'external_id,email\n' }));
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
