// One DiagnosticCollection for policy documents: analysed on open, on change (debounced) and on
// configuration change; results for an outdated document version are dropped; cleared on close.
import * as vscode from 'vscode';
import { LineIndex, NEVER_POLICY_FILE, SNIFF_CHARS, analyze, looksLikePolicy } from '../policy';
import type { AnalysisResult, Finding, Severity } from '../policy';
import { IntegrationOverrides } from './integrationOverrides';
import { documentFormat } from './policyDocuments';
import { DocumentReport, FileFormat, allFindings, analyzeFile } from '../formats/analyzeFile';
import { TEMPLATE_FILE, TERRAFORM_FILE, YAML_TEMPLATE_FILE, looksLikeCloudFormation, looksLikeTerraformPolicy } from '../formats/sniff';
import { formatsLoaded, loadFormats } from '../loadFormats';
import { ruleDocUri } from './ruleLinks';
import { EditorSettings, analyzeOptions, declaredByGlob, readSettings, uiLocale } from './settings';
import { FindingFilter, processFileReport } from '../config/apply';

export const DIAGNOSTIC_SOURCE = 'braze-s3';
/**
 * When to analyse after an edit. An isolated edit (ordinary typing) is analysed on the next turn
 * of the event loop, which still gathers the change events of one multi-cursor edit. Edits that
 * follow an analysis within BURST_WINDOW_MS (paste, key repeat) wait for a pause of a few times
 * the document's last analysis time, within the debounce bounds, so a slow document is not
 * re-analysed for every character.
 */
const BURST_WINDOW_MS = 40;
const MIN_DEBOUNCE_MS = 10;
const MAX_DEBOUNCE_MS = 250;

const SEVERITY: Record<Severity, vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  info: vscode.DiagnosticSeverity.Information,
};

export interface DocumentAnalysis {
  version: number;
  result: AnalysisResult;
  format: FileFormat;
  /** The policy documents of a Terraform or CloudFormation file (code lens, hover, completion). */
  documents?: DocumentReport[];
  /** Findings by `code:offset:length:message`, to find the fixes behind a diagnostic. */
  byKey: Map<string, Finding>;
}

/** A closed file's template format, from its name and text (undefined: not a template with policies). */
function templateFormat(uri: vscode.Uri, text: string): FileFormat | undefined {
  if (TERRAFORM_FILE.test(uri.path)) return formatsLoaded() && loadFormats().terraformParser() && looksLikeTerraformPolicy(text) ? 'terraform' : undefined;
  if (TEMPLATE_FILE.test(uri.path) && looksLikeCloudFormation(text.slice(0, SNIFF_CHARS))) return 'cloudformation';
  return undefined;
}

/** One result for a file of several documents: every finding, and the first Braze purpose. */
function mergedResult(documents: DocumentReport[], findings: Finding[]): AnalysisResult {
  const braze = documents.find((d) => d.result.purpose.id !== 'general') ?? documents[0];
  return braze ? { ...braze.result, findings } : { kind: 'unknown', purpose: { id: 'general', declared: false, reason: '' }, findings };
}

/** Severities and suppressions (the repository configuration, braze-s3-ignore comments). */
function filterFor(text: string, format: FileFormat, settings: EditorSettings): FindingFilter {
  return new FindingFilter({ text, format, config: settings.repo, rules: settings.rules, locale: uiLocale() });
}

/**
 * Findings of one code may share a span (two missing permissions on one document's header in a
 * .tf file): the message tells them apart, so each diagnostic finds its own fixes.
 */
export function findingKey(code: string, offset: number, length: number, message: string): string {
  return `${code}:${offset}:${length}:${message}`;
}

