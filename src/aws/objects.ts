// Reading S3 objects for the read-only file system and `braze-s3 avro`: metadata, a byte range,
// a whole (bounded) object, one folder level. Ranged GETs let a reader page through a large
// object without downloading it.
import { GetObjectCommand, HeadObjectCommand, ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import type { ByteSource } from '../avro/byteSource';

export interface ObjectInfo {
  size: number;
  lastModified?: Date;
}

export async function objectInfo(s3: S3Client, bucket: string, key: string, signal?: AbortSignal): Promise<ObjectInfo> {
  const r = await s3.send(new HeadObjectCommand({ Bucket: bucket, Key: key }), { abortSignal: signal });
  return { size: r.ContentLength ?? 0, lastModified: r.LastModified };
}

/** Bytes [offset, offset + length) of the object (fewer at its end). */
export async function objectRange(s3: S3Client, bucket: string, key: string, offset: number, length: number, signal?: AbortSignal): Promise<Uint8Array> {
  if (length <= 0) return new Uint8Array(0);
  const r = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: key, Range: `bytes=${offset}-${offset + length - 1}` }), { abortSignal: signal });
  return r.Body ? await r.Body.transformToByteArray() : new Uint8Array(0);
}

export class ObjectTooLargeError extends Error {
  constructor(readonly size: number, readonly limit: number) {
    super(`the object is ${size} bytes; at most ${limit} are read whole`);
  }
}

/** The whole object, refused above `limit` bytes (a text editor needs all of it in memory). */
export async function objectBytes(s3: S3Client, bucket: string, key: string, limit: number, signal?: AbortSignal): Promise<Uint8Array> {
  const { size } = await objectInfo(s3, bucket, key, signal);
  if (size > limit) throw new ObjectTooLargeError(size, limit);
  const r = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: key }), { abortSignal: signal });
  return r.Body ? await r.Body.transformToByteArray() : new Uint8Array(0);
}

/** An S3 object as a random-access source (the Avro reader pages through it with ranged GETs). */
export async function objectSource(s3: S3Client, bucket: string, key: string, signal?: AbortSignal): Promise<ByteSource & ObjectInfo> {
  const info = await objectInfo(s3, bucket, key, signal);
  return {
    ...info,
    read: (offset, length, sig) => objectRange(s3, bucket, key, offset, Math.min(length, info.size - offset), sig),
  };
}

export interface FolderEntry {
  name: string;
  folder: boolean;
  size?: number;
  lastModified?: Date;
}

/** One level under `prefix` (sub-folders and objects), at most `max` entries. */
export async function listFolder(s3: S3Client, bucket: string, prefix: string, max = 1000, signal?: AbortSignal): Promise<{ entries: FolderEntry[]; truncated: boolean }> {
  const r = await s3.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: prefix || undefined, Delimiter: '/', MaxKeys: max }), { abortSignal: signal });
  const entries: FolderEntry[] = [
    ...(r.CommonPrefixes ?? []).map((p) => ({ name: (p.Prefix ?? '').slice(prefix.length).replace(/\/$/, ''), folder: true })),
    ...(r.Contents ?? []).filter((o) => o.Key && o.Key !== prefix).map((o) => ({ name: o.Key!.slice(prefix.length), folder: false, size: o.Size, lastModified: o.LastModified })),
  ];
  return { entries: entries.filter((e) => e.name), truncated: !!r.IsTruncated };
}

/** `s3://bucket/key` → its parts; undefined for anything else. */
export function parseS3Url(url: string): { bucket: string; key: string } | undefined {
  const m = /^s3:\/\/([^/]+)\/(.+)$/.exec(url);
  return m ? { bucket: m[1], key: m[2] } : undefined;
}
