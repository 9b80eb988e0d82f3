// The CloudFormation half of the setup: the stack's state (and what fixes a stuck one), a change
// set (create or update) and its changes, executing it while following the stack events, and
// deleting. CloudFormation does the creating, rolling back and deleting; this module only asks
// and reports.
import {
  CloudFormationClient, CreateChangeSetCommand, DeleteChangeSetCommand, DeleteStackCommand, DescribeChangeSetCommand,
  DescribeStackEventsCommand, DescribeStackResourcesCommand, DescribeStacksCommand, ExecuteChangeSetCommand, ListChangeSetsCommand,
} from '@aws-sdk/client-cloudformation';
import type { SetupPlan } from './plan';

/** Waiting: injected so that tests run without real time passing. */
export interface Clock {
  now(): number;
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

export const realClock: Clock = {
  now: () => Date.now(),
  sleep: (ms, signal) => new Promise((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => {
      clearTimeout(timer);
      reject(Object.assign(new Error('cancelled'), { name: 'AbortError' }));
    }, { once: true });
  }),
};

/** Stack states a run cannot start from, and the one action that gets out of each. */
export type StuckFix = 'delete-stack' | 'continue-rollback' | 'wait' | 'delete-stack-retain';

export type StackState =
  | { exists: false }
  | { exists: true; status: string; reason?: string; stuck?: StuckFix };

export function stuckFix(status: string): StuckFix | undefined {
  // A stack whose creation rolled back holds nothing and can only be deleted.
  if (status === 'ROLLBACK_COMPLETE' || status === 'ROLLBACK_FAILED') return 'delete-stack';
  if (status === 'DELETE_FAILED') return 'delete-stack-retain';
  if (status === 'UPDATE_ROLLBACK_FAILED') return 'continue-rollback';
  // Another run (or a person in the console) is changing the stack right now.
  if (status.endsWith('_IN_PROGRESS') && status !== 'REVIEW_IN_PROGRESS') return 'wait';
  return undefined;
}

export async function stackState(cfn: CloudFormationClient, stackName: string): Promise<StackState> {
  try {
    const r = await cfn.send(new DescribeStacksCommand({ StackName: stackName }));
    const s = r.Stacks?.[0];
    if (!s || s.StackStatus === 'DELETE_COMPLETE') return { exists: false };
    const status = String(s.StackStatus);
    return { exists: true, status, reason: s.StackStatusReason, stuck: stuckFix(status) };
  } catch (error) {
    // "Stack with id X does not exist" is a ValidationError.
    if (/does not exist/i.test(String((error as Error).message))) return { exists: false };
    throw error;
  }
}

export interface PlannedChange {
  action: 'Add' | 'Modify' | 'Remove' | 'Import' | 'Dynamic';
  logicalId: string;
  type: string;
  physicalId?: string;
  replacement?: string;
}

export interface ChangeSetResult {
  stackName: string;
  changeSetName: string;
  changeSetId: string;
  type: 'CREATE' | 'UPDATE';
  /** Nothing to change: CloudFormation refused the change set because the stack already matches. */
  empty: boolean;
  changes: PlannedChange[];
}

export class ChangeSetFailed extends Error {
  constructor(readonly reason: string) {
    super(reason);
    this.name = 'ChangeSetFailed';
  }
}

const NO_CHANGES = /didn't contain changes|no updates are to be performed|does not contain changes/i;

