// Test credentials: runs what the partner's writer does, with the credentials the user will give
// the partner, and reports each step with the AWS error and a remedy. It touches one key only:
// <folder>/braze-s3-credentials-check.txt (deleted for dashboard export; overwritten in place for
// Currents, which never holds s3:DeleteObject).
import { DeleteObjectCommand, GetObjectCommand, ListObjectsV2Command, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import type { IntegrationId, Locale } from '../policy';
import { integrationFolder } from '../policy';
import { bucketRegion } from './buckets';
import { bucketFactSteps } from './bucketFacts';
import { Clients, DEFAULT_TIMEOUT_MS, accessKeyIdOf } from './connection';
import { EndpointInfo, endpointOf } from './endpoint';
import { AwsProblem, isNetworkProblem, problemOf, withTimeout } from './errors';
import { LiveMessages, liveMessages } from './messages';
import { Report, Step, finish, redactReport } from './report';

export const MARKER_NAME = 'braze-s3-credentials-check.txt';

export interface TestCredentialsInput {
  bucket: string;
  integration: IntegrationId;
  folder?: string;
  sse?: boolean;
  locale?: Locale;
  timeoutMs?: number;
  signal?: AbortSignal;
  /** Reported after each step (progress UI). */
  onStep?: (step: Step) => void;
}

export function markerKey(folder: string): string {
  return folder ? `${folder}/${MARKER_NAME}` : MARKER_NAME;
}

/** A problem that makes every later call fail the same way: stop there. */
function isFatal(p: AwsProblem): boolean {
  return ['InvalidAccessKeyId', 'SignatureDoesNotMatch', 'ExpiredToken', 'ExpiredTokenException', 'NoSuchBucket', 'CredentialsProviderError', 'InvalidClientTokenId', 'AbortError'].includes(p.code) || isNetworkProblem(p);
}

/**
 * A failed call as one line: AWS's code and message with the HTTP status and request ID; for a
 * network failure, the endpoint it tried and why (never the runtime's stack or raw text).
 */
export function failureDetail(m: LiveMessages, p: AwsProblem, endpoint?: EndpointInfo): string {
  if (isNetworkProblem(p) && endpoint) return m.failed(p.code, m.unreachable(endpoint.url, m.networkReason(p.code)));
  return m.failed(p.code, p.message, p.status, p.requestId);
}

export function remedyFor(m: LiveMessages, p: AwsProblem, ctx: { bucket: string; folder: string; action?: string; region?: string; endpoint?: EndpointInfo }): string {
  const r = m.remedy;
  if (/kms/i.test(p.message) && /GenerateDataKey|kms:/i.test(p.message)) return r.KmsDenied(ctx);
  if (p.code in r && p.code !== 'AccessDenied') return r[p.code](ctx); // specific codes first: many are 403s too
  if (p.code === 'AccessDenied' || p.status === 403) return r.AccessDenied(ctx);
  if (p.code === 'CredentialsProviderError' && /could not load credentials/i.test(p.message)) return r.NoCredentials(ctx);
  if (p.code === 'ExpiredTokenException' || p.code === 'CredentialsProviderError') return r.ExpiredToken(ctx);
  if (/thrott|slowdown|toomanyrequests/i.test(p.code)) return r.Throttling(ctx);
  if (p.code === 'TimeoutError' || p.code === 'RequestTimeout') return r.Timeout(ctx);
  if (isNetworkProblem(p)) return r.Network(ctx);
  if (p.code === 'PermanentRedirect' || p.status === 301) return r.Redirect(ctx);
  return r.Default(ctx);
}

export async function testCredentials(clients: Clients, input: TestCredentialsInput): Promise<Report> {
  const m = liveMessages(input.locale);
  // The folder is a Currents connector's; dashboard exports write at the bucket's root.
  const folder = integrationFolder(input.integration, input.folder);
  const key = markerKey(folder);
  const timeout = input.timeoutMs ?? clients.settings.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const steps: Step[] = [];
  const ctx = { bucket: input.bucket, folder, endpoint: endpointOf(clients.settings, 's3') };
  let stopped = false;
  let s3: S3Client = clients.s3;

  const add = (step: Step) => {
    steps.push(step);
    input.onStep?.(step);
  };
  /** Runs one step; returns its value, or undefined after recording the failure. */
  async function step<T>(id: keyof LiveMessages['step'], action: string | undefined, run: (signal: AbortSignal) => Promise<T>, describe: (v: T) => string): Promise<T | undefined> {
    if (stopped) {
      add({ id, title: m.step[id], status: 'skip', detail: m.skippedAfter });
      return undefined;
    }
    try {
      const value = await withTimeout(run, timeout, input.signal);
      add({ id, title: m.step[id], status: 'pass', detail: describe(value) });
      return value;
    } catch (error) {
      const p = problemOf(error);
      if (isFatal(p) || input.signal?.aborted) stopped = true;
      add({ id, title: m.step[id], status: 'fail', detail: failureDetail(m, p, ctx.endpoint), errorCode: p.code, remedy: remedyFor(m, p, { ...ctx, action }) });
      return undefined;
    }
  }

  const accessKeyId = await accessKeyIdOf(clients, Math.min(timeout, 5000));
  const region = await step('location', 's3:GetBucketLocation', (signal) => bucketRegion(clients.s3, input.bucket, signal), (r) => m.regionIs(r));
  if (region) s3 = clients.s3For(region);
  await step('list', 's3:ListBucket', (signal) => s3.send(new ListObjectsV2Command({ Bucket: input.bucket, Prefix: folder ? `${folder}/` : undefined, MaxKeys: 1 }), { abortSignal: signal }),
    (r) => m.listed(r.KeyCount ?? r.Contents?.length ?? 0, folder));
  const body = `Written by the Braze S3 Export Policy Kit's Test credentials at ${new Date().toISOString()}.\n`;
  const put = await step('put', 's3:PutObject', (signal) => s3.send(new PutObjectCommand({
    Bucket: input.bucket, Key: key, Body: body, ContentType: 'text/plain', ...(input.sse ? { ServerSideEncryption: 'AES256' as const } : {}),
  }), { abortSignal: signal }), () => m.wrote(key, !!input.sse));
  if (!put && !stopped) {
    add({ id: 'get', title: m.step.get, status: 'skip', detail: m.skippedAfter });
  } else {
    await step('get', 's3:GetObject', async (signal) => {
      const r = await s3.send(new GetObjectCommand({ Bucket: input.bucket, Key: key }), { abortSignal: signal });
      return (await r.Body?.transformToString())?.length ?? 0;
    }, (n) => m.readBack(key, n));
  }
  if (input.integration === 'dashboard') {
    if (!put && !stopped) add({ id: 'delete', title: m.step.delete, status: 'skip', detail: m.skippedAfter });
    else await step('delete', 's3:DeleteObject', (signal) => s3.send(new DeleteObjectCommand({ Bucket: input.bucket, Key: key }), { abortSignal: signal }), () => m.deleted(key));
  } else if (put) {
    add({ id: 'keep', title: m.step.keep, status: 'pass', detail: m.kept(key) });
  }
  if (!stopped) {
    const call = <T>(run: (signal: AbortSignal) => Promise<T>) => withTimeout(run, timeout, input.signal);
    for (const fact of await bucketFactSteps(s3, input.integration, m, call, ctx)) add(fact);
  }
  const secret = clients.settings.credentials?.secretAccessKey;
  return redactReport(finish({ kind: 'test-credentials', subject: `s3://${input.bucket}/${folder ? folder + '/' : ''} (${input.integration})`, locale: input.locale ?? 'en', startedAt: new Date().toISOString(), steps, accessKeyId }), [secret, clients.settings.credentials?.sessionToken]);
}
