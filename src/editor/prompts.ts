// Asking the user for values (bucket, folder, account ID, external ID), with live validation.
// Every prompt resolves undefined on cancel, and callers then change nothing.
import * as vscode from 'vscode';
import { bucketNameProblem, messages } from '../policy';
import { uiLocale } from './settings';

/** What a bucket's settings mean for the partner's writer: Object Lock, SSE-KMS default encryption. */
export type BucketWarning = 'objectLock' | 'kms';

/**
 * Lists the account's buckets when AWS credentials are set up; undefined when they are not.
 * `bucketWarnings` (the account view's): Object Lock and SSE-KMS on a bucket, undefined if unreadable.
 */
export type BucketLister = (() => Promise<string[] | undefined>) & { bucketWarnings?: (bucket: string) => Promise<BucketWarning[] | undefined> };

export function bucketProblemText(name: string): string | undefined {
  if (!name) return vscode.l10n.t('Enter a bucket name.');
  const problem = bucketNameProblem(name);
  if (!problem) return undefined;
  const m = messages(uiLocale());
  const why = problem.kind === 'prefix' ? m.bucketWhy.prefix(problem.text) : problem.kind === 'suffix' ? m.bucketWhy.suffix(problem.text) : m.bucketWhy[problem.kind];
  return m.bucketNameInvalid(name, why);
}

export async function askBucketName(listBuckets?: BucketLister, value?: string): Promise<string | undefined> {
  let names: string[] | undefined;
  try {
    names = await listBuckets?.();
  } catch {
    names = undefined; // no credentials or no network: fall back to typing the name
  }
  if (names && names.length > 0) {
    const typeIt = vscode.l10n.t('Type another bucket name…');
    const picked = await new Promise<{ label: string; typed: string } | undefined>((resolve) => {
      const qp = vscode.window.createQuickPick();
      qp.title = vscode.l10n.t('Export bucket');
      qp.placeholder = vscode.l10n.t('Choose the bucket the partner writes to');
      qp.items = [...names!.map((label) => ({ label })), { label: typeIt, alwaysShow: true }];
      let done = false;
      const finish = (v: { label: string; typed: string } | undefined) => {
        if (done) return;
        done = true;
        resolve(v);
        qp.dispose();
      };
      // The text typed into the list goes on into the name box ("Type another bucket name…").
      qp.onDidAccept(() => {
        const item = qp.selectedItems[0] ?? qp.activeItems[0];
        finish(item && { label: item.label, typed: qp.value.trim() });
      });
      qp.onDidHide(() => finish(undefined));
      qp.show();
    });
    if (!picked) return undefined;
    if (picked.label !== typeIt) return picked.label;
    value = picked.typed || value;
  }
  const name = await vscode.window.showInputBox({
    title: vscode.l10n.t('Export bucket'),
    prompt: vscode.l10n.t('The name of the S3 bucket the partner writes to'),
    value,
    validateInput: (v) => bucketProblemText(v.trim()),
  });
  return name?.trim();
}

async function askText(title: string, prompt: string, value: string | undefined, validate: (v: string) => string | undefined): Promise<string | undefined> {
  const answer = await vscode.window.showInputBox({ title, prompt, value, validateInput: (v) => validate(v.trim()) });
  return answer?.trim();
}

export function askAccountId(value?: string): Promise<string | undefined> {
  return askText(vscode.l10n.t('Partner AWS account ID'), vscode.l10n.t('The account ID shown by the partner dashboard (12 digits)'), value,
    (v) => (/^\d{12}$/.test(v) ? undefined : vscode.l10n.t('An AWS account ID has exactly 12 digits.')));
}

export function askExternalId(value?: string): Promise<string | undefined> {
  return askText(vscode.l10n.t('External ID'), vscode.l10n.t('The external ID shown by the partner dashboard'), value,
    (v) => (/^[\w+=,.@:/-]{2,1224}$/.test(v) ? undefined : vscode.l10n.t('2 to 1,224 characters: letters, digits and +=,.@:/-')));
}

export function folderProblemText(v: string): string | undefined {
  return /[\\*?]/.test(v) ? vscode.l10n.t('A folder path cannot contain \\, * or ?.') : undefined;
}

export async function askFolder(value = 'currents'): Promise<string | undefined> {
  const folder = await vscode.window.showInputBox({
    title: vscode.l10n.t('Folder path'),
    prompt: vscode.l10n.t('The folder the connector writes under (Currents default: currents)'),
    value,
    validateInput: folderProblemText,
  });
  return folder?.trim().replace(/^\/+|\/+$/g, '');
}
