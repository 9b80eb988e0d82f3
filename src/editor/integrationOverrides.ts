// Per-document integration chosen with "Set the policy's integration" (kept in workspace state),
// on top of the brazeS3.policyFiles globs; the language server checks
// documents with them (sent as they change).
import * as vscode from 'vscode';
import type { DeclaredKind } from './settings';

const KEY = 'brazeS3.integrationByDocument';

/**
 * A command's document argument: a VS Code URI, or the language server's string (its code lenses
 * and quick fixes name a document by its URI, a policy inside a file by `uri#name`).
 */
export function commandUri(uri: vscode.Uri | string | undefined): vscode.Uri | undefined {
  return typeof uri === 'string' ? vscode.Uri.parse(uri) : uri;
}

export class IntegrationOverrides {
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;

  constructor(private readonly state: vscode.Memento) {}

  /** Every choice, by URI (the language server checks closed files with them). */
  all(): Record<string, DeclaredKind> {
    return this.state.get<Record<string, DeclaredKind>>(KEY) ?? {};
  }

  get(uri: vscode.Uri): DeclaredKind | undefined {
    return this.all()[uri.toString()];
  }

  async set(uri: vscode.Uri, kind: DeclaredKind): Promise<void> {
    const all = { ...this.all() };
    if (kind === 'auto') delete all[uri.toString()];
    else all[uri.toString()] = kind;
    await this.state.update(KEY, all);
    this.changed.fire(uri);
  }

  dispose(): void {
    this.changed.dispose();
  }
}
