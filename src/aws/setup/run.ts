// "Set up the export in this account", start to end without vscode: check the answers and the
// generated template, check an existing bucket (or that a new name is free), refuse a stuck or
// busy stack, create the change set, let the person review it (Deploy or Cancel), execute it while
// reporting each resource, then prove the setup works (Verify role / Test credentials, retried
// while IAM propagates) and hand over the values to paste into Braze. An access key is created
// after the stack, through IAM, and handed over once: never in the template or its outputs.
import { GetRoleCommand } from '@aws-sdk/client-iam';
import { HeadBucketCommand } from '@aws-sdk/client-s3';
import type { IntegrationId, Locale } from '../../policy';
import { bucketRegion, defaultEncryption, objectLockEnabled } from '../buckets';
import { Clients, DEFAULT_REGION, createClients } from '../connection';
import { describeProblem, problemOf } from '../errors';
import type { Report } from '../report';
import type { NewKey } from '../rotation';
import { testCredentials } from '../testCredentials';
import { createAccessKey, deleteAccessKey } from '../users';
import { verifyRole } from '../verifyRole';
import { SetupAnswers, answerProblems } from './answers';
import { setupMessages } from './messages';
import { deniedActions } from './permissions';
import { SetupPlan, TemplateCheckError, planSetup } from './plan';
import { ChangeSetFailed, ChangeSetResult, Clock, StackEventLine, createChangeSet, discardChangeSet, executeChangeSet, pendingChangeSets, realClock, stackResources, stackState } from './stack';

/** What the person sees before anything changes. */
export interface SetupPreview {
  plan: SetupPlan;
  changeSet: ChangeSetResult;
}

/** What the run asks and tells the person (the extension: dialogs and a webview; the CLI: flags and text). */
export interface SetupUi {
  progress(text: string): void;
  /** Deploy (true) or Cancel (false) after seeing the change set. */
  confirm(preview: SetupPreview): Promise<boolean>;
  /** Access-key method: show the new key once; false deletes it again (the person cancelled). */
  handOverKey?(key: NewKey, report: Report | undefined): Promise<boolean>;
}

export interface PasteField {
  id: 'accessKeyId' | 'secretAccessKey' | 'roleArn' | 'bucket' | 'folder' | 'region';
  label: string;
  /** Undefined for the secret: shown once by handOverKey, never kept in the outcome. */
  value?: string;
}

export interface PasteGroup {
  integration: IntegrationId;
  title: string;
  fields: PasteField[];
}

export type SetupOutcome =
  | { status: 'invalid'; problems: string[] }
  | { status: 'refused'; reason: 'bucket' | 'stuck' | 'busy' | 'denied'; message: string }
  | { status: 'cancelled'; plan: SetupPlan; changeSet?: ChangeSetResult }
  | { status: 'failed'; plan: SetupPlan; message: string; stackStatus: string; failures: StackEventLine[] }
  | { status: 'deployed' | 'unchanged'; plan: SetupPlan; changeSet: ChangeSetResult; events: StackEventLine[]; reports: Report[]; verified: boolean; attempts: number; paste: PasteGroup[]; roleArn?: string; userName?: string; accessKeyId?: string; steps: number };

/** A setup that reached the end (deployed, or nothing to change). */
export type SetupDone = Extract<SetupOutcome, { paste: PasteGroup[] }>;

export interface SetupOptions {
  locale?: Locale;
  clock?: Clock;
  /** How long to keep retrying the verification while IAM propagates (default 120 s). */
  verifyWindowMs?: number;
  signal?: AbortSignal;
}

/** The failures worth retrying while a new role, user or key propagates through IAM. */
const PROPAGATING = new Set(['NoSuchEntity', 'InvalidAccessKeyId', 'InvalidClientTokenId', 'AccessDenied', 'SignatureDoesNotMatch']);

export function isPropagationFailure(r: Report): boolean {
  const failed = r.steps.filter((s) => s.status === 'fail');
  return failed.length > 0 && failed.every((s) => !s.errorCode || PROPAGATING.has(s.errorCode)) && failed.some((s) => s.errorCode && PROPAGATING.has(s.errorCode));
}

