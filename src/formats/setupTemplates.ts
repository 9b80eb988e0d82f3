// Complete Braze export setups as Terraform or CloudFormation: the bucket (no Object Lock, SSE-S3,
// public access blocked), the export policy, the role with its trust policy (partner account and
// external ID) or the IAM user, and outputs for the values the partner dashboard asks for. Also
// the smaller snippets. The permissions come from the same REQUIREMENTS as the JSON templates.
import { REQUIREMENTS, normaliseFolder } from '../policy';
import { ACCOUNT_PLACEHOLDER, BUCKET_PLACEHOLDER, EXTERNAL_ID_PLACEHOLDER } from '../policy';
import type { IntegrationId } from '../policy';

export type SetupFormat = 'terraform' | 'cloudformation';
export type SetupAuth = 'role-arn' | 'secret-key';

export interface SetupOptions {
  integration: IntegrationId;
  auth: SetupAuth;
  bucket?: string;
  /** Scope object permissions to this folder; omit (or '') for the whole bucket. */
  folder?: string;
  partnerAccountId?: string;
  externalId?: string;
  /**
   * The bucket exists already: the module reads it (Terraform `data "aws_s3_bucket"`, a
   * CloudFormation parameter) and never creates it (`terraform apply` would fail with
   * BucketAlreadyOwnedByYou, a stack with "already exists"), nor changes its settings.
   */
  existingBucket?: boolean;
}

/** Folders a setup is written into when the workspace has one, in order of preference. */
const SETUP_FOLDERS: Record<SetupFormat, string[]> = { terraform: ['terraform', 'infra'], cloudformation: ['cloudformation', 'infra'] };

/** The workspace folder to write a setup into: `terraform/`, `cloudformation/` or `infra/` when there is one, else the root. */
export function setupFolder(format: SetupFormat, folders: string[]): string | undefined {
  const lower = new Map(folders.map((f) => [f.toLowerCase(), f]));
  for (const f of SETUP_FOLDERS[format]) if (lower.has(f)) return lower.get(f);
  return undefined;
}

const actionsOn = (id: IntegrationId, on: 'bucket' | 'object') => REQUIREMENTS[id].filter((r) => r.on === on).map((r) => r.action);
const list = (items: string[]) => `[${items.map((i) => JSON.stringify(i)).join(', ')}]`;
const objectSuffix = (folder: string | undefined) => {
  const f = folder === undefined ? '' : normaliseFolder(folder);
  return f ? `/${f}/*` : '/*';
};
const NAME: Record<IntegrationId, string> = { currents: 'braze_currents', dashboard: 'braze_dashboard_export' };
const TITLE: Record<IntegrationId, string> = { currents: 'Braze Currents', dashboard: 'Braze dashboard data export' };

/** `data "aws_iam_policy_document"` for the export, reading the bucket from `bucketRef` (or a literal name). */
export function terraformPolicyDocument(id: IntegrationId, bucketRef = 'var.bucket_name', folder?: string, literalBucket?: string): string {
  const bucket = literalBucket ?? `\${${bucketRef}}`;
  return `data "aws_iam_policy_document" "${NAME[id]}" {
  statement {
    sid       = "BucketLevel"
    actions   = ${list(actionsOn(id, 'bucket'))}
    resources = ["arn:aws:s3:::${bucket}"]
  }

  statement {
    sid       = "ObjectLevel"
    actions   = ${list(actionsOn(id, 'object'))}
    resources = ["arn:aws:s3:::${bucket}${objectSuffix(folder)}"]
  }
}
`;
}

/** The partner role: trust for the partner account with the external ID (variables, or literals for a snippet). */
export function terraformRole(id: IntegrationId, literal?: { partnerAccountId: string; externalId: string }): string {
  const name = NAME[id];
  const account = literal ? literal.partnerAccountId : '${var.braze_partner_account_id}';
  const externalId = literal ? JSON.stringify(literal.externalId) : 'var.braze_external_id';
  return `data "aws_iam_policy_document" "${name}_trust" {
  statement {
    actions = ["sts:AssumeRole"]

    principals {
      type        = "AWS"
      identifiers = ["arn:aws:iam::${account}:root"]
    }

    condition {
      test     = "StringEquals"
      variable = "sts:ExternalId"
      values   = [${externalId}]
    }
  }
}

resource "aws_iam_role" "${name}" {
  name               = "${name.replace(/_/g, '-')}"
  assume_role_policy = data.aws_iam_policy_document.${name}_trust.json
}
`;
}

