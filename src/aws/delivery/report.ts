// The delivery summary as text (CLI) and JSON, in English and Spanish.
import { plural } from '../../policy';
import type { Locale } from '../../policy';
import type { FolderDelivery } from './listing';
import { DeliveryHealth, DeliveryThresholds, HOUR, gapsOf, lastHours, sumSeries } from './summary';

interface DeliveryMessages {
  state: Record<DeliveryHealth['state'], string>;
  newest(age: number, at: string): string;
  noFile(days: number): string;
  hoursLeft(n: number, window: number): string;
  lost(window: number): string;
  check: string;
  quietNote: string;
  total(files: number, bytes: string, hours: number): string;
  emptyHours(n: number): string;
  noConnector(folder: string): string;
  cut(listed: number): string;
  files(n: number): string;
}

const hoursEn = (n: number) => plural('en', n, '# hour', '# hours');
const hoursEs = (n: number) => plural('es', n, '# hora', '# horas');

const MESSAGES: Record<Locale, DeliveryMessages> = {
  en: {
    state: { delivering: 'delivering', quiet: 'quiet', stopped: 'STOPPED' },
    newest: (age, at) => `newest file ${hoursEn(age)} ago (${at} UTC)`,
    noFile: (days) => `no file in the last ${plural('en', days, '# day', '# days')}`,
    hoursLeft: (n, w) => `${hoursEn(n)} left before Currents drops the first undelivered events (${w}-hour window)`,
    lost: (w) => `the ${w}-hour window has passed: undelivered events are being dropped`,
    check: 'check the access key\'s age and last use, the role\'s trust policy, and run Test credentials (braze-s3 test-credentials)',
    quietNote: 'Currents may simply be quiet on a quiet workspace',
    total: (files, bytes, h) => `last ${h} h: ${plural('en', files, '# file', '# files')}, ${bytes}`,
    emptyHours: (n) => `… ${hoursEn(n)} without files`,
    noConnector: (folder) => `No Currents connector (dataexport.<cluster>.S3.integration.<id>) under "${folder || '/'}".`,
    cut: (listed) => `Listing stopped after ${plural('en', listed, '# object', '# objects')}: counts are incomplete.`,
    files: (n) => plural('en', n, '# file', '# files'),
  },
  es: {
    state: { delivering: 'entregando', quiet: 'en silencio', stopped: 'DETENIDO' },
    newest: (age, at) => `archivo más reciente hace ${hoursEs(age)} (${at} UTC)`,
    noFile: (days) => `ningún archivo en ${plural('es', days, 'el último día', 'los últimos # días')}`,
    hoursLeft: (n, w) => `${plural('es', n, 'queda # hora', 'quedan # horas')} antes de que Currents descarte los primeros eventos no entregados (ventana de ${w} horas)`,
    lost: (w) => `la ventana de ${w} horas ha pasado: se están descartando eventos no entregados`,
    check: 'revise la antigüedad y el último uso de la clave de acceso, la política de confianza del rol, y ejecute Probar credenciales (braze-s3 test-credentials)',
    quietNote: 'Currents puede estar en silencio si el espacio de trabajo tiene poca actividad',
    total: (files, bytes, h) => `últimas ${h} h: ${plural('es', files, '# archivo', '# archivos')}, ${bytes}`,
    emptyHours: (n) => `… ${hoursEs(n)} sin archivos`,
    noConnector: (folder) => `Ningún conector de Currents (dataexport.<cluster>.S3.integration.<id>) en "${folder || '/'}".`,
    cut: (listed) => `El listado se detuvo tras ${plural('es', listed, '# objeto', '# objetos')}: los recuentos están incompletos.`,
    files: (n) => plural('es', n, '# archivo', '# archivos'),
  },
};

export function deliveryMessages(locale: Locale): DeliveryMessages {
  return MESSAGES[locale] ?? MESSAGES.en;
}

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  if (n < 1024 ** 3) return `${(n / 1024 / 1024).toFixed(1)} MB`;
  return `${(n / 1024 ** 3).toFixed(2)} GB`;
}

/** `2026-12-03 10:00` for an hour in ms. */
export function hourText(ms: number): string {
  return new Date(ms).toISOString().slice(0, 13).replace('T', ' ') + ':00';
}

