// The delivery summary of Currents connectors: files and bytes per UTC hour and event type over
// the last days, from the keys' date partitions. Memory is bounded by the summary (connectors ×
// event types × hours, plus a handful of newest files), never by the number of objects listed.

import type { ExportObject } from '../buckets';
import { CurrentsKey } from './keys';

export const HOUR = 3_600_000;

export interface DeliveryThresholds {
  /** No new file for longer than this: "quiet" (a quiet workspace may simply send little). */
  quietHours: number;
  /** No new file for longer than this: "stopped". */
  stoppedHours: number;
  /** Currents drops events it could not deliver after this many hours (48 in Braze's documentation). */
  dropWindowHours: number;
}

export const DEFAULT_THRESHOLDS: DeliveryThresholds = { quietHours: 6, stoppedHours: 24, dropWindowHours: 48 };

export type DeliveryState = 'delivering' | 'quiet' | 'stopped';

export interface DeliveryHealth {
  state: DeliveryState;
  /** Hours since the end of the newest file's hour; undefined when no file was found in the window. */
  ageHours?: number;
  /** Stopped only: hours before Currents starts dropping the first undelivered events (0: it has). */
  hoursLeft?: number;
}

/** Files and bytes per hour, oldest first, `hours` long, ending with the current hour. */
export interface HourlySeries {
  files: number[];
  bytes: number[];
}

export interface ConnectorSummary {
  connector: string;
  /** Start of the newest `date=` partition found (ms), if any. */
  newestHour?: number;
  files: number;
  bytes: number;
  /** Per event type (sorted by name), with the same hours as `start`/`hours`. */
  eventTypes: Array<{ eventType: string; files: number; bytes: number; series: HourlySeries }>;
  /** The few newest files (by partition, then key), for the tree. */
  newestObjects: ExportObject[];
}

export interface Gap {
  /** First empty hour (ms). */
  from: number;
  /** Number of empty hours in a row. */
  hours: number;
  /** The run reaches the current hour. */
  open: boolean;
}

/**
 * The state of a connector from its newest file's hour. A file's age is counted from the end of
 * its partition hour: a file for 10:00–11:00 is "0 hours old" until 11:00.
 */
export function deliveryHealth(newestHour: number | undefined, now: number, t: DeliveryThresholds = DEFAULT_THRESHOLDS): DeliveryHealth {
  if (newestHour === undefined) return { state: 'stopped', hoursLeft: 0 };
  const ageHours = Math.max(0, Math.floor((now - (newestHour + HOUR)) / HOUR));
  if (ageHours > t.stoppedHours) return { state: 'stopped', ageHours, hoursLeft: Math.max(0, t.dropWindowHours - ageHours) };
  if (ageHours > t.quietHours) return { state: 'quiet', ageHours };
  return { state: 'delivering', ageHours };
}

/** Runs of at least `minHours` empty hours in a series whose first hour is `start`. */
export function gapsOf(files: number[], start: number, minHours = 1): Gap[] {
  const out: Gap[] = [];
  let run = -1;
  for (let i = 0; i <= files.length; i++) {
    const empty = i < files.length && files[i] === 0;
    if (empty && run < 0) run = i;
    if (!empty && run >= 0) {
      if (i - run >= minHours) out.push({ from: start + run * HOUR, hours: i - run, open: i === files.length });
      run = -1;
    }
  }
  return out;
}

/** Sums several series hour by hour (the connector's total over its event types). */
export function sumSeries(series: HourlySeries[], hours: number): HourlySeries {
  const files = new Array<number>(hours).fill(0);
  const bytes = new Array<number>(hours).fill(0);
  for (const s of series) for (let i = 0; i < hours; i++) {
    files[i] += s.files[i];
    bytes[i] += s.bytes[i];
  }
  return { files, bytes };
}

/** The last `hours` of a series (the 48-hour view of a 7-day series). */
export function lastHours(s: HourlySeries, hours: number): HourlySeries {
  return { files: s.files.slice(-hours), bytes: s.bytes.slice(-hours) };
}

const NEWEST_KEPT = 15;

/** Accumulates listed objects into per-connector, per-event-type hourly counts. */
export class DeliveryAccumulator {
  /** First hour of the window (ms). */
  readonly start: number;
  private readonly connectors = new Map<string, { newestHour?: number; newest: Array<ExportObject & { hour: number }>; types: Map<string, { files: Float64Array; bytes: Float64Array }> }>();

  constructor(readonly now: number, readonly hours = 7 * 24) {
    this.start = Math.floor(now / HOUR) * HOUR - (hours - 1) * HOUR;
  }

  /** A connector found by listing, even before (or without) any file in the window. */
  connector(name: string) {
    let c = this.connectors.get(name);
    if (!c) this.connectors.set(name, (c = { newest: [], types: new Map() }));
    return c;
  }

  add(parsed: CurrentsKey, object: ExportObject): void {
    const c = this.connector(parsed.connector);
    if (c.newestHour === undefined || parsed.hour > c.newestHour) c.newestHour = parsed.hour;
    const slot = Math.floor((parsed.hour - this.start) / HOUR);
    if (slot >= 0 && slot < this.hours) {
      let t = c.types.get(parsed.eventType);
      if (!t) c.types.set(parsed.eventType, (t = { files: new Float64Array(this.hours), bytes: new Float64Array(this.hours) }));
      t.files[slot]++;
      t.bytes[slot] += object.size;
    }
    keepNewest(c.newest, { ...object, hour: parsed.hour });
  }

  summaries(): ConnectorSummary[] {
    return [...this.connectors.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([connector, c]) => {
      const eventTypes = [...c.types.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([eventType, t]) => {
        const series = { files: Array.from(t.files), bytes: Array.from(t.bytes) };
        return { eventType, files: sum(series.files), bytes: sum(series.bytes), series };
      });
      return {
        connector,
        newestHour: c.newestHour,
        files: sum(eventTypes.map((e) => e.files)),
        bytes: sum(eventTypes.map((e) => e.bytes)),
        eventTypes,
        newestObjects: c.newest.map(({ hour: _hour, ...o }) => o),
      };
    });
  }
}

function sum(values: number[]): number {
  return values.reduce((a, b) => a + b, 0);
}

function newer(a: ExportObject & { hour: number }, b: ExportObject & { hour: number }): number {
  return b.hour - a.hour || (b.key < a.key ? -1 : b.key > a.key ? 1 : 0);
}

/** Keeps the NEWEST_KEPT newest objects, newest first (insertion into a short sorted list). */
function keepNewest(list: Array<ExportObject & { hour: number }>, o: ExportObject & { hour: number }): void {
  if (list.length >= NEWEST_KEPT && newer(list[list.length - 1], o) <= 0) return;
  let i = list.length;
  while (i > 0 && newer(list[i - 1], o) > 0) i--;
  list.splice(i, 0, o);
  if (list.length > NEWEST_KEPT) list.pop();
}