/** Creates the change set (CREATE for a new stack, UPDATE otherwise) and waits until it can be shown. */
export async function createChangeSet(cfn: CloudFormationClient, plan: SetupPlan, exists: boolean, clock: Clock, signal?: AbortSignal): Promise<ChangeSetResult> {
  const stackName = plan.names.stack;
  const changeSetName = `braze-s3-setup-${clock.now()}`;
  const type = exists ? 'UPDATE' : 'CREATE';
  const r = await cfn.send(new CreateChangeSetCommand({
    StackName: stackName, ChangeSetName: changeSetName, ChangeSetType: type, TemplateBody: plan.templateBody,
    Capabilities: ['CAPABILITY_NAMED_IAM'], Description: 'Braze S3 Export Policy Kit: Set up the export',
    Tags: [{ Key: 'braze-s3:setup', Value: plan.answers.integration }],
  }), { abortSignal: signal });
  const changeSetId = r.Id ?? changeSetName;
  for (let wait = 500; ; wait = Math.min(wait * 2, 5000)) {
    const d = await cfn.send(new DescribeChangeSetCommand({ StackName: stackName, ChangeSetName: changeSetId }), { abortSignal: signal });
    if (d.Status === 'CREATE_COMPLETE') {
      const changes = (d.Changes ?? []).map((c) => c.ResourceChange).filter((c) => !!c).map((c) => ({
        action: (c.Action ?? 'Modify') as PlannedChange['action'], logicalId: c.LogicalResourceId ?? '?', type: c.ResourceType ?? '?',
        physicalId: c.PhysicalResourceId, replacement: c.Replacement,
      }));
      // moto reports an update change set with no changes as complete and empty.
      return { stackName, changeSetName, changeSetId, type, empty: changes.length === 0, changes };
    }
    if (d.Status === 'FAILED') {
      if (NO_CHANGES.test(d.StatusReason ?? '')) return { stackName, changeSetName, changeSetId, type, empty: true, changes: [] };
      throw new ChangeSetFailed(d.StatusReason ?? 'FAILED');
    }
    await clock.sleep(wait, signal);
  }
}

/** Deletes a change set that will not be executed; for a new stack also the empty stack it made (REVIEW_IN_PROGRESS). */
export async function discardChangeSet(cfn: CloudFormationClient, cs: Pick<ChangeSetResult, 'stackName' | 'changeSetId' | 'type'>): Promise<void> {
  await cfn.send(new DeleteChangeSetCommand({ StackName: cs.stackName, ChangeSetName: cs.changeSetId }));
  if (cs.type === 'CREATE') await cfn.send(new DeleteStackCommand({ StackName: cs.stackName }));
}

/** Change sets waiting on the stack (left by a run that was stopped), for "two runs at once". */
export async function pendingChangeSets(cfn: CloudFormationClient, stackName: string): Promise<string[]> {
  try {
    const r = await cfn.send(new ListChangeSetsCommand({ StackName: stackName }));
    return (r.Summaries ?? []).filter((s) => s.ExecutionStatus === 'AVAILABLE' && (!s.StackName || s.StackName === stackName)).map((s) => s.ChangeSetName ?? '');
  } catch {
    return [];
  }
}

export interface StackEventLine {
  logicalId: string;
  type: string;
  status: string;
  reason?: string;
  at?: Date;
}

export interface StackOutcome {
  ok: boolean;
  status: string;
  /** The resources that failed, with CloudFormation's reason (on failure). */
  failures: StackEventLine[];
  /** Logical ID → physical ID (moto returns no stack outputs: the names come from here). */
  resources: Record<string, string>;
  events: StackEventLine[];
}

const DONE = /(_COMPLETE|_FAILED)$/;

