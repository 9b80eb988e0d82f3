// Every rule code: at least one case that must report it (with the exact text it points at) and
// one near-miss that must not.
import assert from 'node:assert/strict';
import { RULE_CODES, RULES } from '../../src/policy';
import type { AnalyzeOptions } from '../../src/policy';
import { BUCKET, currentsStatements, dashboardStatements, findings, highlighted, policy, trustStatement } from './helpers';

interface Case {
  name: string;
  text: string;
  options?: AnalyzeOptions;
  /** The text the finding must point at (when reported). */
  at?: string;
}

const C = currentsStatements();
const withStatement0 = (extra: Record<string, unknown>) => policy([{ ...C[0], ...extra }, C[1]]);
const withStatement1 = (extra: Record<string, unknown>) => policy([C[0], { ...C[1], ...extra }]);
const trust = (extra: Record<string, unknown> = {}) => policy([trustStatement(extra)]);

const reports: Record<string, Case[]> = {
  'json-syntax': [
    { name: 'comment', text: policy(C).replace('{', '{ // c\n'), at: '// c' },
    { name: 'trailing comma', text: policy(C).replace(/\]\n}$/, '],\n}'), at: ',' },
    { name: 'unterminated', text: '{"Version": "2012-10-17", "Statement": [' },
  ],
  'policy-version-missing': [{ name: 'no Version', text: policy(C, {}), at: '{' }],
  'policy-version-invalid': [{ name: '2012-10-18', text: policy(C, { Version: '2012-10-18' }), at: '2012-10-18' }],
  'statement-missing': [
    { name: 'none', text: '{"Version": "2012-10-17"}', at: '{' },
    { name: 'empty', text: '{"Version": "2012-10-17", "Statement": []}', at: '[]' },
  ],
  'unknown-key': [
    { name: 'Actions', text: withStatement0({ Actions: ['s3:ListBucket'] }), at: 'Actions' },
    { name: 'resource lower case', text: policy([{ Effect: 'Allow', Action: 's3:ListBucket', resource: `arn:aws:s3:::${BUCKET}` }]), at: 'resource' },
    { name: 'top level', text: policy(C, { Version: '2012-10-17', Statements: [] }), at: 'Statements' },
    { name: 'Resource in a trust policy', text: trust({ Resource: '*' }), at: 'Resource' },
  ],
  'invalid-type': [
    { name: 'Action: 5', text: withStatement0({ Action: 5 }), at: '5' },
    { name: 'Statement: "x"', text: '{"Version": "2012-10-17", "Statement": "x"}', at: 'x' },
    { name: 'Condition: []', text: withStatement0({ Condition: [] }), at: '[]' },
    { name: 'root array', text: '[1]', at: '[1]' },
  ],
  'effect-invalid': [
    { name: 'allow', text: withStatement0({ Effect: 'allow' }), at: 'allow' },
    { name: 'missing', text: policy([{ Action: 's3:ListBucket', Resource: `arn:aws:s3:::${BUCKET}` }, C[1]]), at: '{' },
  ],
  'action-missing': [
    { name: 'neither', text: policy([{ Effect: 'Allow', Resource: `arn:aws:s3:::${BUCKET}` }, C[1]]), at: '{' },
    { name: 'both', text: withStatement0({ NotAction: 's3:DeleteBucket' }), at: 'NotAction' },
  ],
  'resource-missing': [
    { name: 'neither', text: policy([{ Effect: 'Allow', Action: 's3:ListBucket' }, C[1]]), at: '{' },
    { name: 'both', text: withStatement0({ NotResource: 'arn:aws:s3:::other' }), at: 'NotResource' },
  ],
  'principal-not-allowed': [{ name: 'stray Principal', text: withStatement1({ Principal: { AWS: '111122223333' } }), at: 'Principal' }],
  'sid-duplicate': [{ name: 'twice', text: policy([{ Sid: 'A', ...C[0] }, { Sid: 'A', ...C[1] }]), at: 'A' }],
  'sid-invalid': [{ name: 'hyphen', text: withStatement0({ Sid: 'bucket-level' }), at: 'bucket-level' }],
  'condition-operator-unknown': [{ name: 'StringEqual', text: withStatement0({ Condition: { StringEqual: { 's3:prefix': 'currents/' } } }), at: 'StringEqual' }],
  'condition-key-unknown': [{ name: 'sts key on s3', text: withStatement0({ Condition: { StringEquals: { 'sts:ExternalId': 'x' } } }), at: 'sts:ExternalId' }],
  'service-unknown': [{ name: 's4', text: withStatement0({ Action: ['s4:ListBucket', 's3:ListBucket', 's3:GetBucketLocation'] }), at: 's4' }],
  'action-unknown': [
    { name: 'PutObjects', text: withStatement1({ Action: ['s3:PutObjects', 's3:PutObject', 's3:GetObject'] }), at: 's3:PutObjects' },
    { name: 'ListObjects', text: withStatement0({ Action: ['s3:ListObjects', 's3:ListBucket', 's3:GetBucketLocation'] }), at: 's3:ListObjects' },
    { name: 'no prefix', text: withStatement0({ Action: ['ListBucket', 's3:ListBucket', 's3:GetBucketLocation'] }), at: 'ListBucket' },
  ],
  'action-retired': [
    { name: 'retired service (deepracer)', text: policy([{ Effect: 'Allow', Action: ['deepracer:ListModels', 'ec2:DescribeInstances'], Resource: '*' }]), at: 'deepracer:ListModels' },
    { name: 'retired action of a live service (CloudHSM Classic)', text: policy([{ Effect: 'Allow', Action: 'cloudhsm:DescribeHapg', Resource: '*' }]), at: 'cloudhsm:DescribeHapg' },
  ],
  'action-wildcard-no-match': [{ name: 's3:Putt*', text: withStatement1({ Action: ['s3:Putt*', 's3:PutObject', 's3:GetObject'] }), at: 's3:Putt*' }],
  'action-redundant': [
    { name: 'twice', text: withStatement1({ Action: ['s3:PutObject', 's3:GetObject', 's3:putobject'] }), at: 's3:putobject' },
    { name: 'covered', text: withStatement1({ Action: ['s3:PutObject', 's3:GetObject', 's3:Get*'] }), at: 's3:GetObject' },
  ],
  placeholder: [
    { name: 'INSERTBUCKETNAME', text: policy(currentsStatements('INSERTBUCKETNAME')), at: 'INSERTBUCKETNAME' },
    { name: 'INSERT_MY_BUCKET', text: policy(currentsStatements('INSERT_MY_BUCKET')), at: 'INSERT_MY_BUCKET' },
  ],
  'arn-invalid': [
    { name: 'not an ARN', text: withStatement0({ Resource: [`arn:aws:s3:::${BUCKET}`, `s3://${BUCKET}`] }), at: `s3://${BUCKET}` },
    { name: 'too few parts', text: withStatement0({ Resource: [`arn:aws:s3:::${BUCKET}`, 'arn:aws:s3'] }), at: 'arn:aws:s3' },
  ],
  'bucket-name-invalid': [
    { name: 'uppercase (warning: legacy names exist, a Braze bucket cannot have one)', text: policy(currentsStatements('Acme_Exports')), at: 'Acme_Exports' },
    { name: 'legacy-matching pattern in an export policy (info)', text: withStatement1({ Resource: [`arn:aws:s3:::${BUCKET}/*`, 'arn:aws:s3:::*Exports*/*'] }), at: '*Exports*' },
    { name: 'over 255 characters, even in a general policy', text: policy([{ Effect: 'Allow', Action: 's3:GetObject', Resource: `arn:aws:s3:::${'a'.repeat(256)}/*` }]) },
    { name: 'too short', text: policy(currentsStatements('ab')), at: 'ab' },
    { name: 'IP form', text: policy(currentsStatements('192.168.5.4')), at: '192.168.5.4' },
    { name: 'xn-- prefix', text: policy(currentsStatements('xn--acme')), at: 'xn--acme' },
    { name: '-s3alias suffix', text: policy(currentsStatements('acme-s3alias')), at: 'acme-s3alias' },
  ],
  'resource-mismatch': [
    { name: 'ListBucket on objects', text: policy([{ ...C[0], Resource: [`arn:aws:s3:::${BUCKET}/*`] }, C[1]]), at: 's3:ListBucket' },
    { name: 'PutObject on bucket', text: policy([C[0], { ...C[1], Resource: [`arn:aws:s3:::${BUCKET}`] }]), at: 's3:PutObject' },
    { name: 'ListAllMyBuckets on one bucket (warning: a general policy)', text: withStatement0({ Action: ['s3:ListBucket', 's3:GetBucketLocation', 's3:ListAllMyBuckets'] }), at: 's3:ListAllMyBuckets' },
    { name: 'bucket action on object ARNs only, in a general policy (warning)', text: policy([{ Effect: 'Allow', Action: ['s3:ListBucketMultipartUploads', 's3:GetObject'], Resource: 'arn:aws:s3:::transform-target-*/*' }]), at: 's3:ListBucketMultipartUploads' },
  ],
  'resource-overbroad': [
    { name: 'bucket*', text: withStatement1({ Resource: [`arn:aws:s3:::${BUCKET}*`] }), at: `arn:aws:s3:::${BUCKET}*` },
    { name: 'all buckets', text: withStatement1({ Resource: ['arn:aws:s3:::*'] }), at: 'arn:aws:s3:::*' },
    { name: 'family of buckets, declared', text: withStatement1({ Resource: ['arn:aws:s3:::acme-*/*'] }), options: { integration: 'currents' }, at: 'arn:aws:s3:::acme-*/*' },
    { name: '* with S3 actions', text: withStatement1({ Resource: '*' }), at: '*' },
  ],
  'bucket-inconsistent': [
    { name: 'two buckets, file named for Braze', text: policy([C[0], currentsStatements('other-bucket')[1]]), options: { sourceName: 'infra/braze-currents.json' }, at: 'arn:aws:s3:::other-bucket/*' },
    { name: 'two buckets, Sid mentions Currents', text: policy([{ Sid: 'CurrentsBucket', ...C[0] }, currentsStatements('other-bucket')[1]]), at: 'arn:aws:s3:::other-bucket/*' },
  ],
  'integration-missing-permission': [
    { name: 'forgotten GetObject', text: withStatement1({ Action: ['s3:PutObject'] }), at: '[\n        "s3:PutObject"\n      ]' },
    { name: 'dashboard declared without DeleteObject', text: policy(C), options: { integration: 'dashboard' }, at: '[\n        "s3:PutObject",\n        "s3:GetObject"\n      ]' },
    { name: 'scoped to another folder', text: withStatement1({ Resource: [`arn:aws:s3:::${BUCKET}/exports/*`] }) },
  ],
  'integration-denied': [{
    name: 'Deny PutObject',
    text: policy([...C, { Effect: 'Deny', Action: 's3:PutObject', Resource: `arn:aws:s3:::${BUCKET}/currents/*` }]),
    at: 's3:PutObject',
  }],
  'integration-excess-permission': [
    { name: 's3:*', text: withStatement1({ Action: ['s3:*'] }), at: 's3:*' },
    { name: 'DeleteBucket, Sid mentions Braze', text: policy([{ ...C[0], Sid: 'BrazeBucket', Action: ['s3:ListBucket', 's3:GetBucketLocation', 's3:DeleteBucket'] }, C[1]]), at: 's3:DeleteBucket' },
    { name: 'another service, declared', text: withStatement1({ Action: ['s3:PutObject', 's3:GetObject', 'iam:PassRole'] }), options: { integration: 'currents' }, at: 'iam:PassRole' },
    { name: 'another service, placeholder', text: policy([currentsStatements('INSERTBUCKETNAME')[0], { ...currentsStatements('INSERTBUCKETNAME')[1], Action: ['s3:PutObject', 's3:GetObject', 'iam:PassRole'] }]), at: 'iam:PassRole' },
    { name: 'Currents with DeleteObject (info)', text: policy(dashboardStatements()), options: { integration: 'currents' }, at: 's3:DeleteObject' },
  ],
  'integration-mixed': [{
    name: 'both shapes, Currents declared',
    text: policy([...C, { Effect: 'Allow', Action: ['s3:PutObject', 's3:GetObject', 's3:DeleteObject'], Resource: `arn:aws:s3:::${BUCKET}/exports/*` }]),
    options: { integration: 'currents' },
  }],
  'trust-action-invalid': [{ name: 'WithSAML for an account', text: trust({ Action: 'sts:AssumeRoleWithSAML' }), at: 'sts:AssumeRoleWithSAML' }],
  'trust-principal-wildcard': [
    { name: 'Principal *', text: policy([{ Effect: 'Allow', Principal: '*', Action: 'sts:AssumeRole' }]), at: '*' },
    { name: 'AWS *', text: trust({ Principal: { AWS: '*' }, Condition: undefined }), at: '*' },
  ],
  'trust-external-id-missing': [
    { name: 'no condition, file named for Braze', text: trust({ Condition: undefined }), options: { sourceName: 'braze-role-trust.json' }, at: 'arn:aws:iam::111122223333:root' },
    { name: 'StringLike only, declared', text: trust({ Condition: { StringLike: { 'sts:ExternalId': 'braze-*' } } }), options: { integration: 'trust' }, at: 'arn:aws:iam::111122223333:root' },
    { name: 'configured partner account (error)', text: trust({ Condition: undefined }), options: { partnerAccountId: '111122223333' }, at: 'arn:aws:iam::111122223333:root' },
  ],
  'trust-account-mismatch': [
    { name: 'other account, configured external ID', text: trust(), options: { partnerAccountId: '444455556666', externalId: 'braze-ext-42' }, at: 'arn:aws:iam::111122223333:root' },
    { name: 'other external ID, configured account', text: trust(), options: { partnerAccountId: '111122223333', externalId: 'braze-ext-99' }, at: 'braze-ext-42' },
  ],
  'document-too-large': [{ name: 'over the limit', text: policy(C) + ' '.repeat(200), options: { maxLength: 300 } }],
};

