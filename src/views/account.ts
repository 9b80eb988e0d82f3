// The AWS account half of the extension: the tree view, the status-bar connection, Test
// credentials and Verify role ARN, and the commands on buckets, roles and policies.
import * as vscode from 'vscode';
import type { Report } from '../aws';
import { countSteps } from '../aws/report';
import { findPlaceholders } from '../policy';
import type { IntegrationId } from '../policy';
import { isSingular, readSettings } from '../editor/settings';
import { AccountConnection } from './connection';
import { AccountTree, Node } from './accountTree';
import { loadAws, problemText } from '../loadAws';
import { redactSessionSecrets } from '../editor/sessionSecrets';
import { prefillFrom } from './prefill';
import { POLICY_SCHEME, PolicyDocuments, REPORT_SCHEME, ReportDocuments } from './reports';
import { CredentialChoice, askLiveCheckInputs, askRoleArn, rememberKey } from './liveInputs';
import { rotateAccessKeyFlow } from './rotation';
import { ROLE_ARN, RoleArnContext } from './roleArnContext';
import { insertPolicy } from '../editor/templateCommands';
import { registerSafeCommand } from '../editor/safeCommand';
import type { BucketWarning } from '../editor/prompts';
import { DeliveryFeatures, registerDeliveryFeatures } from './delivery/register';
import { registerSetupCommands } from './setup/command';

export interface AccountFeatures {
  listBucketNames(): Promise<string[] | undefined>;
  /** Object Lock / SSE-KMS on a bucket, for the setup's bucket list. */
  bucketWarnings(bucket: string): Promise<BucketWarning[] | undefined>;
  /** For tests: the last report produced by a live check. */
  lastReport(): Report | undefined;
  tree: AccountTree;
  roleArns: RoleArnContext;
  delivery: DeliveryFeatures;
}


