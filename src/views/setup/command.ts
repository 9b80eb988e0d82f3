// "Braze S3: Set up the export in this account…" (palette, a bucket's context menu, the
// walkthrough) and "Remove the Braze export setup…": the questions as one multi-step input, then
// the core run (src/aws/setup) with a progress notification, the change set reviewed in a
// webview, the verification reports as today, and the values to paste into Braze.
import * as vscode from 'vscode';
import type { SetupAnswers, SetupIntegration, SetupOutcome } from '../../aws';
import type { Node } from '../accountNodes';
import { loadAws, problemText } from '../../loadAws';
import { registerSafeCommand } from '../../editor/safeCommand';
import { redactSessionSecrets } from '../../editor/sessionSecrets';
import { bucketProblemText } from '../../editor/prompts';
import { readSettings } from '../../editor/settings';
import type { AccountConnection } from '../connection';
import type { ReportDocuments } from '../reports';
import { BACK, WizardStep, inputStep, pickStep, runWizard } from '../multiStep';
import { authStep, externalIdStep, folderStep, partnerAccountStep } from '../partnerSteps';
import { showNewKey } from '../newKeyDialog';
import { SetupPanel } from './panel';

export interface SetupDeps {
  connection: AccountConnection;
  listBuckets: () => Promise<string[] | undefined>;
  reports: ReportDocuments;
  output: vscode.LogOutputChannel;
  secrets: vscode.SecretStorage;
  refresh(): void;
}

type State = Partial<SetupAnswers>;
const NEW = '\u0000new';
const locale = () => (vscode.env.language.startsWith('es') ? 'es' as const : 'en' as const);

/** The questions; a bucket given by the account view skips the bucket step. */
function questions(deps: SetupDeps, given: State): WizardStep<State>[] {
  const steps: WizardStep<State>[] = [
    {
      ask: async (st, at) => {
        const a = await pickStep(vscode.l10n.t('Which integration?'), at, [
          { label: vscode.l10n.t('Currents'), description: vscode.l10n.t('event streaming into a folder'), value: 'currents' as SetupIntegration },
          { label: vscode.l10n.t('Dashboard data export'), description: vscode.l10n.t('CSV exports and reports at the bucket root'), value: 'dashboard' as SetupIntegration },
          { label: vscode.l10n.t('Both on one bucket'), description: vscode.l10n.t('two policies, one role or user'), value: 'both' as SetupIntegration },
        ], { active: st.integration });
        if (a === BACK || a === undefined) return a;
        st.integration = a.value;
        return true;
      },
    },
    authStep(vscode.l10n.t('an IAM user; its key is created after the stack and shown once')),
  ];
  if (!given.bucket) {
    steps.push({
      ask: async (st, at) => {
        let names: string[] | undefined;
        try {
          names = await deps.listBuckets();
        } catch {
          names = undefined;
        }
        const a = await pickStep(vscode.l10n.t('Export bucket'), at, [
          { label: vscode.l10n.t('$(add) New bucket…'), description: vscode.l10n.t('created in the stack, kept if the stack is deleted'), value: NEW, alwaysShow: true },
          ...(names ?? []).map((n) => ({ label: n, description: vscode.l10n.t('existing: checked first, never put in the stack'), value: n })),
        ], { active: st.existingBucket ? st.bucket : undefined, placeholder: vscode.l10n.t('Choose the bucket the partner writes to') });
        if (a === BACK || a === undefined) return a;
        if (a.value !== NEW) {
          st.bucket = a.value;
          st.existingBucket = true;
          return true;
        }
        const name = await inputStep(vscode.l10n.t('New bucket name'), at, { value: st.existingBucket ? undefined : st.bucket, prompt: vscode.l10n.t('Bucket names are global: lowercase letters, digits, dots and hyphens'), validate: bucketProblemText });
        if (name === BACK || name === undefined) return name;
        st.bucket = name;
        st.existingBucket = false;
        return true;
      },
    });
  }
  steps.push(folderStep(() => readSettings().folderPath), partnerAccountStep(), externalIdStep());
  return steps;
}

