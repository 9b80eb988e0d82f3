// The static snippet files (snippets/*.json, contributed in package.json for json, jsonc,
// terraform and yaml) and the snippet form of a template, generated from the one template source
// (src/policy/templates.ts, src/formats/setupTemplates.ts) by scripts/generate-snippets.ts.
// No vscode import: the generator, the unit tests and the editor's completion share it.
import { ACCOUNT_PLACEHOLDER, BUCKET_PLACEHOLDER, EXTERNAL_ID_PLACEHOLDER, policyText, trustPolicyText } from '../policy';
import { setupSnippets } from './setupTemplates';

/**
 * The template as a snippet body: `\` and `$` are escaped (so `${aws:username}` or a Terraform
 * `${var.x}` stays text; a `}` outside a placeholder is text already), then each placeholder (and
 * the Currents folder of an object ARN) becomes a tab stop whose default is the placeholder; the
 * same placeholder shares its stop.
 */
export function snippetBody(text: string): string {
  const escaped = text.trimEnd().replace(/[\\$]/g, '\\$&');
  const stops = new Map<string, number>();
  return escaped.replace(new RegExp(`${BUCKET_PLACEHOLDER}|${ACCOUNT_PLACEHOLDER}|${EXTERNAL_ID_PLACEHOLDER}|(?<=:::[^/"]*/)currents(?=/\\*)`, 'g'), (m) => {
    if (!stops.has(m)) stops.set(m, stops.size + 1);
    return `\${${stops.get(m)}:${m}}`;
  });
}

/** A CloudFormation resource snippet without its two leading spaces: the line it is typed on has them. */
export const resourceText = (text: string): string => text.replace(/^ {2}/gm, '');

export interface StaticSnippet {
  /** The name Insert Snippet lists (English: VS Code does not localise snippet files). */
  name: string;
  prefix: string;
  description: string;
  /** The template text the body inserts once its tab stops keep their defaults. */
  text: string;
  /** A whole-file template: offered by "Snippets: Fill File with Snippet" and in an empty file. */
  isFileTemplate?: boolean;
}

export type SnippetFileId = 'json' | 'terraform' | 'yaml';

const DESCRIPTION = {
  currents: 'IAM policy for Braze Currents writing to an S3 bucket',
  currentsFolder: 'IAM policy for Braze Currents, object permissions scoped to the folder path',
  dashboard: 'IAM policy for Braze dashboard data export (CSV, engagement reports, API exports)',
  trust: 'Role trust policy: the partner account may assume the role with the external ID',
  role: 'Role the partner account may assume with the external ID',
};

/**
 * The static snippets. Their prefixes differ from the context-aware completions' (snippets.ts:
 * `braze-currents-policy`, … offered only where the template fits), so a list never shows two
 * items with one name; the format in the prefix says what it inserts.
 */
export function staticSnippets(): Record<SnippetFileId, StaticSnippet[]> {
  const tf = Object.fromEntries(setupSnippets('terraform').map((s) => [s.kind, s.text]));
  const cfn = Object.fromEntries(setupSnippets('cloudformation').map((s) => [s.kind, resourceText(s.text)]));
  return {
    json: [
      { name: 'Braze Currents S3 policy', prefix: 'braze-json-currents-policy', description: DESCRIPTION.currents, text: policyText('currents'), isFileTemplate: true },
      { name: 'Braze Currents S3 policy (folder only)', prefix: 'braze-json-currents-policy-folder', description: DESCRIPTION.currentsFolder, text: policyText('currents', { folder: 'currents' }), isFileTemplate: true },
      { name: 'Braze dashboard export S3 policy', prefix: 'braze-json-dashboard-export-policy', description: DESCRIPTION.dashboard, text: policyText('dashboard'), isFileTemplate: true },
      { name: 'Braze role trust policy', prefix: 'braze-json-role-trust-policy', description: DESCRIPTION.trust, text: trustPolicyText(), isFileTemplate: true },
    ],
    terraform: [
      { name: 'Braze Currents policy document (Terraform)', prefix: 'braze-tf-currents-policy-document', description: DESCRIPTION.currents, text: tf.currents },
      { name: 'Braze dashboard export policy document (Terraform)', prefix: 'braze-tf-dashboard-policy-document', description: DESCRIPTION.dashboard, text: tf.dashboard },
      { name: 'Braze partner role (Terraform)', prefix: 'braze-tf-partner-role', description: DESCRIPTION.role, text: tf.role },
    ],
    yaml: [
      { name: 'Braze Currents policy resource (CloudFormation)', prefix: 'braze-cfn-currents-policy', description: DESCRIPTION.currents, text: cfn.currents },
      { name: 'Braze dashboard export policy resource (CloudFormation)', prefix: 'braze-cfn-dashboard-policy', description: DESCRIPTION.dashboard, text: cfn.dashboard },
      { name: 'Braze partner role resource (CloudFormation)', prefix: 'braze-cfn-partner-role', description: DESCRIPTION.role, text: cfn.role },
    ],
  };
}

/** The languages each file is contributed for (package.json contributes.snippets). */
export const SNIPPET_LANGUAGES: Record<SnippetFileId, string[]> = { json: ['json', 'jsonc'], terraform: ['terraform'], yaml: ['yaml'] };

/** snippets/<id>.json: VS Code's snippet file format, body as an array of lines. */
export function snippetFileText(id: SnippetFileId): string {
  const file: Record<string, { prefix: string; description: string; body: string[]; isFileTemplate?: boolean }> = {};
  for (const s of staticSnippets()[id]) {
    file[s.name] = { prefix: s.prefix, description: s.description, body: snippetBody(s.text).split('\n'), ...(s.isFileTemplate ? { isFileTemplate: true } : {}) };
  }
  return JSON.stringify(file, null, 2) + '\n';
}