/** Follows a stack to a final status, reporting each new event (oldest first) once. */
export async function followStack(cfn: CloudFormationClient, stackName: string, since: Date, onEvent: (e: StackEventLine) => void, clock: Clock, signal?: AbortSignal, deleting = false): Promise<StackOutcome> {
  const seen = new Set<string>();
  const events: StackEventLine[] = [];
  // Stack events are kept by stack ID: once deleted, a stack is only found by its ID.
  let id = stackName;
  try {
    id = (await cfn.send(new DescribeStacksCommand({ StackName: stackName }))).Stacks?.[0]?.StackId ?? stackName;
  } catch {
    /* already gone */
  }
  for (let wait = 500; ; wait = Math.min(wait * 2, 5000)) {
    const r = await cfn.send(new DescribeStackEventsCommand({ StackName: id }), { abortSignal: signal }).catch((e) => {
      if (deleting && /does not exist/i.test(String((e as Error).message))) return { StackEvents: [] };
      throw e;
    });
    const fresh = (r.StackEvents ?? []).filter((e) => e.EventId && !seen.has(e.EventId) && (!e.Timestamp || e.Timestamp.getTime() >= since.getTime() - 1000)).reverse();
    for (const e of fresh) {
      seen.add(e.EventId!);
      const line = { logicalId: e.LogicalResourceId ?? '?', type: e.ResourceType ?? '?', status: String(e.ResourceStatus), reason: e.ResourceStatusReason, at: e.Timestamp };
      events.push(line);
      onEvent(line);
    }
    const state = await stackState(cfn, id);
    const status = state.exists ? state.status : 'DELETE_COMPLETE';
    if (DONE.test(status) && !status.endsWith('_IN_PROGRESS')) {
      const ok = deleting ? status === 'DELETE_COMPLETE' : status === 'CREATE_COMPLETE' || status === 'UPDATE_COMPLETE';
      const failures = events.filter((e) => e.status.endsWith('_FAILED') && e.logicalId !== stackName && !/cancelled|resource creation cancelled/i.test(e.reason ?? ''));
      return { ok, status, failures, resources: ok && !deleting ? await stackResources(cfn, stackName) : {}, events };
    }
    await clock.sleep(wait, signal);
  }
}

export async function executeChangeSet(cfn: CloudFormationClient, cs: ChangeSetResult, onEvent: (e: StackEventLine) => void, clock: Clock, signal?: AbortSignal): Promise<StackOutcome> {
  const since = new Date(clock.now());
  await cfn.send(new ExecuteChangeSetCommand({ StackName: cs.stackName, ChangeSetName: cs.changeSetId }), { abortSignal: signal });
  return followStack(cfn, cs.stackName, since, onEvent, clock, signal);
}

export async function stackResources(cfn: CloudFormationClient, stackName: string): Promise<Record<string, string>> {
  return Object.fromEntries((await stackResourceList(cfn, stackName)).map((x) => [x.logicalId, x.physicalId]));
}

export async function stackResourceList(cfn: CloudFormationClient, stackName: string): Promise<{ logicalId: string; physicalId: string; type: string }[]> {
  const r = await cfn.send(new DescribeStackResourcesCommand({ StackName: stackName }));
  return (r.StackResources ?? []).map((x) => ({ logicalId: x.LogicalResourceId ?? '?', physicalId: x.PhysicalResourceId ?? '', type: x.ResourceType ?? '?' }));
}

/** Deletes the stack (the bucket stays: DeletionPolicy Retain) and follows it to the end. */
export async function deleteStack(cfn: CloudFormationClient, stackName: string, onEvent: (e: StackEventLine) => void, clock: Clock, retain?: string[]): Promise<StackOutcome> {
  const since = new Date(clock.now());
  let id = stackName;
  try {
    id = (await cfn.send(new DescribeStacksCommand({ StackName: stackName }))).Stacks?.[0]?.StackId ?? stackName;
  } catch {
    /* reported by followStack */
  }
  await cfn.send(new DeleteStackCommand({ StackName: id, ...(retain?.length ? { RetainResources: retain } : {}) }));
  return followStack(cfn, id, since, onEvent, clock, undefined, true);
}

/** The stacks this setup made (their names start with braze-), newest first, for "Remove the Braze export setup…". */
export async function setupStacks(cfn: CloudFormationClient): Promise<{ name: string; status: string }[]> {
  const r = await cfn.send(new DescribeStacksCommand({}));
  return (r.Stacks ?? [])
    .filter((s) => s.StackName?.startsWith('braze-') && s.StackStatus !== 'DELETE_COMPLETE')
    .sort((a, b) => (b.CreationTime?.getTime() ?? 0) - (a.CreationTime?.getTime() ?? 0))
    .map((s) => ({ name: s.StackName!, status: String(s.StackStatus) }));
}
