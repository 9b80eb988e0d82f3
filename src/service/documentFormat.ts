// Which documents hold IAM policies, and in which format: JSON/JSONC whose root object has a
// Statement or Version key (or that a glob declares), Terraform files that mention a policy,
// CloudFormation templates (YAML or JSON). Never package.json, tsconfig.json & co.
import { NEVER_POLICY_FILE, SNIFF_CHARS, looksLikePolicy } from '../policy';
import type { FileFormat } from '../routing/analyzeFile';
import { TEMPLATE_FILE, TERRAFORM_FILE, YAML_TEMPLATE_FILE, looksLikeCloudFormation, looksLikeTerraformPolicy } from '../formats/sniff';

export const POLICY_LANGUAGES = ['json', 'jsonc'];

export interface FormatQuery {
  languageId: string;
  path: string;
  /** False for an unsaved or virtual document (a NEVER_POLICY_FILE name counts only on disk). */
  isFile: boolean;
  text: string;
  /** A glob (brazeS3.policyFiles, the configuration's purposes) names the document. */
  declared: boolean;
}

const isTerraform = (q: FormatQuery) => q.languageId === 'terraform' || q.languageId === 'hcl' || TERRAFORM_FILE.test(q.path);
const isYamlTemplate = (q: FormatQuery) => q.languageId === 'yaml' || YAML_TEMPLATE_FILE.test(q.path);

/** The first 2,000 lines' first SNIFF_CHARS characters. */
function head(text: string): string {
  const start = text.slice(0, SNIFF_CHARS * 2);
  let at = -1;
  for (let i = 0; i < 2000 && (at = start.indexOf('\n', at + 1)) >= 0;) i++;
  return (at >= 0 ? start.slice(0, at + 1) : start).slice(0, SNIFF_CHARS);
}

/** The format the checker reads an open document in, or undefined when it holds no policy. */
export function documentFormat(q: FormatQuery): FileFormat | undefined {
  if (isTerraform(q)) return looksLikeTerraformPolicy(q.text) ? 'terraform' : undefined;
  if (isYamlTemplate(q)) return looksLikeCloudFormation(head(q.text)) ? 'cloudformation' : undefined;
  if (!POLICY_LANGUAGES.includes(q.languageId)) return undefined;
  if (q.declared) return 'json';
  if (q.isFile && NEVER_POLICY_FILE.test(q.path)) return undefined;
  const start = head(q.text);
  if (looksLikePolicy(start)) return 'json';
  return looksLikeCloudFormation(start) ? 'cloudformation' : undefined;
}

/** A closed file's format, from its name and text (undefined: not a file with policies). */
export function closedFileFormat(path: string, text: string, declared: () => boolean, terraformReady: boolean): FileFormat | undefined {
  if (TERRAFORM_FILE.test(path)) return terraformReady && looksLikeTerraformPolicy(text) ? 'terraform' : undefined;
  if (TEMPLATE_FILE.test(path) && looksLikeCloudFormation(text.slice(0, SNIFF_CHARS))) return 'cloudformation';
  if (YAML_TEMPLATE_FILE.test(path)) return undefined;
  if (!declared() && (NEVER_POLICY_FILE.test(path) || !looksLikePolicy(text.slice(0, SNIFF_CHARS)))) return undefined;
  return 'json';
}
