// Which open documents hold IAM policies, and in which format: JSON/JSONC whose root object has a
// Statement or Version key (or that a brazeS3.policyFiles glob names), Terraform files that
// mention a policy, CloudFormation templates (YAML or JSON). Never package.json, tsconfig.json & co.
import * as vscode from 'vscode';
import { NEVER_POLICY_FILE, SNIFF_CHARS, looksLikePolicy } from '../policy';
import type { FileFormat } from '../formats/analyzeFile';
import { TERRAFORM_FILE, YAML_TEMPLATE_FILE, looksLikeCloudFormation, looksLikeTerraformPolicy } from '../formats/sniff';
import { EditorSettings, declaredByGlob } from './settings';

export const POLICY_LANGUAGES = ['json', 'jsonc'];
/**
 * VS Code has no built-in Terraform language: this extension contributes `terraform` for .tf
 * (syntaxes/, a minimal grammar), as HashiCorp's extension does; `hcl` and the path cover others.
 */
export const TEMPLATE_SELECTOR: vscode.DocumentFilter[] = [{ language: 'terraform' }, { language: 'hcl' }, { pattern: '**/*.tf' }, { language: 'yaml' }, { pattern: '**/*.template' }];

const isTerraform = (d: vscode.TextDocument) => d.languageId === 'terraform' || d.languageId === 'hcl' || TERRAFORM_FILE.test(d.uri.path);
const isYamlTemplate = (d: vscode.TextDocument) => d.languageId === 'yaml' || YAML_TEMPLATE_FILE.test(d.uri.path);

function head(document: vscode.TextDocument): string {
  return document.getText(new vscode.Range(0, 0, document.lineCount > 2000 ? 2000 : document.lineCount, 0)).slice(0, SNIFF_CHARS);
}

/** The format the checker reads a document in, or undefined when it holds no policy. */
export function documentFormat(document: vscode.TextDocument, settings: EditorSettings): FileFormat | undefined {
  if (isTerraform(document)) return looksLikeTerraformPolicy(document.getText()) ? 'terraform' : undefined;
  if (isYamlTemplate(document)) return looksLikeCloudFormation(head(document)) ? 'cloudformation' : undefined;
  if (!POLICY_LANGUAGES.includes(document.languageId)) return undefined;
  if (declaredByGlob(document, settings)) return 'json';
  if (document.uri.scheme === 'file' && NEVER_POLICY_FILE.test(document.uri.path)) return undefined;
  const start = head(document);
  if (looksLikePolicy(start)) return 'json';
  return looksLikeCloudFormation(start) ? 'cloudformation' : undefined;
}

export function isPolicyDocument(document: vscode.TextDocument, settings: EditorSettings): boolean {
  return documentFormat(document, settings) === 'json';
}
