// How delivery health reads in the account tree: a folder's and a connector's state at a glance,
// and for a stopped connector how long before events are dropped and what to check.
import * as vscode from 'vscode';
import type { ConnectorSummary, DeliveryHealth, FolderDelivery } from '../../aws';
import { isSingular } from '../../editor/settings';
import { healthOf, readThresholds } from './health';

function hours(n: number): string {
  return isSingular(n) ? vscode.l10n.t('1 hour') : vscode.l10n.t('{0} hours', n);
}

/** "delivering · newest file 2 hours ago", "stopped · no file for 30 hours · 18 hours left". */
export function healthText(h: DeliveryHealth): string {
  switch (h.state) {
    case 'delivering':
      return vscode.l10n.t('delivering · newest file {0} ago', hours(h.ageHours ?? 0));
    case 'quiet':
      return vscode.l10n.t('quiet · no new file for {0}', hours(h.ageHours ?? 0));
    case 'stopped':
      if (h.ageHours === undefined) return vscode.l10n.t('stopped · no file in the last {0} days', 7);
      return h.hoursLeft
        ? vscode.l10n.t('stopped · {1} left · no file for {0}', hours(h.ageHours), hours(h.hoursLeft))
        : vscode.l10n.t('stopped · no file for {0} · events are being dropped', hours(h.ageHours));
  }
}

/** The sentence for a stopped connector: the countdown, then what to check. */
export function stoppedWarning(h: DeliveryHealth): string {
  const window = readThresholds().dropWindowHours;
  const left = h.hoursLeft
    ? vscode.l10n.t('{0} left before Currents drops the first events it could not deliver ({1}-hour window).', hours(h.hoursLeft), window)
    : vscode.l10n.t('The {0}-hour window has passed: Currents is dropping the events it could not deliver.', window);
  return left;
}

export function checkAdvice(): string {
  return vscode.l10n.t('Check the access key\'s age and last use (Users), the role\'s trust policy (Roles), then run Test credentials.');
}

function stateIcon(h: DeliveryHealth): vscode.ThemeIcon {
  if (h.state === 'stopped') return new vscode.ThemeIcon('warning', new vscode.ThemeColor('problemsWarningIcon.foreground'));
  if (h.state === 'quiet') return new vscode.ThemeIcon('clock');
  return new vscode.ThemeIcon('pass', new vscode.ThemeColor('testing.iconPassed'));
}

/** The worst state of a folder's connectors (a folder usually holds one). */
export function folderHealth(d: FolderDelivery): DeliveryHealth | undefined {
  const order = { stopped: 0, quiet: 1, delivering: 2 } as const;
  return d.connectors.map((c) => healthOf(c.newestHour, Date.now())).sort((a, b) => order[a.state] - order[b.state] || (a.hoursLeft ?? 0) - (b.hoursLeft ?? 0))[0];
}

export function folderDescription(d: FolderDelivery | undefined, failed: boolean): { description: string; icon: vscode.ThemeIcon; tooltip?: string } {
  if (!d) return { description: failed ? vscode.l10n.t('delivery could not be read') : vscode.l10n.t('checking delivery…'), icon: new vscode.ThemeIcon('folder') };
  const h = folderHealth(d);
  if (!h) return { description: vscode.l10n.t('no Currents connector'), icon: new vscode.ThemeIcon('folder') };
  return { description: healthText(h), icon: stateIcon(h), tooltip: h.state === 'stopped' ? `${stoppedWarning(h)}\n${checkAdvice()}` : undefined };
}

export function connectorItem(bucket: string, folder: string, c: ConnectorSummary, node: unknown): vscode.TreeItem {
  const h = healthOf(c.newestHour);
  // The state is the label (what a person looks for); the connector's long name, one unbroken
  // word, is the description, which the tree shortens first.
  const item = new vscode.TreeItem(healthText(h), vscode.TreeItemCollapsibleState.Collapsed);
  item.id = `connector:${bucket}/${folder}/${c.connector}`;
  item.contextValue = 'currentsConnector';
  item.description = c.connector;
  item.iconPath = stateIcon(h);
  const lines = [`s3://${bucket}/${folder ? `${folder}/` : ''}${c.connector}/`, healthText(h)];
  if (h.state === 'stopped') lines.push(stoppedWarning(h), checkAdvice());
  if (h.state === 'quiet') lines.push(vscode.l10n.t('Currents may simply be quiet on a quiet workspace.'));
  item.tooltip = lines.join('\n');
  item.command = { command: 'brazeS3.showDelivery', title: vscode.l10n.t('Show delivery'), arguments: [node] };
  return item;
}