export function terraformSetup(o: SetupOptions): string {
  const id = o.integration;
  const name = NAME[id];
  const variables = [
    `variable "bucket_name" {\n  description = "The ${o.existingBucket ? 'existing ' : ''}S3 bucket ${TITLE[id]} writes to."\n  type        = string\n  default     = ${JSON.stringify(o.bucket || BUCKET_PLACEHOLDER)}\n}\n`,
    ...(o.auth === 'role-arn'
      ? [
          `variable "braze_partner_account_id" {\n  description = "The AWS account the partner assumes the role from (shown in the partner dashboard)."\n  type        = string\n  default     = ${JSON.stringify(o.partnerAccountId || ACCOUNT_PLACEHOLDER)}\n}\n`,
          `variable "braze_external_id" {\n  description = "The external ID the partner dashboard shows for this integration."\n  type        = string\n  default     = ${JSON.stringify(o.externalId || EXTERNAL_ID_PLACEHOLDER)}\n}\n`,
        ]
      : []),
  ];
  const bucket = o.existingBucket
    ? `# The bucket exists already: it is read, not created (nor its settings changed).
data "aws_s3_bucket" "braze_export" {
  bucket = var.bucket_name
}
`
    : `resource "aws_s3_bucket" "braze_export" {
  bucket = var.bucket_name
  # No Object Lock: the partner must be able to write (and, for dashboard export, delete) objects.
  object_lock_enabled = false
}

resource "aws_s3_bucket_server_side_encryption_configuration" "braze_export" {
  bucket = aws_s3_bucket.braze_export.id

  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm = "AES256"
    }
  }
}

resource "aws_s3_bucket_public_access_block" "braze_export" {
  bucket                  = aws_s3_bucket.braze_export.id
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}
`;
  const policy = `${terraformPolicyDocument(id, 'var.bucket_name', o.folder)}
resource "aws_iam_policy" "${name}" {
  name   = "${name.replace(/_/g, '-')}"
  policy = data.aws_iam_policy_document.${name}.json
}
`;
  const identity = o.auth === 'role-arn'
    ? `${terraformRole(id)}
resource "aws_iam_role_policy_attachment" "${name}" {
  role       = aws_iam_role.${name}.name
  policy_arn = aws_iam_policy.${name}.arn
}

output "role_arn" {
  description = "Paste into the partner dashboard (AWS role ARN method)."
  value       = aws_iam_role.${name}.arn
}
`
    : `resource "aws_iam_user" "${name}" {
  name = "${name.replace(/_/g, '-')}"
}

resource "aws_iam_user_policy_attachment" "${name}" {
  user       = aws_iam_user.${name}.name
  policy_arn = aws_iam_policy.${name}.arn
}

# The secret is kept in the Terraform state: protect the state, or create the key in the console.
resource "aws_iam_access_key" "${name}" {
  user = aws_iam_user.${name}.name
}

output "access_key_id" {
  description = "Paste into the partner dashboard (AWS secret access key method)."
  value       = aws_iam_access_key.${name}.id
}

output "secret_access_key" {
  description = "Read it with: terraform output -raw secret_access_key"
  value       = aws_iam_access_key.${name}.secret
  sensitive   = true
}
`;
  const folder = o.folder === undefined ? '' : normaliseFolder(o.folder);
  return `# ${TITLE[id]} → Amazon S3 (${o.auth === 'role-arn' ? 'AWS role ARN' : 'AWS secret access key'} method).
# Generated by Braze S3 Export Policy Kit; the checker keeps it clean as you edit.

${variables.join('\n')}
${bucket}
${policy}
${identity}
output "bucket_name" {
  description = "Paste into the partner dashboard."
  value       = ${o.existingBucket ? 'data.aws_s3_bucket.braze_export.bucket' : 'aws_s3_bucket.braze_export.bucket'}
}
${id === 'currents' ? `
output "folder_path" {
  description = "The Currents folder path to paste into the partner dashboard."
  value       = ${JSON.stringify(folder || 'currents')}
}
` : ''}`;
}

/**
 * A CloudFormation export policy resource reading the bucket from a parameter (or a literal name):
 * a standalone AWS::IAM::ManagedPolicy (snippets), or, attached to the setup's role or user, an
 * AWS::IAM::Policy that names it (created after it, deleted before it, also by moto).
 */
