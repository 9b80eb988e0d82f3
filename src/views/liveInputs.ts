// The questions Test credentials and Verify role ask: integration, bucket, folder, SSE, and which
// credentials (the current profile, or typed keys kept in SecretStorage only if asked).
import { rememberSessionSecret } from '../editor/sessionSecrets';
import * as vscode from 'vscode';
import type { IntegrationId } from '../policy';
import { BucketLister, bucketProblemText, folderProblemText } from '../editor/prompts';
import { BACK, WizardStep, inputStep, pickStep, runWizard } from './multiStep';
import { integrationLabel } from '../editor/integrationLens';
import { readSettings } from '../editor/settings';
import { FolderDefaults } from './folderDefaults';

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

/** The answers of the last check in this session (never a secret): defaults for the next one. */
const last: Partial<Omit<LiveInputs, 'folder'>> = {};
/** The Currents folder is per bucket, and never set by a dashboard-export run. */
const folders = new FolderDefaults();

/** The folders of a bucket that hold Currents data (the account view finds them). */
export type CurrentsFolderLister = (bucket: string) => Promise<string[] | undefined>;

interface WizardState extends Partial<LiveInputs> {
  credentialChoice?: string;
  accessKeyId?: string;
  secretAccessKey?: string;
  keep?: boolean;
}

/**
 * The questions of Test credentials / Verify role as one multi-step input (step x of n, Back,
 * answers kept when going back). Given answers are not asked; defaults come from the bucket the
 * check started on, the settings, and the previous check.
 */
