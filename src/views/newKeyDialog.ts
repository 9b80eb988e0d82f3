// A new access key shown once, in a modal (Rotate access key…, and the key method of the setup):
// the same buttons and copy actions in both; the secret is remembered for redaction before it is
// shown, and reaches SecretStorage only through `remember`.
import * as vscode from 'vscode';
import type { NewKey } from '../aws';
import { rememberSessionSecret } from '../editor/sessionSecrets';
import { DialogItem, HandOverTexts, ModalDialog, handOverNewKey } from './rotationHandOver';

const modal: ModalDialog = (kind, message, detail, items) => kind === 'warning'
  ? vscode.window.showWarningMessage<DialogItem>(message, { modal: true, detail }, ...items)
  : vscode.window.showInformationMessage<DialogItem>(message, { modal: true, detail }, ...items);

/** What each flow says; `closing` ends the detail below the key ID and secret. */
export type NewKeyTexts = Pick<HandOverTexts, 'title' | 'done' | 'cancel' | 'confirmTitle' | 'confirmDetail' | 'confirmDelete'> & { closing: string };

/** True when the person has saved the key; false only after confirming its deletion. */
export function showNewKey(key: NewKey, t: NewKeyTexts, remember: () => PromiseLike<void>): Promise<boolean> {
  rememberSessionSecret(key.secretAccessKey);
  const { closing, ...texts } = t;
  return handOverNewKey(modal, {
    ...texts,
    detail: [vscode.l10n.t('Access key ID: {0}', key.accessKeyId), vscode.l10n.t('Secret access key: {0}', key.secretAccessKey), '', closing].join('\n'),
    copyId: vscode.l10n.t('Copy access key ID'),
    copySecret: vscode.l10n.t('Copy secret access key'),
    remember: vscode.l10n.t('Remember the secret in VS Code'),
    back: vscode.l10n.t('Back to the new key'),
  }, {
    copyId: () => vscode.env.clipboard.writeText(key.accessKeyId),
    copySecret: () => vscode.env.clipboard.writeText(key.secretAccessKey),
    remember,
  });
}
