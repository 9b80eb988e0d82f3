// Quick fixes and "fix all" (src/service/codeActions.ts) in VS Code's terms. The placeholder's
// fix runs brazeS3.replacePlaceholder, which asks (a bucket from the account, the account ID, …).
import * as vscode from 'vscode';
import { ServiceCodeAction, fixAllAction, quickFixes } from '../service';
import { DIAGNOSTIC_SOURCE, PolicyDiagnostics } from './diagnostics';
import { IntegrationOverrides } from './integrationOverrides';
import { serviceDocument, toRange } from './convert';

export const FIX_ALL_KIND = vscode.CodeActionKind.SourceFixAll.append('brazeS3');

export class PolicyCodeActions implements vscode.CodeActionProvider {
  static readonly metadata: vscode.CodeActionProviderMetadata = {
    providedCodeActionKinds: [vscode.CodeActionKind.QuickFix, FIX_ALL_KIND],
  };

  constructor(private readonly diagnostics: PolicyDiagnostics, private readonly overrides: IntegrationOverrides) {}

  provideCodeActions(document: vscode.TextDocument, _range: vscode.Range, context: vscode.CodeActionContext): vscode.CodeAction[] {
    const analysis = this.diagnostics.analysis(document);
    if (!analysis) return [];
    const only = context.only;
    const doc = serviceDocument(document);
    const actions: vscode.CodeAction[] = [];
    if (!only || only.contains(vscode.CodeActionKind.QuickFix) || vscode.CodeActionKind.QuickFix.contains(only)) {
      const ours = context.diagnostics
        .filter((d) => d.source === DIAGNOSTIC_SOURCE && typeof d.code === 'object')
        .map((d) => ({ range: d.range, message: d.message, source: d.source, code: String((d.code as { value: string | number }).value), original: d }));
      for (const fix of quickFixes(doc, analysis, ours, vscode.l10n)) {
        const a = toCodeAction(document, fix, vscode.CodeActionKind.QuickFix);
        a.diagnostics = [fix.diagnostic.original];
        actions.push(a);
      }
    }
    if (only && (only.contains(FIX_ALL_KIND) || FIX_ALL_KIND.contains(only))) {
      const settings = this.diagnostics.settingsFor(document);
      const all = fixAllAction(doc, analysis, settings, analysis.format === 'json' ? this.overrides.declared(document, settings) : undefined, vscode.l10n);
      if (all) actions.push(toCodeAction(document, all, FIX_ALL_KIND));
    }
    return actions;
  }
}

function toCodeAction(document: vscode.TextDocument, action: Pick<ServiceCodeAction, 'title' | 'edits' | 'command' | 'isPreferred'>, kind: vscode.CodeActionKind): vscode.CodeAction {
  const a = new vscode.CodeAction(action.title, kind);
  if (action.edits) {
    a.edit = new vscode.WorkspaceEdit();
    for (const e of action.edits) a.edit.replace(document.uri, toRange(e.range), e.newText);
  }
  // The command's first argument is the document (the service names it by its URI string).
  if (action.command) a.command = { command: action.command.command, title: action.command.title, arguments: [document.uri, ...(action.command.arguments ?? []).slice(1)] };
  if (action.isPreferred !== undefined) a.isPreferred = action.isPreferred;
  return a;
}