const nearMisses: Record<string, Case[]> = {
  'json-syntax': [{ name: 'valid JSON', text: policy(C) }],
  'policy-version-missing': [{ name: 'has Version', text: policy(C) }],
  'policy-version-invalid': [{ name: '2008-10-17 is valid', text: policy(C, { Version: '2008-10-17' }) }],
  'statement-missing': [{ name: 'single statement object', text: JSON.stringify({ Version: '2012-10-17', Statement: { ...C[0] } }) }],
  'unknown-key': [{ name: 'Id and Sid are known', text: policy([{ Sid: 'Bucket', ...C[0] }, C[1]], { Version: '2012-10-17', Id: 'x' }) }],
  'invalid-type': [{ name: 'Condition values may be booleans', text: withStatement0({ Condition: { Bool: { 'aws:SecureTransport': true } } }) }],
  'effect-invalid': [{ name: 'Deny', text: policy([...C, { Effect: 'Deny', Action: 's3:DeleteBucket', Resource: `arn:aws:s3:::${BUCKET}` }]) }],
  'action-missing': [{ name: 'NotAction alone', text: policy([...C, { Effect: 'Deny', NotAction: 's3:*', Resource: '*' }]) }],
  'resource-missing': [{ name: 'trust policies have no Resource', text: trust() }],
  'principal-not-allowed': [{ name: 'bucket policy', text: policy([{ Effect: 'Allow', Principal: { AWS: '111122223333' }, Action: 's3:GetObject', Resource: `arn:aws:s3:::${BUCKET}/*` }]) }],
  'sid-duplicate': [{ name: 'distinct', text: policy([{ Sid: 'A', ...C[0] }, { Sid: 'B', ...C[1] }]) }],
  'sid-invalid': [{ name: 'alphanumeric', text: withStatement0({ Sid: 'BucketLevel2' }) }],
  'condition-operator-unknown': [{ name: 'ForAnyValue:StringLikeIfExists', text: withStatement0({ Condition: { 'ForAnyValue:StringLikeIfExists': { 's3:prefix': 'currents/*' } } }) }],
  'condition-key-unknown': [
    { name: 'resource-type key s3:DataAccessPointArn on GetObject', text: policy([{ Effect: 'Allow', Action: 's3:GetObject', Resource: '*', Condition: { StringLike: { 's3:DataAccessPointArn': 'arn:aws:s3:*:*:accesspoint/*' } } }]) },
    { name: 'resource-type key s3:DataAccessPointAccount on PutObject', text: policy([{ Effect: 'Allow', Action: 's3:PutObject', Resource: '*', Condition: { StringEquals: { 's3:DataAccessPointAccount': '111122223333' } } }]) },
    { name: 'resource-type key iam:ResourceTag on PassRole', text: policy([{ Effect: 'Allow', Action: 'iam:PassRole', Resource: '*', Condition: { StringEquals: { 'iam:ResourceTag/team': 'data' } } }]) },
    { name: 'resource-type key kms:ResourceAliases on Decrypt', text: policy([{ Effect: 'Allow', Action: 'kms:Decrypt', Resource: '*', Condition: { 'ForAnyValue:StringLike': { 'kms:ResourceAliases': 'alias/app-*' } } }]) },
    { name: 'legacy global key aws:PrincipalOrgMasterAccountId', text: policy([{ Effect: 'Allow', Action: 'organizations:DescribeOrganization', Resource: '*', Condition: { StringEquals: { 'aws:PrincipalOrgMasterAccountId': '111122223333' } } }]) },
    { name: "a retired service's key", text: policy([{ Effect: 'Allow', Action: 'deepracer:ListModels', Resource: '*', Condition: { Bool: { 'deepracer:MultiUser': 'true' } } }]) },
    { name: 's3:prefix on ListBucket', text: withStatement0({ Condition: { StringLike: { 's3:prefix': 'currents/*' } } }) },
    { name: 'global key, any case', text: withStatement0({ Condition: { Bool: { 'AWS:SecureTransport': 'true' } } }) },
    { name: 'tag key with variable part', text: withStatement1({ Condition: { StringEquals: { 's3:ExistingObjectTag/team': 'data' } } }) },
  ],
  'service-unknown': [{ name: 'S3 in capitals', text: withStatement0({ Action: ['S3:ListBucket', 's3:GetBucketLocation'] }) }],
  'action-unknown': [{ name: 'case-insensitive', text: withStatement0({ Action: ['s3:listbucket', 's3:GETBUCKETLOCATION'] }) }],
  'action-retired': [{ name: 'documented actions', text: policy([{ Effect: 'Allow', Action: ['ec2:DescribeInstances', 'cloudhsm:DescribeClusters'], Resource: '*' }]) }],
  'action-wildcard-no-match': [{ name: 's3:Put*', text: withStatement1({ Action: ['s3:Put*', 's3:GetObject'] }) }],
  'action-redundant': [{ name: 'distinct actions', text: policy(C) }],
  placeholder: [{ name: 'filled in', text: policy(C) }, { name: 'INSERT in lower case', text: policy(currentsStatements('insertbucketname')) }],
  'arn-invalid': [{ name: 'well-formed with wildcards', text: withStatement1({ Resource: [`arn:aws:s3:::${BUCKET}/*`, `arn:*:s3:::${BUCKET}/currents/*`] }) }],
  'bucket-name-invalid': [
    { name: 'dots and digits', text: policy(currentsStatements('acme.exports-2026')) },
    { name: 'legacy-matching pattern in a general policy', text: policy([{ Effect: 'Allow', Action: 's3:GetObject', Resource: ['arn:aws:s3:::*SageMaker*', 'arn:aws:s3:::*Sagemaker*/*'] }]) },
    { name: 'legacy literal name in a general policy', text: policy([{ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::Legacy_Bucket/*' }]) },
    { name: 'policy variable holding a slash', text: policy([{ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::${aws:PrincipalTag/Team}/*' }]) },
  ],
  'resource-mismatch': [
    { name: 'ListAllMyBuckets on arn:aws:s3:::* (AWS S3 User Guide)', text: policy([{ Effect: 'Allow', Action: 's3:ListAllMyBuckets', Resource: 'arn:aws:s3:::*' }]) },
    { name: 'iam:ListRoles on a role pattern', text: policy([{ Effect: 'Allow', Action: ['iam:GetRole', 'iam:ListRoles'], Resource: 'arn:aws:iam::*:role/ec2-sysadmin-*' }]) },
    { name: 'template', text: policy(C) }, { name: 's3:Get* with bucket and objects', text: policy([C[0], { ...C[1], Action: ['s3:PutObject', 's3:Get*'], Resource: [`arn:aws:s3:::${BUCKET}`, `arn:aws:s3:::${BUCKET}/*`] }]) }],
  'resource-overbroad': [{ name: 'folder wildcard', text: withStatement1({ Resource: [`arn:aws:s3:::${BUCKET}/currents/*`] }) }, { name: 'Deny may be broad', text: policy([...C, { Effect: 'Deny', Action: 's3:DeleteBucket', Resource: 'arn:aws:s3:::*' }]) }],
  'bucket-inconsistent': [{ name: 'one bucket', text: policy(C) }],
  'integration-missing-permission': [
    { name: 'EC2 read-only policy (general)', text: policy([{ Effect: 'Allow', Action: ['ec2:Describe*', 'elasticloadbalancing:Describe*'], Resource: '*' }]) },
    { name: "an app's policy for its own bucket (general)", text: policy([{ Effect: 'Allow', Action: ['s3:ListBucket'], Resource: 'arn:aws:s3:::app-uploads' }, { Effect: 'Allow', Action: ['s3:GetObject', 's3:PutObject', 's3:DeleteObject'], Resource: 'arn:aws:s3:::app-uploads/*' }]) },
    { name: 'bucket policy (resource policy)', text: policy([{ Effect: 'Allow', Principal: { AWS: '111122223333' }, Action: 's3:GetObject', Resource: `arn:aws:s3:::${BUCKET}/*` }]) },
    { name: 'declared none', text: withStatement1({ Action: ['s3:PutObject'] }), options: { integration: 'none' } },
    { name: 'template', text: policy(C) },
    { name: 'folder-scoped', text: withStatement1({ Resource: [`arn:aws:s3:::${BUCKET}/currents/*`] }) },
    { name: 's3:* on everything (other findings, not this one)', text: policy([{ Effect: 'Allow', Action: 's3:*', Resource: '*' }]) },
  ],
  'integration-denied': [{ name: 'Deny elsewhere', text: policy([...C, { Effect: 'Deny', Action: 's3:PutObject', Resource: 'arn:aws:s3:::other-bucket/*' }]) }],
  'integration-excess-permission': [
    { name: 'read-everything policy (general)', text: policy([{ Effect: 'Allow', Action: ['s3:Get*', 's3:List*', 'ec2:Describe*', 'iam:Get*'], Resource: '*' }]) },
    { name: 'Snowflake storage integration (general: other S3 actions named)', text: policy([{ Effect: 'Allow', Action: ['s3:PutObject', 's3:GetObject', 's3:GetObjectVersion', 's3:DeleteObject', 's3:DeleteObjectVersion'], Resource: 'arn:aws:s3:::acme-lake/stage/*' }, { Effect: 'Allow', Action: ['s3:ListBucket', 's3:GetBucketLocation'], Resource: 'arn:aws:s3:::acme-lake', Condition: { StringLike: { 's3:prefix': ['stage/*'] } } }]) },
    { name: 'dms-* family with bucket admin (general)', text: policy([{ Effect: 'Allow', Action: ['s3:CreateBucket', 's3:GetBucketLocation', 's3:PutObject', 's3:DeleteBucket'], Resource: 'arn:aws:s3:::dms-*' }]) },
    { name: 'template', text: policy(C) },
    { name: 'multipart housekeeping', text: withStatement1({ Action: ['s3:PutObject', 's3:GetObject', 's3:AbortMultipartUpload'] }) },
    { name: 'dashboard with DeleteObject', text: policy(dashboardStatements()) },
  ],
  'integration-mixed': [{ name: 'not declared', text: policy([...C, { Effect: 'Allow', Action: ['s3:PutObject', 's3:GetObject', 's3:DeleteObject'], Resource: `arn:aws:s3:::${BUCKET}/exports/*` }]) }],
  'trust-action-invalid': [{ name: 'AssumeRole + TagSession', text: trust({ Action: ['sts:AssumeRole', 'sts:TagSession'] }) }],
  'trust-principal-wildcard': [{ name: 'limited by PrincipalAccount', text: trust({ Principal: { AWS: '*' }, Condition: { StringEquals: { 'aws:PrincipalAccount': '111122223333', 'sts:ExternalId': 'x' } } }) }],
  'trust-external-id-missing': [
    { name: 'cross-account trust of a general role', text: trust({ Condition: undefined }) },
    { name: 'cross-account trust, partner configured elsewhere', text: trust({ Condition: undefined }), options: { partnerAccountId: '444455556666' } },
    { name: 'has StringEquals external ID', text: trust() }, { name: 'service principal', text: policy([{ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }]) }],
  'trust-account-mismatch': [{ name: 'configured values match', text: trust(), options: { partnerAccountId: '111122223333', externalId: 'braze-ext-42' } }, { name: 'nothing configured', text: trust() }],
  'document-too-large': [{ name: 'under the limit', text: policy(C) }],
};

/** Codes about braze-s3-ignore comments and the configuration file, not about a policy's text. */
const NOT_POLICY_RULES = new Set<string>(['suppression-invalid', 'suppression-unused', 'config-invalid']);

describe('rule catalog', () => {
  it('has a reporting case and a near-miss for every rule code (except analysis-failed, which needs a bug, template-syntax, tested in formats.test.ts, and the suppression and configuration codes, tested in repo-config.test.ts)', () => {
    const missing = RULE_CODES.filter((c) => c !== 'analysis-failed' && c !== 'template-syntax' && !NOT_POLICY_RULES.has(c) && (!reports[c]?.length || !nearMisses[c]?.length));
    assert.deepEqual(missing, []);
  });

  for (const [code, cases] of Object.entries(reports)) {
    describe(code, () => {
      for (const c of cases) {
        it(`reports: ${c.name}`, () => {
          const found = findings(c.text, c.options).filter((f) => f.code === code);
          assert.ok(found.length > 0, `expected ${code}; got ${findings(c.text, c.options).map((f) => f.code).join(', ') || 'nothing'}`);
          if (c.at !== undefined) {
            assert.ok(found.some((f) => highlighted(c.text, f) === c.at), `expected a ${code} at ${JSON.stringify(c.at)}; got ${found.map((f) => JSON.stringify(highlighted(c.text, f))).join(', ')}`);
          }
          const expected = c.name.includes('(info)') ? 'info' : c.name.includes('(warning') ? 'warning' : c.name.includes('(error)') ? 'error' : RULES[code as keyof typeof RULES];
          assert.ok(found.some((f) => f.severity === expected), `severity ${expected} expected`);
          for (const f of found) assert.ok(f.message.length > 10);
        });
      }
      for (const c of nearMisses[code] ?? []) {
        it(`does not report: ${c.name}`, () => {
          const found = findings(c.text, c.options).filter((f) => f.code === code);
          assert.deepEqual(found.map((f) => `${f.code}@${highlighted(c.text, f)}`), []);
        });
      }
    });
  }
});

describe('integration-excess-permission examples', () => {
  it('names the dangerous actions first', () => {
    const text = policy([{ Effect: 'Allow', Action: 's3:*', Resource: ['arn:aws:s3:::acme', 'arn:aws:s3:::acme/*'] }]);
    const f = findings(text, { integration: 'currents' }).find((x) => x.code === 'integration-excess-permission')!;
    assert.match(f.message, /such as s3:DeleteBucket, s3:PutBucketPolicy, s3:DeleteBucketPolicy\./);
  });
});
