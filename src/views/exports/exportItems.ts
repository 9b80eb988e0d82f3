// Dashboard and API export files in the account tree: newest first, with size and age.
import * as vscode from 'vscode';
import type { S3Client } from '@aws-sdk/client-s3';
import type { Node } from '../accountNodes';
import { loadAws } from '../../loadAws';
import { isSingular } from '../../editor/settings';

const SHOWN = 50;

export async function exportFileNodes(s3: S3Client, bucket: string, region?: string): Promise<Node[]> {
  const listing = await loadAws().listExportFiles(s3, bucket, { keep: SHOWN });
  const out: Node[] = listing.files.map((object): Node => ({ kind: 'exportFile', bucket, region, object }));
  if (listing.found > listing.files.length || listing.cut) {
    out.push({ kind: 'message', label: listing.cut
      ? vscode.l10n.t('Newest {0} export files of the first {1} objects listed', listing.files.length, listing.listed.toLocaleString())
      : vscode.l10n.t('Newest {0} of {1} export files', listing.files.length, listing.found) });
  }
  return out;
}

/** "3 hours ago", "2 days ago". */
export function ageText(date: Date | undefined, now = Date.now()): string {
  if (!date) return '';
  const hours = Math.max(0, Math.floor((now - date.getTime()) / 3_600_000));
  if (hours < 1) return vscode.l10n.t('less than an hour ago');
  if (hours < 48) return isSingular(hours) ? vscode.l10n.t('1 hour ago') : vscode.l10n.t('{0} hours ago', hours);
  return vscode.l10n.t('{0} days ago', Math.floor(hours / 24));
}

export function formatSize(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}

export function exportFileItem(node: Extract<Node, { kind: 'exportFile' }>): vscode.TreeItem {
  const { key, size, lastModified } = node.object;
  const item = new vscode.TreeItem(key.split('/').pop() ?? key);
  item.id = `export:${node.bucket}/${key}`;
  item.contextValue = 'exportFile';
  item.description = `${formatSize(size)} · ${ageText(lastModified)}`;
  item.tooltip = `s3://${node.bucket}/${key}\n${lastModified?.toISOString() ?? ''}`;
  item.iconPath = new vscode.ThemeIcon(/\.zip$/i.test(key) ? 'file-zip' : /\.json(\.gz)?$/i.test(key) ? 'json' : 'file');
  item.command = { command: 'brazeS3.openExportFile', title: vscode.l10n.t('Open'), arguments: [node] };
  return item;
}
