// Shows which integration a policy is checked against (declared or inferred, never silent), on the
// "Statement" key, with a command to switch it.
import * as vscode from 'vscode';
import { parseTree, findNodeAtLocation } from 'jsonc-parser';
import { PolicyDiagnostics } from './diagnostics';
import { IntegrationOverrides } from './integrationOverrides';
import { DeclaredKind } from './settings';

export const SET_INTEGRATION_COMMAND = 'brazeS3.setIntegration';

export function integrationLabel(kind: DeclaredKind): string {
  switch (kind) {
    case 'currents': return 'Currents';
    case 'dashboard': return vscode.l10n.t('Dashboard data export');
    case 'trust': return vscode.l10n.t('Role trust policy');
    default: return vscode.l10n.t('Infer from the policy');
  }
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
    const root = parseTree(document.getText());
    const statement = root && findNodeAtLocation(root, ['Statement'])?.parent;
    const at = statement ? document.positionAt(statement.offset) : new vscode.Position(0, 0);
    const range = new vscode.Range(at, at);
    const { result } = analysis;
    let title: string;
    if (result.kind === 'trust') title = vscode.l10n.t('Braze S3: role trust policy');
    else if (result.integration) {
      title = vscode.l10n.t('Braze S3: checked as {0} ({1})', integrationLabel(result.integration.id), result.integration.reason);
    } else title = vscode.l10n.t('Braze S3: {0} policy', result.kind);
    return [new vscode.CodeLens(range, { title, command: SET_INTEGRATION_COMMAND, arguments: [document.uri], tooltip: vscode.l10n.t('Choose the integration this policy is for') })];
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
    const items = (['auto', 'currents', 'dashboard', 'trust'] as DeclaredKind[]).map((k) => ({ label: integrationLabel(k), value: k, picked: overrides.get(target) === k }));
    chosen = (await vscode.window.showQuickPick(items, { title: vscode.l10n.t('Which integration is this policy for?') }))?.value;
  }
  if (!chosen) return undefined;
  await overrides.set(target, chosen);
  return chosen;
}
