// Per-document integration chosen with "Set the policy's integration" (kept in workspace state),
// on top of the brazeS3.policyFiles globs.
import * as vscode from 'vscode';
import { DeclaredKind, EditorSettings, declaredByGlob } from './settings';

const KEY = 'brazeS3.integrationByDocument';

/** A policy document inside a file: the file's URI with the document's name as fragment. */
export function documentUri(uri: vscode.Uri, documentName: string): vscode.Uri {
  return uri.with({ fragment: documentName });
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

  /** The choice for one policy document inside a Terraform or CloudFormation file. */
  forDocument(uri: vscode.Uri, documentName: string): DeclaredKind | undefined {
    const chosen = this.get(documentUri(uri, documentName));
    return chosen && chosen !== 'auto' ? chosen : undefined;
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
