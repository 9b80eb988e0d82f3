// Which open documents are IAM policies: JSON/JSONC whose root object has a Statement or Version
// key, or that a brazeS3.policyFiles glob names. Never package.json, tsconfig.json & co.
import * as vscode from 'vscode';
import { EditorSettings, declaredByGlob } from './settings';

const NEVER = /(^|[\\/])(package(-lock)?\.json|tsconfig(\.[\w-]+)?\.json|jsconfig\.json|\.eslintrc(\.json)?|composer\.json|launch\.json|tasks\.json|settings\.json|extensions\.json|\.babelrc|lerna\.json|angular\.json|renovate\.json)$/i;
/** Only the head of a document is sniffed: policies put Version/Statement near the top. */
const SNIFF_CHARS = 64 * 1024;
const ROOT_KEY = /^\s*\{\s*(?:"(?:Version|Id)"\s*:\s*"[^"]*"\s*,\s*)*"(?:Statement|Version)"\s*:/;

export const POLICY_LANGUAGES = ['json', 'jsonc'];

export function isPolicyDocument(document: vscode.TextDocument, settings: EditorSettings): boolean {
  if (!POLICY_LANGUAGES.includes(document.languageId)) return false;
  if (declaredByGlob(document, settings)) return true;
  if (document.uri.scheme === 'file' && NEVER.test(document.uri.path)) return false;
  const head = document.getText(new vscode.Range(0, 0, document.lineCount > 2000 ? 2000 : document.lineCount, 0)).slice(0, SNIFF_CHARS);
  return ROOT_KEY.test(head) || /^\s*\{[\s\S]{0,2000}"Statement"\s*:/.test(head);
}