export function registerAccountFeatures(context: vscode.ExtensionContext, output: vscode.LogOutputChannel): AccountFeatures {
  const connection = new AccountConnection();
  const tree = new AccountTree(connection);
  const view = tree.createView('brazeS3.account');
  const reports = new ReportDocuments();
  const policies = new PolicyDocuments();
  const status = vscode.window.createStatusBarItem('brazeS3.connection', vscode.StatusBarAlignment.Left, 10);
  let last: Report | undefined;
  const command = (id: string, run: (...args: never[]) => unknown) => registerSafeCommand(id, run, output, problemText);

  const updateStatus = () => {
    const s = vscode.workspace.getConfiguration('brazeS3');
    const profile = s.get<string>('profile') || process.env.AWS_PROFILE || 'default';
    const region = s.get<string>('region') || process.env.AWS_REGION || 'us-east-1';
    const endpoint = s.get<string>('endpoint');
    status.text = `$(cloud) ${profile} · ${region}${endpoint ? ' · ' + endpoint : ''}`;
    status.tooltip = vscode.l10n.t('Braze S3: AWS profile and region for the account view and live checks');
    status.command = 'brazeS3.selectProfile';
    status.name = 'Braze S3';
    status.show();
  };
  updateStatus();
  const updateTrust = () => void vscode.commands.executeCommand('setContext', 'brazeS3.untrusted', !vscode.workspace.isTrusted);
  updateTrust();
  const roleArns = new RoleArnContext();

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

  context.subscriptions.push(
    connection,
    tree,
    view,
    reports,
    status,
    vscode.workspace.registerTextDocumentContentProvider(REPORT_SCHEME, reports),
    vscode.workspace.registerTextDocumentContentProvider(POLICY_SCHEME, policies),
    roleArns,
    ...registerSetupCommands({ connection, listBuckets: () => tree.bucketNames(), reports, output, secrets: context.secrets, refresh: () => tree.refresh() }),
    vscode.workspace.onDidGrantWorkspaceTrust(() => {
      updateTrust();
      tree.refresh();
    }),
    connection.onDidChange(() => {
      updateStatus();
      tree.refresh();
    }),
    command('brazeS3.refresh', () => tree.refresh()),
    command('brazeS3.loadMoreRoles', () => tree.loadMoreRoles()),
    command('brazeS3.loadMoreUsers', () => tree.loadMoreUsers()),
    command('brazeS3.rotateAccessKey', async (node?: Node) => {
      if (node?.kind !== 'user') return undefined;
      if (!connection.allowed) return void vscode.window.showWarningMessage(vscode.l10n.t('Live checks are disabled in an untrusted workspace.'));
      const outcome = await rotateAccessKeyFlow(connection, node.user.name, async (key) => {
        // A new key can take a few seconds to work everywhere in IAM: retry while AWS says it is unknown.
        for (let attempt = 0; ; attempt++) {
          const report = await testCredentials(undefined, { credentials: { kind: 'keys', credentials: key } });
          if (!report || report.steps[0]?.errorCode !== 'InvalidAccessKeyId' || attempt >= 3) return report;
          await new Promise((r) => setTimeout(r, 5000));
        }
      }, (key) => rememberKey(context.secrets, key));
      tree.refresh();
      return outcome;
    }),
    command('brazeS3.deleteAccessKey', async (node?: Node) => {
      if (node?.kind !== 'accessKey' || node.key.status !== 'Inactive') return false;
      const yes = vscode.l10n.t('Delete {0}', node.key.id);
      const answer = await vscode.window.showWarningMessage(vscode.l10n.t('Delete the inactive access key {0} of {1}? This cannot be undone.', node.key.id, node.user), { modal: true }, yes);
      if (answer !== yes) return false;
      await loadAws().deleteAccessKey(connection.get().iam, node.user, node.key.id);
      tree.refresh();
      return true;
    }),
    command('brazeS3.filter', async (value?: string) => {
      const filter = value ?? (await vscode.window.showInputBox({ title: vscode.l10n.t('Filter buckets, roles and users'), value: tree.currentFilter, prompt: vscode.l10n.t('Part of a name; empty shows all') }));
      if (filter !== undefined) tree.setFilter(filter);
    }),
    command('brazeS3.selectProfile', async () => {
      const aws = loadAws();
      const profiles = await aws.listProfiles().catch(() => [] as string[]);
      const picked = await vscode.window.showQuickPick(['default', ...profiles.filter((p) => p !== 'default')], { title: vscode.l10n.t('AWS profile') });
      if (!picked) return;
      const region = await vscode.window.showInputBox({ title: vscode.l10n.t('AWS region'), value: vscode.workspace.getConfiguration('brazeS3').get<string>('region') || 'us-east-1', validateInput: (v) => (/^[a-z]{2}(-[a-z]+)+-\d$/.test(v) ? undefined : vscode.l10n.t('A region such as eu-west-1.')) });
      if (!region) return;
      const c = vscode.workspace.getConfiguration('brazeS3');
      await c.update('profile', picked === 'default' ? undefined : picked, vscode.ConfigurationTarget.Global);
      await c.update('region', region, vscode.ConfigurationTarget.Global);
    }),
    command('brazeS3.testCredentials', testCredentials),
    command('brazeS3.verifyRole', verifyRole),
    command('brazeS3.copyArn', async (node?: Node) => {
      const arn = node?.kind === 'bucket' ? `arn:aws:s3:::${node.bucket.name}` : node?.kind === 'role' ? node.role.arn : undefined;
      if (arn) await vscode.env.clipboard.writeText(arn);
      return arn;
    }),
    command('brazeS3.insertBucketName', async (node?: Node) => {
      const editor = vscode.window.activeTextEditor;
      if (!editor || node?.kind !== 'bucket') return false;
      const name = node.bucket.name;
      const holders = findPlaceholders(editor.document.getText()).filter((p) => /BUCKET/.test(p.text));
      if (holders.length) return vscode.commands.executeCommand('brazeS3.replacePlaceholder', editor.document.uri, holders[0].text, name);
      return editor.edit((b) => b.replace(editor.selection, name));
    }),
    command('brazeS3.generateCurrentsPolicy', (node?: Node) => insertPolicy(() => tree.bucketNames(), { integration: 'currents', bucket: node?.kind === 'bucket' ? node.bucket.name : undefined, auth: 'secret-key' }, 'new')),
    command('brazeS3.generateDashboardPolicy', (node?: Node) => insertPolicy(() => tree.bucketNames(), { integration: 'dashboard', bucket: node?.kind === 'bucket' ? node.bucket.name : undefined, auth: 'secret-key' }, 'new')),
    command('brazeS3.showTrustPolicy', async (node?: Node) => {
      if (node?.kind !== 'role') return undefined;
      const { getRole } = loadAws();
      const r = await getRole(connection.get().iam, node.role.name);
      return policies.open(`${node.role.name} trust policy`, prettyJson(r.trustDocument));
    }),
    command('brazeS3.openPolicy', (node?: Node) => (node?.kind === 'policy' ? policies.open(`${node.role} ${node.name}`, prettyJson(node.document)) : undefined)),
  );

  const delivery = registerDeliveryFeatures(context, output, tree);
  return { listBucketNames: () => tree.bucketNames(), bucketWarnings: (bucket) => tree.bucketWarnings(bucket), lastReport: () => last, tree, roleArns, delivery };
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

function prettyJson(text: string): string {
  try {
    return JSON.stringify(JSON.parse(text), null, 4) + '\n';
  } catch {
    return text;
  }
}
