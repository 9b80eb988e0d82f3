// A policy document found inside a Terraform or CloudFormation file.
import type { DocumentUsage } from '../policy';
import type { Projection, Span } from './projection';
import type { TextProjection } from './textProjection';

/** How the file uses the document (see DocumentUsage in the engine). */
export type PolicyUsage = DocumentUsage;

export interface EmbeddedPolicy {
  /** Its name in the file: `data.aws_iam_policy_document.braze`, `BrazeRole.AssumeRolePolicyDocument`. */
  name: string;
  /** The document's text in the file (the code lens and summaries point here). */
  span: Span;
  usage?: PolicyUsage;
  /**
   * The role or user the document belongs to (its trust policy and permissions policies share
   * one): a Braze signal on one of them speaks for the others.
   */
  group?: string;
  projection: Projection | TextProjection;
}
