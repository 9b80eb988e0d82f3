/// <reference lib="dom" />
// The delivery view's script (bundled by esbuild for the webview, with uPlot): files or bytes per
// UTC hour over 48 hours or 7 days, stacked by event type, empty hours shaded; a table per event
// type and the gaps in words. Colours come from the VS Code theme's CSS variables.
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import type { DeliveryViewData } from './protocol';

declare function acquireVsCodeApi(): { postMessage(message: unknown): void; getState(): unknown; setState(state: unknown): void };

const vscode = acquireVsCodeApi();
const HOUR = 3_600_000;
const PALETTE = ['--vscode-charts-blue', '--vscode-charts-green', '--vscode-charts-orange', '--vscode-charts-purple', '--vscode-charts-yellow', '--vscode-charts-red'];

let data: DeliveryViewData | undefined;
let chart: uPlot | undefined;
const state = (vscode.getState() as { range?: 48 | 168; measure?: 'files' | 'bytes' } | undefined) ?? {};
let range: 48 | 168 = state.range ?? 48;
let measure: 'files' | 'bytes' = state.measure ?? 'files';

const css = (name: string, fallback: string) => getComputedStyle(document.body).getPropertyValue(name).trim() || fallback;
const el = <K extends keyof HTMLElementTagNameMap>(tag: K, props: Partial<HTMLElementTagNameMap[K]> = {}, ...children: Array<Node | string>) => {
  const e = Object.assign(document.createElement(tag), props);
  e.append(...children);
  return e;
};
const fmt = (s: string, ...args: Array<string | number>) => s.replace(/\{(\d)\}/g, (_, i) => String(args[Number(i)]));
const bytesText = (n: number) => (n < 1024 ? `${n} B` : n < 1024 ** 2 ? `${(n / 1024).toFixed(1)} KB` : `${(n / 1024 ** 2).toFixed(1)} MB`);
const hourText = (ms: number) => new Date(ms).toISOString().slice(0, 13).replace('T', ' ') + ':00';