export function cloudFormationPolicy(id: IntegrationId, bucketParameter = 'BucketName', folder?: string, logicalId = POLICY_ID[id], literalBucket?: string, attach?: { to: 'Roles' | 'Users'; logicalId: string; policyName?: string }): string {
  const resource = (suffix: string) => (literalBucket ? `arn:aws:s3:::${literalBucket}${suffix}` : `!Sub "arn:aws:s3:::\${${bucketParameter}}${suffix}"`);
  return `  ${logicalId}:
    Type: AWS::IAM::${attach ? 'Policy' : 'ManagedPolicy'}
    Properties:
${attach ? `      PolicyName: ${attach.policyName ?? NAME[id].replace(/_/g, '-')}\n      ${attach.to}:\n        - !Ref ${attach.logicalId}\n` : ''}      PolicyDocument:
        Version: "2012-10-17"
        Statement:
          - Sid: BucketLevel
            Effect: Allow
            Action:
${actionsOn(id, 'bucket').map((a) => `              - ${a}`).join('\n')}
            Resource: ${resource('')}
          - Sid: ObjectLevel
            Effect: Allow
            Action:
${actionsOn(id, 'object').map((a) => `              - ${a}`).join('\n')}
            Resource: ${resource(objectSuffix(id === 'currents' ? folder : undefined))}
`;
}

/** The partner role resource: trust for the partner account with the external ID (parameters, or literals). */
export function cloudFormationRole(logicalId = 'BrazeExportRole', policyLogicalId?: string, literal?: { partnerAccountId: string; externalId: string }, roleName?: string): string {
  const principal = literal ? `arn:aws:iam::${literal.partnerAccountId}:root` : '!Sub "arn:aws:iam::${PartnerAccountId}:root"';
  const externalId = literal ? literal.externalId : '!Ref ExternalId';
  return `  ${logicalId}:
    Type: AWS::IAM::Role
    Properties:
${roleName ? `      RoleName: ${roleName}\n` : ''}      AssumeRolePolicyDocument:
        Version: "2012-10-17"
        Statement:
          - Effect: Allow
            Principal:
              AWS: ${principal}
            Action: sts:AssumeRole
            Condition:
              StringEquals:
                sts:ExternalId: ${externalId}
${policyLogicalId ? `      ManagedPolicyArns:\n        - !Ref ${policyLogicalId}\n` : ''}`;
}

const POLICY_ID: Record<IntegrationId, string> = { currents: 'BrazeCurrentsPolicy', dashboard: 'BrazeDashboardExportPolicy' };

/** Fixed names for a stack the extension deploys (CAPABILITY_NAMED_IAM): the role or user, and one policy per integration. */
export interface StackNames {
  role?: string;
  user?: string;
  policies: Partial<Record<IntegrationId, string>>;
}

