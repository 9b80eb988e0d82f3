// `braze-s3 delivery`: is Currents delivering? Per connector, its state and hourly counts, for a
// cron job or a CI schedule (exit 1 when a connector is stopped).
import type { Locale } from '../policy';
import { loadAws } from '../loadAws';
import { Parsed, UsageError, defaultLocale, oneOf, str } from './args';

export const DELIVERY_OPTIONS = {
  bucket: true, folder: true, 'quiet-hours': true, 'stopped-hours': true, 'drop-window-hours': true, 'max-objects': true,
  profile: true, region: true, endpoint: true, format: true, lang: true, 'timeout-ms': true,
};

function hoursOption(parsed: Parsed, name: string, fallback: number): number {
  const v = str(parsed, name);
  if (v === undefined) return fallback;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1 || n > 24 * 30) throw new UsageError(`--${name} must be a whole number of hours between 1 and 720`);
  return n;
}

export async function runDelivery(parsed: Parsed, write: (s: string) => void): Promise<number> {
  const bucket = str(parsed, 'bucket');
  if (!bucket) throw new UsageError('--bucket is required');
  if (parsed.positionals.length) throw new UsageError(`unexpected argument "${parsed.positionals[0]}"`);
  const format = oneOf(parsed, 'format', ['text', 'json'] as const, 'text');
  const locale: Locale = oneOf(parsed, 'lang', ['en', 'es'] as const, defaultLocale());
  const aws = loadAws();
  const t = {
    quietHours: hoursOption(parsed, 'quiet-hours', aws.DEFAULT_THRESHOLDS.quietHours),
    stoppedHours: hoursOption(parsed, 'stopped-hours', aws.DEFAULT_THRESHOLDS.stoppedHours),
    dropWindowHours: hoursOption(parsed, 'drop-window-hours', aws.DEFAULT_THRESHOLDS.dropWindowHours),
  };
  const maxText = str(parsed, 'max-objects');
  const maxObjects = maxText === undefined ? undefined : Number(maxText);
  if (maxObjects !== undefined && !(Number.isInteger(maxObjects) && maxObjects >= 1)) throw new UsageError('--max-objects must be a positive whole number');
  const timeout = str(parsed, 'timeout-ms');
  const timeoutMs = timeout === undefined ? undefined : Number(timeout);
  if (timeoutMs !== undefined && !(timeoutMs >= 100 && timeoutMs <= 600_000)) throw new UsageError('--timeout-ms must be between 100 and 600000');
  const clients = aws.createClients({ profile: str(parsed, 'profile'), region: str(parsed, 'region'), endpoint: str(parsed, 'endpoint'), timeoutMs });
  try {
    const region = await aws.bucketRegion(clients.s3, bucket);
    const s3 = clients.s3For(region);
    const given = str(parsed, 'folder');
    // Without --folder: every folder of the bucket that holds Currents data (one per connector).
    const folders = given !== undefined ? [given.replace(/^\/+|\/+$/g, '')] : await aws.currentsFolders(s3, bucket);
    const now = Date.now();
    const results = [];
    for (const folder of folders) {
      const d = await aws.summariseFolder(s3, bucket, { folder, now, maxObjects });
      results.push({ d, reports: aws.connectorReports(d, (h) => aws.deliveryHealth(h, now, t)) });
    }
    const stopped = results.some((r) => r.reports.some((c) => c.health.state === 'stopped'));
    if (format === 'json') {
      write(JSON.stringify({
        bucket, now: new Date(now).toISOString(), thresholds: t, stopped,
        folders: results.map(({ d, reports }) => ({ folder: d.folder, listed: d.listed, requests: d.requests, cut: d.cut, connectors: reports })),
      }, null, 2));
    } else {
      const m = aws.deliveryMessages(locale);
      write(results.length ? results.map(({ d, reports }) => aws.deliveryText(d, reports, t, locale)).join('\n\n') : m.noConnector(''));
    }
    return stopped || results.length === 0 || results.every((r) => r.reports.length === 0) ? 1 : 0;
  } finally {
    clients.dispose();
  }
}