function render(): void {
  if (!data) return;
  const d = data;
  const first = d.hours - range;
  const xs = Array.from({ length: range }, (_, i) => (d.start + (first + i) * HOUR) / 1000);
  const values = d.types.map((t) => (measure === 'files' ? t.files : t.bytes).slice(first));
  const totals = xs.map((_, i) => values.reduce((a, v) => a + v[i], 0));
  const filesTotal = xs.map((_, i) => d.types.reduce((a, t) => a + t.files[first + i], 0));

  const root = document.getElementById('root')!;
  root.replaceChildren();
  root.append(el('h1', {}, d.connector));
  root.append(el('p', { className: 'where' }, `s3://${d.bucket}/${d.folder ? d.folder + '/' : ''}${d.connector}/`));
  root.append(el('p', { className: `state ${d.state}`, role: 'status' }, d.stateText));
  if (d.warning) root.append(el('div', { className: 'warning', role: 'alert' }, el('strong', {}, d.warning), el('br'), d.advice ?? ''));
  if (d.cut) root.append(el('p', { className: 'cut' }, d.cut));

  const toggle = (label: string, on: boolean, click: () => void) => {
    const b = el('button', { type: 'button', className: on ? 'on' : '' }, label);
    b.setAttribute('aria-pressed', String(on));
    b.addEventListener('click', click);
    return b;
  };
  const save = () => vscode.setState({ range, measure });
  root.append(el('div', { className: 'toolbar' },
    toggle(d.labels.last48, range === 48, () => { range = 48; save(); render(); }),
    toggle(d.labels.last7d, range === 168, () => { range = 168; save(); render(); }),
    el('span', { className: 'sep' }),
    toggle(d.labels.files, measure === 'files', () => { measure = 'files'; save(); render(); }),
    toggle(d.labels.bytes, measure === 'bytes', () => { measure = 'bytes'; save(); render(); }),
    el('span', { className: 'sep' }),
    toggle(d.labels.refresh, false, () => vscode.postMessage({ type: 'refresh' })),
  ));

  const holder = el('div', { className: 'chart' });
  holder.setAttribute('role', 'img');
  holder.setAttribute('aria-label', d.labels.chartLabel);
  root.append(holder);

  // Stacked bars: series i is the sum of event types i..n, drawn largest first.
  const stacked = values.map((_, i) => xs.map((__, h) => values.slice(i).reduce((a, v) => a + v[h], 0)));
  const fg = css('--vscode-foreground', '#ccc');
  const grid = css('--vscode-editorWidget-border', 'rgba(128,128,128,0.3)');
  const gapFill = css('--vscode-inputValidation-warningBackground', 'rgba(200,150,0,0.25)');
  const colours = d.types.map((_, i) => css(PALETTE[i % PALETTE.length], ['#3794ff', '#89d185', '#d18616', '#b180d7', '#cca700', '#f14c4c'][i % 6]));
  const bars = uPlot.paths.bars!({ size: [0.8, 40], gap: 1 });
  chart?.destroy();
  chart = new uPlot({
    width: Math.max(320, holder.clientWidth || root.clientWidth - 8),
    height: 260,
    legend: { show: true },
    cursor: { drag: { x: false, y: false } },
    // Currents' hours are UTC: so are the axis and the legend, whatever the machine's time zone.
    tzDate: (ts) => uPlot.tzDate(new Date(ts * 1000), 'Etc/UTC'),
    scales: { x: { time: true }, y: { range: (_u, _min, max) => [0, Math.max(1, max * 1.1)] } },
    axes: [
      { stroke: fg, grid: { stroke: grid, width: 1 }, ticks: { stroke: grid } },
      { stroke: fg, grid: { stroke: grid, width: 1 }, ticks: { stroke: grid }, values: (_u, v) => v.map((n) => (measure === 'bytes' ? bytesText(n) : String(n))), size: 70 },
    ],
    series: [
      { value: (_u, v) => (v == null ? '' : hourText(v * 1000) + ' ' + d.labels.utc) },
      ...d.types.map((t, i) => ({
        label: t.name, stroke: colours[i], fill: colours[i], paths: bars, points: { show: false },
        // The legend shows this type's own value, not the stack.
        value: (_u: uPlot, _v: number, _s: number, idx: number | null) => (idx == null ? '' : measure === 'bytes' ? bytesText(values[i][idx]) : String(values[i][idx])),
      })),
    ],
    hooks: {
      // Empty hours shaded behind the bars: a gap is seen before it is read.
      drawClear: [(u) => {
        const ctx = u.ctx;
        ctx.save();
        ctx.fillStyle = gapFill;
        const w = (u.valToPos(xs[1] ?? xs[0] + 3600, 'x', true) - u.valToPos(xs[0], 'x', true));
        totals.forEach((t, i) => {
          if (filesTotal[i] > 0 || t > 0) return;
          const x = u.valToPos(xs[i], 'x', true) - w / 2;
          ctx.fillRect(x, u.bbox.top, w, u.bbox.height);
        });
        ctx.restore();
      }],
    },
  }, [xs, ...stacked], holder);

  // The table: per event type over the range shown.
  const rows = d.types.map((t, i) => {
    const swatch = el('span', { className: 'swatch' });
    swatch.style.background = colours[i];
    return el('tr', {},
      el('td', {}, swatch, t.name),
      el('td', { className: 'num' }, String(t.files.slice(first).reduce((a, b) => a + b, 0))),
      el('td', { className: 'num' }, bytesText(t.bytes.slice(first).reduce((a, b) => a + b, 0))));
  });
  const total = el('tr', { className: 'total' }, el('td', {}, d.labels.total), el('td', { className: 'num' }, String(filesTotal.reduce((a, b) => a + b, 0))),
    el('td', { className: 'num' }, bytesText(d.types.reduce((a, t) => a + t.bytes.slice(first).reduce((x, y) => x + y, 0), 0))));
  root.append(el('table', {}, el('thead', {}, el('tr', {}, el('th', {}, d.labels.eventType), el('th', {}, d.labels.files), el('th', {}, d.labels.bytes))), el('tbody', {}, ...rows, total)));

  // The gaps in words (runs of empty hours), newest last.
  const gaps: Array<[number, number]> = [];
  for (let i = 0; i < range; i++) {
    if (filesTotal[i] > 0) continue;
    let j = i;
    while (j + 1 < range && filesTotal[j + 1] === 0) j++;
    gaps.push([i, j - i + 1]);
    i = j;
  }
  root.append(el('h2', {}, d.labels.gaps));
  if (gaps.length === 0) root.append(el('p', {}, d.labels.noGaps));
  else root.append(el('ul', { className: 'gaps' }, ...gaps.map(([i, n]) => el('li', {}, fmt(d.labels.gapLine, hourText(xs[i] * 1000), hourText(xs[i] * 1000 + n * HOUR), fmt(n === 1 ? d.labels.hoursOne : d.labels.hoursOther, n))))));
}

window.addEventListener('message', (event: MessageEvent) => {
  const message = event.data as { type: string; data?: DeliveryViewData };
  if (message.type === 'data' && message.data) {
    data = message.data;
    render();
  }
});
window.addEventListener('resize', () => chart?.setSize({ width: Math.max(320, (document.querySelector('.chart') as HTMLElement | null)?.clientWidth ?? 600), height: 260 }));
vscode.postMessage({ type: 'ready' });
