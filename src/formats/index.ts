// The Terraform and CloudFormation readers as a separate bundle (dist/formats.js, with
// web-tree-sitter and yaml), required on the first template document (src/routing/loadFormats.ts): a
// JSON-only workspace never parses them. The engine and src/routing/analyzeFile.ts stay in the main bundle,
// so there is one IAM catalog and one set of memo caches in the process.
export { cloudFormationPolicies } from './cloudformation';
export { terraformPolicies, terraformSyntaxErrors } from './terraform';
export { forgetTerraformTree, loadFailure, loadTerraform, parseTerraform, recordTerraformChanges, terraformParser } from './treeSitter';
// The repository configuration's reader (yaml) and braze-s3-ignore comments: src/config/repoConfig.ts
// and src/config/apply.ts reach them through loadFormats().
export { parseRepoConfig } from '../config/parse';
export { inlineSuppressions } from './suppressions';
