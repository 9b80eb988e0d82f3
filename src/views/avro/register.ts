// Registration of the Avro viewer, the read-only S3 file system and Open on a file of the account
// view. They use a connection of their own, built from the same settings as the account view's.
import * as vscode from 'vscode';
import { registerSafeCommand } from '../../editor/safeCommand';
import { problemText } from '../../loadAws';
import { AccountConnection } from '../connection';
import { S3_SCHEME, S3FileSystem, s3Uri } from '../s3fs/s3FileSystem';
import { AVRO_VIEW_TYPE, AvroEditorProvider } from './avroEditor';

export const OPEN_OBJECT_COMMAND = 'brazeS3.openObject';

export interface AvroFeatures {
  provider: AvroEditorProvider;
}

export function registerAvroFeatures(context: vscode.ExtensionContext, output: vscode.LogOutputChannel): AvroFeatures {
  const connection = new AccountConnection();
  const provider = new AvroEditorProvider(context.extensionUri, connection, output);
  context.subscriptions.push(
    connection,
    vscode.workspace.registerFileSystemProvider(S3_SCHEME, new S3FileSystem(connection), { isCaseSensitive: true, isReadonly: true }),
    vscode.window.registerCustomEditorProvider(AVRO_VIEW_TYPE, provider, { supportsMultipleEditorsPerDocument: true, webviewOptions: { retainContextWhenHidden: false } }),
    registerSafeCommand(OPEN_OBJECT_COMMAND, (node?: { bucket?: string; object?: { key?: string } }) => openObject(node), output, problemText),
  );
  return { provider };
}

/** Opens an object of the account view from the bucket itself (.avro in the viewer). */
async function openObject(node?: { bucket?: string; object?: { key?: string } }): Promise<void> {
  if (!node?.bucket || !node.object?.key) return;
  await vscode.commands.executeCommand('vscode.open', s3Uri(node.bucket, node.object.key), { preview: true });
}
