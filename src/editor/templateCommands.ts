// "Insert Currents policy…", "Insert dashboard export policy…", "Insert role trust policy…" and
// "New policy file…": quick picks and input boxes, then the engine's templates. Cancelling at any
// step changes nothing. Every answer can also be passed as an argument (tests, other commands).
import * as vscode from 'vscode';
import { IntegrationId, policyText, trustPolicyText } from '../policy';
import { BucketLister, askAccountId, askBucketName, askExternalId, askFolder } from './prompts';
import { integrationLabel } from './integrationLens';
import { readSettings } from './settings';

export interface TemplateAnswers {
  integration?: IntegrationId;
  auth?: 'secret-key' | 'role-arn';
  bucket?: string;
  /** Folder path; '' (or scope 'bucket') grants the whole bucket. */
  folder?: string;
  scope?: 'bucket' | 'folder';
  partnerAccountId?: string;
  externalId?: string;
  /** Where the text goes: at the cursor of the active editor, or a new untitled document. */
  target?: 'cursor' | 'new';
}

async function pickIntegration(): Promise<IntegrationId | undefined> {
  const items = (['currents', 'dashboard'] as IntegrationId[]).map((id) => ({ label: integrationLabel(id), id }));
  return (await vscode.window.showQuickPick(items, { title: vscode.l10n.t('Which integration?') }))?.id;
}

async function pickAuth(): Promise<'secret-key' | 'role-arn' | undefined> {
  const items = [
    { label: vscode.l10n.t('AWS secret access key'), description: vscode.l10n.t('an IAM user with this policy attached'), id: 'secret-key' as const },
    { label: vscode.l10n.t('AWS role ARN'), description: vscode.l10n.t('a role trusting the partner account, with an external ID'), id: 'role-arn' as const },
  ];
  return (await vscode.window.showQuickPick(items, { title: vscode.l10n.t('How will the partner authenticate?') }))?.id;
}

async function pickScope(folder: string): Promise<'bucket' | 'folder' | undefined> {
  const items = [
    { label: vscode.l10n.t('Whole bucket'), description: 'BUCKET/*', id: 'bucket' as const },
    { label: vscode.l10n.t('Only the folder'), description: `BUCKET/${folder}/*`, id: 'folder' as const },
  ];
  return (await vscode.window.showQuickPick(items, { title: vscode.l10n.t('Scope the object permissions') }))?.id;
}

async function output(text: string, target: 'cursor' | 'new'): Promise<vscode.TextDocument> {
  const editor = vscode.window.activeTextEditor;
  if (target === 'cursor' && editor) {
    await editor.insertSnippet(new vscode.SnippetString().appendText(text), editor.selection);
    return editor.document;
  }
  const document = await vscode.workspace.openTextDocument({ language: 'json', content: text });
  await vscode.window.showTextDocument(document, { preview: false });
  return document;
}

/** Collects the answers (asking only for what is missing) and writes the policy. */
export async function insertPolicy(listBuckets: BucketLister, given: TemplateAnswers = {}, defaultTarget: 'cursor' | 'new' = 'cursor'): Promise<vscode.TextDocument | undefined> {
  const settings = readSettings(vscode.window.activeTextEditor?.document.uri);
  const integration = given.integration ?? (await pickIntegration());
  if (!integration) return undefined;
  const auth = given.auth ?? (await pickAuth());
  if (!auth) return undefined;
  const bucket = given.bucket ?? (await askBucketName(listBuckets));
  if (!bucket) return undefined;
  let folder = given.folder;
  let scope = given.scope;
  if (integration === 'currents' && folder === undefined && scope !== 'bucket') {
    folder = await askFolder(settings.folderPath ?? 'currents');
    if (folder === undefined) return undefined;
  }
  if (folder && !scope) {
    scope = await pickScope(folder);
    if (!scope) return undefined;
  }
  const target = given.target ?? defaultTarget;
  const document = await output(policyText(integration, { bucket, folder: scope === 'folder' ? folder : undefined }), target);
  // The role method also needs the trust policy: it opens beside the permission policy.
  if (auth === 'role-arn') await insertTrustPolicy({ ...given, target: 'new' });
  return document;
}

export async function insertTrustPolicy(given: TemplateAnswers = {}): Promise<vscode.TextDocument | undefined> {
  const settings = readSettings(vscode.window.activeTextEditor?.document.uri);
  const account = given.partnerAccountId ?? settings.partnerAccountId ?? (await askAccountId());
  if (!account) return undefined;
  const externalId = given.externalId ?? settings.externalId ?? (await askExternalId());
  if (!externalId) return undefined;
  return output(trustPolicyText(account, externalId), given.target ?? 'cursor');
}
