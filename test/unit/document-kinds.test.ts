// What each document in a Terraform or CloudFormation file is, and that it is checked with its own
// grammar: the false alarms found on public repositories (issue 19), each as a small fixture
// written here after the shape it was seen in (sources named in each test).
import assert from 'node:assert/strict';
import { FileReport, allFindings, analyzeFile } from '../../src/routing/analyzeFile';
import { loadTerraform } from '../../src/formats/treeSitter';

function check(text: string, name: string): FileReport {
  const report = analyzeFile(text, name);
  assert.ok(report, `${name} was not analysed`);
  return report;
}

/** Each document's name → its usage and its error/warning codes. */
function summary(report: FileReport): Record<string, string> {
  return Object.fromEntries(report.documents.map((d) => [d.name, `${d.usage ?? '?'}: ${d.result.findings.filter((f) => f.severity !== 'info').map((f) => f.code).join(',')}`]));
}

const loud = (report: FileReport) => allFindings(report).filter((f) => f.severity !== 'info').map((f) => f.code);

before(async () => {
  assert.ok(await loadTerraform(), 'the Terraform grammar did not load');
});

describe('Terraform: the use of a document, however it is referenced', () => {
  // Shapes: cloudposse modules (count + [0]), log-archive modules (join("", ….*.json)),
  // terraform-aws-modules (source_policy_documents into a local used by a bucket policy).
  const tf = `
data "aws_iam_policy_document" "assume_role" {
  count = var.enabled ? 1 : 0
  statement {
    sid     = "Allow EC2 to assume"
    actions = ["sts:AssumeRole"]
    principals {
      type        = "Service"
      identifiers = ["ec2.amazonaws.com"]
    }
  }
}
resource "aws_iam_role" "this" {
  count              = var.enabled ? 1 : 0
  assume_role_policy = data.aws_iam_policy_document.assume_role[0].json
}
data "aws_iam_policy_document" "bucket" {
  statement {
    sid       = "Deny insecure transport"
    effect    = "Deny"
    actions   = ["s3:*"]
    resources = ["arn:aws:s3:::logs", "arn:aws:s3:::logs/*"]
    principals {
      type        = "*"
      identifiers = ["*"]
    }
    condition {
      test     = "Bool"
      variable = "aws:SecureTransport"
      values   = ["false"]
    }
  }
}
data "aws_iam_policy_document" "merged" {
  source_policy_documents = [data.aws_iam_policy_document.bucket.json]
}
locals {
  bucket_policy = one(data.aws_iam_policy_document.merged[*].json)
}
resource "aws_s3_bucket_policy" "this" {
  bucket = "logs"
  policy = local.bucket_policy
}
module "archive" {
  source        = "./archive"
  bucket_policy = join("", data.aws_iam_policy_document.extra.*.json)
}
data "aws_iam_policy_document" "extra" {
  statement {
    sid       = "Allow CloudTrail"
    actions   = ["s3:PutObject"]
    resources = ["arn:aws:s3:::logs/AWSLogs/*"]
    principals {
      type        = "Service"
      identifiers = ["cloudtrail.amazonaws.com"]
    }
  }
}
`;
  it('follows [0], one(…[*]), join("", ….*.json), locals, source_policy_documents and module inputs named for a bucket policy', () => {
    const s = summary(check(tf, 'main.tf'));
    assert.equal(s['data.aws_iam_policy_document.assume_role'], 'trust: sid-invalid', 'an IAM trust policy: IAM\'s Sid rule');
    assert.equal(s['data.aws_iam_policy_document.merged'], 'resource: ');
    assert.equal(s['data.aws_iam_policy_document.bucket'], 'resource: ', 'merged through source_policy_documents into a bucket policy');
    assert.equal(s['data.aws_iam_policy_document.extra'], 'resource: ');
  });
  it('the same documents with their uses removed: the content decides, and no identity-policy rule fires on them', () => {
    const unused = tf.replace(/resource "aws_iam_role"[\s\S]*?\n}\n/, '').replace(/resource "aws_s3_bucket_policy"[\s\S]*?\n}\n/, '').replace(/module "archive"[\s\S]*?\n}\n/, '');
    const s = summary(check(unused, 'main.tf'));
    assert.equal(s['data.aws_iam_policy_document.assume_role'], '?: sid-invalid');
    assert.equal(s['data.aws_iam_policy_document.bucket'], '?: ');
    assert.equal(s['data.aws_iam_policy_document.extra'], '?: ');
  });
  it('a document of unknown use that has principals is never checked as an identity policy', () => {
    const text = 'data "aws_iam_policy_document" "x" {\n  statement {\n    sid = "Read objects"\n    actions = ["s3:GetObject"]\n    resources = ["arn:aws:s3:::logs-bucket/*"]\n    principals {\n      type = "AWS"\n      identifiers = ["arn:aws:iam::111122223333:root"]\n    }\n  }\n}\n';
    assert.deepEqual(loud(check(text, 'x.tf')), []);
  });
  it('organization policies: content is an SCP or an RCP by the resource\'s type; tag policies are not IAM documents', () => {
    const scp = 'resource "aws_organizations_policy" "deny" {\n  name = "deny"\n  content = jsonencode({\n    Version = "2012-10-17"\n    Statement = [{ Effect = "Deny", Action = ["ec2:RunInstances"], Resource = "*", Principal = "*" }]\n  })\n}\n';
    assert.deepEqual(summary(check(scp, 'o.tf')), { 'aws_organizations_policy.deny.content': 'scp: principal-not-allowed' });
    const rcp = scp.replace('name = "deny"', 'name = "deny"\n  type = "RESOURCE_CONTROL_POLICY"').replace('"ec2:RunInstances"', '"sts:AssumeRole"');
    assert.deepEqual(summary(check(rcp, 'o.tf')), { 'aws_organizations_policy.deny.content': 'rcp: ' });
    const tag = scp.replace('name = "deny"', 'name = "deny"\n  type = "TAG_POLICY"');
    assert.deepEqual(check(tag, 'o.tf').documents, []);
  });
  it('a role trust policy with a Resource and no Principal is reported (IAM rejects it)', () => {
    const text = 'resource "aws_iam_role" "r" {\n  assume_role_policy = jsonencode({\n    Version = "2012-10-17"\n    Statement = [{ Effect = "Allow", Action = "sts:AssumeRole", Resource = "*" }]\n  })\n}\n';
    assert.deepEqual(loud(check(text, 'r.tf')).sort(), ['principal-missing', 'unknown-key']);
  });
  it('KMS key, SQS, SNS and secret policies are resource policies: any Sid text, principals required', () => {
    const text = 'resource "aws_kms_key" "k" {\n  policy = jsonencode({\n    Version = "2012-10-17"\n    Statement = [{ Sid = "Enable IAM User Permissions", Effect = "Allow", Principal = { AWS = "arn:aws:iam::111122223333:root" }, Action = "kms:*", Resource = "*" }]\n  })\n}\n';
    assert.deepEqual(summary(check(text, 'k.tf')), { 'aws_kms_key.k.policy': 'resource: ' });
    const unknownAction = text.replace('"kms:*"', '["kms:*", "kms:PutRolePolicy"]');
    assert.deepEqual(loud(check(unknownAction, 'k.tf')), ['action-unknown']);
  });
  it('expressions where a literal usually stands: a principal type, optional attributes, merged-only documents (cloudposse shapes)', () => {
    const text = `data "aws_iam_policy_document" "assume_role" {
  count = length(keys(var.principals))
  statement {
    effect  = "Allow"
    actions = var.assume_role_actions
    principals {
      type        = element(keys(var.principals), count.index)
      identifiers = var.principals[element(keys(var.principals), count.index)]
    }
  }
}
data "aws_iam_policy_document" "assume_role_aggregated" {
  override_policy_documents = data.aws_iam_policy_document.assume_role[*].json
}
resource "aws_iam_role" "default" {
  assume_role_policy = join("", data.aws_iam_policy_document.assume_role_aggregated[*].json)
}
data "aws_iam_policy_document" "scp" {
  for_each = local.statements
  statement {
    sid           = each.value.sid
    effect        = each.value.effect
    actions       = try(each.value.actions, null)
    not_actions   = try(each.value.not_actions, null)
    resources     = try(each.value.resources, null)
    not_resources = try(each.value.not_resources, null)
  }
}
`;
    assert.deepEqual(loud(check(text, 'main.tf')), []);
  });
  it('other services\' "policies" given to a module are not IAM documents (SNS delivery and data protection policies)', () => {
    const text = `module "sns" {
  source = "terraform-aws-modules/sns/aws"
  delivery_policy = jsonencode({ http = { defaultHealthyRetryPolicy = { numRetries = 3 } } })
  data_protection_policy = jsonencode({
    Name = "deny-email"
    Version = "2021-06-01"
    Statement = [{ Sid = "DenyInboundEmailAddress", DataDirection = "Inbound", Principal = ["*"], DataIdentifier = ["arn:aws:dataprotection::aws:data-identifier/EmailAddress"], Operation = { Deny = {} } }]
  })
  topic_policy = jsonencode({ Version = "2012-10-17", Statement = [{ Sid = "Publish from events", Effect = "Allow", Principal = { Service = "events.amazonaws.com" }, Action = "sns:Publish", Resource = "*" }] })
}
`;
    const report = check(text, 'sns.tf');
    assert.deepEqual(summary(report), { 'sns.topic_policy': 'resource: ' });
  });
  it('a module\'s list of documents (policy_jsons = [<<EOF …, jsonencode(…)]) gives one document each (terraform-aws-lambda shape)', () => {
    const text = 'module "lambda" {\n  source = "terraform-aws-modules/lambda/aws"\n  policy_jsons = [<<EOF\n{\n  "Version": "2012-10-17",\n  "Statement": [{ "Effect": "Allow", "Action": ["xray:PutTraceSegmentz"], "Resource": ["*"] }]\n}\nEOF\n  , jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Action = "s3:GetObject", Resource = "*" }] })]\n}\n';
    const report = check(text, 'lambda.tf');
    assert.deepEqual(report.documents.map((d) => d.name), ['lambda.policy_jsons[0]', 'lambda.policy_jsons[1]']);
    assert.deepEqual(loud(report), ['action-unknown']);
  });
  it('aws_lambda_permission is read as the resource policy Lambda builds: its action is checked', () => {
    const text = 'resource "aws_lambda_permission" "s3" {\n  statement_id  = "AllowS3"\n  action        = "lambda:InvokeFunctions"\n  function_name = aws_lambda_function.f.function_name\n  principal     = "s3.amazonaws.com"\n}\n';
    assert.deepEqual(summary(check(text, 'l.tf')), { 'aws_lambda_permission.s3.permission': 'resource: action-unknown' });
    assert.deepEqual(loud(check(text.replace('InvokeFunctions', 'InvokeFunction'), 'l.tf')), []);
  });
  it('a variable whose default is empty is a value to fill in, not the value', () => {
    const text = 'variable "bucket" {\n  default = ""\n}\nresource "aws_iam_policy" "p" {\n  policy = jsonencode({\n    Version = "2012-10-17"\n    Statement = [{ Effect = "Allow", Action = "s3:GetObject", Resource = "arn:aws:s3:::${var.bucket}/*" }]\n  })\n}\n';
    assert.deepEqual(loud(check(text, 'p.tf')), []);
  });
  it('identity providers\' condition keys computed from a local are not judged (terraform-aws-oidc-github shape)', () => {
    const text = 'locals {\n  issuer = "token.actions.githubusercontent.com"\n}\ndata "aws_iam_policy_document" "assume" {\n  statement {\n    actions = ["sts:AssumeRoleWithWebIdentity"]\n    principals {\n      type = "Federated"\n      identifiers = ["arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com"]\n    }\n    condition {\n      test = "StringLike"\n      variable = "${local.issuer}:sub"\n      values = ["repo:org/*"]\n    }\n  }\n}\nresource "aws_iam_role" "gh" {\n  assume_role_policy = data.aws_iam_policy_document.assume.json\n}\n';
    assert.deepEqual(loud(check(text, 'gh.tf')), []);
  });
});

