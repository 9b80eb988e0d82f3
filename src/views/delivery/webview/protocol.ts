// What the extension sends the delivery view (plain data: the view computes nothing from AWS).
export interface DeliveryViewData {
  bucket: string;
  folder: string;
  connector: string;
  state: 'delivering' | 'quiet' | 'stopped';
  stateText: string;
  /** Stopped: the countdown sentence and what to check. */
  warning?: string;
  advice?: string;
  /** First hour of the series (ms UTC); every series has `hours` entries. */
  start: number;
  hours: number;
  types: Array<{ name: string; files: number[]; bytes: number[] }>;
  cut?: string;
  labels: {
    last48: string;
    last7d: string;
    files: string;
    bytes: string;
    eventType: string;
    total: string;
    gaps: string;
    noGaps: string;
    gapLine: string; // "{0} – {1} UTC: {2}"
    hoursOne: string;
    hoursOther: string; // "{0} hours"
    chartLabel: string;
    refresh: string;
    utc: string;
  };
}
