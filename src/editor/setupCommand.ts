// "New Braze export setup (Terraform / CloudFormation)…": asks what is missing (format,
// integration, method, bucket, folder, partner account, external ID) as one multi-step input
// (step x of n, the total fixed from the start, Back keeps answers), writes a complete module
// into the workspace (its terraform/, cloudformation/ or infra/ folder when it has one; never over
// an existing file) and opens it, where the checker reads it.
import * as vscode from 'vscode';
import type { IntegrationId } from '../policy';
import { SetupAuth, SetupFormat, setupFolder, setupText } from '../formats/setupTemplates';
import { BucketLister, BucketWarning, bucketProblemText } from './prompts';
import { integrationLabel } from './integrationLens';
import { readSettings } from './settings';
import { openUntitled } from './untitledDocument';
import { BACK, PickItem, StepPosition, WizardStep, inputStep, pickStep, runWizard } from '../views/multiStep';
import { authStep, externalIdStep, folderStep, partnerAccountStep } from '../views/partnerSteps';

export interface SetupAnswers {
  format?: SetupFormat;
  integration?: IntegrationId;
  auth?: SetupAuth;
  bucket?: string;
  /** The bucket exists already: the module reads it, never creates it. */
  existingBucket?: boolean;
  folder?: string;
  partnerAccountId?: string;
  externalId?: string;
  /** The folder to write into (default: terraform/, cloudformation/ or infra/ of the first workspace folder, else its root). */
  directory?: vscode.Uri;
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

/** Where the module goes: the workspace's terraform/, cloudformation/ or infra/ folder, else its root. */
async function defaultDirectory(format: SetupFormat): Promise<vscode.Uri | undefined> {
  const root = vscode.workspace.workspaceFolders?.[0]?.uri;
  if (!root) return undefined;
  try {
    const folders = (await vscode.workspace.fs.readDirectory(root)).filter(([, type]) => type === vscode.FileType.Directory).map(([name]) => name);
    const chosen = setupFolder(format, folders);
    return chosen ? vscode.Uri.joinPath(root, chosen) : root;
  } catch {
    return root;
  }
}

/** What a bucket's warnings mean for the chosen integration, in one line each. */
function warningText(w: BucketWarning, integration: IntegrationId | undefined): string {
  if (w === 'kms') return vscode.l10n.t('SSE-KMS default encryption: the partner\'s writer fails with "not authorized to perform: kms:GenerateDataKey"');
  return integration === 'dashboard'
    ? vscode.l10n.t('Object Lock: the dashboard export cannot delete or replace the files it wrote')
    : vscode.l10n.t('Object Lock: Currents does not support buckets with Object Lock');
}

const warningLabel = (w: BucketWarning) => (w === 'kms' ? 'SSE-KMS' : vscode.l10n.t('Object Lock'));

type SetupState = Omit<SetupAnswers, 'directory'>;

const TYPE_IT = '\u0000type';

/** The bucket question: the account's buckets (with Object Lock / SSE-KMS warnings), or a name typed in. */
function bucketStep(listBuckets: BucketLister): WizardStep<SetupState> {
  let names: string[] | undefined;
  let listed = false;
  const warnings = new Map<string, BucketWarning[]>();
  const title = vscode.l10n.t('Export bucket');

  /** A bucket with a warning is taken only once the person has read why (else: choose again). */
  const confirmed = async (st: SetupState, at: StepPosition, bucket: string): Promise<boolean | undefined> => {
    const found = warnings.get(bucket) ?? (await listBuckets.bucketWarnings?.(bucket).catch(() => undefined)) ?? [];
    warnings.set(bucket, found);
    if (found.length === 0) return true;
    const why = found.map((w) => warningText(w, st.integration)).join(' · ');
    const a = await pickStep(`${bucket}: ${found.map(warningLabel).join(', ')}`, at, [
      { label: vscode.l10n.t('Choose another bucket'), value: false, detail: why },
      { label: vscode.l10n.t('Use {0} anyway', bucket), value: true, description: vscode.l10n.t('the export will fail until the bucket is changed') },
    ], { placeholder: why });
    if (a === undefined) return undefined;
    return a !== BACK && a.value;
  };

  return {
    ask: async (st, at) => {
      if (!listed) {
        listed = true;
        try {
          names = await listBuckets();
        } catch {
          names = undefined; // no credentials or no network: type the name
        }
      }
      for (;;) {
        let typedText = '';
        if (names?.length) {
          const all = names;
          const items = (): PickItem<string>[] => [
            ...all.map((b) => {
              const w = warnings.get(b) ?? [];
              return w.length
                ? { label: `$(warning) ${b}`, value: b, description: w.map(warningLabel).join(', '), detail: w.map((x) => warningText(x, st.integration)).join(' · ') }
                : { label: b, value: b };
            }),
            { label: vscode.l10n.t('Type another bucket name…'), value: TYPE_IT, alwaysShow: true, description: vscode.l10n.t('a new bucket the module creates, or one not listed') },
          ];
          const typed = { value: '' };
          const refresh = listBuckets.bucketWarnings
            ? async (set: (items: PickItem<string>[]) => void) => {
              // The account view reads each bucket's Object Lock and encryption; warnings appear as they come.
              await Promise.all(all.slice(0, 50).map(async (b) => {
                const w = await listBuckets.bucketWarnings!(b).catch(() => undefined);
                if (w?.length) {
                  warnings.set(b, w);
                  set(items());
                }
              }));
            }
            : undefined;
          const a = await pickStep(title, at, items(), { active: st.existingBucket ? st.bucket : undefined, placeholder: vscode.l10n.t('Choose the bucket the partner writes to'), typed, refresh });
          if (a === BACK || a === undefined) return a;
          if (a.value !== TYPE_IT) {
            const ok = await confirmed(st, at, a.value);
            if (ok === undefined) return undefined;
            if (!ok) continue;
            st.bucket = a.value;
            st.existingBucket = true;
            return true;
          }
          typedText = typed.value; // what was typed into the list is not lost
        }
        const value = typedText || (st.existingBucket && names?.includes(st.bucket ?? '') ? undefined : st.bucket);
        const name = await inputStep(title, at, { value, prompt: vscode.l10n.t('The name of the S3 bucket the partner writes to'), validate: bucketProblemText });
        if (name === BACK) {
          if (names?.length) continue; // back to the list
          return BACK;
        }
        if (name === undefined) return undefined;
        if (names) {
          // The account's buckets are known: a name among them exists, any other is created.
          st.existingBucket = names.includes(name);
        } else {
          const a = await pickStep(vscode.l10n.t('Does {0} exist already?', name), at, [
            { label: vscode.l10n.t('Create the bucket'), value: false, description: vscode.l10n.t('no Object Lock, SSE-S3, public access blocked') },
            { label: vscode.l10n.t('The bucket exists already'), value: true, description: vscode.l10n.t('the module reads it and never creates it') },
          ], { active: st.existingBucket });
          if (a === undefined) return undefined;
          if (a === BACK) continue;
          st.existingBucket = a.value;
        }
        if (st.existingBucket) {
          const ok = await confirmed(st, at, name);
          if (ok === undefined) return undefined;
          if (!ok) continue;
        }
        st.bucket = name;
        return true;
      }
    },
  };
}

export async function newSetup(listBuckets: BucketLister, given: SetupAnswers = {}): Promise<vscode.TextDocument | undefined> {
  const settings = readSettings(vscode.window.activeTextEditor?.document.uri);
  const state: SetupState = { ...given, partnerAccountId: given.partnerAccountId ?? settings.partnerAccountId, externalId: given.externalId ?? settings.externalId };
  if (given.bucket !== undefined) state.existingBucket ??= false;
  const steps: WizardStep<SetupState>[] = [];
  if (!given.format) {
    steps.push({
      ask: async (st, at) => {
        const a = await pickStep(vscode.l10n.t('Write the setup as'), at, [
          { label: 'Terraform', description: vscode.l10n.t('bucket, policy, role or user, outputs (.tf)'), value: 'terraform' as const },
          { label: 'CloudFormation', description: vscode.l10n.t('the same as a YAML template'), value: 'cloudformation' as const },
        ], { active: st.format });
        if (a === BACK || a === undefined) return a;
        st.format = a.value;
        return true;
      },
    });
  }
  if (!given.integration) {
    steps.push({
      ask: async (st, at) => {
        const a = await pickStep(vscode.l10n.t('Which integration?'), at, (['currents', 'dashboard'] as IntegrationId[]).map((id) => ({ label: integrationLabel(id), value: id })), { active: st.integration });
        if (a === BACK || a === undefined) return a;
        st.integration = a.value;
        return true;
      },
    });
  }
  if (!given.auth) steps.push(authStep(vscode.l10n.t('an IAM user with this policy attached')));
  if (given.bucket === undefined) steps.push(bucketStep(listBuckets));
  if (given.folder === undefined) steps.push(folderStep(() => settings.folderPath));
  if (!state.partnerAccountId) steps.push(partnerAccountStep());
  if (!state.externalId) steps.push(externalIdStep());
  const done = await runWizard(steps, state);
  if (!done?.format || !done.integration || !done.auth || !done.bucket) return undefined;
  const { format, integration, auth, bucket, existingBucket } = done;
  const folder = integration === 'currents' ? done.folder ?? 'currents' : undefined;
  const role = auth === 'role-arn' ? { partnerAccountId: done.partnerAccountId, externalId: done.externalId } : {};
  const text = setupText(format, { integration, auth, bucket, existingBucket, folder, ...role });
  const directory = given.directory ?? (await defaultDirectory(format));
  const base = integration === 'currents' ? 'braze-currents' : 'braze-dashboard-export';
  if (!directory) {
    // No folder open: an untitled document, in the language this extension contributes for .tf.
    const document = await openUntitled(format === 'terraform' ? 'terraform' : 'yaml', text);
    await vscode.window.showTextDocument(document, { preview: false });
    return document;
  }
  const uri = await freeName(directory, base, format === 'terraform' ? '.tf' : '.yaml');
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
  const document = await vscode.workspace.openTextDocument(uri);
  await vscode.window.showTextDocument(document, { preview: false });
  return document;
}