describe('CloudFormation: every kind of document, each with its own grammar', () => {
  // Shapes: AWS's own sample templates, vendors' onboarding templates (SSM parameters, Fn::If),
  // KMS default key policies, SNS/SQS policies, Lambda permissions.
  const template = `AWSTemplateFormatVersion: "2010-09-09"
Parameters:
  KmsArn:
    Type: AWS::SSM::Parameter::Value<String>
    Default: /team/kms_arn
  ExistingBucket:
    Type: String
    Default: ""
Conditions:
  WithKms: !Equals [true, true]
Resources:
  Key:
    Type: AWS::KMS::Key
    Properties:
      KeyPolicy:
        Version: "2012-10-17"
        Statement:
          - Sid: Enable IAM User Permissions
            Effect: Allow
            Principal:
              AWS: !Sub arn:aws:iam::\${AWS::AccountId}:root
            Action: kms:*
            Resource: "*"
  Topic:
    Type: AWS::SNS::TopicPolicy
    Properties:
      Topics: [!Ref Alerts]
      PolicyDocument:
        Statement:
          - Sid: __default_statement_ID
            Effect: Allow
            Principal:
              Service: events.amazonaws.com
            Action: sns:Publish
            Resource: !Ref Alerts
  Role:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument:
        Version: "2012-10-17"
        Statement:
          - Effect: Allow
            Principal:
              Service: lambda.amazonaws.com
            Action: sts:AssumeRole
      Policies:
        - !If
          - WithKms
          - PolicyName: decrypt
            PolicyDocument:
              Version: "2012-10-17"
              Statement:
                - Effect: Allow
                  Action: kms:Decrypt
                  Resource: !Ref KmsArn
          - !Ref AWS::NoValue
  Read:
    Type: AWS::IAM::RolePolicy
    Properties:
      RoleName: !Ref Role
      PolicyName: read
      PolicyDocument:
        Version: "2012-10-17"
        Statement:
          - Effect: Allow
            Action: [s3:GetObject]
            Resource: !Sub arn:aws:s3:::\${ExistingBucket}/*
  Invoke:
    Type: AWS::Lambda::Permission
    Properties:
      Action: lambda:InvokeFunction
      FunctionName: my-function
      Principal: s3.amazonaws.com
`;
  it('reads key, topic, RolePolicy, Fn::If branches and Lambda permissions, each as what it is', () => {
    const s = summary(check(template, 'stack.yaml'));
    assert.deepEqual(s, {
      'Key.KeyPolicy': 'resource: ',
      'Topic.PolicyDocument': 'resource: ',
      'Role.AssumeRolePolicyDocument': 'trust: ',
      'Role.Policies[decrypt]': 'identity: ',
      'Read.PolicyDocument': 'identity: ',
      'Invoke.Permission': 'resource: ',
    });
  });
  it('an SSM parameter\'s Default is its name, not a value: no ARN finding on /team/kms_arn', () => {
    const report = check(template, 'stack.yaml');
    assert.deepEqual(allFindings(report).filter((f) => f.code === 'arn-invalid' || f.code === 'resource-mismatch'), []);
  });
  it('still checks what the service would reject: a misspelt action in a Lambda permission', () => {
    const report = check(template.replace('Action: lambda:InvokeFunction', 'Action: lambda:InvokeFunctions'), 'stack.yaml');
    assert.deepEqual(loud(report), ['action-unknown']);
  });
});

