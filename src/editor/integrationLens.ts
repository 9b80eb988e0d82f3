// The code lens that says what a policy is checked as (src/service/codeLens.ts), in VS Code's
// terms, and the command that switches it.
import * as vscode from 'vscode';
import { SET_INTEGRATION_COMMAND, codeLenses, integrationLabel as label } from '../service';
import { PolicyDiagnostics } from './diagnostics';
import { IntegrationOverrides, documentUri } from './integrationOverrides';
import { DeclaredKind } from './settings';
import { toRange } from './convert';

export { SET_INTEGRATION_COMMAND };

export function integrationLabel(kind: DeclaredKind): string {
  return label(kind, vscode.l10n);
}

export class IntegrationLens implements vscode.CodeLensProvider {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeCodeLenses = this.changed.event;

  constructor(private readonly diagnostics: PolicyDiagnostics) {
    diagnostics.onDidUpdate(() => this.changed.fire());
  }

  provideCodeLenses(document: vscode.TextDocument): vscode.CodeLens[] {
    const analysis = this.diagnostics.analysis(document);
    if (!analysis) return [];
    // A choice for a document inside a Terraform or CloudFormation file is its own (the file's URI with its name as fragment).
    const target = (name?: string) => (name === undefined ? document.uri : documentUri(document.uri, name));
    return codeLenses(document.getText(), (o) => document.positionAt(o), analysis, target, vscode.l10n)
      .map((l) => new vscode.CodeLens(toRange(l.range), { title: l.command.title, command: l.command.command, arguments: l.command.arguments, tooltip: l.command.tooltip }));
  }

  dispose(): void {
    this.changed.dispose();
  }
}

export async function setIntegration(overrides: IntegrationOverrides, uri?: vscode.Uri, kind?: DeclaredKind): Promise<DeclaredKind | undefined> {
  const target = uri ?? vscode.window.activeTextEditor?.document.uri;
  if (!target) return undefined;
  let chosen = kind;
  if (!chosen) {
    const current = overrides.get(target) ?? 'auto';
    const items = (['auto', 'currents', 'dashboard', 'trust', 'none'] as DeclaredKind[]).map((k) => ({
      label: integrationLabel(k),
      value: k,
      description: k === current ? vscode.l10n.t('current') : undefined,
      picked: k === current,
    }));
    chosen = (await vscode.window.showQuickPick(items, { title: vscode.l10n.t('What is this policy for?') }))?.value;
  }
  if (!chosen) return undefined;
  await overrides.set(target, chosen);
  return chosen;
}