export class PolicyDiagnostics implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection(DIAGNOSTIC_SOURCE);
  private readonly analyses = new Map<string, DocumentAnalysis>();
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly lastDuration = new Map<string, number>();
  private readonly lastStarted = new Map<string, number>();
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
    const key = document.uri.toString();
    clearTimeout(this.timers.get(key));
    const sinceLast = performance.now() - (this.lastStarted.get(key) ?? -Infinity);
    const burst = sinceLast < BURST_WINDOW_MS || this.timers.has(key);
    const delay = burst ? Math.min(MAX_DEBOUNCE_MS, Math.max(MIN_DEBOUNCE_MS, 4 * (this.lastDuration.get(key) ?? 0))) : 0;
    this.timers.set(key, setTimeout(() => {
      this.timers.delete(key);
      this.analyzeNow(document);
    }, delay));
  }

  /** How long the document's last analysis took, in ms (benchmarks print it). */
  lastAnalysisMs(document: vscode.TextDocument): number | undefined {
    return this.lastDuration.get(document.uri.toString());
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
      const text = document.getText();
      const started = performance.now();
      this.lastStarted.set(key, started);
      let result: AnalysisResult;
      let documents: DocumentReport[] | undefined;
      if (format === 'json') {
        result = analyze(text, analyzeOptions(settings, declared, document.uri.path));
        result = { ...result, findings: filterFor(text, format, settings).apply(result.findings).findings };
      } else {
        const analysed = analyzeFile(text, document.uri.path, analyzeOptions(settings, settings.repo?.purpose), format === 'terraform' ? 'terraform' : 'yaml', { key, version }, (name) => this.overrides.forDocument(document.uri, name));
        if (!analysed) return;
        const report = processFileReport(analysed, filterFor(text, analysed.format, settings));
        documents = report.documents;
        result = mergedResult(report.documents, allFindings(report));
      }
      this.lastDuration.set(key, performance.now() - started);
      if (document.version !== version) return; // outdated: a newer change is on its way
      const byKey = new Map(result.findings.map((f) => [findingKey(f.code, f.offset, f.length, f.message), f]));
      this.analyses.set(key, { version, result, format, documents, byKey });
      this.collection.set(document.uri, this.toDiagnostics((o) => document.positionAt(o), result.findings, settings));
      this.updated.fire(document);
    } catch (error) {
      // Never let an analysis problem reach the extension host.
      this.log(`analysis of ${document.uri.toString(true)} failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  /**
   * A policy file that is not open, analysed from its text on disk (workspace-wide Problems).
   * False when the file is not a policy (its diagnostics, if any, are removed). The open
   * document's own analysis always wins.
   */
  analyzeFile(uri: vscode.Uri, text: string): boolean {
    const diagnostics = this.fileDiagnostics(uri, text);
    if (diagnostics === 'open') return true;
    if (diagnostics) this.collection.set(uri, diagnostics);
    else this.collection.delete(uri);
    return !!diagnostics;
  }

  /** Sets many closed files' diagnostics in one call (a workspace scan sends them in batches). */
  setFiles(entries: [vscode.Uri, vscode.Diagnostic[]][]): void {
    if (entries.length) this.collection.set(entries);
  }

  /**
   * A closed file's diagnostics; undefined when it is not a policy; 'open' when an editor holds
   * it (the open document's analysis wins).
   */
  fileDiagnostics(uri: vscode.Uri, text: string): vscode.Diagnostic[] | undefined | 'open' {
    const key = uri.toString();
    if (vscode.workspace.textDocuments.some((d) => d.uri.toString() === key)) return 'open';
    try {
      const settings = readSettings(uri);
      if (settings.repo?.excluded) return undefined;
      const template = templateFormat(uri, text);
      if (template) {
        const analysed = analyzeFile(text, uri.path, analyzeOptions(settings, settings.repo?.purpose), template === 'terraform' ? 'terraform' : 'yaml', undefined, (name) => this.overrides.forDocument(uri, name));
        if (!analysed || analysed.documents.length === 0 && analysed.fileFindings.length === 0) return undefined;
        const report = processFileReport(analysed, filterFor(text, analysed.format, settings));
        const lines = new LineIndex(text);
        return this.toDiagnostics((offset) => {
          const p = lines.positionAt(offset);
          return new vscode.Position(p.line, p.character);
        }, allFindings(report), settings);
      }
      if (TERRAFORM_FILE.test(uri.path) || YAML_TEMPLATE_FILE.test(uri.path)) return undefined;
      // languages.match reads only the URI and language of what it is given.
      const glob = declaredByGlob({ uri, languageId: uri.path.endsWith('.jsonc') ? 'jsonc' : 'json' } as vscode.TextDocument, settings);
      if (!glob && (NEVER_POLICY_FILE.test(uri.path) || !looksLikePolicy(text.slice(0, SNIFF_CHARS)))) return undefined;
      const chosen = this.overrides.get(uri);
      const declared = chosen && chosen !== 'auto' ? chosen : glob === 'auto' ? undefined : glob;
      const result = analyze(text, analyzeOptions(settings, declared, uri.path));
      const findings = filterFor(text, 'json', settings).apply(result.findings).findings;
      const lines = new LineIndex(text);
      const at = (offset: number) => {
        const p = lines.positionAt(offset);
        return new vscode.Position(p.line, p.character);
      };
      return this.toDiagnostics(at, findings, settings);
    } catch (error) {
      this.log(`analysis of ${uri.toString(true)} failed: ${error instanceof Error ? error.message : String(error)}`);
      return undefined;
    }
  }

  /** Removes a closed file's diagnostics (deleted, or workspace-wide checking turned off). */
  dropFile(uri: vscode.Uri): void {
    if (!vscode.workspace.textDocuments.some((d) => d.uri.toString() === uri.toString())) this.collection.delete(uri);
  }

  /** Called when an open document closes: true when the workspace scan keeps its file checked. */
  keepWhenClosed: (uri: vscode.Uri) => boolean = () => false;

  private toDiagnostics(positionAt: (offset: number) => vscode.Position, findings: Finding[], settings: EditorSettings): vscode.Diagnostic[] {
    const out: vscode.Diagnostic[] = [];
    for (const f of findings) {
      const configured = settings.rules[f.code];
      if (configured === 'off') continue;
      const range = new vscode.Range(positionAt(f.offset), positionAt(f.offset + f.length));
      const d = new vscode.Diagnostic(range, f.message, SEVERITY[configured ?? f.severity] ?? SEVERITY[f.severity]);
      d.source = DIAGNOSTIC_SOURCE;
      const doc = ruleDocUri(f.code);
      d.code = doc ? { value: f.code, target: doc } : f.code;
      out.push(d);
    }
    return out;
  }

  private forget(document: vscode.TextDocument): void {
    const key = document.uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.delete(key);
    this.analyses.delete(key);
    this.lastDuration.delete(key);
    this.lastStarted.delete(key);
    if (formatsLoaded()) loadFormats().forgetTerraformTree(key);
    if (!this.keepWhenClosed(document.uri)) this.collection.delete(document.uri);
  }

  dispose(): void {
    for (const t of this.timers.values()) clearTimeout(t);
    this.timers.clear();
    for (const d of this.disposables) d.dispose();
  }
}
