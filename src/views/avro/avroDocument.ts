// One open .avro file for the viewer: its byte source (a local file handle, ranged S3 GETs through
// the read-only file system's connection, or any other file system's bytes), the reader over it,
// and what the viewer asks of it. Nothing here throws into the host: a file that cannot be opened
// becomes a document that says why.
import * as vscode from 'vscode';
import type * as Avro from '../../avro';
import { loadAvro } from '../../loadAvro';
import { loadAws, problemText as awsProblemText } from '../../loadAws';
import type { AccountConnection } from '../connection';
import { S3_SCHEME, s3Location } from '../s3fs/s3FileSystem';

/** Other file systems (remote, virtual) hand over whole files: above this, refused. */
const MAX_WHOLE_BYTES = 256 * 1024 * 1024;

export class AvroDocument implements vscode.CustomDocument {
  private readonly abort = new AbortController();

  private constructor(readonly uri: vscode.Uri, readonly file: Avro.AvroFile | undefined, readonly openError: string | undefined) {}

  static async open(uri: vscode.Uri, connection: AccountConnection): Promise<AvroDocument> {
    try {
      const source = await sourceOf(uri, connection);
      // Each read from S3 is a request: a larger window makes a count cost fewer of them.
      const chunkBytes = uri.scheme === S3_SCHEME ? 1024 * 1024 : 256 * 1024;
      return new AvroDocument(uri, await loadAvro().AvroFile.open(source, { chunkBytes }), undefined);
    } catch (error) {
      const text = uri.scheme === S3_SCHEME ? awsProblemText(error) : error instanceof Error ? error.message : String(error);
      return new AvroDocument(uri, undefined, text);
    }
  }

  /** Aborted when the editor closes: a count or a search in flight stops. */
  get signal(): AbortSignal {
    return this.abort.signal;
  }

  dispose(): void {
    this.abort.abort();
    void this.file?.close().catch(() => undefined);
  }
}

async function sourceOf(uri: vscode.Uri, connection: AccountConnection): Promise<Avro.ByteSource> {
  const avro = loadAvro();
  if (uri.scheme === 'file') return avro.fileSource(uri.fsPath);
  if (uri.scheme === S3_SCHEME) {
    if (!connection.allowed) throw new Error(vscode.l10n.t('Trust this workspace to connect to AWS.'));
    const { bucket, key } = s3Location(uri);
    return loadAws().objectSource(connection.get().s3, bucket, key);
  }
  const stat = await vscode.workspace.fs.stat(uri);
  if (stat.size > MAX_WHOLE_BYTES) throw new Error(vscode.l10n.t('This file system hands over whole files only, and this one is {0} MB: copy it to a local folder to open it.', Math.round(stat.size / 1048576)));
  return avro.bufferSource(await vscode.workspace.fs.readFile(uri));
}
