// "Replace with bucket name…": replaces every occurrence of a template placeholder at once.
import * as vscode from 'vscode';
import { ACCOUNT_PLACEHOLDER, EXTERNAL_ID_PLACEHOLDER, findPlaceholders } from '../policy';
import { BucketLister, askAccountId, askBucketName, askExternalId } from './prompts';
import { readSettings } from './settings';
import { commandUri } from './integrationOverrides';

export const REPLACE_PLACEHOLDER_COMMAND = 'brazeS3.replacePlaceholder';

/** Where `placeholder` stands in the text: the engine named it, of whatever style (`<BUCKET>`, `{{x}}`, INSERT…). */
function occurrences(text: string, placeholder: string): number[] {
  const out: number[] = [];
  for (let at = text.indexOf(placeholder); at >= 0 && placeholder; at = text.indexOf(placeholder, at + placeholder.length)) out.push(at);
  return out;
}

/** Edits replacing every occurrence of `placeholder` in the document by `value`. */
export function placeholderEdit(document: vscode.TextDocument, placeholder: string, value: string): vscode.WorkspaceEdit {
  const edit = new vscode.WorkspaceEdit();
  for (const at of occurrences(document.getText(), placeholder)) {
    edit.replace(document.uri, new vscode.Range(document.positionAt(at), document.positionAt(at + placeholder.length)), value);
  }
  return edit;
}

export async function replacePlaceholder(listBuckets: BucketLister, uri?: vscode.Uri | string, placeholder?: string, value?: string): Promise<boolean> {
  const named = commandUri(uri);
  const document = named ? await vscode.workspace.openTextDocument(named) : vscode.window.activeTextEditor?.document;
  if (!document) return false;
  const target = placeholder ?? findPlaceholders(document.getText())[0]?.text;
  if (!target || occurrences(document.getText(), target).length === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t('This document has no template placeholder left.'));
    return false;
  }
  const settings = readSettings(document.uri);
  const replacement = value
    ?? (target === ACCOUNT_PLACEHOLDER ? await askAccountId(settings.partnerAccountId)
      : target === EXTERNAL_ID_PLACEHOLDER ? await askExternalId(settings.externalId)
        : /BUCKET/i.test(target) ? await askBucketName(listBuckets)
          : await vscode.window.showInputBox({ title: vscode.l10n.t('Replace {0}', target), prompt: vscode.l10n.t('The value that replaces every {0} in this document', target), ignoreFocusOut: true }));
  if (!replacement) return false;
  return vscode.workspace.applyEdit(placeholderEdit(document, target, replacement));
}
