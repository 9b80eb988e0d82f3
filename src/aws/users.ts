// IAM users (the secret-key method: an IAM user with the export policy and an access key): the
// user list, their policies, their access keys with age and last use, and the key rotation steps.
import {
  CreateAccessKeyCommand, DeleteAccessKeyCommand, GetAccessKeyLastUsedCommand, GetUserPolicyCommand, IAMClient, ListAccessKeysCommand,
  ListUsersCommand, UpdateAccessKeyCommand, paginateListAttachedUserPolicies, paginateListUserPolicies,
} from '@aws-sdk/client-iam';
import { analyze } from '../policy';
import { identityPolicies, RolePolicy } from './roles';

export interface UserSummary {
  name: string;
  arn: string;
  created?: Date;
}

export interface AccessKeyInfo {
  id: string;
  status: 'Active' | 'Inactive';
  created?: Date;
  lastUsed?: Date;
  lastService?: string;
}

/** IAM allows two access keys per user. */
export const MAX_ACCESS_KEYS = 2;
/** AWS's own guidance (and most audit tools): rotate keys every 90 days. */
export const KEY_MAX_AGE_DAYS = 90;
/** An export key unused this long means the connector is not sending. */
export const KEY_IDLE_DAYS = 2;

export async function listUsersPage(iam: IAMClient, marker?: string, pageSize = 100, signal?: AbortSignal): Promise<{ users: UserSummary[]; marker?: string }> {
  const r = await iam.send(new ListUsersCommand({ Marker: marker, MaxItems: pageSize }), { abortSignal: signal });
  return { users: (r.Users ?? []).map((u) => ({ name: u.UserName ?? '', arn: u.Arn ?? '', created: u.CreateDate })), marker: r.IsTruncated ? r.Marker : undefined };
}

export function userPolicies(iam: IAMClient, userName: string, signal?: AbortSignal): Promise<RolePolicy[]> {
  return identityPolicies(
    iam,
    paginateListAttachedUserPolicies({ client: iam }, { UserName: userName }),
    paginateListUserPolicies({ client: iam }, { UserName: userName }),
    async (name) => (await iam.send(new GetUserPolicyCommand({ UserName: userName, PolicyName: name }), { abortSignal: signal })).PolicyDocument,
    signal,
  );
}

/** Is any of these policies a Braze export policy (the engine's purpose rule)? */
export function holdsExportPolicy(policies: readonly RolePolicy[]): boolean {
  return policies.some((p) => {
    const id = analyze(p.document, { sourceName: p.name }).purpose.id;
    return id === 'currents' || id === 'dashboard';
  });
}

export async function accessKeys(iam: IAMClient, userName: string, signal?: AbortSignal): Promise<AccessKeyInfo[]> {
  const r = await iam.send(new ListAccessKeysCommand({ UserName: userName }), { abortSignal: signal });
  const keys: AccessKeyInfo[] = [];
  for (const k of r.AccessKeyMetadata ?? []) {
    if (!k.AccessKeyId) continue;
    const used = await iam.send(new GetAccessKeyLastUsedCommand({ AccessKeyId: k.AccessKeyId }), { abortSignal: signal }).catch(() => undefined);
    const service = used?.AccessKeyLastUsed?.ServiceName;
    keys.push({
      id: k.AccessKeyId,
      status: k.Status === 'Inactive' ? 'Inactive' : 'Active',
      created: k.CreateDate,
      lastUsed: used?.AccessKeyLastUsed?.LastUsedDate,
      lastService: service && service !== 'N/A' ? service : undefined,
    });
  }
  return keys;
}

export type KeyConcern = { kind: 'old'; days: number } | { kind: 'idle'; days: number } | { kind: 'never-used'; days: number };

const DAY = 24 * 60 * 60 * 1000;

/**
 * Why an export user's active key needs attention: older than 90 days (rotate it), or not used
 * for two days (the connector is not sending: after 48 hours Currents drops the events).
 * Undefined for a healthy or inactive key.
 */
export function keyConcern(key: AccessKeyInfo, now = new Date()): KeyConcern | undefined {
  if (key.status !== 'Active') return undefined;
  const age = key.created ? Math.floor((now.getTime() - key.created.getTime()) / DAY) : 0;
  if (!key.lastUsed && age >= KEY_IDLE_DAYS) return { kind: 'never-used', days: age };
  if (key.lastUsed) {
    const idle = Math.floor((now.getTime() - key.lastUsed.getTime()) / DAY);
    if (idle >= KEY_IDLE_DAYS) return { kind: 'idle', days: idle };
  }
  if (age >= KEY_MAX_AGE_DAYS) return { kind: 'old', days: age };
  return undefined;
}

export async function createAccessKey(iam: IAMClient, userName: string): Promise<{ accessKeyId: string; secretAccessKey: string }> {
  const r = await iam.send(new CreateAccessKeyCommand({ UserName: userName }));
  if (!r.AccessKey?.AccessKeyId || !r.AccessKey.SecretAccessKey) throw new Error('IAM returned no access key');
  return { accessKeyId: r.AccessKey.AccessKeyId, secretAccessKey: r.AccessKey.SecretAccessKey };
}

export async function setAccessKeyStatus(iam: IAMClient, userName: string, id: string, status: 'Active' | 'Inactive'): Promise<void> {
  await iam.send(new UpdateAccessKeyCommand({ UserName: userName, AccessKeyId: id, Status: status }));
}

export async function deleteAccessKey(iam: IAMClient, userName: string, id: string): Promise<void> {
  await iam.send(new DeleteAccessKeyCommand({ UserName: userName, AccessKeyId: id }));
}
