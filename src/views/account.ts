// The AWS account half of the extension, put together: the tree view (accountTree.ts) and its
// commands (treeCommands.ts), the status bar (statusBar.ts), the live checks (liveChecks.ts), access
// keys (accessKeyCommands.ts), the setup (setup/) and delivery (delivery/) features.
import * as vscode from 'vscode';
import type { Report } from '../aws';
import { AccountConnection } from './connection';
import { AccountTree } from './accountTree';
import { problemText } from '../loadAws';
import { POLICY_SCHEME, PolicyDocuments, REPORT_SCHEME, ReportDocuments } from './reports';
import { RoleArnContext } from './roleArnContext';
import { registerSafeCommand } from '../editor/safeCommand';
import type { BucketWarning } from '../editor/prompts';
import { DeliveryFeatures, registerDeliveryFeatures } from './delivery/register';
import { registerSetupCommands } from './setup/command';
import { connectionStatus } from './statusBar';
import { liveChecks } from './liveChecks';
import { accessKeyCommands } from './accessKeyCommands';
import { treeCommands } from './treeCommands';

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
  const command = (id: string, run: (...args: never[]) => unknown) => registerSafeCommand(id, run, output, problemText);

  const status = connectionStatus();
  const checks = liveChecks({ context, connection, tree, reports, output });
  const roleArns = new RoleArnContext();

  context.subscriptions.push(
    connection,
    tree,
    view,
    reports,
    status.item,
    vscode.workspace.registerTextDocumentContentProvider(REPORT_SCHEME, reports),
    vscode.workspace.registerTextDocumentContentProvider(POLICY_SCHEME, policies),
    roleArns,
    ...registerSetupCommands({ connection, listBuckets: () => tree.bucketNames(), reports, output, secrets: context.secrets, refresh: () => tree.refresh() }),
    vscode.workspace.onDidGrantWorkspaceTrust(() => {
      status.updateTrust();
      tree.refresh();
    }),
    connection.onDidChange(() => {
      status.update();
      tree.refresh();
    }),
    ...accessKeyCommands(command, context, connection, tree, checks),
    command('brazeS3.testCredentials', checks.testCredentials),
    command('brazeS3.verifyRole', checks.verifyRole),
    ...treeCommands(command, connection, tree, policies),
  );

  const delivery = registerDeliveryFeatures(context, output, tree);
  return { listBucketNames: () => tree.bucketNames(), bucketWarnings: (bucket) => tree.bucketWarnings(bucket), lastReport: checks.lastReport, tree, roleArns, delivery };
}
