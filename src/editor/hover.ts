// Hover (src/service/hover.ts) in VS Code's terms.
import * as vscode from 'vscode';
import { hoverAt } from '../service';
import { PolicyDiagnostics } from './diagnostics';
import { uiLocale } from './settings';

export class PolicyHover implements vscode.HoverProvider {
  constructor(private readonly diagnostics: PolicyDiagnostics) {}

  provideHover(document: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
    const analysis = this.diagnostics.analysis(document);
    if (!analysis) return undefined;
    const hover = hoverAt(analysis, document.getText(), document.offsetAt(position), vscode.l10n, uiLocale());
    if (!hover) return undefined;
    const range = new vscode.Range(document.positionAt(hover.span.offset), document.positionAt(hover.span.offset + hover.span.length));
    return new vscode.Hover(new vscode.MarkdownString(hover.contents), range);
  }
}
