// A policy document found inside a Terraform or CloudFormation file.
import type { Projection, Span } from './projection';
import type { TextProjection } from './textProjection';

/** How the file uses the document: a role's trust policy, a bucket policy, or an identity policy. */
export type PolicyUsage = 'trust' | 'resource' | 'identity';

export interface EmbeddedPolicy {
  /** Its name in the file: `data.aws_iam_policy_document.braze`, `BrazeRole.AssumeRolePolicyDocument`. */
  name: string;
  /** The document's text in the file (the code lens and summaries point here). */
  span: Span;
  usage?: PolicyUsage;
  projection: Projection | TextProjection;
}
