// Listing a Currents folder for its delivery summary: connectors and event types come from
// delimiter listings, and each event type is listed one UTC day of the window at a time (the
// `date=YYYY-MM-DD-` prefix), so older files are never fetched. Paged, bounded, cancellable.
import { setMaxListeners } from 'node:events';
import { ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import { DeliveryAccumulator, ConnectorSummary, HOUR } from './summary';
import { folderPrefix, isConnectorName, parseCurrentsKey, partitionSegment } from './keys';

export interface SummariseOptions {
  /** The connector folder (`currents`); '' for the bucket root. */
  folder: string;
  /** The clock (ms), injected by tests. */
  now?: number;
  /** Hours summarised (default 7 days). */
  hours?: number;
  /** Stop listing after this many objects (default 200,000) and say so. */
  maxObjects?: number;
  maxConnectors?: number;
  maxEventTypes?: number;
  pageSize?: number;
  /** Listings in flight at once (default 8). */
  concurrency?: number;
  signal?: AbortSignal;
  onProgress?(listed: number): void;
}

export interface FolderDelivery {
  bucket: string;
  folder: string;
  now: number;
  /** First hour of the series (ms); each series has `hours` entries. */
  start: number;
  hours: number;
  connectors: ConnectorSummary[];
  listed: number;
  requests: number;
  /** What the bounds cut, if anything: the listing is then incomplete and says so. */
  cut?: { objects?: number; connectors?: number; eventTypes?: number };
}

export const DEFAULT_MAX_OBJECTS = 200_000;
const DAY = 24 * HOUR;
/** Listings in flight at once. */
const CONCURRENCY = 8;

/** The common prefixes one level under `prefix` (paged), up to `limit`. */
async function subPrefixes(s3: S3Client, bucket: string, prefix: string, limit: number, count: () => void, signal?: AbortSignal): Promise<{ names: string[]; cut: boolean }> {
  const names: string[] = [];
  let token: string | undefined;
  do {
    count();
    const r = await s3.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: prefix, Delimiter: '/', ContinuationToken: token, MaxKeys: 1000 }), { abortSignal: signal });
    for (const p of r.CommonPrefixes ?? []) {
      if (!p.Prefix) continue;
      if (names.length >= limit) return { names, cut: true };
      names.push(p.Prefix.slice(prefix.length).replace(/\/$/, ''));
    }
    token = r.IsTruncated ? r.NextContinuationToken : undefined;
  } while (token);
  return { names, cut: false };
}

export async function summariseFolder(s3: S3Client, bucket: string, options: SummariseOptions): Promise<FolderDelivery> {
  const now = options.now ?? Date.now();
  const hours = options.hours ?? 7 * 24;
  const maxObjects = options.maxObjects ?? DEFAULT_MAX_OBJECTS;
  const pageSize = options.pageSize ?? 1000;
  const { signal } = options;
  // Every request in flight listens to the one signal: more than Node's default of 10 is expected.
  if (signal) setMaxListeners(64, signal);
  const prefix = folderPrefix(options.folder);
  const acc = new DeliveryAccumulator(now, hours);
  let requests = 0;
  let listed = 0;
  const cut: NonNullable<FolderDelivery['cut']> = {};
  const count = () => void requests++;

  const connectors = await subPrefixes(s3, bucket, prefix, options.maxConnectors ?? 50, count, signal);
  const names = connectors.names.filter(isConnectorName);
  if (connectors.cut) cut.connectors = names.length;
  // Each connector's event types, then each event type's files from the window's first hour on.
  const jobs: Array<{ connector: string; eventType: string }> = [];
  for (const connector of names) {
    acc.connector(connector);
    const types = await subPrefixes(s3, bucket, `${prefix}${connector}/`, options.maxEventTypes ?? 200, count, signal);
    if (types.cut) cut.eventTypes = (cut.eventTypes ?? 0) + types.names.length;
    for (const t of types.names) if (t.startsWith('event_type=')) jobs.push({ connector, eventType: t });
  }
  // One listing per event type and UTC day of the window (`…/date=YYYY-MM-DD-`): days before the
  // window are never listed, and the days are listed side by side.
  const days: string[] = [];
  for (let day = Math.floor(acc.start / DAY) * DAY; day <= now; day += DAY) days.push(partitionSegment(day).slice(0, -2));
  // The first day starts at the window's first hour: "…/date=<first hour>" sorts after its earlier hours.
  const firstHour = partitionSegment(acc.start);
  const listRange = async ({ connector, eventType, day }: { connector: string; eventType: string; day: string }) => {
    const rangePrefix = `${prefix}${connector}/${eventType}/${day}`;
    const startAfter = firstHour.startsWith(day) ? `${prefix}${connector}/${eventType}/${firstHour}` : undefined;
    let token: string | undefined;
    do {
      if (listed >= maxObjects) {
        cut.objects = listed;
        return;
      }
      requests++;
      const r = await s3.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: rangePrefix, MaxKeys: Math.min(pageSize, 1000), ContinuationToken: token, StartAfter: token ? undefined : startAfter }), { abortSignal: signal });
      for (const o of r.Contents ?? []) {
        if (!o.Key) continue;
        listed++;
        const parsed = parseCurrentsKey(o.Key, prefix);
        if (parsed) acc.add(parsed, { key: o.Key, size: o.Size ?? 0, lastModified: o.LastModified });
      }
      options.onProgress?.(listed);
      token = r.IsTruncated ? r.NextContinuationToken : undefined;
    } while (token);
  };
  // A few ranges at a time: S3 answers pages in parallel, and the order of counting is free.
  const queue = jobs.flatMap((job) => days.map((day) => ({ ...job, day })));
  await Promise.all(Array.from({ length: Math.min(options.concurrency ?? CONCURRENCY, queue.length) }, async () => {
    for (let job = queue.shift(); job; job = queue.shift()) await listRange(job);
  }));
  return { bucket, folder: options.folder, now, start: acc.start, hours, connectors: acc.summaries(), listed, requests, ...(Object.keys(cut).length ? { cut } : {}) };
}

export type { ConnectorSummary };
