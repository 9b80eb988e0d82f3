// Test credentials and Verify role ARN as the editor runs them: the questions (liveInputs.ts),
// a cancellable progress notification, the report beside the editor and a one-line outcome.
import * as vscode from 'vscode';
import type { Report } from '../aws';
import { countSteps } from '../aws/report';
import type { IntegrationId } from '../policy';
import { isSingular, readSettings } from '../editor/settings';
import { redactSessionSecrets } from '../editor/sessionSecrets';
import { loadAws, problemText } from '../loadAws';
import type { AccountConnection } from './connection';
import type { AccountTree } from './accountTree';
import type { Node } from './accountNodes';
import { prefillFrom } from './prefill';
import type { ReportDocuments } from './reports';
import { CredentialChoice, askLiveCheckInputs, askRoleArn } from './liveInputs';
import { ROLE_ARN } from './roleArnContext';

export interface LiveCheckDeps {
  context: vscode.ExtensionContext;
  connection: AccountConnection;
  tree: AccountTree;
  reports: ReportDocuments;
  output: vscode.LogOutputChannel;
}

export interface LiveChecks {
  testCredentials(node?: Node | string, given?: Partial<{ integration: IntegrationId; folder: string; sse: boolean; credentials: CredentialChoice }>): Promise<Report | undefined>;
  verifyRole(arg?: Node | string | vscode.Uri, given?: Partial<{ bucket: string; integration: IntegrationId; folder: string }>): Promise<Report | undefined>;
  /** For tests: the last report produced. */
  lastReport(): Report | undefined;
}

export function liveChecks({ context, connection, tree, reports, output }: LiveCheckDeps): LiveChecks {
  let last: Report | undefined;

  async function runCheck(title: string, run: (signal: AbortSignal, progress: vscode.Progress<{ message?: string }>) => Promise<Report>): Promise<Report | undefined> {
    if (!connection.allowed) {
      void vscode.window.showWarningMessage(vscode.l10n.t('Live checks are disabled in an untrusted workspace.'));
      return undefined;
    }
    return vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title, cancellable: true }, async (progress, token) => {
      const controller = new AbortController();
      const sub = token.onCancellationRequested(() => controller.abort());
      try {
        const report = await run(controller.signal, progress);
        last = report;
        await reports.show(report, output);
        const { failed, skipped } = countSteps(report);
        if (failed) {
          const failedText = isSingular(failed) ? vscode.l10n.t('{0}: {1} step failed', title, failed) : vscode.l10n.t('{0}: {1} steps failed', title, failed);
          const skippedText = !skipped ? '' : isSingular(skipped) ? vscode.l10n.t(', {0} step skipped', skipped) : vscode.l10n.t(', {0} steps skipped', skipped);
          void vscode.window.showWarningMessage(`${failedText}${skippedText}. ${vscode.l10n.t('See the report.')}`);
        } else void vscode.window.showInformationMessage(vscode.l10n.t('{0}: every check passed.', title));
        return report;
      } catch (error) {
        const text = redactSessionSecrets(problemText(error));
        output.error(`${title}: ${text}`);
        void vscode.window.showErrorMessage(`${title}: ${text}`);
        return undefined;
      } finally {
        sub.dispose();
      }
    });
  }

  async function testCredentials(node?: Node | string, given?: Partial<{ integration: IntegrationId; folder: string; sse: boolean; credentials: CredentialChoice }>): Promise<Report | undefined> {
    const bucketFromNode = typeof node === 'string' ? node : node?.kind === 'bucket' ? node.bucket.name : undefined;
    const fromPolicies = typeof node === 'object' ? await prefillFrom(node, connection) : {};
    const inputs = await askLiveCheckInputs(tree.bucketLister, { ...fromPolicies, ...(bucketFromNode ? { bucket: bucketFromNode } : {}), ...given }, true, given?.credentials ? undefined : context.secrets);
    if (!inputs) return undefined;
    const creds = given?.credentials ?? inputs.credentials;
    if (!creds) return undefined;
    const aws = loadAws();
    const clients = creds.kind === 'keys' ? connection.withCredentials(creds.credentials) : connection.get();
    try {
      return await runCheck(vscode.l10n.t('Test credentials'), (signal, progress) => aws.testCredentials(clients, {
        bucket: inputs.bucket, integration: inputs.integration, folder: inputs.folder, sse: inputs.sse, locale: vscode.env.language.startsWith('es') ? 'es' : 'en', signal,
        onStep: (s) => progress.report({ message: `${s.title}: ${s.status}` }),
      }));
    } finally {
      if (creds.kind === 'keys') clients.dispose();
    }
  }

  /**
   * From the tree: a role node. From the editor's context menu: the document's URI (VS Code passes
   * it), so the ARN is the selection or the one under the cursor. From the palette: nothing, and
   * the ARN at the cursor if there is one, else asked for.
   */
  async function verifyRole(arg?: Node | string | vscode.Uri, given?: Partial<{ bucket: string; integration: IntegrationId; folder: string }>): Promise<Report | undefined> {
    let arn = typeof arg === 'string' ? arg : isRoleNode(arg) ? arg.role.arn : undefined;
    if (!arn && (arg === undefined || arg instanceof vscode.Uri)) arn = roleArnInEditor(arg);
    // Not on an ARN: ask, offering the document's first role ARN.
    arn ??= await askRoleArn(firstRoleArn(arg instanceof vscode.Uri ? arg : undefined));
    if (!arn) return undefined;
    const inputs = await askLiveCheckInputs(tree.bucketLister, given ?? (isRoleNode(arg) ? await prefillFrom(arg, connection) : {}), false);
    if (!inputs) return undefined;
    const settings = readSettings();
    const roleArn = arn;
    return runCheck(vscode.l10n.t('Verify role ARN'), (signal) => loadAws().verifyRole(connection.get(), {
      roleArn, bucket: inputs.bucket, integration: inputs.integration, folder: inputs.folder, partnerAccountId: settings.partnerAccountId, externalId: settings.externalId,
      simulate: vscode.workspace.getConfiguration('brazeS3').get<boolean>('verifyRole.simulate') ?? false, locale: vscode.env.language.startsWith('es') ? 'es' : 'en', signal,
    }));
  }

  return { testCredentials, verifyRole, lastReport: () => last };
}

function isRoleNode(arg: unknown): arg is Extract<Node, { kind: 'role' }> {
  return typeof arg === 'object' && arg !== null && (arg as { kind?: unknown }).kind === 'role';
}

/** The role ARN selected, or under the cursor, in the editor showing `uri` (else the active one). */
export function roleArnInEditor(uri?: vscode.Uri): string | undefined {
  // The active editor first: the same document may also be open, with another cursor, elsewhere.
  const active = vscode.window.activeTextEditor;
  const editor = !uri || active?.document.uri.toString() === uri.toString() ? active : vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === uri.toString());
  if (!editor) return undefined;
  const selected = editor.document.getText(editor.selection).trim().replace(/^"|"$/g, '');
  const whole = new RegExp(`^${ROLE_ARN.source}$`);
  if (selected && whole.test(selected)) return selected;
  const range = editor.document.getWordRangeAtPosition(editor.selection.active, ROLE_ARN);
  return range ? editor.document.getText(range) : undefined;
}

function firstRoleArn(uri?: vscode.Uri): string | undefined {
  const doc = uri ? vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString()) : vscode.window.activeTextEditor?.document;
  return doc ? ROLE_ARN.exec(doc.getText())?.[0] : undefined;
}
