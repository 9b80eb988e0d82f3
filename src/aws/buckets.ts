// Buckets: listing (paginated), region, Object Lock / default encryption status, and the export
// folder's newest objects.
import {
  GetBucketEncryptionCommand,
  GetBucketLocationCommand,
  GetObjectLockConfigurationCommand,
  ListObjectsV2Command,
  S3Client,
  paginateListBuckets,
} from '@aws-sdk/client-s3';
import { DEFAULT_REGION } from './connection';
import { AwsProblem, problemOf } from './errors';

export interface BucketSummary {
  name: string;
  created?: Date;
}

/** All buckets, page by page; stops at `limit` (the tree offers "Load more" beyond). */
export async function listBuckets(s3: S3Client, limit = 1000): Promise<{ buckets: BucketSummary[]; truncated: boolean; pages: number }> {
  const buckets: BucketSummary[] = [];
  let pages = 0;
  for await (const page of paginateListBuckets({ client: s3, pageSize: Math.min(limit, 1000) }, {})) {
    pages++;
    for (const b of page.Buckets ?? []) if (b.Name) buckets.push({ name: b.Name, created: b.CreationDate });
    if (buckets.length >= limit) return { buckets: buckets.slice(0, limit), truncated: true, pages };
  }
  return { buckets, truncated: false, pages };
}

/** GetBucketLocation's answer as a region name ('' and null mean us-east-1, 'EU' eu-west-1). */
export function regionFromLocation(constraint: string | undefined | null): string {
  if (!constraint) return DEFAULT_REGION;
  if (constraint === 'EU') return 'eu-west-1';
  return constraint;
}

export async function bucketRegion(s3: S3Client, bucket: string, signal?: AbortSignal): Promise<string> {
  const r = await s3.send(new GetBucketLocationCommand({ Bucket: bucket }), { abortSignal: signal });
  return regionFromLocation(r.LocationConstraint);
}

export type Check<T> = { ok: true; value: T } | { ok: false; problem: AwsProblem };

async function check<T>(run: () => Promise<T>): Promise<Check<T>> {
  try {
    return { ok: true, value: await run() };
  } catch (error) {
    return { ok: false, problem: problemOf(error) };
  }
}

/** Object Lock enabled? (unsupported by Currents). Missing configuration means no. */
export async function objectLockEnabled(s3: S3Client, bucket: string, signal?: AbortSignal): Promise<Check<boolean>> {
  return check(async () => {
    try {
      const r = await s3.send(new GetObjectLockConfigurationCommand({ Bucket: bucket }), { abortSignal: signal });
      return r.ObjectLockConfiguration?.ObjectLockEnabled === 'Enabled';
    } catch (error) {
      const p = problemOf(error);
      if (p.code === 'ObjectLockConfigurationNotFoundError' || p.status === 404 || p.code === 'NotImplemented') return false;
      throw error;
    }
  });
}

export type DefaultEncryption = 'none' | 'AES256' | 'aws:kms' | 'aws:kms:dsse' | string;

/** The bucket's default encryption (SSE-KMS is unsupported by the partner's writer). */
export async function defaultEncryption(s3: S3Client, bucket: string, signal?: AbortSignal): Promise<Check<DefaultEncryption>> {
  return check(async () => {
    try {
      const r = await s3.send(new GetBucketEncryptionCommand({ Bucket: bucket }), { abortSignal: signal });
      return r.ServerSideEncryptionConfiguration?.Rules?.[0]?.ApplyServerSideEncryptionByDefault?.SSEAlgorithm ?? 'none';
    } catch (error) {
      const p = problemOf(error);
      if (p.code === 'ServerSideEncryptionConfigurationNotFoundError' || p.status === 404 || p.code === 'NotImplemented') return 'none';
      throw error;
    }
  });
}

export interface ExportObject {
  key: string;
  size: number;
  lastModified?: Date;
}

/** The newest objects under the export folder (one page: the tree shows a handful). */
export async function newestObjects(s3: S3Client, bucket: string, folder: string, max = 20, signal?: AbortSignal): Promise<ExportObject[]> {
  const prefix = folder ? `${folder.replace(/\/+$/, '')}/` : undefined;
  const r = await s3.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: prefix, MaxKeys: 1000 }), { abortSignal: signal });
  return (r.Contents ?? [])
    .filter((o) => o.Key)
    .map((o) => ({ key: o.Key!, size: o.Size ?? 0, lastModified: o.LastModified }))
    .sort((a, b) => (b.lastModified?.getTime() ?? 0) - (a.lastModified?.getTime() ?? 0))
    .slice(0, max);
}

/**
 * The folders that hold Currents data: top-level prefixes with Currents' own layout under them
 * (`<folder>/dataexport.<cluster>.S3.integration.<id>/…`). Each Currents connector writes under a
 * folder of its own, and several may share a bucket.
 */
export async function currentsFolders(s3: S3Client, bucket: string, limit = 20, signal?: AbortSignal): Promise<string[]> {
  const top = await s3.send(new ListObjectsV2Command({ Bucket: bucket, Delimiter: '/', MaxKeys: 1000 }), { abortSignal: signal });
  const prefixes = (top.CommonPrefixes ?? []).map((p) => p.Prefix ?? '').filter(Boolean).slice(0, limit);
  const found = await Promise.all(prefixes.map(async (prefix) => {
    const r = await s3.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: `${prefix}dataexport.`, MaxKeys: 1 }), { abortSignal: signal });
    return (r.KeyCount ?? r.Contents?.length ?? 0) > 0 ? prefix.replace(/\/$/, '') : undefined;
  }));
  // S3 lists "currents-warehouse/" before "currents/" (byte order): people read names in name order.
  return found.filter((f): f is string => !!f).sort((a, b) => a.localeCompare(b));
}
