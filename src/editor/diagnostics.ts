// One DiagnosticCollection for policy documents: analysed on open, on change (debounced) and on
// configuration change; results for an outdated document version are dropped; cleared on close.
// The analysis itself is the language service's (src/service): this is VS Code's side of it.
import * as vscode from 'vscode';
import { IntegrationOverrides } from './integrationOverrides';
import { documentFormat } from './policyDocuments';
import { formatsLoaded, loadFormats } from '../routing/loadFormats';
import { ruleDocUri } from './ruleLinks';
import { EditorSettings, readSettings } from './settings';
import { AnalysisScheduler, DIAGNOSTIC_SOURCE, DocumentAnalysis, Position, ServiceDiagnostic, analyzeText, toDiagnostics } from '../service';
import type { Severity } from '../policy';

export { DIAGNOSTIC_SOURCE, findingKey } from '../service';
export type { DocumentAnalysis } from '../service';

const SEVERITY: Record<Severity, vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  info: vscode.DiagnosticSeverity.Information,
};

export class PolicyDiagnostics implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection(DIAGNOSTIC_SOURCE);
  private readonly analyses = new Map<string, DocumentAnalysis>();
  private readonly scheduler = new AnalysisScheduler();
  private readonly updated = new vscode.EventEmitter<vscode.TextDocument>();
  private readonly disposables: vscode.Disposable[] = [];
  /** Fires after a document's diagnostics were replaced (tests and the code lens listen). */
  readonly onDidUpdate = this.updated.event;

  constructor(private readonly overrides: IntegrationOverrides, private readonly log: (line: string) => void) {
    this.disposables.push(
      this.collection,
      this.updated,
      vscode.workspace.onDidOpenTextDocument((d) => this.analyzeNow(d)),
      vscode.workspace.onDidChangeTextDocument((e) => {
        // Terraform trees are edited in step with the document, for an incremental re-parse.
        if (e.contentChanges.length && formatsLoaded()) loadFormats().recordTerraformChanges(e.document.uri.toString(), e.document.version, e.contentChanges);
        this.schedule(e.document);
      }),
      vscode.workspace.onDidCloseTextDocument((d) => this.forget(d)),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('brazeS3')) this.analyzeAll();
      }),
      overrides.onDidChange(() => this.analyzeAll()),
    );
    // Documents already open are analysed right after activation, not inside it: the first
    // analysis also parses the IAM catalog (~5 ms), which activation should not wait for.
    const initial = setTimeout(() => this.analyzeAll(), 0);
    this.disposables.push({ dispose: () => clearTimeout(initial) });
  }

  analyzeAll(): void {
    for (const d of vscode.workspace.textDocuments) this.analyzeNow(d);
  }

  schedule(document: vscode.TextDocument): void {
    this.scheduler.schedule(document.uri.toString(), () => this.analyzeNow(document));
  }

  /** How long the document's last analysis took, in ms (benchmarks print it). */
  lastAnalysisMs(document: vscode.TextDocument): number | undefined {
    return this.scheduler.lastMs(document.uri.toString());
  }

  analysis(document: vscode.TextDocument): DocumentAnalysis | undefined {
    const a = this.analyses.get(document.uri.toString());
    return a && a.version === document.version ? a : undefined;
  }

  settingsFor(document: vscode.TextDocument): EditorSettings {
    return readSettings(document.uri);
  }

  analyzeNow(document: vscode.TextDocument): void {
    if (document.isClosed) return;
    const key = document.uri.toString();
    try {
      const settings = this.settingsFor(document);
      const format = settings.repo?.excluded ? undefined : documentFormat(document, settings);
      if (!format) {
        if (this.analyses.delete(key)) this.collection.delete(document.uri);
        return;
      }
      if (format === 'terraform' && !loadFormats().terraformParser()) {
        // The grammar loads once, asynchronously (wasm); the document is analysed when it is ready.
        void loadFormats().loadTerraform().then((parser) => {
          if (parser) this.analyzeNow(document);
          else this.log(`the Terraform grammar could not be loaded: ${loadFormats().loadFailure() ?? 'unknown reason'}`);
        });
        return;
      }
      const version = document.version;
      const declared = this.overrides.declared(document, settings);
      const analysed = this.scheduler.timed(key, () => analyzeText({
        text: document.getText(),
        path: document.uri.path,
        format,
        settings,
        declared,
        declaredFor: (name) => this.overrides.forDocument(document.uri, name),
        cache: { key, version },
      }, version));
      if (!analysed) return;
      if (document.version !== version) return; // outdated: a newer change is on its way
      this.analyses.set(key, analysed);
      this.collection.set(document.uri, this.toDiagnostics((o) => document.positionAt(o), analysed.result.findings, settings));
      this.updated.fire(document);
    } catch (error) {
      // Never let an analysis problem reach the extension host.
      this.log(`analysis of ${document.uri.toString(true)} failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  /** Called when an open document closes: true when its diagnostics stay (the language server re-checks it from disk). */
  keepWhenClosed: (uri: vscode.Uri) => boolean = () => false;

  private toDiagnostics(positionAt: (offset: number) => Position, findings: DocumentAnalysis['result']['findings'], settings: EditorSettings): vscode.Diagnostic[] {
    return toDiagnostics(positionAt, findings, settings).map((f) => toVscodeDiagnostic(f));
  }

  private forget(document: vscode.TextDocument): void {
    const key = document.uri.toString();
    this.scheduler.forget(key);
    this.analyses.delete(key);
    if (formatsLoaded()) loadFormats().forgetTerraformTree(key);
    if (!this.keepWhenClosed(document.uri)) this.collection.delete(document.uri);
  }

  dispose(): void {
    this.scheduler.dispose();
    for (const d of this.disposables) d.dispose();
  }
}

/** A service diagnostic in VS Code's terms, its code linked to the rule's documentation. */
export function toVscodeDiagnostic(f: ServiceDiagnostic): vscode.Diagnostic {
  const d = new vscode.Diagnostic(new vscode.Range(f.range.start.line, f.range.start.character, f.range.end.line, f.range.end.character), f.message, SEVERITY[f.severity]);
  d.source = f.source;
  const doc = ruleDocUri(f.code);
  d.code = doc ? { value: f.code, target: doc } : f.code;
  return d;
}
