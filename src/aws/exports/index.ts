// Dashboard and API export files in a bucket (CSV, ZIP, JSON): listed newest first, read within a
// bound, a ZIP's entries listed from its central directory (fflate), and downloaded as a stream.
import { createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { pipeline } from 'node:stream/promises';
import type { Readable } from 'node:stream';
import { GetObjectCommand, ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import { unzipSync } from 'fflate';
import type { ExportObject } from '../buckets';
import { MARKER_NAME } from '../testCredentials';

export const EXPORT_EXTENSIONS = ['.csv', '.zip', '.json', '.csv.gz', '.json.gz', '.txt'];

export function isExportFile(key: string): boolean {
  const k = key.toLowerCase();
  // Test credentials' own marker is not an export.
  return !k.endsWith('/') && EXPORT_EXTENSIONS.some((e) => k.endsWith(e)) && key.split('/').pop() !== MARKER_NAME;
}

export interface ExportListing {
  files: ExportObject[];
  /** Export files seen (may exceed files.length). */
  found: number;
  listed: number;
  /** The listing stopped at its bound before the end of the bucket. */
  cut: boolean;
}

/** The newest `keep` export files of the bucket, from at most `maxObjects` objects listed. */
export async function listExportFiles(s3: S3Client, bucket: string, options: { prefix?: string; keep?: number; maxObjects?: number; signal?: AbortSignal } = {}): Promise<ExportListing> {
  const keep = options.keep ?? 50;
  const maxObjects = options.maxObjects ?? 10_000;
  const files: ExportObject[] = [];
  let found = 0;
  let listed = 0;
  let token: string | undefined;
  do {
    const r = await s3.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: options.prefix, ContinuationToken: token, MaxKeys: 1000 }), { abortSignal: options.signal });
    for (const o of r.Contents ?? []) {
      listed++;
      if (!o.Key || !isExportFile(o.Key)) continue;
      found++;
      files.push({ key: o.Key, size: o.Size ?? 0, lastModified: o.LastModified });
    }
    // Only the newest few are kept while listing: memory follows `keep`, not the bucket.
    if (files.length > keep * 2) files.splice(0, files.length, ...newestFirst(files).slice(0, keep));
    token = r.IsTruncated ? r.NextContinuationToken : undefined;
  } while (token && listed < maxObjects);
  return { files: newestFirst(files).slice(0, keep), found, listed, cut: !!token };
}

function newestFirst(files: ExportObject[]): ExportObject[] {
  return [...files].sort((a, b) => (b.lastModified?.getTime() ?? 0) - (a.lastModified?.getTime() ?? 0) || a.key.localeCompare(b.key));
}

export class TooLargeError extends Error {
  constructor(readonly size: number, readonly limit: number) {
    super(`the object is ${size} bytes, over the ${limit}-byte limit for opening it here`);
  }
}

/** The object's bytes, refusing one over `limit` bytes before reading it. */
export async function readObject(s3: S3Client, bucket: string, key: string, limit: number, signal?: AbortSignal): Promise<Uint8Array> {
  const r = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: key }), { abortSignal: signal });
  const size = r.ContentLength ?? 0;
  if (size > limit) {
    (r.Body as Readable | undefined)?.destroy?.();
    throw new TooLargeError(size, limit);
  }
  return (await r.Body?.transformToByteArray()) ?? new Uint8Array();
}

export interface ZipEntry {
  name: string;
  /** Compressed and uncompressed sizes, from the central directory. */
  size: number;
  originalSize: number;
}

/** A ZIP's entries without decompressing any (fflate reads the central directory; the filter skips them). */
export function zipEntries(zip: Uint8Array): ZipEntry[] {
  const entries: ZipEntry[] = [];
  unzipSync(zip, {
    filter: (f) => {
      entries.push({ name: f.name, size: f.size, originalSize: f.originalSize });
      return false;
    },
  });
  return entries;
}

/** Streams the object to `path` (through a temporary file, so a failure leaves nothing half-written). */
export async function downloadObject(s3: S3Client, bucket: string, key: string, path: string, signal?: AbortSignal): Promise<number> {
  const r = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: key }), { abortSignal: signal });
  const partial = `${path}.part`;
  try {
    await pipeline(r.Body as Readable, createWriteStream(partial), { signal });
    await rename(partial, path);
  } catch (error) {
    await rm(partial, { force: true });
    throw error;
  }
  return r.ContentLength ?? 0;
}
