// Where a rule's documentation is: docs/rules.md (or rules.es.md) shipped inside the extension,
// opened in VS Code at the rule's heading (a `#L<line>` fragment selects that line).
import * as vscode from 'vscode';
import { readFileSync } from 'node:fs';
import { uiLocale } from './settings';
import { ruleHeadingLines } from '../service';

let lines: Map<string, number> | undefined;
let file: vscode.Uri | undefined;

export function initRuleLinks(extensionUri: vscode.Uri): void {
  file = vscode.Uri.joinPath(extensionUri, 'docs', uiLocale() === 'es' ? 'rules.es.md' : 'rules.md');
  lines = undefined;
}

/** The docs at the rule's section; undefined before activation set the extension's location. */
export function ruleDocUri(code: string): vscode.Uri | undefined {
  if (!file) return undefined;
  if (!lines) {
    lines = new Map();
    try {
      lines = ruleHeadingLines(readFileSync(file.fsPath, 'utf8'));
    } catch {
      // A missing docs file leaves the links pointing at the top of the (missing) file.
    }
  }
  const line = lines.get(code);
  return line ? file.with({ fragment: `L${line}` }) : file;
}
