// "Replace with bucket name…": replaces every occurrence of a template placeholder at once.
import * as vscode from 'vscode';
import { ACCOUNT_PLACEHOLDER, EXTERNAL_ID_PLACEHOLDER, findPlaceholders } from '../policy';
import { BucketLister, askAccountId, askBucketName, askExternalId } from './prompts';
import { readSettings } from './settings';

export const REPLACE_PLACEHOLDER_COMMAND = 'brazeS3.replacePlaceholder';

/** Edits replacing every occurrence of `placeholder` in the document by `value`. */
export function placeholderEdit(document: vscode.TextDocument, placeholder: string, value: string): vscode.WorkspaceEdit {
  const edit = new vscode.WorkspaceEdit();
  for (const p of findPlaceholders(document.getText())) {
    if (p.text !== placeholder) continue;
    edit.replace(document.uri, new vscode.Range(document.positionAt(p.offset), document.positionAt(p.offset + p.text.length)), value);
  }
  return edit;
}

export async function replacePlaceholder(listBuckets: BucketLister, uri?: vscode.Uri, placeholder?: string, value?: string): Promise<boolean> {
  const document = uri ? await vscode.workspace.openTextDocument(uri) : vscode.window.activeTextEditor?.document;
  if (!document) return false;
  const found = findPlaceholders(document.getText()).map((p) => p.text);
  const target = placeholder ?? found[0];
  if (!target || !found.includes(target)) {
    void vscode.window.showInformationMessage(vscode.l10n.t('This document has no template placeholder left.'));
    return false;
  }
  const settings = readSettings(document.uri);
  const replacement = value
    ?? (target === ACCOUNT_PLACEHOLDER ? await askAccountId(settings.partnerAccountId)
      : target === EXTERNAL_ID_PLACEHOLDER ? await askExternalId(settings.externalId)
        : await askBucketName(listBuckets));
  if (!replacement) return false;
  return vscode.workspace.applyEdit(placeholderEdit(document, target, replacement));
}