export async function askLiveCheckInputs(listBuckets: BucketLister & { currentsFolders?: CurrentsFolderLister }, given: Partial<LiveInputs>, askSse: boolean, secrets?: vscode.SecretStorage): Promise<(LiveInputs & { credentials?: CredentialChoice }) | undefined> {
  const state: WizardState = { ...given };
  const remembered = secrets ? (JSON.parse((await secrets.get(KEYS_INDEX)) ?? '[]') as string[]) : [];
  let bucketNames: string[] | undefined;
  const steps: WizardStep<WizardState>[] = [];
  if (!given.integration) {
    steps.push({
      ask: async (st, at) => {
        const items = (['currents', 'dashboard'] as IntegrationId[]).map((id) => ({ label: integrationLabel(id), value: id }));
        const a = await pickStep(vscode.l10n.t('Which integration?'), at, items, { active: st.integration ?? last.integration });
        if (a === BACK || a === undefined) return a;
        st.integration = a.value;
        return true;
      },
    });
  }
  if (!given.bucket) {
    steps.push({
      ask: async (st, at) => {
        try {
          bucketNames ??= await listBuckets();
        } catch {
          bucketNames = undefined; // no credentials or no network: type the name
        }
        const typeIt = '\u0000type';
        if (bucketNames?.length) {
          const items = [...bucketNames.map((b) => ({ label: b, value: b })), { label: vscode.l10n.t('Type another bucket name…'), value: typeIt, alwaysShow: true }];
          const a = await pickStep(vscode.l10n.t('Export bucket'), at, items, { active: st.bucket ?? last.bucket, placeholder: vscode.l10n.t('Choose the bucket the partner writes to') });
          if (a === BACK || a === undefined) return a;
          if (a.value !== typeIt) {
            st.bucket = a.value;
            return true;
          }
        }
        const typed = await inputStep(vscode.l10n.t('Export bucket'), at, { value: st.bucket ?? last.bucket, prompt: vscode.l10n.t('The name of the S3 bucket the partner writes to'), validate: bucketProblemText });
        if (typed === BACK || typed === undefined) return typed;
        st.bucket = typed;
        return true;
      },
    });
  }
  if (given.folder === undefined) {
    steps.push({
      // Only a Currents connector writes under a folder of its own (counted in the total until
      // the answer is Dashboard export, so "of n" never grows).
      applies: (st) => st.integration !== 'dashboard',
      ask: async (st, at) => {
        const bucket = st.bucket ?? '';
        const detected = await listBuckets.currentsFolders?.(bucket).catch(() => undefined);
        const a = await inputStep(vscode.l10n.t('Folder path'), at, {
          value: st.folder ?? folders.folderFor(bucket, detected, readSettings().folderPath),
          prompt: detected?.length
            ? vscode.l10n.t('The folder the connector writes under. Currents data found in {0} under: {1}', bucket, detected.map((f) => `${f}/`).join(', '))
            : vscode.l10n.t('The folder the connector writes under (Currents default: currents)'),
          validate: folderProblemText,
        });
        if (a === BACK || a === undefined) return a;
        st.folder = a.replace(/^\/+|\/+$/g, '');
        return true;
      },
    });
  }
  if (askSse && given.sse === undefined) {
    steps.push({
      ask: async (st, at) => {
        const items = [
          { label: vscode.l10n.t('No server-side encryption header'), value: false },
          { label: vscode.l10n.t('AES-256 server-side encryption (x-amz-server-side-encryption)'), value: true },
        ];
        const a = await pickStep(vscode.l10n.t('Server-side encryption, as set in the partner dashboard'), at, items, { active: st.sse ?? last.sse ?? false });
        if (a === BACK || a === undefined) return a;
        st.sse = a.value;
        return true;
      },
    });
  }
  if (secrets) {
    steps.push({
      ask: async (st, at) => {
        const items = [
          { label: vscode.l10n.t('Use the current AWS profile'), value: 'profile' },
          ...remembered.map((k) => ({ label: vscode.l10n.t('Use remembered key {0}', k), value: k })),
          { label: vscode.l10n.t('Enter an access key ID and secret access key…'), value: 'type' },
        ];
        const a = await pickStep(vscode.l10n.t('Which credentials will you give the partner?'), at, items, { active: st.credentialChoice });
        if (a === BACK || a === undefined) return a;
        st.credentialChoice = a.value;
        return true;
      },
    });
    const typing = (st: WizardState) => st.credentialChoice === 'type';
    steps.push({
      applies: typing,
      followUp: true,
      ask: async (st, at) => {
        const a = await inputStep(vscode.l10n.t('Access key ID'), at, {
          value: st.accessKeyId,
          validate: (v) => (/^(AKIA|ASIA)[A-Z0-9]{12,124}$/.test(v) ? undefined : vscode.l10n.t('An access key ID starts with AKIA and has 20 characters.')),
        });
        if (a === BACK || a === undefined) return a;
        st.accessKeyId = a;
        return true;
      },
    });
    steps.push({
      applies: typing,
      followUp: true,
      ask: async (st, at) => {
        const a = await inputStep(vscode.l10n.t('Secret access key'), at, { password: true, validate: (v) => (v.length >= 20 ? undefined : vscode.l10n.t('The secret access key has 40 characters.')) });
        if (a === BACK || a === undefined) return a;
        st.secretAccessKey = a;
        return true;
      },
    });
    steps.push({
      applies: typing,
      followUp: true,
      ask: async (st, at) => {
        const items = [{ label: vscode.l10n.t('Keep it in memory for this check only'), value: false }, { label: vscode.l10n.t('Remember it in VS Code\'s secret storage'), value: true }];
        const a = await pickStep(vscode.l10n.t('Remember the secret?'), at, items, { active: st.keep ?? false });
        if (a === BACK || a === undefined) return a;
        st.keep = a.value;
        return true;
      },
    });
  }
  const done = await runWizard(steps, state);
  if (!done?.integration || !done.bucket) return undefined;
  const inputs: LiveInputs = { integration: done.integration, bucket: done.bucket, folder: done.integration === 'currents' ? done.folder ?? 'currents' : done.folder ?? '', sse: done.sse ?? false };
  Object.assign(last, { integration: inputs.integration, bucket: inputs.bucket, sse: inputs.sse });
  folders.remember(inputs);
  if (!secrets) return inputs;
  let credentials: CredentialChoice | undefined;
  if (done.credentialChoice === 'profile') credentials = { kind: 'profile' };
  else if (done.credentialChoice === 'type' && done.accessKeyId && done.secretAccessKey) {
    credentials = { kind: 'keys', credentials: { accessKeyId: done.accessKeyId, secretAccessKey: done.secretAccessKey } };
    rememberSessionSecret(done.secretAccessKey);
    if (done.keep) await rememberKey(secrets, credentials.credentials);
  } else if (done.credentialChoice) {
    const secret = await secrets.get(SECRET_PREFIX + done.credentialChoice);
    rememberSessionSecret(secret);
    if (secret) credentials = { kind: 'keys', credentials: { accessKeyId: done.credentialChoice, secretAccessKey: secret } };
  }
  return credentials ? { ...inputs, credentials } : undefined;
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

/** Keeps a key's secret in VS Code's SecretStorage (only when the person asks). */
export async function rememberKey(secrets: vscode.SecretStorage, key: { accessKeyId: string; secretAccessKey: string }): Promise<void> {
  const remembered = JSON.parse((await secrets.get(KEYS_INDEX)) ?? '[]') as string[];
  await secrets.store(SECRET_PREFIX + key.accessKeyId, key.secretAccessKey);
  await secrets.store(KEYS_INDEX, JSON.stringify([...new Set([...remembered, key.accessKeyId])]));
}
