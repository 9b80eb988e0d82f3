// Shows which integration a policy is checked against (declared or inferred, never silent), on the
// "Statement" key, with a command to switch it.
import * as vscode from 'vscode';
import { parseTree, findNodeAtLocation } from 'jsonc-parser';
import { PolicyDiagnostics } from './diagnostics';
import { IntegrationOverrides, documentUri } from './integrationOverrides';
import { DeclaredKind } from './settings';
import type { DocumentReport } from '../formats/analyzeFile';
import type { AnalysisResult } from '../policy';

export const SET_INTEGRATION_COMMAND = 'brazeS3.setIntegration';

export function integrationLabel(kind: DeclaredKind): string {
  switch (kind) {
    case 'currents': return 'Currents';
    case 'dashboard': return vscode.l10n.t('Dashboard data export');
    case 'trust': return vscode.l10n.t('Partner role trust policy');
    case 'none': return vscode.l10n.t('General IAM policy (Braze checks off)');
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
    if (analysis.documents) return analysis.documents.flatMap((d) => documentLenses(document, d));
    const root = parseTree(document.getText());
    const statement = root && findNodeAtLocation(root, ['Statement'])?.parent;
    const at = statement ? document.positionAt(statement.offset) : new vscode.Position(0, 0);
    return purposeLenses(new vscode.Range(at, at), document.uri, analysis.result);
  }

  dispose(): void {
    this.changed.dispose();
  }
}

/**
 * What a document is checked as and why, never silent: a general policy says the Braze checks are
 * off and offers them in one click. `target` is the file, or for a document inside a Terraform or
 * CloudFormation file, the file's URI with the document's name as fragment (its choice is its own).
 */
function purposeLenses(range: vscode.Range, target: vscode.Uri, result: AnalysisResult, name?: string): vscode.CodeLens[] {
  const { purpose } = result;
  const why = purpose.declared ? vscode.l10n.t('declared') : purpose.reason;
  const prefix = name ? `${name}: ` : '';
  const choose = { command: SET_INTEGRATION_COMMAND, arguments: [target], tooltip: prefix + vscode.l10n.t('Choose what this policy is for') };
  if (purpose.id === 'general') {
    const checkAs = (title: string, kind: DeclaredKind) => new vscode.CodeLens(range, { title, command: SET_INTEGRATION_COMMAND, arguments: [target, kind] });
    if (purpose.suggested && !purpose.declared) {
      // The export's shape without a Braze signal: offered, never checked as one unasked.
      const looks = purpose.suggested === 'currents' ? vscode.l10n.t('Looks like a Braze Currents export policy') : vscode.l10n.t('Looks like a Braze dashboard export policy');
      return [
        new vscode.CodeLens(range, { ...choose, title: looks, tooltip: prefix + why }),
        checkAs(purpose.suggested === 'currents' ? vscode.l10n.t('Check as Currents') : vscode.l10n.t('Check as dashboard export'), purpose.suggested),
        checkAs(vscode.l10n.t('Not a Braze policy'), 'none'),
      ];
    }
    const general = new vscode.CodeLens(range, { ...choose, title: vscode.l10n.t('General IAM policy: Braze export checks off'), tooltip: prefix + why });
    return result.kind === 'trust'
      ? [general, checkAs(vscode.l10n.t('Check as the partner role trust policy'), 'trust')]
      : [general, checkAs(vscode.l10n.t('Check as Currents'), 'currents'), checkAs(vscode.l10n.t('Check as dashboard export'), 'dashboard')];
  }
  const title = purpose.id === 'trust'
    ? vscode.l10n.t('Braze S3: partner role trust policy ({0})', why)
    : vscode.l10n.t('Braze S3: checked as {0} ({1})', integrationLabel(purpose.id), why);
  return [new vscode.CodeLens(range, { ...choose, title })];
}

/** The lenses of one policy document inside a Terraform or CloudFormation file, on its first line. */
function documentLenses(document: vscode.TextDocument, d: DocumentReport): vscode.CodeLens[] {
  const at = document.positionAt(d.span.offset);
  return purposeLenses(new vscode.Range(at, at), documentUri(document.uri, d.name), d.result, d.name);
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
