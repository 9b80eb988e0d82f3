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
  'policy-version-missing': [
    { name: 'no Version, no policy variable (info)', text: policy(C, {}), at: '{' },
    { name: 'no Version with a policy variable (warning)', text: policy([{ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::home/${aws:username}/*' }], {}), at: '{' },
  ],
  'policy-version-invalid': [{ name: '2012-10-18', text: policy(C, { Version: '2012-10-18' }), at: '2012-10-18' }],
  'statement-missing': [
    { name: 'none', text: '{"Version": "2012-10-17"}', at: '{' },
    { name: 'empty', text: '{"Version": "2012-10-17", "Statement": []}', at: '[]' },
  ],
  'unknown-key': [
    { name: 'Actions', text: withStatement0({ Actions: ['s3:ListBucket'] }), at: 'Actions' },
    { name: 'resource lower case', text: policy([{ Effect: 'Allow', Action: 's3:ListBucket', resource: `arn:aws:s3:::${BUCKET}` }]), at: 'resource' },
    { name: 'top level', text: policy(C, { Version: '2012-10-17', Statements: [] }), at: 'Statements' },
    { name: 'Resource in a trust policy (declared: a JSON file alone cannot tell it from a resource control policy)', text: trust({ Resource: '*' }), options: { integration: 'trust' }, at: 'Resource' },
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
  'principal-missing': [
    { name: 'declared trust policy without Principal', text: policy([{ Effect: 'Allow', Action: 'sts:AssumeRole' }]), options: { integration: 'trust' }, at: '{' },
    { name: 'bucket policy statement without Principal', text: policy([{ Effect: 'Allow', Action: 's3:GetObject', Resource: `arn:aws:s3:::${BUCKET}/*` }]), options: { usage: 'resource' }, at: '{' },
  ],
  'sid-duplicate': [{ name: 'twice', text: policy([{ Sid: 'A', ...C[0] }, { Sid: 'A', ...C[1] }]), at: 'A' }],
  'sid-invalid': [
    { name: 'hyphen', text: withStatement0({ Sid: 'bucket-level' }), at: 'bucket-level' },
    { name: 'space in a role trust policy', text: policy([trustStatement({ Sid: 'Allow partner' })]), options: { usage: 'trust' }, at: 'Allow partner' },
  ],
  'condition-operator-unknown': [{ name: 'StringEqual', text: withStatement0({ Condition: { StringEqual: { 's3:prefix': 'currents/' } } }), at: 'StringEqual' }],
  'condition-key-unknown': [
    { name: 'sts key on s3', text: withStatement0({ Condition: { StringEquals: { 'sts:ExternalId': 'x' } } }), at: 'sts:ExternalId' },
    { name: 'S3 key on an EC2 action (any service)', text: policy([{ Effect: 'Allow', Action: 'ec2:RunInstances', Resource: '*', Condition: { StringEquals: { 's3:prefix': 'x', 'ec2:InstanceType': 't3.micro' } } }]), at: 's3:prefix' },
    { name: "another service's key on a Lambda action", text: policy([{ Effect: 'Allow', Action: 'lambda:InvokeFunction', Resource: '*', Condition: { StringEquals: { 'dynamodb:LeadingKeys': 'x' } } }]), at: 'dynamodb:LeadingKeys' },
    { name: "a key a retired service's page did not list", text: policy([{ Effect: 'Allow', Action: 'deepracer:ListModels', Resource: '*', Condition: { Bool: { 'deepracer:NoSuchKey': 'true' } } }]), at: 'deepracer:NoSuchKey' },
  ],
  'condition-set-single-valued': [
    { name: 'ForAllValues on aws:RequestedRegion', text: policy([{ Effect: 'Allow', Action: 'ec2:RunInstances', Resource: '*', Condition: { 'ForAllValues:StringEquals': { 'aws:RequestedRegion': ['eu-west-1'] } } }]), at: 'aws:RequestedRegion' },
    { name: 'ForAllValues on a service key (s3:prefix)', text: withStatement0({ Condition: { 'ForAllValues:StringLike': { 's3:prefix': ['currents/*'] } } }), at: 's3:prefix' },
    { name: 'ForAnyValue on a single-valued key: it behaves like the plain operator (info)', text: policy([{ Effect: 'Allow', Action: 'ec2:RunInstances', Resource: '*', Condition: { 'ForAnyValue:StringEquals': { 'ec2:InstanceType': ['t3.micro'] } } }]), at: 'ec2:InstanceType' },
    { name: 'IfExists form, tag key with a variable part', text: policy([{ Effect: 'Allow', Action: 'ec2:RunInstances', Resource: '*', Condition: { 'ForAllValues:StringEqualsIfExists': { 'aws:RequestTag/team': ['data'] } } }]), at: 'aws:RequestTag/team' },
  ],
  'service-unknown': [{ name: 's4', text: withStatement0({ Action: ['s4:ListBucket', 's3:ListBucket', 's3:GetBucketLocation'] }), at: 's4' }],
  'action-unknown': [
    { name: 'PutObjects', text: withStatement1({ Action: ['s3:PutObjects', 's3:PutObject', 's3:GetObject'] }), at: 's3:PutObjects' },
    { name: 'ListObjects', text: withStatement0({ Action: ['s3:ListObjects', 's3:ListBucket', 's3:GetBucketLocation'] }), at: 's3:ListObjects' },
    { name: 'no prefix', text: withStatement0({ Action: ['ListBucket', 's3:ListBucket', 's3:GetBucketLocation'] }), at: 'ListBucket' },
    { name: 'an API name, not an IAM action (budgets:CreateBudget)', text: policy([{ Effect: 'Allow', Action: 'budgets:CreateBudget', Resource: '*' }]), at: 'budgets:CreateBudget' },
    { name: 'a made-up action of a retired service', text: policy([{ Effect: 'Allow', Action: ['deepracer:AnythingAtAll', 'deepracer:ListModels'], Resource: '*' }]), at: 'deepracer:AnythingAtAll' },
    { name: 'in a KMS key policy', text: policy([{ Sid: 'KeyUsers', Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111122223333:role/app' }, Action: ['kms:Decrypt', 'kms:GenerateDataKeys'], Resource: '*' }]), at: 'kms:GenerateDataKeys' },
    { name: 'in a bucket policy', text: policy([{ Effect: 'Allow', Principal: { AWS: '111122223333' }, Action: 's3:GetObjects', Resource: `arn:aws:s3:::${BUCKET}/*` }]), at: 's3:GetObjects' },
  ],
  'action-retired': [
    { name: 'retired service (deepracer)', text: policy([{ Effect: 'Allow', Action: ['deepracer:ListModels', 'ec2:DescribeInstances'], Resource: '*' }]), at: 'deepracer:ListModels' },
    { name: 'retired action of a live service (CloudHSM Classic)', text: policy([{ Effect: 'Allow', Action: 'cloudhsm:DescribeHapg', Resource: '*' }]), at: 'cloudhsm:DescribeHapg' },
    { name: 'preview-era action of a current service (AWS Security Agent)', text: policy([{ Effect: 'Allow', Action: 'securityagent:ListControls', Resource: '*' }]), at: 'securityagent:ListControls' },
    { name: "wildcard over a retired service's actions", text: policy([{ Effect: 'Allow', Action: 'iot1click:List*', Resource: '*' }]), at: 'iot1click:List*' },
  ],
  'action-wildcard-no-match': [{ name: 's3:Putt*', text: withStatement1({ Action: ['s3:Putt*', 's3:PutObject', 's3:GetObject'] }), at: 's3:Putt*' }],
  'action-redundant': [
    { name: 'twice', text: withStatement1({ Action: ['s3:PutObject', 's3:GetObject', 's3:putobject'] }), at: 's3:putobject' },
    { name: 'covered', text: withStatement1({ Action: ['s3:PutObject', 's3:GetObject', 's3:Get*'] }), at: 's3:GetObject' },
  ],
  placeholder: [
    { name: 'INSERTBUCKETNAME', text: policy(currentsStatements('INSERTBUCKETNAME')), at: 'INSERTBUCKETNAME' },
    { name: 'INSERT_MY_BUCKET in a general policy (info)', text: policy(currentsStatements('INSERT_MY_BUCKET')), at: 'INSERT_MY_BUCKET' },
    { name: 'INSERT_MY_BUCKET in a declared Currents policy (error)', text: policy(currentsStatements('INSERT_MY_BUCKET')), options: { integration: 'currents' }, at: 'INSERT_MY_BUCKET' },
    { name: '<BUCKET_NAME> (info)', text: policy([{ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::<BUCKET_NAME>/*' }]), at: '<BUCKET_NAME>' },
    { name: '{{RAW_BUCKET}} (info)', text: policy([{ Effect: 'Allow', Action: 's3:ListBucket', Resource: 'arn:aws:s3:::{{RAW_BUCKET}}' }]), at: '{{RAW_BUCKET}}' },
    { name: '$BUCKET_NAME (info)', text: policy([{ Effect: 'Allow', Action: 's3:PutObject', Resource: 'arn:aws:s3:::$BUCKET_NAME/*' }]), at: '$BUCKET_NAME' },
    { name: '${bucket} in a JSON file (info)', text: policy([{ Effect: 'Allow', Action: 's3:PutObject', Resource: 'arn:aws:s3:::${bucket}/*' }]), at: '${bucket}' },
    { name: 'a module\'s marker _S3_BUCKET_ARN_ (info)', text: policy([{ Effect: 'Allow', Principal: { AWS: '111122223333' }, Action: 's3:ListBucket', Resource: '_S3_BUCKET_ARN_' }]), at: '_S3_BUCKET_ARN_' },
    { name: 'account field ACCOUNT_ID (info)', text: policy([{ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::ACCOUNT_ID:root' }, Action: 'sts:AssumeRole' }]), at: 'ACCOUNT_ID' },
    { name: 'elasticbeanstalk-<region> (info)', text: policy([{ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::elasticbeanstalk-<region>-<account-id>/*' }]), at: '<region>' },
    { name: 'an action placeholder (info), not an unknown action', text: policy([{ Effect: 'Allow', Action: '<action>', Resource: '*' }]), at: '<action>' },
    { name: 'an OIDC provider placeholder in a condition key (info), not an unknown key', text: policy([{ Effect: 'Deny', Principal: '*', Action: 'sts:AssumeRoleWithWebIdentity', Resource: '*', Condition: { StringNotEquals: { '<OIDC_provider_name>:sub': '<tenant>' } } }]), at: '<OIDC_provider_name>' },
    { name: 'YOUR-BUCKET (info)', text: policy([{ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::YOUR-BUCKET/*' }]), at: 'YOUR-BUCKET' },
  ],
  'arn-invalid': [
    { name: 'not an ARN', text: withStatement0({ Resource: [`arn:aws:s3:::${BUCKET}`, `s3://${BUCKET}`] }), at: `s3://${BUCKET}` },
    { name: 'too few parts', text: withStatement0({ Resource: [`arn:aws:s3:::${BUCKET}`, 'arn:aws:s3'] }), at: 'arn:aws:s3' },
  ],
  'bucket-name-invalid': [
    { name: 'uppercase (warning: legacy names exist, a Braze bucket cannot have one)', text: policy(currentsStatements('Acme_Exports')), options: { integration: 'currents' }, at: 'Acme_Exports' },
    { name: 'legacy-matching pattern in an export policy (info)', text: withStatement1({ Resource: [`arn:aws:s3:::${BUCKET}/*`, 'arn:aws:s3:::*Exports*/*'] }), at: '*Exports*' },
    { name: 'over 255 characters, even in a general policy', text: policy([{ Effect: 'Allow', Action: 's3:GetObject', Resource: `arn:aws:s3:::${'a'.repeat(256)}/*` }]) },
    { name: 'too short', text: policy(currentsStatements('ab')), at: 'ab' },
    { name: '64 characters, one over S3\'s limit (warning: a legacy us-east-1 bucket may have it)', text: policy(currentsStatements(`braze-${'a'.repeat(58)}`)), at: `braze-${'a'.repeat(58)}` },
    { name: 'IP form', text: policy(currentsStatements('192.168.5.4')), at: '192.168.5.4' },
    { name: 'xn-- prefix', text: policy(currentsStatements('xn--acme')), at: 'xn--acme' },
    { name: '-s3alias suffix', text: policy(currentsStatements('acme-s3alias')), at: 'acme-s3alias' },
  ],
  'resource-mismatch': [
    { name: 'ListBucket on objects', text: policy([{ ...C[0], Resource: [`arn:aws:s3:::${BUCKET}/*`] }, C[1]]), at: 's3:ListBucket' },
    { name: 'PutObject on bucket', text: policy([C[0], { ...C[1], Resource: [`arn:aws:s3:::${BUCKET}`] }]), at: 's3:PutObject' },
    { name: 'ListAllMyBuckets on one bucket (warning: a general policy)', text: withStatement0({ Action: ['s3:ListBucket', 's3:GetBucketLocation', 's3:ListAllMyBuckets'] }), options: { integration: 'none' }, at: 's3:ListAllMyBuckets' },
    { name: 'bucket action on object ARNs only, in a general policy (warning)', text: policy([{ Effect: 'Allow', Action: ['s3:ListBucketMultipartUploads', 's3:GetObject'], Resource: 'arn:aws:s3:::transform-target-*/*' }]), at: 's3:ListBucketMultipartUploads' },
    { name: 'EC2 action on S3 objects (warning)', text: policy([{ Effect: 'Allow', Action: ['ec2:TerminateInstances', 's3:GetObject'], Resource: 'arn:aws:s3:::acme-data/*' }]), at: 'ec2:TerminateInstances' },
    { name: 'EC2 action on S3 objects in a declared Currents policy (error)', text: withStatement1({ Action: ['s3:PutObject', 's3:GetObject', 'ec2:TerminateInstances'] }), options: { integration: 'currents' }, at: 'ec2:TerminateInstances' },
    { name: 'DynamoDB action on a Lambda function (warning)', text: policy([{ Effect: 'Allow', Action: 'dynamodb:GetItem', Resource: 'arn:aws:lambda:us-east-1:111122223333:function:app' }]), at: 'dynamodb:GetItem' },
    { name: 'SQS action on an SNS topic, aws-cn (warning)', text: policy([{ Effect: 'Allow', Action: 'sqs:SendMessage', Resource: 'arn:aws-cn:sns:cn-north-1:111122223333:topic' }]), at: 'sqs:SendMessage' },
    { name: 'action without resource types on an S3 bucket (warning)', text: policy([{ Effect: 'Allow', Action: ['ec2:DescribeInstances', 's3:ListBucket'], Resource: 'arn:aws:s3:::acme-data' }]), at: 'ec2:DescribeInstances' },
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
  'principal-missing': [
    { name: 'identity policy', text: policy(C) },
    { name: 'VPC endpoint policy (Principal optional)', text: policy([{ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }]), options: { usage: 'endpoint' } },
    { name: 'content alone: Principal in some statements of a JSON file', text: withStatement1({ Principal: { AWS: '111122223333' } }) },
  ],
  'sid-duplicate': [{ name: 'empty Sids, as the Firehose console writes them', text: policy([{ Sid: '', ...C[0] }, { Sid: '', ...C[1] }]) }, { name: 'distinct', text: policy([{ Sid: 'A', ...C[0] }, { Sid: 'B', ...C[1] }]) }],
  'sid-invalid': [
    { name: 'alphanumeric', text: withStatement0({ Sid: 'BucketLevel2' }) },
    { name: 'spaces in a KMS key policy (AWS\'s default key policy)', text: policy([{ Sid: 'Enable IAM User Permissions', Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111122223333:root' }, Action: 'kms:*', Resource: '*' }]), options: { usage: 'resource' } },
    { name: 'SNS default statement ID in a topic policy', text: policy([{ Sid: '__default_statement_ID', Effect: 'Allow', Principal: { AWS: '*' }, Action: 'SNS:Publish', Resource: 'arn:aws:sns:us-east-1:111122223333:t', Condition: { StringEquals: { 'AWS:SourceOwner': '111122223333' } } }]) },
  ],
  'condition-operator-unknown': [{ name: 'ForAnyValue:StringLikeIfExists', text: withStatement0({ Condition: { 'ForAnyValue:StringLikeIfExists': { 's3:prefix': 'currents/*' } } }) }],
  'condition-key-unknown': [
    { name: 'an OIDC provider\'s keys in a trust policy', text: policy([{ Effect: 'Allow', Principal: { Federated: 'arn:aws:iam::111122223333:oidc-provider/oidc.eks.eu-west-1.amazonaws.com/id/ABC' }, Action: 'sts:AssumeRoleWithWebIdentity', Condition: { StringEquals: { 'oidc.eks.eu-west-1.amazonaws.com/id/ABC:sub': 'system:serviceaccount:ns:sa', 'token.actions.githubusercontent.com:aud': 'sts.amazonaws.com' } } }]) },
    { name: 'resource-type key s3:DataAccessPointArn on GetObject', text: policy([{ Effect: 'Allow', Action: 's3:GetObject', Resource: '*', Condition: { StringLike: { 's3:DataAccessPointArn': 'arn:aws:s3:*:*:accesspoint/*' } } }]) },
    { name: 'resource-type key s3:DataAccessPointAccount on PutObject', text: policy([{ Effect: 'Allow', Action: 's3:PutObject', Resource: '*', Condition: { StringEquals: { 's3:DataAccessPointAccount': '111122223333' } } }]) },
    { name: 'resource-type key iam:ResourceTag on PassRole', text: policy([{ Effect: 'Allow', Action: 'iam:PassRole', Resource: '*', Condition: { StringEquals: { 'iam:ResourceTag/team': 'data' } } }]) },
    { name: 'resource-type key kms:ResourceAliases on Decrypt', text: policy([{ Effect: 'Allow', Action: 'kms:Decrypt', Resource: '*', Condition: { 'ForAnyValue:StringLike': { 'kms:ResourceAliases': 'alias/app-*' } } }]) },
    { name: 'legacy global key aws:PrincipalOrgMasterAccountId', text: policy([{ Effect: 'Allow', Action: 'organizations:DescribeOrganization', Resource: '*', Condition: { StringEquals: { 'aws:PrincipalOrgMasterAccountId': '111122223333' } } }]) },
    { name: "a retired service's key", text: policy([{ Effect: 'Allow', Action: 'deepracer:ListModels', Resource: '*', Condition: { Bool: { 'deepracer:MultiUser': 'true' } } }]) },
    { name: 's3:prefix on ListBucket', text: withStatement0({ Condition: { StringLike: { 's3:prefix': 'currents/*' } } }) },
    { name: "a service's key on another of its actions (aws-marketplace:ProductId on Subscribe, as AWS's ROSA policy)", text: policy([{ Effect: 'Allow', Action: ['aws-marketplace:Subscribe', 'aws-marketplace:Unsubscribe'], Resource: '*', Condition: { 'ForAnyValue:StringEquals': { 'aws-marketplace:ProductId': ['p-1'] } } }]) },
    { name: 'EC2 key on an EC2 action', text: policy([{ Effect: 'Allow', Action: 'ec2:RunInstances', Resource: '*', Condition: { StringEquals: { 'ec2:InstanceType': 't3.micro' } } }]) },
    { name: 'global key, any case', text: withStatement0({ Condition: { Bool: { 'AWS:SecureTransport': 'true' } } }) },
    { name: 'tag key with variable part', text: withStatement1({ Condition: { StringEquals: { 's3:ExistingObjectTag/team': 'data' } } }) },
  ],
  'condition-set-single-valued': [
    { name: 'ForAllValues on aws:TagKeys (multivalued)', text: policy([{ Effect: 'Allow', Action: 'ec2:CreateTags', Resource: '*', Condition: { 'ForAllValues:StringEquals': { 'aws:TagKeys': ['team'] } } }]) },
    { name: 'ForAnyValue on kms:ResourceAliases (multivalued)', text: policy([{ Effect: 'Allow', Action: 'kms:Decrypt', Resource: '*', Condition: { 'ForAnyValue:StringLike': { 'kms:ResourceAliases': 'alias/app-*' } } }]) },
    { name: 'plain operator on a single-valued key', text: policy([{ Effect: 'Allow', Action: 'ec2:RunInstances', Resource: '*', Condition: { StringEquals: { 'aws:RequestedRegion': 'eu-west-1' } } }]) },
    { name: 'a key the catalog does not know', text: policy([{ Effect: 'Allow', Action: 'ec2:RunInstances', Resource: '*', Condition: { 'ForAllValues:StringEquals': { 'ec2:NoSuchKey': ['x'] } } }]) },
    { name: 'ForAllValues:Null', text: policy([{ Effect: 'Allow', Action: 'ec2:RunInstances', Resource: '*', Condition: { 'ForAllValues:Null': { 'aws:RequestedRegion': 'false' } } }]) },
  ],
  'service-unknown': [{ name: 'S3 in capitals', text: withStatement0({ Action: ['S3:ListBucket', 's3:GetBucketLocation'] }) }],
  'action-unknown': [
    { name: 'case-insensitive', text: withStatement0({ Action: ['s3:listbucket', 's3:GETBUCKETLOCATION'] }) },
    { name: "a retired service's listed action (action-retired instead)", text: policy([{ Effect: 'Allow', Action: 'deepracer:ListModels', Resource: '*' }]) },
    { name: 'KMS key policy with valid actions', text: policy([{ Sid: 'KeyUsers', Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111122223333:role/app' }, Action: ['kms:Decrypt', 'kms:GenerateDataKey*'], Resource: '*' }]) },
  ],
  'action-retired': [
    { name: 'documented actions', text: policy([{ Effect: 'Allow', Action: ['ec2:DescribeInstances', 'cloudhsm:DescribeClusters'], Resource: '*' }]) },
    { name: 'a made-up action of a retired service (action-unknown instead)', text: policy([{ Effect: 'Allow', Action: 'deepracer:AnythingAtAll', Resource: '*' }]) },
    { name: 'current Security Agent actions', text: policy([{ Effect: 'Allow', Action: ['securityagent:BatchGetAgentSpaces', 'securityagent:AddArtifact'], Resource: '*' }]) },
  ],
  'action-wildcard-no-match': [{ name: 's3:Put*', text: withStatement1({ Action: ['s3:Put*', 's3:GetObject'] }) }],
  'action-redundant': [{ name: 'distinct actions', text: policy(C) }],
  placeholder: [
    { name: 'filled in', text: policy(C) },
    { name: 'INSERT in lower case', text: policy(currentsStatements('insertbucketname')) },
    { name: 'IAM policy variables', text: policy([{ Effect: 'Allow', Action: 's3:GetObject', Resource: ['arn:aws:s3:::home/${aws:username}/*', 'arn:aws:s3:::b/${aws:PrincipalTag/team}/*', 'arn:aws:s3:::b/${*}'] }]) },
    { name: 'AWS documentation account ID', text: policy([trustStatement()]) },
    { name: 'version qualifiers $LATEST and $DEFAULT (AWS managed policies)', text: policy([{ Effect: 'Allow', Action: ['lambda:InvokeFunction', 'ssm:StartAutomationExecution'], Resource: ['arn:aws:lambda:*:*:function:f:$LATEST', 'arn:aws:ssm:*:*:automation-definition/AWS-CreateImage:$DEFAULT'] }]) },
    { name: 'a Sid in capitals with underscores', text: policy([{ Sid: '_ALLOW_READ_', ...C[0] }, C[1]]) },
    { name: 'an ARN with a region and account; "your" inside a word', text: policy([{ Effect: 'Allow', Action: ['sns:Publish', 's3:GetObject'], Resource: ['arn:aws:sns:us-east-1:111122223333:alerts', 'arn:aws:s3:::flyour-assets/*'] }]) },
  ],
  'arn-invalid': [{ name: 'a placeholder, not a cascade', text: policy([{ Effect: 'Allow', Action: 's3:ListBucket', Resource: ['_S3_BUCKET_ARN_', '{{BUCKET_ARN}}'] }]) }, { name: 'well-formed with wildcards', text: withStatement1({ Resource: [`arn:aws:s3:::${BUCKET}/*`, `arn:*:s3:::${BUCKET}/currents/*`] }) }],
  'bucket-name-invalid': [
    { name: 'dots and digits', text: policy(currentsStatements('acme.exports-2026')) },
    { name: '63 characters, S3\'s limit', text: policy(currentsStatements(`braze-${'a'.repeat(57)}`)) },
    { name: 'legacy-matching pattern in a general policy', text: policy([{ Effect: 'Allow', Action: 's3:GetObject', Resource: ['arn:aws:s3:::*SageMaker*', 'arn:aws:s3:::*Sagemaker*/*'] }]) },
    { name: 'legacy literal name in a general policy', text: policy([{ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::Legacy_Bucket/*' }]) },
    { name: 'policy variable holding a slash', text: policy([{ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::${aws:PrincipalTag/Team}/*' }]) },
    { name: 'a placeholder, not a cascade', text: policy([{ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::<BUCKET_NAME>/*' }]) },
  ],
  'resource-mismatch': [
    { name: 'a placeholder resource may be any resource', text: policy([{ Effect: 'Allow', Action: ['s3:ListBucket', 's3:GetObject'], Resource: '{{BUCKET_ARN}}' }]) },
    { name: 'ListAllMyBuckets on arn:aws:s3:::* (AWS S3 User Guide)', text: policy([{ Effect: 'Allow', Action: 's3:ListAllMyBuckets', Resource: 'arn:aws:s3:::*' }]) },
    { name: 'iam:ListRoles on a role pattern', text: policy([{ Effect: 'Allow', Action: ['iam:GetRole', 'iam:ListRoles'], Resource: 'arn:aws:iam::*:role/ec2-sysadmin-*' }]) },
    { name: 'CloudWatch Logs on a log group with a path and :*', text: policy([{ Effect: 'Allow', Action: ['logs:CreateLogStream', 'logs:PutLogEvents'], Resource: 'arn:aws:logs:us-east-1:111122223333:log-group:/aws/lambda/app:*' }]) },
    { name: 'SSM parameter hierarchy, aws-us-gov', text: policy([{ Effect: 'Allow', Action: 'ssm:GetParameter', Resource: 'arn:aws-us-gov:ssm:us-gov-west-1:111122223333:parameter/app/prod/db' }]) },
    { name: 'EC2 instance, aws-cn', text: policy([{ Effect: 'Allow', Action: 'ec2:TerminateInstances', Resource: 'arn:aws-cn:ec2:cn-north-1:111122223333:instance/i-0123456789abcdef0' }]) },
    { name: 'SSM SendCommand on an EC2 instance and a document', text: policy([{ Effect: 'Allow', Action: 'ssm:SendCommand', Resource: ['arn:aws:ec2:*:*:instance/*', 'arn:aws:ssm:*::document/AWS-RunShellScript'] }]) },
    { name: 'iam:PassRole on a role with a path', text: policy([{ Effect: 'Allow', Action: 'iam:PassRole', Resource: 'arn:aws:iam::111122223333:role/service/app-role' }]) },
    { name: 'KMS action on a key, S3 on an access point', text: policy([{ Effect: 'Allow', Action: ['kms:Decrypt', 's3:GetObject'], Resource: ['arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab', 'arn:aws:s3:eu-west-1:111122223333:accesspoint/ap/object/*'] }]) },
    { name: 'wildcard-laden ARN', text: policy([{ Effect: 'Allow', Action: ['ec2:TerminateInstances', 'dynamodb:GetItem'], Resource: 'arn:aws:*:*:*:*' }]) },
    { name: 'ARN with template variables (partition and name)', text: policy([{ Effect: 'Allow', Action: 'lambda:InvokeFunction', Resource: 'arn:${aws:PrincipalTag/partition}:lambda:*:*:function:${aws:PrincipalTag/app}-*' }]) },
    { name: 'action the reference lists without resource types, on an SSM session ARN (ssmmessages)', text: policy([{ Effect: 'Allow', Action: 'ssmmessages:OpenDataChannel', Resource: 'arn:aws:ssm:*:*:session/*' }]) },
    { name: 'action without resource types on its own service', text: policy([{ Effect: 'Allow', Action: 'ec2:DescribeInstances', Resource: 'arn:aws:ec2:*:*:instance/*' }]) },
    { name: "retired service's action", text: policy([{ Effect: 'Allow', Action: 'deepracer:ListModels', Resource: 'arn:aws:deepracer:*:*:model/reinforcement_learning/*' }]) },
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
