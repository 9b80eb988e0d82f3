// The questions Test credentials and Verify role ask: integration, bucket, folder, SSE, and which
// credentials (the current profile, or typed keys kept in SecretStorage only if asked).
import * as vscode from 'vscode';
import type { IntegrationId } from '../policy';
import { BucketLister, askBucketName, askFolder } from '../editor/prompts';
import { integrationLabel } from '../editor/integrationLens';
import { readSettings } from '../editor/settings';

export type CredentialChoice =
  | { kind: 'profile' }
  | { kind: 'keys'; credentials: { accessKeyId: string; secretAccessKey: string } };

export interface LiveInputs {
  integration: IntegrationId;
  bucket: string;
  folder: string;
  sse: boolean;
}

const SECRET_PREFIX = 'brazeS3.secretAccessKey.';
const KEYS_INDEX = 'brazeS3.rememberedAccessKeyIds';

export async function askLiveCheckInputs(listBuckets: BucketLister, given: Partial<LiveInputs>, askSse: boolean): Promise<LiveInputs | undefined> {
  const integration = given.integration ?? (await vscode.window.showQuickPick((['currents', 'dashboard'] as IntegrationId[]).map((id) => ({ label: integrationLabel(id), id })), { title: vscode.l10n.t('Which integration?') }))?.id;
  if (!integration) return undefined;
  const bucket = given.bucket ?? (await askBucketName(listBuckets));
  if (!bucket) return undefined;
  // Only a Currents connector writes under a folder of its own.
  const folder = given.folder ?? (integration === 'currents' ? await askFolder(readSettings().folderPath ?? 'currents') : '');
  if (folder === undefined) return undefined;
  let sse = given.sse ?? false;
  if (askSse && given.sse === undefined) {
    const picked = await vscode.window.showQuickPick([
      { label: vscode.l10n.t('No server-side encryption header'), sse: false },
      { label: vscode.l10n.t('AES-256 server-side encryption (x-amz-server-side-encryption)'), sse: true },
    ], { title: vscode.l10n.t('Server-side encryption, as set in the partner dashboard') });
    if (!picked) return undefined;
    sse = picked.sse;
  }
  return { integration, bucket, folder, sse };
}

export async function askRoleArn(value?: string): Promise<string | undefined> {
  const arn = await vscode.window.showInputBox({
    title: vscode.l10n.t('Role ARN'),
    value,
    placeHolder: 'arn:aws:iam::123456789012:role/braze-export',
    validateInput: (v) => (/^arn:aws[\w-]*:iam::\d{12}:role\/[\w+=,.@\-/]{1,512}$/.test(v.trim()) ? undefined : vscode.l10n.t('An IAM role ARN: arn:aws:iam::<12-digit account>:role/<name>')),
  });
  return arn?.trim();
}

/** The current profile, remembered keys, or typed keys (the secret only in memory unless remembered). */
export async function chooseCredentials(secrets: vscode.SecretStorage): Promise<CredentialChoice | undefined> {
  const remembered = JSON.parse((await secrets.get(KEYS_INDEX)) ?? '[]') as string[];
  const items = [
    { label: vscode.l10n.t('Use the current AWS profile'), id: 'profile' },
    ...remembered.map((k) => ({ label: vscode.l10n.t('Use remembered key {0}', k), id: k })),
    { label: vscode.l10n.t('Enter an access key ID and secret access key…'), id: 'type' },
  ];
  const picked = await vscode.window.showQuickPick(items, { title: vscode.l10n.t('Which credentials will you give the partner?') });
  if (!picked) return undefined;
  if (picked.id === 'profile') return { kind: 'profile' };
  if (picked.id !== 'type') {
    const secret = await secrets.get(SECRET_PREFIX + picked.id);
    if (secret) return { kind: 'keys', credentials: { accessKeyId: picked.id, secretAccessKey: secret } };
  }
  const accessKeyId = (await vscode.window.showInputBox({
    title: vscode.l10n.t('Access key ID'),
    validateInput: (v) => (/^(AKIA|ASIA)[A-Z0-9]{12,124}$/.test(v.trim()) ? undefined : vscode.l10n.t('An access key ID starts with AKIA and has 20 characters.')),
  }))?.trim();
  if (!accessKeyId) return undefined;
  const secretAccessKey = await vscode.window.showInputBox({ title: vscode.l10n.t('Secret access key'), password: true, validateInput: (v) => (v.trim().length >= 20 ? undefined : vscode.l10n.t('The secret access key has 40 characters.')) });
  if (!secretAccessKey) return undefined;
  const remember = await vscode.window.showQuickPick([{ label: vscode.l10n.t('Keep it in memory for this check only'), keep: false }, { label: vscode.l10n.t('Remember it in VS Code\'s secret storage'), keep: true }], { title: vscode.l10n.t('Remember the secret?') });
  if (!remember) return undefined;
  if (remember.keep) await rememberKey(secrets, { accessKeyId, secretAccessKey: secretAccessKey.trim() });
  return { kind: 'keys', credentials: { accessKeyId, secretAccessKey: secretAccessKey.trim() } };
}

/** Keeps a key's secret in VS Code's SecretStorage (only when the person asks). */
export async function rememberKey(secrets: vscode.SecretStorage, key: { accessKeyId: string; secretAccessKey: string }): Promise<void> {
  const remembered = JSON.parse((await secrets.get(KEYS_INDEX)) ?? '[]') as string[];
  await secrets.store(SECRET_PREFIX + key.accessKeyId, key.secretAccessKey);
  await secrets.store(KEYS_INDEX, JSON.stringify([...new Set([...remembered, key.accessKeyId])]));
}