export async function setUpExport(deps: SetupDeps, given: State = {}): Promise<SetupOutcome | undefined> {
  if (!deps.connection.allowed) {
    void vscode.window.showWarningMessage(vscode.l10n.t('Live checks are disabled in an untrusted workspace.'));
    return undefined;
  }
  const settings = readSettings();
  const state: State = { partnerAccountId: settings.partnerAccountId, externalId: settings.externalId, ...given };
  const done = await runWizard(questions(deps, given), state);
  if (!done?.integration || !done.auth || !done.bucket) return undefined;
  const answers: SetupAnswers = { integration: done.integration, auth: done.auth, bucket: done.bucket, existingBucket: !!done.existingBucket, folder: done.folder, partnerAccountId: done.partnerAccountId, externalId: done.externalId };
  const aws = loadAws();
  const panel = new SetupPanel();
  const title = vscode.l10n.t('Set up the Braze export');
  let outcome: SetupOutcome | undefined;
  try {
    outcome = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title, cancellable: false }, (progress) => aws.runSetup(deps.connection.get(), answers, {
      progress: (text) => {
        deps.output.info(`${title}: ${text}`);
        progress.report({ message: text });
      },
      confirm: (preview) => panel.review(preview),
      handOverKey: (key) => showNewKey(key, {
        title: vscode.l10n.t('Access key for {0}', done.bucket!),
        closing: vscode.l10n.t('Paste both into the partner dashboard. This is the only time the secret is shown.'),
        done: vscode.l10n.t('I have saved the key'),
        cancel: vscode.l10n.t('Delete the key…'),
        confirmTitle: vscode.l10n.t('Delete the new key {0}?', key.accessKeyId),
        confirmDetail: vscode.l10n.t('The stack stays; create a key later with Rotate access key… on the user.'),
        confirmDelete: vscode.l10n.t('Delete the key'),
      }, () => deps.secrets.store(`brazeS3.secret.${key.accessKeyId}`, key.secretAccessKey)),
    }, { locale: locale() }));
  } catch (error) {
    panel.dispose();
    throw error;
  }
  deps.refresh();
  if (outcome.status === 'deployed' || outcome.status === 'unchanged') {
    for (const r of outcome.reports) await deps.reports.show(r, deps.output);
    panel.result(outcome.paste, { verified: outcome.verified, unchanged: outcome.status === 'unchanged', stack: outcome.plan.names.stack });
    void vscode.window.showInformationMessage(outcome.verified ? vscode.l10n.t('Braze export set up and verified: the values to paste are in the panel.') : vscode.l10n.t('Braze export set up, but the verification failed: see the report.'));
    return outcome;
  }
  panel.dispose();
  const text = outcome.status === 'invalid' ? outcome.problems.join(' · ')
    : outcome.status === 'cancelled' ? aws.setupMessages(locale()).phase.cancelled
      : 'message' in outcome ? outcome.message : '';
  deps.output.info(`${title}: ${redactSessionSecrets(text)}`);
  if (outcome.status === 'cancelled') void vscode.window.showInformationMessage(text);
  else void vscode.window.showErrorMessage(`${title}: ${text}`);
  return outcome;
}

export async function removeSetup(deps: SetupDeps, stackName?: string): Promise<string | undefined> {
  if (!deps.connection.allowed) return undefined;
  const aws = loadAws();
  const clients = deps.connection.get();
  let name = stackName;
  if (!name) {
    const stacks = await aws.setupStacks(clients.cloudFormation);
    if (!stacks.length) {
      void vscode.window.showInformationMessage(vscode.l10n.t('No Braze export setup stack in this account and region.'));
      return undefined;
    }
    name = (await vscode.window.showQuickPick(stacks.map((s) => ({ label: s.name, description: s.status })), { title: vscode.l10n.t('Remove the Braze export setup'), placeHolder: vscode.l10n.t('The stack to delete') }))?.label;
    if (!name) return undefined;
  }
  const outcome = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Remove the Braze export setup') }, (progress) => aws.runTeardown(clients, name!, {
    progress: (t) => progress.report({ message: t }),
    confirm: async (p) => {
      const yes = vscode.l10n.t('Delete the stack');
      const kept = p.kept.length ? p.kept.map((k) => k.name).join(', ') : vscode.l10n.t('the existing bucket (never in the stack)');
      const answer = await vscode.window.showWarningMessage(vscode.l10n.t('Delete the stack {0}?', p.stackName), {
        modal: true,
        detail: [vscode.l10n.t('Deleted: {0}', p.deleted.map((d) => `${d.type.replace('AWS::IAM::', '')} ${d.name}`).join(', ')), vscode.l10n.t('Kept, with all its data: {0}', kept), vscode.l10n.t('The partner can no longer write to the bucket afterwards.')].join('\n'),
      }, yes);
      return answer === yes;
    },
  }, {}));
  deps.refresh();
  const text = outcome.status === 'deleted' ? vscode.l10n.t('Removed the stack {0}; the bucket and its data stay.', name)
    : outcome.status === 'cancelled' ? vscode.l10n.t('Nothing was deleted.')
      : outcome.status === 'missing' ? vscode.l10n.t('No stack named {0}.', name)
        : vscode.l10n.t('The stack {0} could not be deleted ({1}).', name, outcome.outcome.status);
  void (outcome.status === 'failed' ? vscode.window.showErrorMessage(text) : vscode.window.showInformationMessage(text));
  return outcome.status;
}

/** The two commands, registered from the account view with one call. */
export function registerSetupCommands(deps: SetupDeps): vscode.Disposable[] {
  const command = (id: string, run: (...args: never[]) => unknown) => registerSafeCommand(id, run, deps.output, problemText);
  return [
    command('brazeS3.setupExport', (node?: Node | State) => setUpExport(deps, node && 'kind' in node ? (node.kind === 'bucket' ? { bucket: node.bucket.name, existingBucket: true } : {}) : (node ?? {}))),
    // The bucket's context menu: the same command under the title "Set up Braze export here…".
    command('brazeS3.setupExportHere', (node?: Node) => setUpExport(deps, node?.kind === 'bucket' ? { bucket: node.bucket.name, existingBucket: true } : {})),
    command('brazeS3.removeSetup', (stack?: string) => removeSetup(deps, typeof stack === 'string' ? stack : undefined)),
  ];
}