/** Runs `check` until it passes, or fails for a reason other than propagation, or the window closes (backoff 2, 4, 8, 15 s…). */
export async function verifyWithRetry(check: () => Promise<Report>, clock: Clock, windowMs: number, onRetry: (attempt: number, waitMs: number) => void, signal?: AbortSignal): Promise<{ report: Report; attempts: number }> {
  const start = clock.now();
  for (let attempt = 1, wait = 2000; ; attempt++, wait = Math.min(wait * 2, 15_000)) {
    const report = await check();
    if (report.ok || !isPropagationFailure(report) || clock.now() - start + wait > windowMs) return { report, attempts: attempt };
    onRetry(attempt, wait);
    await clock.sleep(wait, signal);
  }
}

/** The AWS action a refusal names ("… not authorized to perform: iam:CreateRole …"), else the one asked. */
export function deniedAction(message: string, fallback: string): string {
  return /perform:?\s+([a-z0-9-]+:[A-Za-z0-9]+)/i.exec(message)?.[1] ?? fallback;
}

async function checkBucket(clients: Clients, a: SetupAnswers, locale: Locale, ownedByStack: boolean): Promise<string | undefined> {
  const m = setupMessages(locale);
  const region = clients.settings.region || DEFAULT_REGION;
  // A re-run: the new bucket of the first run is the stack's own.
  if (!a.existingBucket && ownedByStack) return undefined;
  if (!a.existingBucket) {
    try {
      await clients.s3.send(new HeadBucketCommand({ Bucket: a.bucket }));
      return m.bucketExistsUseIt(a.bucket);
    } catch (error) {
      const p = problemOf(error);
      if (p.status === 403) return m.bucketTaken(a.bucket);
      if (p.status === 404 || p.code === 'NotFound' || p.code === 'NoSuchBucket') return undefined;
      throw error;
    }
  }
  let at: string;
  try {
    at = await bucketRegion(clients.s3, a.bucket);
  } catch (error) {
    if (problemOf(error).code === 'NoSuchBucket') return m.bucketMissing(a.bucket);
    throw error;
  }
  if (at !== region && !clients.settings.endpoint) return m.bucketOtherRegion(a.bucket, at, region);
  const s3 = clients.s3For(at);
  const lock = await objectLockEnabled(s3, a.bucket);
  if (lock.ok && lock.value) return m.bucketObjectLock(a.bucket);
  const enc = await defaultEncryption(s3, a.bucket);
  if (enc.ok && String(enc.value).startsWith('aws:kms')) return m.bucketKms(a.bucket);
  return undefined;
}

/** The values the partner dashboard asks for, in its order (the source document's fields). */
export function pasteGroups(plan: SetupPlan, region: string, locale: Locale, ids: { roleArn?: string; accessKeyId?: string }): PasteGroup[] {
  const m = setupMessages(locale);
  return plan.integrations.map((integration) => {
    const credentials: PasteField[] = plan.answers.auth === 'role-arn'
      ? [{ id: 'roleArn', label: m.field.roleArn, value: ids.roleArn }]
      : [{ id: 'accessKeyId', label: m.field.accessKeyId, value: ids.accessKeyId }, { id: 'secretAccessKey', label: m.field.secretAccessKey }];
    const fields: PasteField[] = [...credentials, { id: 'bucket', label: m.field.bucket, value: plan.answers.bucket }];
    if (integration === 'currents') fields.push({ id: 'folder', label: m.field.folder, value: plan.folder });
    fields.push({ id: 'region', label: m.field.region, value: region });
    return { integration, title: m.pasteInto[integration], fields };
  });
}

