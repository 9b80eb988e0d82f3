// Which open documents are IAM policies: JSON/JSONC whose root object has a Statement or Version
// key, or that a brazeS3.policyFiles glob names. Never package.json, tsconfig.json & co.
import * as vscode from 'vscode';
import { NEVER_POLICY_FILE, SNIFF_CHARS, looksLikePolicy } from '../policy';
import { EditorSettings, declaredByGlob } from './settings';

export const POLICY_LANGUAGES = ['json', 'jsonc'];

export function isPolicyDocument(document: vscode.TextDocument, settings: EditorSettings): boolean {
  if (!POLICY_LANGUAGES.includes(document.languageId)) return false;
  if (declaredByGlob(document, settings)) return true;
  if (document.uri.scheme === 'file' && NEVER_POLICY_FILE.test(document.uri.path)) return false;
  return looksLikePolicy(document.getText(new vscode.Range(0, 0, document.lineCount > 2000 ? 2000 : document.lineCount, 0)).slice(0, SNIFF_CHARS));
}
