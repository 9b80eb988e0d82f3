// Which open documents hold IAM policies, and in which format (the rule is the language service's:
// src/service/documentFormat.ts).
import * as vscode from 'vscode';
import type { FileFormat } from '../routing/analyzeFile';
import { POLICY_LANGUAGES, documentFormat as formatOf } from '../service';
import { EditorSettings, declaredByGlob } from './settings';

export { POLICY_LANGUAGES };
/**
 * VS Code has no built-in Terraform language: this extension contributes `terraform` for .tf
 * (syntaxes/, a minimal grammar), as HashiCorp's extension does; `hcl` and the path cover others.
 */
export const TEMPLATE_SELECTOR: vscode.DocumentFilter[] = [{ language: 'terraform' }, { language: 'hcl' }, { pattern: '**/*.tf' }, { language: 'yaml' }, { pattern: '**/*.template' }];

/** The format the checker reads a document in, or undefined when it holds no policy. */
export function documentFormat(document: vscode.TextDocument, settings: EditorSettings): FileFormat | undefined {
  const json = POLICY_LANGUAGES.includes(document.languageId);
  return formatOf({
    languageId: document.languageId,
    path: document.uri.path,
    isFile: document.uri.scheme === 'file',
    text: document.getText(),
    // The glob is asked only where it decides (a JSON document).
    declared: json && !!declaredByGlob(document, settings),
  });
}

export function isPolicyDocument(document: vscode.TextDocument, settings: EditorSettings): boolean {
  return documentFormat(document, settings) === 'json';
}
