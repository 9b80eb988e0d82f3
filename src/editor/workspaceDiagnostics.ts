// Workspace-wide Problems: the workspace's policy files are checked without being opened, as the
// ESLint and markdownlint extensions do, and kept current as files are created, changed or
// deleted. On by default up to brazeS3.workspaceDiagnostics.maxFiles JSON files (1,000: about a
// second of analysis on real AWS policies, see the README's figures); above that, open files only.
import * as vscode from 'vscode';
import { readFile, stat } from 'node:fs/promises';
import { PolicyDiagnostics } from './diagnostics';
import { isSingular } from './settings';
import { loadFormats } from '../routing/loadFormats';

const INCLUDE = '**/*.{json,jsonc,tf,yaml,yml,template}';
const EXCLUDE = '{**/node_modules/**,**/.git/**,**/.vscode-test/**}';
/** Larger files are left to the open-document path (IAM's own limit is 10,240 characters). */
const MAX_FILE_BYTES = 1024 * 1024;

/** npm installs and git operations touch thousands of JSON files that are never policies. */
function ignored(uri: vscode.Uri): boolean {
  return /[\\/](node_modules|\.git|\.vscode-test)[\\/]/.test(uri.path);
}

/**
 * A file's text, or undefined when it is too large, binary or unreadable. Local files are read
 * with Node's fs (the extension host runs beside them): workspace.fs costs a round trip per call.
 */
async function readText(uri: vscode.Uri): Promise<string | undefined> {
  try {
    if (uri.scheme === 'file' && (await stat(uri.fsPath)).size > MAX_FILE_BYTES) return undefined;
    const bytes = uri.scheme === 'file' ? await readFile(uri.fsPath) : await vscode.workspace.fs.readFile(uri);
    if (bytes.length > MAX_FILE_BYTES || bytes.includes(0)) return undefined;
    return new TextDecoder().decode(bytes);
  } catch {
    return undefined; // gone between listing and reading, or unreadable
  }
}

export interface ScanResult {
  /** JSON files found (up to the bound + 1). */
  found: number;
  /** Of those, policy documents now in the Problems panel. */
  policies: number;
  /** True when the workspace has more JSON files than the bound, and nothing was scanned. */
  overLimit: boolean;
}

export class WorkspaceDiagnostics implements vscode.Disposable {
  private readonly tracked = new Set<string>();
  private readonly disposables: vscode.Disposable[] = [];
  private watcher: vscode.FileSystemWatcher | undefined;
  private generation = 0;
  private warned = false;
  /** The last scan's outcome (tests, and the log). */
  last: Promise<ScanResult | undefined> = Promise.resolve(undefined);

