// The policy snippets, offered as completions only where a whole policy fits: a document that is
// empty apart from the word being typed. (Snippets contributed statically are offered anywhere,
// inside a string of an open policy too, and inserting one there breaks the document.)
import * as vscode from 'vscode';
import { ACCOUNT_PLACEHOLDER, BUCKET_PLACEHOLDER, EXTERNAL_ID_PLACEHOLDER, policyText, trustPolicyText } from '../policy';

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

/** The template as a snippet: each placeholder (and the Currents folder) is a tab stop. */
export function snippetBody(text: string): string {
  const escaped = text.trimEnd().replace(/\$/g, '\\$');
  const stops = new Map<string, number>();
  return escaped.replace(new RegExp(`${BUCKET_PLACEHOLDER}|${ACCOUNT_PLACEHOLDER}|${EXTERNAL_ID_PLACEHOLDER}|(?<=:::[^/"]*/)currents(?=/\\*)`, 'g'), (m) => {
    if (!stops.has(m)) stops.set(m, stops.size + 1);
    return `\${${stops.get(m)}:${m}}`;
  });
}

/** Snippet completions when the document holds nothing but the word at the cursor. */
export function snippetCompletions(document: vscode.TextDocument, position: vscode.Position): vscode.CompletionItem[] | undefined {
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
