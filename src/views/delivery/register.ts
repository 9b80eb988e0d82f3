// Delivery health and export files: the commands and views behind the account tree's Currents
// folders and dashboard-export buckets (one registration call from views/account.ts).
import * as vscode from 'vscode';
import type { AccountTree, Node } from '../accountTree';
import { registerSafeCommand } from '../../editor/safeCommand';
import { problemText } from '../../loadAws';
import { DeliveryTarget, DeliveryView } from './deliveryView';
import { EXPORT_SCHEME, ExportDocuments, ExportTarget } from '../exports/exportCommands';

export interface DeliveryFeatures {
  view: DeliveryView;
  exports: ExportDocuments;
}

function deliveryTarget(arg: unknown): DeliveryTarget | undefined {
  const n = arg as Node | DeliveryTarget | undefined;
  if (!n || typeof n !== 'object') return undefined;
  if ('kind' in n && n.kind === 'connector') return { bucket: n.bucket, folder: n.folder, connector: n.summary.connector };
  if ('connector' in n && typeof n.connector === 'string' && typeof (n as DeliveryTarget).bucket === 'string') return n as DeliveryTarget;
  return undefined;
}

function exportTarget(arg: unknown): ExportTarget | undefined {
  const n = arg as Node | ExportTarget | undefined;
  if (!n || typeof n !== 'object') return undefined;
  if ('kind' in n && (n.kind === 'exportFile' || n.kind === 'object')) return { bucket: n.bucket, key: n.object.key };
  if ('key' in n && typeof n.key === 'string' && typeof (n as ExportTarget).bucket === 'string') return n as ExportTarget;
  return undefined;
}

export function registerDeliveryFeatures(context: vscode.ExtensionContext, output: vscode.LogOutputChannel, tree: AccountTree): DeliveryFeatures {
  const command = (id: string, run: (...args: never[]) => unknown) => registerSafeCommand(id, run, output, problemText);
  const view = new DeliveryView(context.extensionUri, (t, fresh) => {
    if (fresh) tree.deliveries.forget(t.bucket, t.folder);
    return tree.deliveries.get(tree.s3For(t.bucket), t.bucket, t.folder);
  });
  const exports = new ExportDocuments((bucket) => tree.s3For(bucket));
  context.subscriptions.push(
    view,
    vscode.workspace.registerTextDocumentContentProvider(EXPORT_SCHEME, exports),
    command('brazeS3.showDelivery', async (arg?: unknown) => {
      let target = deliveryTarget(arg);
      const folderNode = arg as Node | undefined;
      if (!target && folderNode?.kind === 'currentsFolder') {
        // A folder: its connector (the first, when it holds several).
        const d = await tree.deliveries.get(tree.s3For(folderNode.bucket), folderNode.bucket, folderNode.folder);
        const c = d.connectors[0];
        if (!c) return void vscode.window.showInformationMessage(vscode.l10n.t('No Currents connector folder (dataexport.…) here.'));
        target = { bucket: folderNode.bucket, folder: folderNode.folder, connector: c.connector };
      }
      return target ? view.show(target) : undefined;
    }),
    command('brazeS3.openExportFile', (arg?: unknown) => {
      const t = exportTarget(arg);
      return t ? exports.open(t) : undefined;
    }),
    command('brazeS3.downloadExportFile', (arg?: unknown) => {
      const t = exportTarget(arg);
      return t ? exports.download(t) : undefined;
    }),
    // New thresholds change every state shown: redraw (the listings stay cached).
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('brazeS3.delivery')) tree.redraw();
    }),
  );
  return { view, exports };
}
