// "Rotate access key…" on an IAM user: the dialogs around the rotation steps (src/aws/rotation.ts).
// The new secret is shown once, in a modal, and copied only on request: it never reaches a log,
// a setting or a report, and SecretStorage only if the person asks.
import * as vscode from 'vscode';
import type { NewKey, Report, RotationOutcome } from '../aws';
import { loadAws } from '../loadAws';
import type { AccountConnection } from './connection';
import { showNewKey } from './newKeyDialog';

export async function rotateAccessKeyFlow(
  connection: AccountConnection,
  userName: string,
  runTest: (key: NewKey) => Promise<Report | undefined>,
  remember: (key: NewKey) => Promise<void>,
): Promise<RotationOutcome> {
  const aws = loadAws();
  const outcome = await aws.rotateAccessKey(connection.get().iam, userName, {
    deleteInactiveToMakeRoom: async (key) => {
      const yes = vscode.l10n.t('Delete {0}', key.id);
      const answer = await vscode.window.showWarningMessage(
        vscode.l10n.t('{0} already has two access keys, the most IAM allows. Delete the inactive key {1} to make room for the new one?', userName, key.id),
        { modal: true }, yes);
      return answer === yes;
    },
    testNewKey: (key) => runTest(key),
    keepDespiteFailure: async () => {
      const keep = vscode.l10n.t('Keep the new key anyway');
      const answer = await vscode.window.showWarningMessage(
        vscode.l10n.t('The new key failed Test credentials (see the report). Delete it again? Nothing else has changed.'),
        { modal: true }, keep);
      return answer === keep;
    },
    handOver: (key) => showNewKey(key, {
      title: vscode.l10n.t('New access key for {0}', userName),
      closing: vscode.l10n.t('Paste both into the partner dashboard and save. This is the only time the secret is shown. When the partner uses the new key, the old key is deactivated (not deleted).'),
      done: vscode.l10n.t('The partner now uses the new key'),
      cancel: vscode.l10n.t('Cancel rotation…'),
      confirmTitle: vscode.l10n.t('Cancel the rotation and delete the new key {0}?', key.accessKeyId),
      confirmDetail: vscode.l10n.t('The old key stays as it is. If you already saved the new key in the partner dashboard, put the old one back there: the partner cannot write with a deleted key.'),
      confirmDelete: vscode.l10n.t('Cancel rotation (delete the new key)'),
    }, () => remember(key)),
  });
  if (outcome.status === 'rotated') {
    const del = vscode.l10n.t('Delete the old key now');
    const deactivated = outcome.deactivated.join(', ');
    const text = outcome.deactivated.length
      ? vscode.l10n.t('Rotated: {0} is active; {1} is deactivated. Delete it once you are sure nothing else uses it.', outcome.newKeyId, deactivated)
      : vscode.l10n.t('Rotated: {0} is active.', outcome.newKeyId);
    void vscode.window.showInformationMessage(text, ...(outcome.deactivated.length ? [del] : [])).then(async (answer) => {
      if (answer !== del) return;
      for (const id of outcome.deactivated) await aws.deleteAccessKey(connection.get().iam, userName, id);
      void vscode.window.showInformationMessage(vscode.l10n.t('Deleted {0}.', deactivated));
    });
  } else {
    const text = outcome.reason === 'limit'
      ? vscode.l10n.t('{0} has two active access keys. Deactivate the one the partner does not use, then rotate again.', userName)
      : outcome.deletedNewKey
        ? vscode.l10n.t('Rotation cancelled: the new key {0} was deleted again; the old key is unchanged.', outcome.deletedNewKey)
        : vscode.l10n.t('Rotation cancelled: nothing changed.');
    void vscode.window.showInformationMessage(text);
  }
  return outcome;
}
