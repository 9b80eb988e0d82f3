// Cheap tests on a file's text: does it hold anything the Terraform reader would look at?
const TERRAFORM_POLICY = /aws_iam_policy_document|\b(assume_role_)?policy\s*=/;

export function looksLikeTerraformPolicy(text: string): boolean {
  return TERRAFORM_POLICY.test(text);
}
