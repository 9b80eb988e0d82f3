// Open policy documents are analysed by the language server (src/server, through the client in
// workspaceDiagnostics.ts), as vscode-eslint does: its diagnostics reach VS Code through the
// client. This is what the host keeps of them: which analysis each open document's diagnostics
// come from (the server's ANALYSED message), and an event when they were replaced.
import * as vscode from 'vscode';
import type { AnalysedParams } from '../service';

export { DIAGNOSTIC_SOURCE } from '../service';

/** An open document's analysis, as the server summed it up. */
export type DocumentAnalysis = AnalysedParams;

export class PolicyDiagnostics implements vscode.Disposable {
  /** The latest analysis of each open document, once its diagnostics are shown. */
  private readonly analyses = new Map<string, DocumentAnalysis>();
  /** Analyses whose diagnostics are on their way (the client converts them asynchronously). */
  private readonly pending = new Map<string, DocumentAnalysis>();
  private readonly updated = new vscode.EventEmitter<vscode.TextDocument>();
  private readonly disposables: vscode.Disposable[] = [this.updated];
  /** Fires after an open document's diagnostics were replaced by those of its current version (tests listen). */
  readonly onDidUpdate = this.updated.event;

  constructor() {
    this.disposables.push(vscode.workspace.onDidCloseTextDocument((d) => {
      this.analyses.delete(d.uri.toString());
      this.pending.delete(d.uri.toString());
    }));
  }

  /** The server analysed an open document; its diagnostics follow. */
  analysed(params: AnalysedParams): void {
    this.pending.set(params.uri, params);
  }

  /** The client set a document's diagnostics (open or closed file). */
  published(uri: vscode.Uri): void {
    const key = uri.toString();
    const analysis = this.pending.get(key);
    if (!analysis) return; // a closed file's, from the workspace scan
    this.pending.delete(key);
    this.analyses.set(key, analysis);
    const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === key);
    if (document && document.version === analysis.version) this.updated.fire(document);
  }

  /** The analysis the document's diagnostics come from, if it is of the document's current version. */
  analysis(document: vscode.TextDocument): DocumentAnalysis | undefined {
    const a = this.analyses.get(document.uri.toString());
    return a && a.version === document.version ? a : undefined;
  }

  /** True while the document's diagnostics are those of an older version of it (the new ones are on their way). */
  isBehind(document: vscode.TextDocument): boolean {
    const a = this.analyses.get(document.uri.toString());
    return !!a && a.version < document.version;
  }

  /** How long the document's last analysis took in the server, in ms (benchmarks print it). */
  lastAnalysisMs(document: vscode.TextDocument): number | undefined {
    return this.analyses.get(document.uri.toString())?.ms;
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
