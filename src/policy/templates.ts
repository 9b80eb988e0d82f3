// The policy templates: one source for snippets, commands and the "generate policy" actions.
// The correct BUCKET/* form is used for both integrations; the source document's secret-key
// dashboard template (BUCKET*) is deliberately not reproduced.
import { REQUIREMENTS, bucketArn, normaliseFolder, objectArnPattern } from './integration';
import type { IntegrationId } from './types';

export const BUCKET_PLACEHOLDER = 'INSERTBUCKETNAME';
export const ACCOUNT_PLACEHOLDER = 'INSERTPARTNERACCOUNTID';
export const EXTERNAL_ID_PLACEHOLDER = 'INSERTEXTERNALID';

export interface PolicyTemplateOptions {
  bucket?: string;
  /** Scope object permissions to this folder (`BUCKET/folder/*`); omit for the whole bucket. */
  folder?: string;
}

export function policyDocument(id: IntegrationId, options: PolicyTemplateOptions = {}): object {
  const bucket = options.bucket || BUCKET_PLACEHOLDER;
  const folder = options.folder === undefined ? '' : normaliseFolder(options.folder);
  const req = REQUIREMENTS[id];
  return {
    Version: '2012-10-17',
    Statement: [
      {
        Effect: 'Allow',
        Action: req.filter((r) => r.on === 'bucket').map((r) => r.action),
        Resource: [bucketArn(bucket)],
      },
      {
        Effect: 'Allow',
        Action: req.filter((r) => r.on === 'object').map((r) => r.action),
        Resource: [objectArnPattern(bucket, folder)],
      },
    ],
  };
}

export function trustPolicyDocument(partnerAccountId?: string, externalId?: string): object {
  return {
    Version: '2012-10-17',
    Statement: [
      {
        Effect: 'Allow',
        Principal: { AWS: `arn:aws:iam::${partnerAccountId || ACCOUNT_PLACEHOLDER}:root` },
        Action: 'sts:AssumeRole',
        Condition: { StringEquals: { 'sts:ExternalId': externalId || EXTERNAL_ID_PLACEHOLDER } },
      },
    ],
  };
}

/** JSON text with the source document's 4-space indentation. */
export function render(doc: object, indent = 4): string {
  return JSON.stringify(doc, null, indent) + '\n';
}

export function policyText(id: IntegrationId, options: PolicyTemplateOptions = {}): string {
  return render(policyDocument(id, options));
}

export function trustPolicyText(partnerAccountId?: string, externalId?: string): string {
  return render(trustPolicyDocument(partnerAccountId, externalId));
}