describe('a role\'s documents go together: a Braze signal on one speaks for its trust policy', () => {
  const trust = (role: string) => `resource "aws_iam_role" "${role}" {
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{ Effect = "Allow", Principal = { AWS = "arn:aws:iam::111122223333:root" }, Action = "sts:AssumeRole" }]
  })
}
`;
  const policy = (role: string, bucket: string) => `resource "aws_iam_role_policy" "p_${role}" {
  role   = aws_iam_role.${role}.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      { Effect = "Allow", Action = ["s3:ListBucket", "s3:GetBucketLocation"], Resource = "arn:aws:s3:::${bucket}" },
      { Effect = "Allow", Action = ["s3:PutObject", "s3:GetObject"], Resource = "arn:aws:s3:::${bucket}/*" }
    ]
  })
}
`;
  it('Terraform: the trust policy of the role holding a Braze export policy is the partner\'s (external ID required)', () => {
    const report = check(trust('exports') + policy('exports', 'acme-braze-exports') + trust('logs') + policy('logs', 'acme-log-archive'), 'main.tf');
    const purposes = Object.fromEntries(report.documents.map((d) => [d.name, d.result.purpose.id]));
    assert.deepEqual(purposes, { 'aws_iam_role.exports.assume_role_policy': 'trust', 'aws_iam_role_policy.p_exports.policy': 'currents', 'aws_iam_role.logs.assume_role_policy': 'general', 'aws_iam_role_policy.p_logs.policy': 'general' });
    assert.deepEqual(loud(report), ['trust-external-id-missing']);
    assert.match(report.documents[0].result.purpose.reason, /aws_iam_role\.exports, which it belongs to, holds a Braze document/);
  });
  it('CloudFormation: the same through a role\'s Policies', () => {
    const yaml = `Resources:
  Exports:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument:
        Version: "2012-10-17"
        Statement:
          - Effect: Allow
            Principal: { AWS: "arn:aws:iam::111122223333:root" }
            Action: sts:AssumeRole
      Policies:
        - PolicyName: braze-currents
          PolicyDocument:
            Version: "2012-10-17"
            Statement:
              - Effect: Allow
                Action: [s3:PutObject, s3:GetObject]
                Resource: arn:aws:s3:::acme-exports/*
`;
    const report = check(yaml, 'stack.yaml');
    assert.deepEqual(report.documents.map((d) => d.result.purpose.id), ['trust', 'currents']);
    assert.ok(loud(report).includes('trust-external-id-missing'));
  });
});
