// Open and Download for dashboard and API export files: a CSV or JSON opens as a read-only text
// document (within a size bound), a ZIP as the list of its entries; Download streams the object
// into the workspace folder.
import * as vscode from 'vscode';
import { gunzipSync } from 'node:zlib';
import { existsSync } from 'node:fs';
import type { S3Client } from '@aws-sdk/client-s3';
import { loadAws } from '../../loadAws';
import { isSingular } from '../../editor/settings';
import { formatSize } from './exportItems';

export const EXPORT_SCHEME = 'braze-s3-export';
/** Text shown in an editor: bigger exports are downloaded instead. */
export const OPEN_LIMIT = 5 * 1024 * 1024;
/** A ZIP is read whole to list its entries (fflate reads the central directory from memory). */
export const ZIP_LIMIT = 100 * 1024 * 1024;

export interface ExportTarget {
  bucket: string;
  key: string;
}

export class ExportDocuments implements vscode.TextDocumentContentProvider {
  private readonly texts = new Map<string, string>();
  constructor(private readonly s3For: (bucket: string) => S3Client) {}

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.texts.get(uri.toString()) ?? '';
  }

  /** Opens the export file; returns the document shown. */
  async open(t: ExportTarget): Promise<vscode.TextDocument> {
    const aws = loadAws();
    const s3 = this.s3For(t.bucket);
    const zip = /\.zip$/i.test(t.key);
    const bytes = await aws.readObject(s3, t.bucket, t.key, zip ? ZIP_LIMIT : OPEN_LIMIT).catch((error) => {
      if (error instanceof aws.TooLargeError) throw new Error(vscode.l10n.t('{0} is {1}: too big to open here. Use Download instead.', t.key, formatSize(error.size)));
      throw error;
    });
    let text: string;
    let path = `/${t.bucket}/${t.key}`;
    if (zip) {
      const entries = aws.zipEntries(bytes);
      const width = Math.max(10, ...entries.map((e) => e.name.length));
      text = [
        isSingular(entries.length)
          ? vscode.l10n.t('s3://{0}/{1}: 1 entry (ZIP, {2})', t.bucket, t.key, formatSize(bytes.length))
          : vscode.l10n.t('s3://{0}/{1}: {2} entries (ZIP, {3})', t.bucket, t.key, entries.length, formatSize(bytes.length)), '',
        `${vscode.l10n.t('Name').padEnd(width)}  ${vscode.l10n.t('Size').padStart(10)}  ${vscode.l10n.t('Compressed').padStart(10)}`,
        ...entries.map((e) => `${e.name.padEnd(width)}  ${formatSize(e.originalSize).padStart(10)}  ${formatSize(e.size).padStart(10)}`),
      ].join('\n') + '\n';
      path += '.entries.txt';
    } else {
      const raw = /\.gz$/i.test(t.key) ? gunzipSync(bytes, { maxOutputLength: OPEN_LIMIT * 4 }) : Buffer.from(bytes);
      text = raw.toString('utf8');
      path = path.replace(/\.gz$/i, '');
    }
    const uri = vscode.Uri.from({ scheme: EXPORT_SCHEME, path });
    this.texts.set(uri.toString(), text);
    const doc = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(doc, { preview: true });
    return doc;
  }

  /** Streams the object into the workspace's first folder (or where the user saves it). */
  async download(t: ExportTarget): Promise<vscode.Uri | undefined> {
    const name = t.key.split('/').pop() || 'export';
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
    let target = folder ? vscode.Uri.joinPath(folder, name) : await vscode.window.showSaveDialog({ defaultUri: vscode.Uri.file(name), title: vscode.l10n.t('Download {0}', name) });
    if (!target) return undefined;
    if (folder && existsSync(target.fsPath)) {
      const replace = vscode.l10n.t('Replace');
      const other = vscode.l10n.t('Save as…');
      const answer = await vscode.window.showWarningMessage(vscode.l10n.t('{0} already exists in the workspace.', name), { modal: true }, replace, other);
      if (answer === other) target = await vscode.window.showSaveDialog({ defaultUri: target });
      else if (answer !== replace) return undefined;
      if (!target) return undefined;
    }
    const dest = target;
    const size = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Downloading {0}', name), cancellable: true }, async (_p, token) => {
      const controller = new AbortController();
      const sub = token.onCancellationRequested(() => controller.abort());
      try {
        return await loadAws().downloadObject(this.s3For(t.bucket), t.bucket, t.key, dest.fsPath, controller.signal);
      } finally {
        sub.dispose();
      }
    });
    const open = vscode.l10n.t('Open');
    void vscode.window.showInformationMessage(vscode.l10n.t('Downloaded {0} ({1}) to {2}', name, formatSize(size), vscode.workspace.asRelativePath(dest)), open).then((a) => {
      if (a === open) void vscode.commands.executeCommand('vscode.open', dest);
    });
    return dest;
  }
}
