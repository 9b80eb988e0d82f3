// The delivery view of one Currents connector: a webview (theme colours, strict Content Security
// Policy with a nonce) drawing files and bytes per hour with uPlot, bundled as dist/deliveryView.js.
import * as vscode from 'vscode';
import { webviewPage } from '../webviewPage';
import type { ConnectorSummary, FolderDelivery } from '../../aws';
import type { DeliveryViewData } from './webview/protocol';
import { healthOf } from './health';
import { checkAdvice, healthText, stoppedWarning } from './treeItems';

export interface DeliveryTarget {
  bucket: string;
  folder: string;
  connector: string;
}

export class DeliveryView implements vscode.Disposable {
  private readonly panels = new Map<string, vscode.WebviewPanel>();

  constructor(private readonly extensionUri: vscode.Uri, private readonly load: (target: DeliveryTarget, fresh: boolean) => Promise<FolderDelivery>) {}

  /** Opens (or reveals) the connector's view and fills it; resolves when the data was posted. */
  async show(target: DeliveryTarget): Promise<DeliveryViewData | undefined> {
    const id = `${target.bucket}/${target.folder}/${target.connector}`;
    let panel = this.panels.get(id);
    if (panel) panel.reveal(vscode.ViewColumn.Active);
    else {
      const dist = vscode.Uri.joinPath(this.extensionUri, 'dist');
      panel = vscode.window.createWebviewPanel('brazeS3.delivery', vscode.l10n.t('Delivery: {0}/', target.folder || target.bucket), vscode.ViewColumn.Active, {
        enableScripts: true, localResourceRoots: [dist], retainContextWhenHidden: false,
      });
      panel.webview.html = html(panel.webview, dist);
      this.panels.set(id, panel);
      const p = panel;
      p.onDidDispose(() => this.panels.delete(id));
      // The script asks for data when it starts (also after the panel was hidden and shown again).
      p.webview.onDidReceiveMessage(async (m: { type?: string }) => {
        if (m?.type === 'ready') await this.post(p, target, false);
        if (m?.type === 'refresh') await this.post(p, target, true);
      });
      return undefined;
    }
    return this.post(panel, target, false);
  }

  private async post(panel: vscode.WebviewPanel, target: DeliveryTarget, fresh: boolean): Promise<DeliveryViewData | undefined> {
    try {
      const d = await this.load(target, fresh);
      const c = d.connectors.find((x) => x.connector === target.connector);
      if (!c) throw new Error(vscode.l10n.t('The connector {0} was not found under s3://{1}/{2}/.', target.connector, target.bucket, target.folder));
      const data = viewData(d, c);
      this.last = data;
      await panel.webview.postMessage({ type: 'data', data });
      return data;
    } catch (error) {
      void vscode.window.showErrorMessage(vscode.l10n.t('Currents delivery: {0}', error instanceof Error ? error.message : String(error)));
      return undefined;
    }
  }

  /** For tests: the last data posted. */
  last: DeliveryViewData | undefined;

  dispose(): void {
    for (const p of this.panels.values()) p.dispose();
  }
}

export function viewData(d: FolderDelivery, c: ConnectorSummary): DeliveryViewData {
  const h = healthOf(c.newestHour, Date.now());
  return {
    bucket: d.bucket, folder: d.folder, connector: c.connector, state: h.state, stateText: healthText(h),
    warning: h.state === 'stopped' ? stoppedWarning(h) : undefined,
    advice: h.state === 'stopped' ? checkAdvice() : undefined,
    start: d.start, hours: d.hours,
    types: c.eventTypes.map((e) => ({ name: e.eventType, files: e.series.files, bytes: e.series.bytes })),
    cut: d.cut?.objects ? vscode.l10n.t('Listing stopped after {0} files: counts are incomplete.', d.cut.objects.toLocaleString()) : undefined,
    labels: {
      last48: vscode.l10n.t('Last 48 hours'), last7d: vscode.l10n.t('Last 7 days'), files: vscode.l10n.t('Files'), bytes: vscode.l10n.t('Bytes'),
      eventType: vscode.l10n.t('Event type'), total: vscode.l10n.t('Total'), gaps: vscode.l10n.t('Hours without files'),
      noGaps: vscode.l10n.t('Every hour has files.'), gapLine: vscode.l10n.t('{0} – {1} UTC: {2}'), hoursOne: vscode.l10n.t('1 hour'), hoursOther: vscode.l10n.t('{0} hours'),
      chartLabel: vscode.l10n.t('Files per UTC hour, stacked by event type; empty hours shaded'), refresh: vscode.l10n.t('Refresh'), utc: 'UTC',
    },
  };
}

function html(webview: vscode.Webview, dist: vscode.Uri): string {
  return webviewPage({
    webview, lang: vscode.env.language, title: 'Currents delivery', dataImages: true,
    styleUris: [vscode.Uri.joinPath(dist, 'deliveryView.css')],
    style: STYLE,
    scriptUri: vscode.Uri.joinPath(dist, 'deliveryView.js'),
    body: '<div id="root"></div>',
  });
}

const STYLE = `
  body { color: var(--vscode-foreground); background: var(--vscode-editor-background); font-family: var(--vscode-font-family); font-size: var(--vscode-font-size); padding: 0 16px 16px; }
  h1 { font-size: 1.3em; font-weight: 600; margin: 14px 0 2px; word-break: break-all; }
  h2 { font-size: 1.05em; margin: 18px 0 6px; }
  .where { color: var(--vscode-descriptionForeground); margin: 0 0 8px; font-family: var(--vscode-editor-font-family); }
  .state { font-weight: 600; margin: 6px 0; }
  .state.delivering { color: var(--vscode-testing-iconPassed); }
  .state.quiet { color: var(--vscode-descriptionForeground); }
  .state.stopped { color: var(--vscode-problemsWarningIcon-foreground); }
  .warning { border-left: 3px solid var(--vscode-problemsWarningIcon-foreground); background: var(--vscode-inputValidation-warningBackground); padding: 8px 10px; margin: 8px 0; }
  .cut { color: var(--vscode-problemsWarningIcon-foreground); }
  .toolbar { display: flex; gap: 4px; align-items: center; margin: 10px 0; flex-wrap: wrap; }
  .toolbar .sep { width: 10px; }
  button { color: var(--vscode-button-secondaryForeground); background: var(--vscode-button-secondaryBackground); border: 1px solid var(--vscode-button-border, transparent); padding: 3px 10px; cursor: pointer; font: inherit; }
  button.on { color: var(--vscode-button-foreground); background: var(--vscode-button-background); }
  button:focus-visible { outline: 1px solid var(--vscode-focusBorder); }
  .chart { width: 100%; }
  .u-legend { color: var(--vscode-foreground); font-size: 0.9em; }
  table { border-collapse: collapse; margin-top: 12px; min-width: 420px; }
  th, td { text-align: left; padding: 3px 12px 3px 0; border-bottom: 1px solid var(--vscode-editorWidget-border, rgba(128,128,128,0.3)); }
  td.num { text-align: right; font-variant-numeric: tabular-nums; }
  tr.total td { font-weight: 600; }
  .swatch { display: inline-block; width: 10px; height: 10px; margin-right: 6px; vertical-align: middle; }
  ul.gaps { margin: 0; padding-left: 18px; }
`;
