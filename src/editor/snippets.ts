// The context-aware template completions, offered only where the template fits: a whole JSON
// policy in a document that is empty apart from the word being typed (it replaces the document),
// a Terraform block at the start of a top-level line, a CloudFormation resource under Resources.
// The static snippets (snippets/*.json, other prefixes: braze-json-…, braze-tf-…, braze-cfn-…)
// are VS Code's own and insert at the cursor wherever they are picked.
import * as vscode from 'vscode';
import { policyText, trustPolicyText } from '../policy';
import { SetupFormat, setupSnippets } from '../formats/setupTemplates';
import { resourceText, snippetBody } from '../formats/snippetFiles';
import { TERRAFORM_FILE } from '../formats/sniff';

export interface PolicySnippet {
  prefix: string;
  description: string;
  text: string;
}

export function policySnippets(): PolicySnippet[] {
  return [
    { prefix: 'braze-currents-policy', description: vscode.l10n.t('IAM policy for Braze Currents writing to an S3 bucket'), text: policyText('currents') },
    { prefix: 'braze-currents-policy-folder', description: vscode.l10n.t('IAM policy for Braze Currents, object permissions scoped to the folder path'), text: policyText('currents', { folder: 'currents' }) },
    { prefix: 'braze-dashboard-export-policy', description: vscode.l10n.t('IAM policy for Braze dashboard data export (CSV, engagement reports, API exports)'), text: policyText('dashboard') },
    { prefix: 'braze-role-trust-policy', description: vscode.l10n.t('Role trust policy: the partner account may assume the role with the external ID'), text: trustPolicyText() },
  ];
}

function templateSnippetDescription(kind: 'currents' | 'dashboard' | 'role'): string {
  return kind === 'currents'
    ? vscode.l10n.t('IAM policy for Braze Currents writing to an S3 bucket')
    : kind === 'dashboard'
      ? vscode.l10n.t('IAM policy for Braze dashboard data export (CSV, engagement reports, API exports)')
      : vscode.l10n.t('Role the partner account may assume with the external ID');
}

/**
 * Terraform: where a top-level block may start (a line holding only the word, at column 0).
 * CloudFormation: where a resource may start (two spaces in, below `Resources:`).
 */
function templateSnippetFormat(document: vscode.TextDocument, position: vscode.Position): SetupFormat | undefined {
  const before = document.lineAt(position.line).text.slice(0, position.character);
  const after = document.lineAt(position.line).text.slice(position.character);
  if (after.trim() !== '') return undefined;
  if (TERRAFORM_FILE.test(document.uri.path) || document.languageId === 'terraform') return /^[\w-]*$/.test(before) ? 'terraform' : undefined;
  if (document.languageId === 'yaml' && /^ {2}[\w-]*$/.test(before)) {
    const above = document.getText(new vscode.Range(0, 0, position.line, 0));
    const resources = above.lastIndexOf('\nResources:');
    return resources >= 0 && !/\n[A-Za-z]/.test(above.slice(resources + 1 + 'Resources:'.length)) ? 'cloudformation' : undefined;
  }
  return undefined;
}

/** Snippet completions: a whole JSON policy in an empty document; blocks or resources in a template. */
export function snippetCompletions(document: vscode.TextDocument, position: vscode.Position): vscode.CompletionItem[] | undefined {
  const format = templateSnippetFormat(document, position);
  if (format) {
    const word = document.getWordRangeAtPosition(position, /[\w-]+/) ?? new vscode.Range(position, position);
    return setupSnippets(format).map((s) => {
      const item = new vscode.CompletionItem(s.prefix, vscode.CompletionItemKind.Snippet);
      item.detail = templateSnippetDescription(s.kind);
      item.insertText = new vscode.SnippetString(snippetBody(format === 'cloudformation' ? resourceText(s.text) : s.text));
      item.range = word;
      item.documentation = new vscode.MarkdownString().appendCodeblock(s.text, format === 'terraform' ? 'terraform' : 'yaml');
      return item;
    });
  }
  const word = document.getWordRangeAtPosition(position, /[\w-]+/) ?? new vscode.Range(position, position);
  const text = document.getText();
  const rest = text.slice(0, document.offsetAt(word.start)) + text.slice(document.offsetAt(word.end));
  if (rest.trim() !== '') return undefined;
  return policySnippets().map((s) => {
    const item = new vscode.CompletionItem(s.prefix, vscode.CompletionItemKind.Snippet);
    item.detail = s.description;
    item.insertText = new vscode.SnippetString(snippetBody(s.text));
    item.range = new vscode.Range(document.positionAt(0), document.positionAt(text.length));
    item.documentation = new vscode.MarkdownString().appendCodeblock(s.text, 'json');
    return item;
  });
}
