// A read-only file system over S3 (braze-s3://BUCKET/KEY) on the account view's connection: Open
// on a file in the tree shows the object itself, with no temporary copy. Text editors get the
// whole object (bounded); the Avro viewer pages through it with ranged GETs instead.
import * as vscode from 'vscode';
import type { AccountConnection } from '../connection';
import { loadAws } from '../../loadAws';

export const S3_SCHEME = 'braze-s3';
/** A text editor holds the whole object: larger ones are refused with a message. */
export const MAX_TEXT_BYTES = 50 * 1024 * 1024;

export function s3Uri(bucket: string, key: string): vscode.Uri {
  return vscode.Uri.from({ scheme: S3_SCHEME, authority: bucket, path: `/${key}` });
}

export function s3Location(uri: vscode.Uri): { bucket: string; key: string } {
  return { bucket: uri.authority, key: uri.path.replace(/^\//, '') };
}

export class S3FileSystem implements vscode.FileSystemProvider {
  private readonly changed = new vscode.EventEmitter<vscode.FileChangeEvent[]>();
  readonly onDidChangeFile = this.changed.event;

  constructor(private readonly connection: AccountConnection) {}

  private s3() {
    if (!this.connection.allowed) throw vscode.FileSystemError.Unavailable(vscode.l10n.t('Trust this workspace to connect to AWS.'));
    return this.connection.get().s3;
  }

  /** AWS's answer as a file-system error VS Code understands (never a raw SDK exception). */
  private failure(uri: vscode.Uri, error: unknown): vscode.FileSystemError {
    if (error instanceof vscode.FileSystemError) return error;
    const aws = loadAws();
    if (error instanceof aws.ObjectTooLargeError) {
      return vscode.FileSystemError.Unavailable(vscode.l10n.t('{0} is {1} MB: too large to open as text (the limit is {2} MB).', uri.path.split('/').pop() ?? '', (error.size / 1048576).toFixed(1), MAX_TEXT_BYTES / 1048576));
    }
    const problem = aws.problemOf(error);
    if (problem.code === 'NotFound' || problem.code === 'NoSuchKey' || problem.code === 'NoSuchBucket') return vscode.FileSystemError.FileNotFound(uri);
    if (problem.code === 'AccessDenied' || problem.code === 'Forbidden') return vscode.FileSystemError.NoPermissions(aws.describeProblem(problem));
    return vscode.FileSystemError.Unavailable(aws.describeProblem(problem));
  }

  async stat(uri: vscode.Uri): Promise<vscode.FileStat> {
    const { bucket, key } = s3Location(uri);
    const aws = loadAws();
    const folder = { type: vscode.FileType.Directory, ctime: 0, mtime: 0, size: 0, permissions: vscode.FilePermission.Readonly };
    if (!key || key.endsWith('/')) return folder;
    try {
      const info = await aws.objectInfo(this.s3(), bucket, key);
      const mtime = info.lastModified?.getTime() ?? 0;
      return { type: vscode.FileType.File, ctime: mtime, mtime, size: info.size, permissions: vscode.FilePermission.Readonly };
    } catch (error) {
      // No object of that name: a folder if anything lies under it.
      const inside = await aws.listFolder(this.s3(), bucket, `${key}/`, 1).catch(() => undefined);
      if (inside?.entries.length) return folder;
      throw this.failure(uri, error);
    }
  }

  async readDirectory(uri: vscode.Uri): Promise<[string, vscode.FileType][]> {
    const { bucket, key } = s3Location(uri);
    try {
      const { entries } = await loadAws().listFolder(this.s3(), bucket, key && !key.endsWith('/') ? `${key}/` : key);
      return entries.map((e) => [e.name, e.folder ? vscode.FileType.Directory : vscode.FileType.File]);
    } catch (error) {
      throw this.failure(uri, error);
    }
  }

  async readFile(uri: vscode.Uri): Promise<Uint8Array> {
    const { bucket, key } = s3Location(uri);
    try {
      return await loadAws().objectBytes(this.s3(), bucket, key, MAX_TEXT_BYTES);
    } catch (error) {
      throw this.failure(uri, error);
    }
  }

  watch(): vscode.Disposable {
    return new vscode.Disposable(() => undefined); // objects change only by a new upload: reopen to see it
  }

  writeFile(uri: vscode.Uri): never {
    throw vscode.FileSystemError.NoPermissions(uri);
  }
  createDirectory(uri: vscode.Uri): never {
    throw vscode.FileSystemError.NoPermissions(uri);
  }
  delete(uri: vscode.Uri): never {
    throw vscode.FileSystemError.NoPermissions(uri);
  }
  rename(uri: vscode.Uri): never {
    throw vscode.FileSystemError.NoPermissions(uri);
  }
}