export async function runSetup(clients: Clients, answers: SetupAnswers, ui: SetupUi, options: SetupOptions = {}): Promise<SetupOutcome> {
  const locale = options.locale ?? 'en';
  const m = setupMessages(locale);
  const clock = options.clock ?? realClock;
  const cfn = clients.cloudFormation;
  let steps = 0;
  const say = (text: string) => {
    steps++;
    ui.progress(text);
  };

  const problems = answerProblems(answers);
  if (problems.length) return { status: 'invalid', problems: problems.map(m.name) };
  let plan: SetupPlan;
  try {
    plan = planSetup(answers, locale);
  } catch (error) {
    if (error instanceof TemplateCheckError) return { status: 'invalid', problems: [m.templateUnclean(error.findings.join('; '))] };
    throw error;
  }
  const stackName = plan.names.stack;

  const denied = await deniedActions(clients, answers);
  if (denied?.length) return { status: 'refused', reason: 'denied', message: m.denied(denied.join(', '), m.simulatorSays) };

  say(m.phase.stack);
  let state;
  try {
    state = await stackState(cfn, stackName);
  } catch (error) {
    const p = problemOf(error);
    if (p.code.startsWith('AccessDenied') || p.status === 403) return { status: 'refused', reason: 'denied', message: m.denied(deniedAction(p.message, 'cloudformation:DescribeStacks'), describeProblem(p)) };
    throw error;
  }
  if (state.exists && state.stuck === 'wait') return { status: 'refused', reason: 'busy', message: m.busy(stackName, state.status) };
  if (state.exists && state.stuck) return { status: 'refused', reason: 'stuck', message: m.stuck(stackName, state.status, state.stuck, state.reason) };
  const pending = state.exists ? await pendingChangeSets(cfn, stackName) : [];
  if (pending.length || (state.exists && state.status === 'REVIEW_IN_PROGRESS')) return { status: 'refused', reason: 'busy', message: m.busy(stackName, pending[0] ?? 'REVIEW_IN_PROGRESS') };
  const exists = state.exists;

  say(m.phase.bucket);
  let unsuitable: string | undefined;
  try {
    unsuitable = await checkBucket(clients, answers, locale, exists && !answers.existingBucket && (await stackResources(cfn, stackName).catch(() => ({} as Record<string, string>))).ExportBucket === answers.bucket);
  } catch (error) {
    const p = problemOf(error);
    if (p.code.startsWith('AccessDenied') || p.status === 403) return { status: 'refused', reason: 'denied', message: m.denied(deniedAction(p.message, answers.existingBucket ? 's3:GetBucketLocation' : 's3:ListBucket'), describeProblem(p)) };
    throw error;
  }
  if (unsuitable) return { status: 'refused', reason: 'bucket', message: unsuitable };

  say(m.phase.changeSet);
  let changeSet: ChangeSetResult;
  try {
    changeSet = await createChangeSet(cfn, plan, exists, clock, options.signal);
  } catch (error) {
    const p = problemOf(error);
    if (p.code.startsWith('AccessDenied') || p.status === 403) return { status: 'refused', reason: 'denied', message: m.denied(deniedAction(p.message, 'cloudformation:CreateChangeSet'), describeProblem(p)) };
    if (error instanceof ChangeSetFailed) {
      // Nothing was executed; the failed change set (and a new stack's empty shell) is removed.
      await cleanUpFailedChangeSet(clients, stackName, exists);
      return { status: 'refused', reason: 'denied', message: m.denied(deniedAction(error.reason, 'cloudformation:CreateChangeSet'), error.reason) };
    }
    if (/already exists/i.test(p.message)) return { status: 'refused', reason: 'busy', message: m.busy(stackName, p.message) };
    throw error;
  }

  const discard = async () => {
    await discardChangeSet(cfn, changeSet).catch(() => undefined);
  };
  let events: StackEventLine[] = [];
  if (!changeSet.empty) {
    say(m.phase.preview);
    let go: boolean;
    try {
      go = await ui.confirm({ plan, changeSet });
    } catch (error) {
      await discard();
      throw error;
    }
    if (!go) {
      await discard();
      say(m.phase.cancelled);
      return { status: 'cancelled', plan, changeSet };
    }
    say(m.phase.deploy);
    const outcome = await executeChangeSet(cfn, changeSet, (e) => say(m.resource(e.logicalId, e.status, e.reason)), clock, options.signal);
    events = outcome.events;
    if (!outcome.ok) {
      const first = outcome.failures[0];
      const why = first ? m.resource(first.logicalId, first.status, first.reason) : outcome.status;
      const denied = first?.reason && /not authorized|AccessDenied/i.test(first.reason) ? ` ${m.denied(deniedAction(first.reason, first.type), first.reason)}` : '';
      return { status: 'failed', plan, message: `${m.failed(stackName, outcome.status)}: ${why}. ${/ROLLBACK/.test(outcome.status) ? m.rolledBack : ''}${denied}`.trim(), stackStatus: outcome.status, failures: outcome.failures };
    }
  } else {
    await discard();
    say(m.phase.nothing);
  }

  // What was created: names are fixed in the template (moto returns no stack outputs).
  const region = clients.settings.region || DEFAULT_REGION;
  const reports: Report[] = [];
  let attempts = 0;
  let roleArn: string | undefined;
  let accessKeyId: string | undefined;
  const windowMs = options.verifyWindowMs ?? 120_000;
  const onRetry = (attempt: number, wait: number) => say(m.retrying(attempt, Math.round(wait / 1000), Math.round(windowMs / 1000)));
  say(m.phase.verify);
  if (answers.auth === 'role-arn') {
    roleArn = (await clients.iam.send(new GetRoleCommand({ RoleName: plan.names.role }))).Role?.Arn;
    for (const integration of plan.integrations) {
      const r = await verifyWithRetry(() => verifyRole(clients, { roleArn: roleArn!, bucket: answers.bucket, integration, folder: plan.folder, partnerAccountId: answers.partnerAccountId, externalId: answers.externalId, locale }), clock, windowMs, onRetry, options.signal);
      reports.push(r.report);
      attempts += r.attempts;
    }
  } else {
    say(m.phase.key);
    const user = plan.names.user!;
    const key = await createAccessKey(clients.iam, user);
    accessKeyId = key.accessKeyId;
    const keyClients = createClients({ ...clients.settings, profile: undefined, credentials: key });
    try {
      for (const integration of plan.integrations) {
        const r = await verifyWithRetry(() => testCredentials(keyClients, { bucket: answers.bucket, integration, folder: plan.folder, locale }), clock, windowMs, onRetry, options.signal);
        reports.push(r.report);
        attempts += r.attempts;
      }
      const kept = ui.handOverKey ? await ui.handOverKey(key, reports[0]) : false;
      if (!kept) {
        await deleteAccessKey(clients.iam, user, key.accessKeyId);
        accessKeyId = undefined;
      }
    } catch (error) {
      await deleteAccessKey(clients.iam, user, key.accessKeyId).catch(() => undefined);
      throw error;
    } finally {
      keyClients.dispose();
    }
  }
  const verified = reports.every((r) => r.ok);
  return {
    status: changeSet.empty ? 'unchanged' : 'deployed', plan, changeSet, events, reports, verified, attempts, roleArn, accessKeyId,
    userName: plan.names.user, paste: pasteGroups(plan, region, locale, { roleArn, accessKeyId }), steps,
  };
}

async function cleanUpFailedChangeSet(clients: Clients, stackName: string, exists: boolean): Promise<void> {
  const { DeleteStackCommand, ListChangeSetsCommand, DeleteChangeSetCommand } = await import('@aws-sdk/client-cloudformation');
  try {
    const r = await clients.cloudFormation.send(new ListChangeSetsCommand({ StackName: stackName }));
    for (const s of r.Summaries ?? []) if (s.ExecutionStatus !== 'EXECUTE_COMPLETE') await clients.cloudFormation.send(new DeleteChangeSetCommand({ StackName: stackName, ChangeSetName: s.ChangeSetId }));
    if (!exists) await clients.cloudFormation.send(new DeleteStackCommand({ StackName: stackName }));
  } catch {
    /* best effort: the refusal says what happened */
  }
}