export function cloudFormationSetup(o: SetupOptions & { integrations?: IntegrationId[]; names?: StackNames }): string {
  // Both integrations may share one bucket, each with its own policy (the source document's two policies).
  const ids = o.integrations?.length ? o.integrations : [o.integration];
  const identityId = o.auth === 'role-arn' ? 'BrazeExportRole' : 'BrazeExportUser';
  const folder = o.folder === undefined ? '' : normaliseFolder(o.folder);
  const title = ids.map((id) => TITLE[id]).join(' + ');
  const parameters = [
    `  BucketName:\n    Type: String\n    Description: The ${o.existingBucket ? 'existing ' : ''}S3 bucket ${title} writes to${o.existingBucket ? ' (this template does not create it)' : ''}.\n    Default: ${o.bucket || BUCKET_PLACEHOLDER}\n`,
    ...(o.auth === 'role-arn'
      ? [
          `  PartnerAccountId:\n    Type: String\n    Description: The AWS account the partner assumes the role from (shown in the partner dashboard).\n    Default: "${o.partnerAccountId || ACCOUNT_PLACEHOLDER}"\n`,
          `  ExternalId:\n    Type: String\n    Description: The external ID the partner dashboard shows for this integration.\n    Default: ${o.externalId || EXTERNAL_ID_PLACEHOLDER}\n`,
        ]
      : []),
  ];
  // Each policy names the role or user it is attached to (rather than the role listing the
  // policies): the identity exists first, and the policy is removed before it on delete.
  const policies = ids.map((id) => cloudFormationPolicy(id, 'BucketName', o.folder, POLICY_ID[id], undefined, { to: o.auth === 'role-arn' ? 'Roles' : 'Users', logicalId: identityId, policyName: o.names?.policies[id] })).join('');
  const identity = o.auth === 'role-arn'
    ? cloudFormationRole('BrazeExportRole', undefined, undefined, o.names?.role)
    : `  # No access key here: a key's secret in a stack output is readable by anyone allowed
  # cloudformation:DescribeStacks. Create the key once the stack exists, with "Braze S3: Rotate
  # access key…" on this user in the account view (or the IAM console), and paste it into the
  # partner dashboard.
  BrazeExportUser:
    Type: AWS::IAM::User
${o.names?.user ? `    Properties:\n      UserName: ${o.names.user}\n` : ''}`;
  const outputs = o.auth === 'role-arn'
    ? `  RoleArn:\n    Description: Paste into the partner dashboard (AWS role ARN method).\n    Value: !GetAtt BrazeExportRole.Arn\n`
    : `  UserName:\n    Description: Create this user's access key after deploying (Rotate access key… in the account view), then paste it into the partner dashboard.\n    Value: !Ref BrazeExportUser\n`;
  return `AWSTemplateFormatVersion: "2010-09-09"
Description: ${title} → Amazon S3 (${o.auth === 'role-arn' ? 'AWS role ARN' : 'AWS secret access key'} method). Generated by Braze S3 Export Policy Kit.
Parameters:
${parameters.join('')}Resources:
${o.existingBucket ? '' : `  ExportBucket:
    Type: AWS::S3::Bucket
    # Export data is never deleted with the stack: removing the setup leaves the bucket and its files.
    DeletionPolicy: Retain
    UpdateReplacePolicy: Retain
    Properties:
      BucketName: !Ref BucketName
      # No Object Lock: the partner must be able to write (and, for dashboard export, delete) objects.
      BucketEncryption:
        ServerSideEncryptionConfiguration:
          - ServerSideEncryptionByDefault:
              SSEAlgorithm: AES256
      PublicAccessBlockConfiguration:
        BlockPublicAcls: true
        BlockPublicPolicy: true
        IgnorePublicAcls: true
        RestrictPublicBuckets: true
`}${identity}${policies}Outputs:
  BucketName:
    Description: Paste into the partner dashboard.
    Value: !Ref ${o.existingBucket ? 'BucketName' : 'ExportBucket'}
${ids.includes('currents') ? `  FolderPath:\n    Description: The Currents folder path to paste into the partner dashboard.\n    Value: ${folder || 'currents'}\n` : ''}${outputs}`;
}

export function setupText(format: SetupFormat, options: SetupOptions): string {
  return format === 'terraform' ? terraformSetup(options) : cloudFormationSetup(options);
}

export interface SetupSnippet {
  prefix: string;
  /** Which description the editor shows (localised there). */
  kind: 'currents' | 'dashboard' | 'role';
  text: string;
}

const ROLE_PLACEHOLDERS = { partnerAccountId: ACCOUNT_PLACEHOLDER, externalId: EXTERNAL_ID_PLACEHOLDER };

/** Snippets for a Terraform file (top-level blocks) and a CloudFormation template (resources). */
export function setupSnippets(format: SetupFormat): SetupSnippet[] {
  if (format === 'terraform') {
    return [
      { prefix: 'braze-currents-policy-document', kind: 'currents', text: terraformPolicyDocument('currents', undefined, undefined, BUCKET_PLACEHOLDER) },
      { prefix: 'braze-dashboard-policy-document', kind: 'dashboard', text: terraformPolicyDocument('dashboard', undefined, undefined, BUCKET_PLACEHOLDER) },
      { prefix: 'braze-partner-role', kind: 'role', text: terraformRole('currents', ROLE_PLACEHOLDERS) },
    ];
  }
  return [
    { prefix: 'braze-currents-policy', kind: 'currents', text: cloudFormationPolicy('currents', undefined, undefined, undefined, BUCKET_PLACEHOLDER) },
    { prefix: 'braze-dashboard-policy', kind: 'dashboard', text: cloudFormationPolicy('dashboard', undefined, undefined, undefined, BUCKET_PLACEHOLDER) },
    { prefix: 'braze-partner-role', kind: 'role', text: cloudFormationRole('BrazeExportRole', undefined, ROLE_PLACEHOLDERS) },
  ];
}
