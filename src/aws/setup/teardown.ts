// "Remove the Braze export setup": deletes the stack after the person confirmed a list of what
// goes (the role or user with its policies, and the user's access keys, which IAM would otherwise
// refuse to delete the user with) and what stays (the bucket and its data: DeletionPolicy Retain,
// or an existing bucket that was never in the stack).
import type { Locale } from '../../policy';
import type { Clients } from '../connection';
import { accessKeys, deleteAccessKey } from '../users';
import { Clock, StackEventLine, StackOutcome, deleteStack, realClock, stackResourceList, stackState } from './stack';

export interface TeardownPreview {
  stackName: string;
  status: string;
  /** What is deleted: `AWS::IAM::Role braze-currents-x`… and the user's access key IDs. */
  deleted: { type: string; name: string }[];
  /** What stays: the bucket, kept with its data. */
  kept: { type: string; name: string }[];
}

export type TeardownOutcome =
  | { status: 'missing'; stackName: string }
  | { status: 'cancelled'; preview: TeardownPreview }
  | { status: 'deleted' | 'failed'; preview: TeardownPreview; outcome: StackOutcome };

export interface TeardownUi {
  /** Names what will be deleted and kept; true deletes. */
  confirm(preview: TeardownPreview): Promise<boolean>;
  progress(text: string): void;
}

export async function teardownPreview(clients: Clients, stackName: string): Promise<TeardownPreview | undefined> {
  const state = await stackState(clients.cloudFormation, stackName);
  if (!state.exists) return undefined;
  const resources = state.status === 'ROLLBACK_COMPLETE' ? [] : await stackResourceList(clients.cloudFormation, stackName);
  const deleted: TeardownPreview['deleted'] = [];
  const kept: TeardownPreview['kept'] = [];
  for (const r of resources) {
    // An inline policy's physical ID is generated: its logical ID says more.
    const item = { type: r.type, name: r.type === 'AWS::IAM::Policy' ? r.logicalId : r.physicalId };
    (r.type === 'AWS::S3::Bucket' ? kept : deleted).push(item);
    if (r.type === 'AWS::IAM::User') for (const k of await accessKeys(clients.iam, r.physicalId)) deleted.push({ type: 'AWS::IAM::AccessKey', name: k.id });
  }
  return { stackName, status: state.status, deleted, kept };
}

export async function runTeardown(clients: Clients, stackName: string, ui: TeardownUi, options: { clock?: Clock; locale?: Locale; onEvent?: (e: StackEventLine) => void } = {}): Promise<TeardownOutcome> {
  const preview = await teardownPreview(clients, stackName);
  if (!preview) return { status: 'missing', stackName };
  if (!(await ui.confirm(preview))) return { status: 'cancelled', preview };
  // Keys were made outside the stack (never in a template): IAM deletes no user that has one.
  const user = preview.deleted.find((d) => d.type === 'AWS::IAM::User')?.name;
  if (user) for (const k of preview.deleted.filter((d) => d.type === 'AWS::IAM::AccessKey')) await deleteAccessKey(clients.iam, user, k.name);
  const outcome = await deleteStack(clients.cloudFormation, stackName, (e) => {
    options.onEvent?.(e);
    ui.progress(`${e.logicalId}: ${e.status}${e.reason ? ` — ${e.reason}` : ''}`);
  }, options.clock ?? realClock);
  return { status: outcome.ok ? 'deleted' : 'failed', preview, outcome };
}
