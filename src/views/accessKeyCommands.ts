// Rotate access key… and Delete access key… on the account view's users and keys (the flow itself
// is rotation.ts; this is its wiring to the tree and to Test credentials).
import * as vscode from 'vscode';
import { loadAws } from '../loadAws';
import type { AccountConnection } from './connection';
import type { AccountTree } from './accountTree';
import type { Node } from './accountNodes';
import type { LiveChecks } from './liveChecks';
import { rememberKey } from './liveInputs';
import { rotateAccessKeyFlow } from './rotation';

type Command = (id: string, run: (...args: never[]) => unknown) => vscode.Disposable;

export function accessKeyCommands(command: Command, context: vscode.ExtensionContext, connection: AccountConnection, tree: AccountTree, checks: LiveChecks): vscode.Disposable[] {
  return [
    command('brazeS3.rotateAccessKey', async (node?: Node) => {
      if (node?.kind !== 'user') return undefined;
      if (!connection.allowed) return void vscode.window.showWarningMessage(vscode.l10n.t('Live checks are disabled in an untrusted workspace.'));
      const outcome = await rotateAccessKeyFlow(connection, node.user.name, async (key) => {
        // A new key can take a few seconds to work everywhere in IAM: retry while AWS says it is unknown.
        for (let attempt = 0; ; attempt++) {
          const report = await checks.testCredentials(undefined, { credentials: { kind: 'keys', credentials: key } });
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
  ];
}
