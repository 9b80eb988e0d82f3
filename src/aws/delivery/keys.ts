// Currents' own key layout, read from the key alone (no request per object):
//   <folder>/dataexport.<cluster>.S3.integration.<24-hex id>/event_type=<type>/date=YYYY-MM-DD-HH/…/<file>.avro
// The date partition is the UTC hour of the events in the file.

export interface CurrentsKey {
  /** `dataexport.<cluster>.S3.integration.<id>`: one Currents connector. */
  connector: string;
  eventType: string;
  /** Start of the partition's UTC hour, in ms since the epoch. */
  hour: number;
}

const CONNECTOR = /^dataexport\.[^/.]+\.S3\.integration\.[^/]+$/;
const DATE = /^date=(\d{4})-(\d{2})-(\d{2})-(\d{2})$/;

export function isConnectorName(segment: string): boolean {
  return CONNECTOR.test(segment);
}

/** The hour a `date=YYYY-MM-DD-HH` segment names, or undefined when it is not one. */
export function partitionHour(segment: string): number | undefined {
  const m = DATE.exec(segment);
  if (!m) return undefined;
  const [y, mo, d, h] = m.slice(1).map(Number);
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23) return undefined;
  return Date.UTC(y, mo - 1, d, h);
}

/** The `date=` segment for an hour (the listing starts after it: keys sort by hour). */
export function partitionSegment(hour: number): string {
  const d = new Date(hour);
  const two = (n: number) => String(n).padStart(2, '0');
  return `date=${d.getUTCFullYear()}-${two(d.getUTCMonth() + 1)}-${two(d.getUTCDate())}-${two(d.getUTCHours())}`;
}

/** Reads a key relative to the folder's prefix (`currents/` or '' at the bucket root). */
export function parseCurrentsKey(key: string, prefix: string): CurrentsKey | undefined {
  if (!key.startsWith(prefix)) return undefined;
  const [connector, type, date] = key.slice(prefix.length).split('/', 3);
  if (!connector || !isConnectorName(connector) || !type?.startsWith('event_type=') || !date) return undefined;
  const hour = partitionHour(date);
  const eventType = type.slice('event_type='.length);
  return hour === undefined || !eventType ? undefined : { connector, eventType, hour };
}

/** `currents` → `currents/`; '' (the bucket root) stays ''. */
export function folderPrefix(folder: string): string {
  const f = folder.replace(/^\/+|\/+$/g, '');
  return f ? `${f}/` : '';
}