/** One line about a connector's health (tree tooltip, CLI). */
export function healthLine(h: DeliveryHealth, newestHour: number | undefined, hours: number, t: DeliveryThresholds, locale: Locale): string {
  const m = deliveryMessages(locale);
  const parts = [m.state[h.state], h.ageHours === undefined ? m.noFile(Math.round(hours / 24)) : m.newest(h.ageHours, hourText(newestHour!))];
  if (h.state === 'quiet') parts.push(m.quietNote);
  if (h.state === 'stopped') parts.push(h.hoursLeft ? m.hoursLeft(h.hoursLeft, t.dropWindowHours) : m.lost(t.dropWindowHours), m.check);
  return parts.join(' · ');
}

export interface ConnectorReport {
  folder: string;
  connector: string;
  health: DeliveryHealth;
  newestHour?: string;
  files48h: number;
  bytes48h: number;
  eventTypes: Array<{ eventType: string; files48h: number; bytes48h: number }>;
  /** The last 48 hours, oldest first. */
  hourly: Array<{ hour: string; files: number; bytes: number }>;
}

export function connectorReports(d: FolderDelivery, health: (newestHour: number | undefined) => DeliveryHealth, windowHours = 48): ConnectorReport[] {
  const first = d.start + (d.hours - windowHours) * HOUR;
  return d.connectors.map((c) => {
    const total = lastHours(sumSeries(c.eventTypes.map((e) => e.series), d.hours), windowHours);
    return {
      folder: d.folder,
      connector: c.connector,
      health: health(c.newestHour),
      newestHour: c.newestHour === undefined ? undefined : new Date(c.newestHour).toISOString(),
      files48h: total.files.reduce((a, b) => a + b, 0),
      bytes48h: total.bytes.reduce((a, b) => a + b, 0),
      eventTypes: c.eventTypes.map((e) => {
        const s = lastHours(e.series, windowHours);
        return { eventType: e.eventType.replace(/^event_type=/, ''), files48h: s.files.reduce((a, b) => a + b, 0), bytes48h: s.bytes.reduce((a, b) => a + b, 0) };
      }),
      hourly: total.files.map((files, i) => ({ hour: new Date(first + i * HOUR).toISOString(), files, bytes: total.bytes[i] })),
    };
  });
}

const MARK: Record<DeliveryHealth['state'], string> = { delivering: '✓', quiet: '–', stopped: '✗' };

/** The text the CLI prints: per connector, its state, totals, event types and hours (empty runs folded). */
export function deliveryText(d: FolderDelivery, reports: ConnectorReport[], t: DeliveryThresholds, locale: Locale): string {
  const m = deliveryMessages(locale);
  const lines: string[] = [];
  if (reports.length === 0) lines.push(m.noConnector(d.folder));
  for (const r of reports) {
    const newest = r.newestHour ? Date.parse(r.newestHour) : undefined;
    lines.push(`${MARK[r.health.state]} s3://${d.bucket}/${d.folder ? d.folder + '/' : ''}${r.connector}/`);
    lines.push(`  ${healthLine(r.health, newest, d.hours, t, locale)}`);
    lines.push(`  ${m.total(r.files48h, formatBytes(r.bytes48h), r.hourly.length)}`);
    for (const e of r.eventTypes) lines.push(`    ${e.eventType}: ${m.files(e.files48h)}, ${formatBytes(e.bytes48h)}`);
    const first = Date.parse(r.hourly[0]?.hour ?? '');
    const gaps = gapsOf(r.hourly.map((h) => h.files), first, 2);
    for (let i = 0; i < r.hourly.length; i++) {
      const gap = gaps.find((g) => g.from === first + i * HOUR);
      if (gap) {
        lines.push(`    ${hourText(gap.from)}  ${m.emptyHours(gap.hours)}`);
        i += gap.hours - 1;
        continue;
      }
      const h = r.hourly[i];
      lines.push(`    ${hourText(Date.parse(h.hour))}  ${String(h.files).padStart(4)}  ${formatBytes(h.bytes)}`);
    }
    lines.push('');
  }
  if (d.cut?.objects) lines.push(m.cut(d.cut.objects));
  return lines.join('\n').trimEnd();
}
