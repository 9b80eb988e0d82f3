// Keeps "Verify role ARN" in the editor's context menu right from the first right-click. The
// menu's `when` clause is evaluated in the window at once; a context key the extension host sets
// when a document becomes active can arrive late (the host may be busy, e.g. activating the
// Markdown extension for the first .md file), so the menu would miss the item. So the files that
// hold a role ARN are known before they are opened: the workspace's text files are read at
// activation and followed on disk (`resourcePath in brazeS3.roleArnPaths`), and an open
// document's own text (unsaved edits, untitled documents) sets `brazeS3.documentHasRoleArn`.
// Until the first scan is published (`brazeS3.roleArnsKnown`: the window's first seconds, while
// extensions activate), the menu offers the item in every text-like editor; without an ARN under
// the cursor the command then asks for one.

import * as vscode from 'vscode';

export const ROLE_ARN = /arn:aws[\w-]*:iam::\d{12}:role\/[\w+=,.@\-/]+/;
/** The files a role ARN is written in: notes, runbooks, policies, templates. */
const TEXT_FILES = '**/*.{md,markdown,txt,json,jsonc,yaml,yml,tf,template}';
const EXCLUDE = '{**/node_modules/**,**/.git/**}';
const MAX_FILES = 2000;
const MAX_BYTES = 1_000_000;

export function hasRoleArn(text: string): boolean {
  return text.length <= MAX_BYTES && ROLE_ARN.test(text);
}

/** The context-key value for a file: its path as the window's `resourcePath` gives it (fsPath for files, path otherwise). */
function pathsOf(uri: vscode.Uri): string[] {
  return [...new Set([uri.fsPath, uri.path])];
}

export class RoleArnContext implements vscode.Disposable {
  private readonly paths = new Set<string>();
  private readonly disposables: vscode.Disposable[] = [];
  private activeHasArn: boolean | undefined;
  private published = '';
  /** Resolves when the first workspace scan has been published (for tests). */
  readonly ready: Promise<void>;

  constructor() {
    const watcher = vscode.workspace.createFileSystemWatcher(TEXT_FILES);
    this.disposables.push(
      watcher,
      watcher.onDidCreate((uri) => void this.readFile(uri).then(() => this.publish())),
      watcher.onDidChange((uri) => void this.readFile(uri).then(() => this.publish())),
      watcher.onDidDelete((uri) => {
        for (const p of pathsOf(uri)) this.paths.delete(p);
        void this.publish();
      }),
      vscode.workspace.onDidOpenTextDocument((doc) => this.noteDocument(doc)),
      vscode.window.onDidChangeActiveTextEditor((editor) => this.updateActive(editor)),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.document === vscode.window.activeTextEditor?.document) this.updateActive(vscode.window.activeTextEditor);
      }),
    );
    for (const doc of vscode.workspace.textDocuments) this.noteDocument(doc, false);
    this.updateActive(vscode.window.activeTextEditor);
    this.ready = this.scan();
  }

  /** The paths the context key lists now (for tests). */
  get listed(): string[] {
    return [...this.paths];
  }

  private async scan(): Promise<void> {
    try {
      const uris = await vscode.workspace.findFiles(TEXT_FILES, EXCLUDE, MAX_FILES);
      for (let i = 0; i < uris.length; i += 50) await Promise.all(uris.slice(i, i + 50).map((u) => this.readFile(u)));
    } catch {
      // No workspace, or a file system that cannot be searched: the open documents still count.
    }
    await this.scanned();
  }

  private async readFile(uri: vscode.Uri): Promise<void> {
    try {
      const stat = await vscode.workspace.fs.stat(uri);
      const found = stat.size <= MAX_BYTES && hasRoleArn(new TextDecoder().decode(await vscode.workspace.fs.readFile(uri)));
      for (const p of pathsOf(uri)) {
        if (found) this.paths.add(p);
        else this.paths.delete(p);
      }
    } catch {
      // Unreadable: leave it as it was.
    }
  }

  /** A document opened from outside the workspace (or not yet scanned) counts from its text. */
  private noteDocument(doc: vscode.TextDocument, publish = true): void {
    if (doc.uri.scheme !== 'file' && doc.uri.scheme !== 'untitled') return;
    if (!hasRoleArn(doc.getText())) return;
    for (const p of pathsOf(doc.uri)) this.paths.add(p);
    if (publish) void this.publish();
  }

  private updateActive(editor: vscode.TextEditor | undefined): void {
    const found = !!editor && hasRoleArn(editor.document.getText());
    if (found === this.activeHasArn) return;
    this.activeHasArn = found;
    void vscode.commands.executeCommand('setContext', 'brazeS3.documentHasRoleArn', found);
  }

  private async publish(): Promise<void> {
    const list = [...this.paths].sort();
    const key = JSON.stringify(list);
    if (key === this.published) return;
    this.published = key;
    await vscode.commands.executeCommand('setContext', 'brazeS3.roleArnPaths', list);
  }

  /** After the first scan: from now on the menu follows the list alone. */
  private async scanned(): Promise<void> {
    await this.publish();
    await vscode.commands.executeCommand('setContext', 'brazeS3.roleArnsKnown', true);
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