  constructor(private readonly diagnostics: PolicyDiagnostics, private readonly log: (line: string) => void) {
    diagnostics.keepWhenClosed = (uri) => {
      if (!this.tracked.has(uri.toString())) return false;
      void this.analyze(uri);
      return true;
    };
    this.disposables.push(
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('brazeS3')) this.rescan();
      }),
      vscode.workspace.onDidChangeWorkspaceFolders(() => this.rescan()),
    );
    const initial = setTimeout(() => this.rescan(), 0);
    this.disposables.push({ dispose: () => clearTimeout(initial) });
  }

  private get settings(): { enabled: boolean; maxFiles: number } {
    const c = vscode.workspace.getConfiguration('brazeS3.workspaceDiagnostics');
    return { enabled: c.get<boolean>('enabled') ?? true, maxFiles: c.get<number>('maxFiles') ?? 1000 };
  }

  rescan(): Promise<ScanResult | undefined> {
    const generation = ++this.generation;
    this.last = this.scan(generation).catch((error) => {
      this.log(`workspace scan failed: ${error instanceof Error ? error.message : String(error)}`);
      return undefined;
    });
    return this.last;
  }

  private clear(): void {
    for (const key of this.tracked) this.diagnostics.dropFile(vscode.Uri.parse(key));
    this.tracked.clear();
    this.watcher?.dispose();
    this.watcher = undefined;
  }

  private async scan(generation: number): Promise<ScanResult | undefined> {
    const { enabled, maxFiles } = this.settings;
    if (!enabled || !vscode.workspace.workspaceFolders?.length) {
      this.clear();
      return undefined;
    }
    // Files checked before stay in the Problems panel until the new scan has replaced them.
    const previous = new Set(this.tracked);
    this.tracked.clear();
    this.watcher?.dispose();
    const files = await vscode.workspace.findFiles(INCLUDE, EXCLUDE, maxFiles + 1);
    if (generation !== this.generation) {
      for (const key of previous) this.tracked.add(key); // a newer scan takes over from here
      return undefined;
    }
    if (files.length > maxFiles) {
      this.log(`workspace-wide checking is off: more than ${maxFiles} candidate files (brazeS3.workspaceDiagnostics.maxFiles)`);
      if (!this.warned) {
        this.warned = true;
        const text = isSingular(maxFiles)
          ? vscode.l10n.t('Braze S3: this workspace has more than {0} JSON, Terraform or YAML file, so only open files are checked. Raise brazeS3.workspaceDiagnostics.maxFiles to check them all.', maxFiles)
          : vscode.l10n.t('Braze S3: this workspace has more than {0} JSON, Terraform or YAML files, so only open files are checked. Raise brazeS3.workspaceDiagnostics.maxFiles to check them all.', maxFiles);
        void vscode.window.showInformationMessage(text);
      }
      for (const key of previous) this.diagnostics.dropFile(vscode.Uri.parse(key));
      this.clear();
      return { found: files.length, policies: 0, overLimit: true };
    }
    this.watcher = vscode.workspace.createFileSystemWatcher(INCLUDE);
    this.watcher.onDidCreate((uri) => void (ignored(uri) || this.analyze(uri)));
    this.watcher.onDidChange((uri) => void (ignored(uri) || this.analyze(uri)));
    this.watcher.onDidDelete((uri) => {
      this.tracked.delete(uri.toString());
      this.diagnostics.dropFile(uri);
    });
    // The Terraform grammar (wasm) is loaded once before .tf files are read.
    if (files.some((f) => f.path.endsWith('.tf'))) await loadFormats().loadTerraform();
    let policies = 0;
    let batch: [vscode.Uri, vscode.Diagnostic[]][] = [];
    for (const [i, uri] of files.entries()) {
      if (generation !== this.generation) return undefined;
      if (ignored(uri)) continue;
      const text = await readText(uri);
      const diagnostics = text === undefined ? undefined : this.diagnostics.fileDiagnostics(uri, text);
      if (diagnostics) {
        policies++;
        this.tracked.add(uri.toString());
        if (diagnostics !== 'open') batch.push([uri, diagnostics]);
      }
      // Now and then: hand a batch to the Problems panel (one message, not one per file) and let
      // the extension host answer other requests while a large workspace is read.
      if (i % 100 === 99) {
        this.diagnostics.setFiles(batch);
        batch = [];
        await new Promise((r) => setTimeout(r, 0));
      }
    }
    this.diagnostics.setFiles(batch);
    for (const key of previous) if (!this.tracked.has(key)) this.diagnostics.dropFile(vscode.Uri.parse(key));
    return { found: files.length, policies, overLimit: false };
  }

  /** Reads one file and hands it to the diagnostics; true when it is a policy document. */
  private async analyze(uri: vscode.Uri): Promise<boolean> {
    try {
      const text = await readText(uri);
      const isPolicy = text !== undefined && this.diagnostics.analyzeFile(uri, text);
      if (text === undefined) this.diagnostics.dropFile(uri);
      if (isPolicy) this.tracked.add(uri.toString());
      else this.tracked.delete(uri.toString());
      return isPolicy;
    } catch {
      // Gone between listing and reading, or unreadable: nothing to show.
      this.tracked.delete(uri.toString());
      this.diagnostics.dropFile(uri);
      return false;
    }
  }

  dispose(): void {
    this.generation++;
    this.clear();
    for (const d of this.disposables) d.dispose();
  }
}
