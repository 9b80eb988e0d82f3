// The repository configuration file in the editor: its problems as diagnostics on the file itself
// (config-invalid; the defaults apply meanwhile), and a re-analysis of open documents and of the
// workspace scan whenever one is created, changed or deleted. Reading and validating it is
// src/config/repoConfig.ts, shared with the CLI.
import * as vscode from 'vscode';
import { CONFIG_FILE_NAMES, clearConfigCache, loadConfig } from '../config/repoConfig';
import { configMessages } from '../config/messages';
import { DIAGNOSTIC_SOURCE } from './diagnostics';
import { ruleDocUri } from './ruleLinks';
import { uiLocale } from './settings';

export const CONFIG_GLOB = `**/{${CONFIG_FILE_NAMES.join(',')}}`;
const isConfigFile = (uri: vscode.Uri) => (CONFIG_FILE_NAMES as readonly string[]).some((n) => uri.path.endsWith(`/${n}`));

export class RepoConfigWatcher implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection(`${DIAGNOSTIC_SOURCE}-config`);
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  private readonly disposables: vscode.Disposable[] = [];
  /** Fires after a configuration file was created, changed or deleted (and the cache cleared). */
  readonly onDidChange = this.changed.event;

  constructor(private readonly log: (line: string) => void) {
    const watcher = vscode.workspace.createFileSystemWatcher(CONFIG_GLOB);
    this.disposables.push(
      this.collection,
      this.changed,
      watcher,
      watcher.onDidCreate((uri) => this.refresh(uri)),
      watcher.onDidChange((uri) => this.refresh(uri)),
      watcher.onDidDelete((uri) => this.refresh(uri, true)),
      // Saved from an editor: the watcher may lag behind, the save does not.
      vscode.workspace.onDidSaveTextDocument((d) => isConfigFile(d.uri) && this.refresh(d.uri)),
    );
    const initial = setTimeout(() => void this.publishAll(), 0);
    this.disposables.push({ dispose: () => clearTimeout(initial) });
  }

  /** Diagnostics for every configuration file in the workspace (at start). */
  private async publishAll(): Promise<void> {
    try {
      for (const uri of await vscode.workspace.findFiles(CONFIG_GLOB, '**/node_modules/**', 100)) this.publish(uri);
    } catch (error) {
      this.log(`reading the repository configuration failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  private publish(uri: vscode.Uri): void {
    if (uri.scheme !== 'file') return;
    const loaded = loadConfig(uri.fsPath, uiLocale());
    const m = configMessages(uiLocale());
    const doc = ruleDocUri('config-invalid');
    this.collection.set(uri, loaded.problems.map((p) => {
      const range = new vscode.Range(p.line, p.character, p.line, p.character + Math.max(1, p.length));
      const d = new vscode.Diagnostic(range, m.notUsed(p.message), vscode.DiagnosticSeverity.Error);
      d.source = DIAGNOSTIC_SOURCE;
      d.code = doc ? { value: 'config-invalid', target: doc } : 'config-invalid';
      return d;
    }));
    if (loaded.problems.length) this.log(`${uri.fsPath}: ${loaded.problems.length} problem(s); the defaults apply until it is corrected`);
  }

  refresh(uri: vscode.Uri, deleted = false): void {
    try {
      clearConfigCache();
      if (deleted) this.collection.delete(uri);
      else this.publish(uri);
    } catch (error) {
      this.log(`reading ${uri.toString(true)} failed: ${error instanceof Error ? error.message : String(error)}`);
    }
    this.changed.fire(uri);
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
