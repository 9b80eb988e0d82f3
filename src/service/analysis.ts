// One document's analysis: a JSON policy straight through the engine, a Terraform or CloudFormation
// file through its reader (src/routing/analyzeFile.ts); the repository configuration's severities
// and the braze-s3-ignore suppressions applied. Shared by the extension and the language server.
import { analyze } from '../policy';
import type { AnalysisResult, Finding } from '../policy';
import { DeclaredFor, DocumentReport, FileFormat, allFindings, analyzeFile } from '../routing/analyzeFile';
import { FindingFilter, processFileReport } from '../config/apply';
import { DeclaredKind, ServiceSettings, analyzeOptions } from './settings';

export interface DocumentAnalysis {
  version: number;
  result: AnalysisResult;
  format: FileFormat;
  /** The policy documents of a Terraform or CloudFormation file (code lens, hover, completion). */
  documents?: DocumentReport[];
  /** Findings by `code:offset:length:message`, to find the fixes behind a diagnostic. */
  byKey: Map<string, Finding>;
}

export interface AnalyzeRequest {
  text: string;
  /** The file's path (its name is a purpose signal and the reader's choice). */
  path: string;
  format: FileFormat;
  settings: ServiceSettings;
  /** JSON: what the document was declared to be (the code lens, a glob); undefined: inferred. */
  declared?: DeclaredKind;
  /** Terraform / CloudFormation: what each document inside was declared to be. */
  declaredFor?: DeclaredFor;
  /** An open document's key and version: Terraform re-parses incrementally from its last tree. */
  cache?: { key: string; version: number };
}

/**
 * Findings of one code may share a span (two missing permissions on one document's header in a
 * .tf file): the message tells them apart, so each diagnostic finds its own fixes.
 */
export function findingKey(code: string, offset: number, length: number, message: string): string {
  return `${code}:${offset}:${length}:${message}`;
}

/** One result for a file of several documents: every finding, and the first Braze purpose. */
function mergedResult(documents: DocumentReport[], findings: Finding[]): AnalysisResult {
  const braze = documents.find((d) => d.result.purpose.id !== 'general') ?? documents[0];
  return braze ? { ...braze.result, findings } : { kind: 'unknown', purpose: { id: 'general', declared: false, reason: '' }, findings };
}

/** Severities and suppressions (the repository configuration, braze-s3-ignore comments). */
function filterFor(text: string, format: FileFormat, settings: ServiceSettings): FindingFilter {
  return new FindingFilter({ text, format, config: settings.repo, rules: settings.rules, locale: settings.locale });
}

/**
 * The analysis of one text, or undefined when the reader could not run (the Terraform grammar is
 * not loaded yet). `empty` is true for a template holding no policy and no finding (a closed file
 * that is not worth listing).
 */
export function analyzeText(req: AnalyzeRequest, version = 0): (DocumentAnalysis & { empty: boolean }) | undefined {
  const { text, format, settings } = req;
  let result: AnalysisResult;
  let documents: DocumentReport[] | undefined;
  let empty = false;
  if (format === 'json') {
    result = analyze(text, analyzeOptions(settings, req.declared, req.path));
    result = { ...result, findings: filterFor(text, format, settings).apply(result.findings).findings };
  } else {
    const analysed = analyzeFile(text, req.path, analyzeOptions(settings, settings.repo?.purpose), format === 'terraform' ? 'terraform' : 'yaml', req.cache, req.declaredFor);
    if (!analysed) return undefined;
    empty = analysed.documents.length === 0 && analysed.fileFindings.length === 0;
    const report = processFileReport(analysed, filterFor(text, analysed.format, settings));
    documents = report.documents;
    result = mergedResult(report.documents, allFindings(report));
  }
  const byKey = new Map(result.findings.map((f) => [findingKey(f.code, f.offset, f.length, f.message), f]));
  return { version, result, format, documents, byKey, empty };
}

/** The document (of a Terraform or CloudFormation file) whose span holds `offset`. */
export function documentAt(documents: DocumentReport[], offset: number): DocumentReport | undefined {
  return documents.find((d) => offset >= d.span.offset && offset <= d.span.offset + d.span.length);
}

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

export class AnalysisScheduler {
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly lastDuration = new Map<string, number>();
  private readonly lastStarted = new Map<string, number>();

  schedule(key: string, run: () => void): void {
    clearTimeout(this.timers.get(key));
    const sinceLast = performance.now() - (this.lastStarted.get(key) ?? -Infinity);
    const burst = sinceLast < BURST_WINDOW_MS || this.timers.has(key);
    const delay = burst ? Math.min(MAX_DEBOUNCE_MS, Math.max(MIN_DEBOUNCE_MS, 4 * (this.lastDuration.get(key) ?? 0))) : 0;
    this.timers.set(key, setTimeout(() => {
      this.timers.delete(key);
      run();
    }, delay));
  }

  /** Measures one analysis of `key` (its duration sets the next burst's debounce). */
  timed<T>(key: string, run: () => T): T {
    const started = performance.now();
    this.lastStarted.set(key, started);
    try {
      return run();
    } finally {
      this.lastDuration.set(key, performance.now() - started);
    }
  }

  lastMs(key: string): number | undefined {
    return this.lastDuration.get(key);
  }

  forget(key: string): void {
    clearTimeout(this.timers.get(key));
    this.timers.delete(key);
    this.lastDuration.delete(key);
    this.lastStarted.delete(key);
  }

  dispose(): void {
    for (const t of this.timers.values()) clearTimeout(t);
    this.timers.clear();
  }
}
