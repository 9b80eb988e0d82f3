// Per-document integration chosen with "Set the policy's integration" (kept in workspace state),
// on top of the brazeS3.policyFiles globs.
import * as vscode from 'vscode';
import { DeclaredKind, EditorSettings, declaredByGlob } from './settings';

const KEY = 'brazeS3.integrationByDocument';

export class IntegrationOverrides {
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;

  constructor(private readonly state: vscode.Memento) {}

  private all(): Record<string, DeclaredKind> {
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

  /** The command's choice wins over a glob; undefined means "infer". */
  declared(document: vscode.TextDocument, settings: EditorSettings): DeclaredKind | undefined {
    const chosen = this.get(document.uri);
    if (chosen && chosen !== 'auto') return chosen;
    const glob = declaredByGlob(document, settings);
    return glob === 'auto' ? undefined : glob;
  }

  dispose(): void {
    this.changed.dispose();
  }
}
