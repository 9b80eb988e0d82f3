// "New Braze export setup (Terraform / CloudFormation)…": asks what is missing (format,
// integration, method, bucket, folder, partner account, external ID), writes a complete module
// into the workspace (never over an existing file) and opens it, where the checker reads it.
import * as vscode from 'vscode';
import type { IntegrationId } from '../policy';
import { SetupAuth, SetupFormat, setupText } from '../formats/setupTemplates';
import { BucketLister, askAccountId, askBucketName, askExternalId, askFolder } from './prompts';
import { integrationLabel } from './integrationLens';
import { readSettings } from './settings';

export interface SetupAnswers {
  format?: SetupFormat;
  integration?: IntegrationId;
  auth?: SetupAuth;
  bucket?: string;
  folder?: string;
  partnerAccountId?: string;
  externalId?: string;
  /** The folder to write into (default: the first workspace folder). */
  directory?: vscode.Uri;
}

async function pick<T extends string>(title: string, items: { label: string; description?: string; id: T }[]): Promise<T | undefined> {
  return (await vscode.window.showQuickPick(items, { title }))?.id;
}

/** A file name not taken yet in the folder: braze-currents.tf, braze-currents-2.tf, … */
async function freeName(directory: vscode.Uri, base: string, extension: string): Promise<vscode.Uri> {
  for (let i = 1; ; i++) {
    const uri = vscode.Uri.joinPath(directory, `${base}${i === 1 ? '' : `-${i}`}${extension}`);
    try {
      await vscode.workspace.fs.stat(uri);
    } catch {
      return uri;
    }
  }
}

export async function newSetup(listBuckets: BucketLister, given: SetupAnswers = {}): Promise<vscode.TextDocument | undefined> {
  const settings = readSettings(vscode.window.activeTextEditor?.document.uri);
  const format = given.format ?? (await pick(vscode.l10n.t('Write the setup as'), [
    { label: 'Terraform', description: vscode.l10n.t('bucket, policy, role or user, outputs (.tf)'), id: 'terraform' as const },
    { label: 'CloudFormation', description: vscode.l10n.t('the same as a YAML template'), id: 'cloudformation' as const },
  ]));
  if (!format) return undefined;
  const integration = given.integration ?? (await pick(vscode.l10n.t('Which integration?'), (['currents', 'dashboard'] as IntegrationId[]).map((id) => ({ label: integrationLabel(id), id }))));
  if (!integration) return undefined;
  const auth = given.auth ?? (await pick(vscode.l10n.t('How will the partner authenticate?'), [
    { label: vscode.l10n.t('AWS role ARN'), description: vscode.l10n.t('a role trusting the partner account, with an external ID'), id: 'role-arn' as const },
    { label: vscode.l10n.t('AWS secret access key'), description: vscode.l10n.t('an IAM user with this policy attached'), id: 'secret-key' as const },
  ]));
  if (!auth) return undefined;
  const bucket = given.bucket ?? (await askBucketName(listBuckets));
  if (!bucket) return undefined;
  let folder = given.folder;
  if (integration === 'currents' && folder === undefined) {
    folder = await askFolder(settings.folderPath ?? 'currents');
    if (folder === undefined) return undefined;
  }
  let partnerAccountId = given.partnerAccountId;
  let externalId = given.externalId;
  if (auth === 'role-arn') {
    partnerAccountId ??= settings.partnerAccountId ?? (await askAccountId());
    if (!partnerAccountId) return undefined;
    externalId ??= settings.externalId ?? (await askExternalId());
    if (!externalId) return undefined;
  }
  const text = setupText(format, { integration, auth, bucket, folder, partnerAccountId, externalId });
  const directory = given.directory ?? vscode.workspace.workspaceFolders?.[0]?.uri;
  const base = integration === 'currents' ? 'braze-currents' : 'braze-dashboard-export';
  if (!directory) {
    // No folder open: an untitled document, in the language this extension contributes for .tf.
    const document = await vscode.workspace.openTextDocument({ language: format === 'terraform' ? 'terraform' : 'yaml', content: text });
    await vscode.window.showTextDocument(document, { preview: false });
    return document;
  }
  const uri = await freeName(directory, base, format === 'terraform' ? '.tf' : '.yaml');
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
  const document = await vscode.workspace.openTextDocument(uri);
  await vscode.window.showTextDocument(document, { preview: false });
  return document;
}
