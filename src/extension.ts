// activate(): wiring only. Every registration goes into context.subscriptions. The AWS half lives
// in a separate bundle (dist/aws.js) loaded on first use, so activation stays light; policy
// documents are analysed by the language server, whose client (dist/client.js) starts right after.
import * as vscode from 'vscode';
import { initRuleLinks } from './editor/ruleLinks';
import { PolicyDiagnostics } from './editor/diagnostics';
import { SET_INTEGRATION_COMMAND, setIntegration } from './editor/integrationLens';
import { IntegrationOverrides } from './editor/integrationOverrides';
import { REPLACE_PLACEHOLDER_COMMAND, replacePlaceholder } from './editor/placeholders';
import { SetupAnswers, newSetup } from './editor/setupCommand';
import { BucketLister } from './editor/prompts';
import { insertPolicy, insertTrustPolicy, TemplateAnswers } from './editor/templateCommands';
import { AccountFeatures, registerAccountFeatures } from './views/account';
import { AvroFeatures, registerAvroFeatures } from './views/avro/register';
import { registerSafeCommand } from './editor/safeCommand';
import { WorkspaceDiagnostics } from './editor/workspaceDiagnostics';
import { RepoConfigWatcher } from './editor/repoConfig';

export interface ExtensionApi {
  /** Milliseconds spent in activate(), measured inside the host. */
  activationMs: number;
  diagnostics: PolicyDiagnostics;
  workspace: WorkspaceDiagnostics;
  account: AccountFeatures;
  repoConfig: RepoConfigWatcher;
  avro: AvroFeatures;
}

export function activate(context: vscode.ExtensionContext): ExtensionApi {
  const started = performance.now();
  const output = vscode.window.createOutputChannel('Braze S3', { log: true });
  initRuleLinks(context.extensionUri);
  const overrides = new IntegrationOverrides(context.workspaceState);
  const diagnostics = new PolicyDiagnostics();
  const account = registerAccountFeatures(context, output);
  const knownBuckets = () => account.tree.knownBucketNames();
  const workspace = new WorkspaceDiagnostics(diagnostics, overrides, knownBuckets, context.asAbsolutePath('dist/server.js'), (line) => output.info(line), output);
  // A repository configuration file changed: open documents and the workspace scan are re-checked.
  const repoConfig = new RepoConfigWatcher((line) => output.warn(line));
  repoConfig.onDidChange(() => void workspace.rescan(true));
  const avro = registerAvroFeatures(context, output);
  const listBuckets: BucketLister = Object.assign(() => account.listBucketNames(), { bucketWarnings: (bucket: string) => account.bucketWarnings(bucket) });

  context.subscriptions.push(
    output,
    overrides,
    diagnostics,
    workspace,
    repoConfig,
    registerSafeCommand(REPLACE_PLACEHOLDER_COMMAND, (uri?: vscode.Uri | string, placeholder?: string, value?: string) => replacePlaceholder(listBuckets, uri, placeholder, value), output),
    registerSafeCommand(SET_INTEGRATION_COMMAND, (uri?: vscode.Uri | string, kind?: Parameters<typeof setIntegration>[2]) => setIntegration(overrides, uri, kind), output),
    registerSafeCommand('brazeS3.insertCurrentsPolicy', (a?: TemplateAnswers) => insertPolicy(listBuckets, { ...a, integration: 'currents' }), output),
    registerSafeCommand('brazeS3.insertDashboardPolicy', (a?: TemplateAnswers) => insertPolicy(listBuckets, { ...a, integration: 'dashboard' }), output),
    registerSafeCommand('brazeS3.insertTrustPolicy', (a?: TemplateAnswers) => insertTrustPolicy(a), output),
    registerSafeCommand('brazeS3.newPolicyFile', (a?: TemplateAnswers) => insertPolicy(listBuckets, a, 'new'), output),
    registerSafeCommand('brazeS3.newSetup', (a?: SetupAnswers) => newSetup(listBuckets, a), output),
  );
  const activationMs = performance.now() - started;
  output.info(`activated in ${activationMs.toFixed(1)} ms`);
  return { activationMs, diagnostics, workspace, account, repoConfig, avro };
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
