// The bucket facts both live checks report: Object Lock (unsupported by Currents) and default
// encryption (SSE-KMS unsupported by the partner's writer). Unreadable facts are skipped, not failed:
// the partner does not need to read them.
import type { S3Client } from '@aws-sdk/client-s3';
import type { IntegrationId } from '../policy';
import { defaultEncryption, objectLockEnabled } from './buckets';
import { problemOf } from './errors';
import { LiveMessages } from './messages';
import { Step } from './report';

export async function bucketFactSteps(
  s3: S3Client,
  integration: IntegrationId,
  m: LiveMessages,
  call: <T>(run: (signal: AbortSignal) => Promise<T>) => Promise<T>,
  /** The bucket to read, and the folder the remedies mention. */
  ctx: { bucket: string; folder: string },
): Promise<Step[]> {
  const steps: Step[] = [];
  const lock = await call((signal) => objectLockEnabled(s3, ctx.bucket, signal)).catch((e) => ({ ok: false as const, problem: problemOf(e) }));
  if (!lock.ok) steps.push({ id: 'objectLock', title: m.step.objectLock, status: 'skip', detail: m.unreadable(lock.problem.code) });
  else if (lock.value) steps.push({ id: 'objectLock', title: m.step.objectLock, status: integration === 'currents' ? 'fail' : 'warn', detail: m.objectLockOn, remedy: m.remedy.ObjectLock(ctx) });
  else steps.push({ id: 'objectLock', title: m.step.objectLock, status: 'pass', detail: m.objectLockOff });
  const enc = await call((signal) => defaultEncryption(s3, ctx.bucket, signal)).catch((e) => ({ ok: false as const, problem: problemOf(e) }));
  if (!enc.ok) steps.push({ id: 'encryption', title: m.step.encryption, status: 'skip', detail: m.unreadable(enc.problem.code) });
  else if (String(enc.value).startsWith('aws:kms')) steps.push({ id: 'encryption', title: m.step.encryption, status: 'fail', detail: m.kmsUnsupported, remedy: m.remedy.KmsDenied(ctx) });
  else steps.push({ id: 'encryption', title: m.step.encryption, status: 'pass', detail: m.encryption(String(enc.value)) });
  return steps;
}
