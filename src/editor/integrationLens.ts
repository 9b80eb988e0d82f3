// The command behind the language server's code lens ("what is this policy for?"): the choice is
// kept in the workspace state (integrationOverrides.ts) and sent to the server.
import * as vscode from 'vscode';
import { SET_INTEGRATION_COMMAND, integrationLabel as label } from '../service';
import { IntegrationOverrides, commandUri } from './integrationOverrides';
import { DeclaredKind } from './settings';

export { SET_INTEGRATION_COMMAND };

export function integrationLabel(kind: DeclaredKind): string {
  return label(kind, vscode.l10n);
}

export async function setIntegration(overrides: IntegrationOverrides, uri?: vscode.Uri | string, kind?: DeclaredKind): Promise<DeclaredKind | undefined> {
  const target = commandUri(uri) ?? vscode.window.activeTextEditor?.document.uri;
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
