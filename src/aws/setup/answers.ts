// What the person answers for "Set up the export in this account", the names the setup defaults
// to from those answers, and the naming rules (S3, IAM, CloudFormation) checked before anything
// is sent to AWS.
import { BucketProblem, IntegrationId, bucketNameProblem, normaliseFolder } from '../../policy';
import type { SetupAuth, StackNames } from '../../formats/setupTemplates';

/** Currents, dashboard export, or both on one bucket (two policies, as the source document allows). */
export type SetupIntegration = IntegrationId | 'both';

export interface SetupAnswers {
  integration: SetupIntegration;
  auth: SetupAuth;
  bucket: string;
  /** The bucket exists already: checked first, never put in the stack. */
  existingBucket: boolean;
  /** The Currents folder (ignored for a dashboard export, which writes at the bucket's root). */
  folder?: string;
  partnerAccountId?: string;
  externalId?: string;
  /** Defaults from the bucket (defaultNames). */
  stackName?: string;
  identityName?: string;
}

export interface ResolvedNames extends StackNames {
  stack: string;
}

export const integrationsOf = (i: SetupIntegration): IntegrationId[] => (i === 'both' ? ['currents', 'dashboard'] : [i]);

const SHORT: Record<IntegrationId, string> = { currents: 'currents', dashboard: 'dashboard-export' };

/** Names from the answers: one stack, role or user, and policy per bucket and integration. */
export function defaultNames(a: SetupAnswers): ResolvedNames {
  const base = a.integration === 'both' ? 'braze-export' : `braze-${SHORT[a.integration]}`;
  // A bucket name may hold dots (IAM names may too, stack names may not).
  const stack = a.stackName || `${base}-${a.bucket}`.replace(/[^A-Za-z0-9-]/g, '-').slice(0, 128);
  const identity = a.identityName || `${base}-${a.bucket}`.slice(0, 64);
  const policies: Partial<Record<IntegrationId, string>> = {};
  for (const id of integrationsOf(a.integration)) policies[id] = `${identity}-${SHORT[id]}`.slice(0, 128);
  return a.auth === 'role-arn' ? { stack, role: identity, policies } : { stack, user: identity, policies };
}

export type NameProblem =
  | { field: 'bucket'; name: string; problem: BucketProblem }
  | { field: 'stack' | 'identity' | 'policy' | 'partnerAccountId' | 'externalId' | 'folder' };

const IAM_NAME = /^[\w+=,.@-]+$/;

/** Every naming problem of the answers, checked before any call to AWS. */
export function answerProblems(a: SetupAnswers): NameProblem[] {
  const out: NameProblem[] = [];
  // S3's naming rules, as the engine checks a bucket ARN.
  const bucket = bucketNameProblem(a.bucket);
  if (bucket) out.push({ field: 'bucket', name: a.bucket, problem: bucket });
  const names = defaultNames(a);
  if (!/^[A-Za-z][A-Za-z0-9-]{0,127}$/.test(names.stack)) out.push({ field: 'stack' });
  const identity = names.role ?? names.user ?? '';
  if (!IAM_NAME.test(identity) || identity.length > 64) out.push({ field: 'identity' });
  for (const p of Object.values(names.policies)) if (!p || !IAM_NAME.test(p) || p.length > 128) out.push({ field: 'policy' });
  if (a.auth === 'role-arn') {
    if (!/^\d{12}$/.test(a.partnerAccountId ?? '')) out.push({ field: 'partnerAccountId' });
    // IAM's rule for sts:ExternalId: 2 to 1,224 characters of [\w+=,.@:/-].
    if (!/^[\w+=,.@:/-]{2,1224}$/.test(a.externalId ?? '')) out.push({ field: 'externalId' });
  }
  if (a.integration !== 'dashboard' && a.folder !== undefined) {
    const f = normaliseFolder(a.folder);
    // S3's safe key characters; no wildcard (it would widen the policy's resource).
    if (f.length > 512 || !/^[A-Za-z0-9!_.'()/-]*$/.test(f) || f.split('/').some((s) => s === '.' || s === '..')) out.push({ field: 'folder' });
  }
  return out;
}

/** The Currents folder the setup grants and the partner writes to ('currents' when none is given). */
export function currentsFolderOf(a: SetupAnswers): string | undefined {
  if (a.integration === 'dashboard') return undefined;
  return normaliseFolder(a.folder ?? 'currents') || 'currents';
}
