// Cheap tests on a file's text: does it hold anything the Terraform or CloudFormation reader would
// look at? No parser here: the extension reads these before it loads the readers (dist/formats.js).
/** A Terraform file. */
export const TERRAFORM_FILE = /\.tf$/i;
/** A file that may be a CloudFormation template (YAML or JSON). */
export const TEMPLATE_FILE = /\.(ya?ml|json|template)$/i;
/** A CloudFormation template that is not JSON (JSON documents go through the JSON path first). */
export const YAML_TEMPLATE_FILE = /\.(ya?ml|template)$/i;

const TERRAFORM_POLICY = /aws_iam_policy_document|\b(assume_role_policy|policy|access_polic(y|ies)|policy_document|content)\s*=/;

export function looksLikeTerraformPolicy(text: string): boolean {
  return TERRAFORM_POLICY.test(text);
}
/** Does this text look like a CloudFormation template? (cheap: read before any parse) */
export function looksLikeCloudFormation(text: string): boolean {
  const head = text.slice(0, 200_000);
  return /AWSTemplateFormatVersion/.test(head) || (/(^|\n)\s*"?Resources"?\s*:/.test(head) && /"?Type"?\s*:\s*['"]?AWS::[A-Za-z0-9]+::/.test(head));
}
