// The last step of a file's check, after the engine: rule severities (the configuration file's
// `rules`, the editor's brazeS3.rules), braze-s3-ignore comments and the configuration's `ignore`
// entries. Suppressed findings leave the list but are kept, with why, for the CLI's JSON and SARIF.
// Invalid directives become suppression-invalid findings, inline ones that suppressed nothing
// suppression-unused. No vscode, no yaml here: the readers come through loadFormats().
import type { DocumentReport, FileFormat, FileReport } from '../routing/analyzeFile';
import { loadFormats } from '../routing/loadFormats';
import { RULES } from '../policy';
import type { Finding, Locale, Severity } from '../policy';
import { configMessages } from './messages';
import type { ConfigForFile, RuleSetting } from './repoConfig';

export interface SuppressionInfo {
  /** SARIF's kinds: a comment or Metadata entry in the file, or the configuration file. */
  kind: 'inSource' | 'external';
  justification: string;
  /** inSource: where the directive is written in the checked file. */
  offset?: number;
  length?: number;
  /** external: the configuration file and the entry's line (1-based). */
  path?: string;
  line?: number;
}

export interface SuppressedFinding extends Finding {
  suppression: SuppressionInfo;
}

interface Suppressor {
  info: SuppressionInfo;
  codes: string[];
  start: number;
  end: number;
  used: boolean;
  inline: boolean;
}

export interface FilterOptions {
  text: string;
  format: FileFormat;
  /** What the repository configuration says for this file. */
  config?: ConfigForFile;
  /** Severities: merged already (the configuration file's over the editor setting's). */
  rules?: Record<string, RuleSetting>;
  locale?: Locale;
}

export class FindingFilter {
  private readonly suppressors: Suppressor[] = [];
  private readonly invalid: Finding[] = [];
  private readonly rules: Record<string, RuleSetting>;
  private readonly locale?: Locale;
  /** Suppressed findings seen so far, across every apply(). */
  suppressedCount = 0;

  constructor(options: FilterOptions) {
    this.rules = options.rules ?? options.config?.rules ?? {};
    this.locale = options.locale;
    for (const i of options.config?.ignore ?? []) {
      this.suppressors.push({ info: { kind: 'external', justification: i.reason, path: options.config!.path, line: i.line }, codes: i.codes, start: 0, end: Infinity, used: false, inline: false });
    }
    // A cheap test first: most files hold no directive, and the readers are not asked.
    if (options.format !== 'json' && (options.text.includes('braze-s3-ignore') || /["']?braze-s3["']?\s*:/.test(options.text))) {
      const found = loadFormats().inlineSuppressions(options.text, options.format, options.locale);
      for (const s of found.suppressions) {
        this.suppressors.push({ info: { kind: 'inSource', justification: s.reason, offset: s.offset, length: s.length }, codes: s.codes, start: s.start, end: s.end, used: false, inline: true });
      }
      for (const p of found.invalid) this.invalid.push({ code: 'suppression-invalid', severity: RULES['suppression-invalid'], message: p.message, offset: p.offset, length: p.length, fixes: [] });
    }
  }

  /** The severity a finding is shown with, or undefined when its rule is off. */
  private severity(f: Finding): Severity | undefined {
    const configured = this.rules[f.code];
    if (configured === 'off') return undefined;
    return configured ?? f.severity;
  }

  apply(findings: Finding[]): { findings: Finding[]; suppressed: SuppressedFinding[] } {
    const kept: Finding[] = [];
    const suppressed: SuppressedFinding[] = [];
    for (const f of findings) {
      const severity = this.severity(f);
      const by = this.suppressors.find((s) => s.codes.includes(f.code) && f.offset >= s.start && f.offset < Math.max(s.end, s.start + 1));
      if (by) by.used = true;
      if (severity === undefined) continue;
      const shown = severity === f.severity ? f : { ...f, severity };
      if (by) suppressed.push({ ...shown, suppression: by.info });
      else kept.push(shown);
    }
    this.suppressedCount += suppressed.length;
    return { findings: kept, suppressed };
  }

  /**
   * suppression-invalid findings, and suppression-unused ones for inline directives that matched
   * nothing (not when `reportUnused` is false: a document with a syntax error was not analysed).
   */
  directiveFindings(reportUnused: boolean): Finding[] {
    const m = configMessages(this.locale);
    const out: Finding[] = [...this.invalid];
    if (reportUnused) {
      for (const s of this.suppressors) {
        if (!s.inline || s.used) continue;
        out.push({ code: 'suppression-unused', severity: RULES['suppression-unused'], message: m.unused(s.codes), offset: s.info.offset ?? 0, length: s.info.length ?? 0, fixes: [] });
      }
    }
    return this.apply(out).findings;
  }
}

export type ProcessedDocument = DocumentReport & { suppressed: SuppressedFinding[] };
export interface ProcessedFileReport extends FileReport {
  documents: ProcessedDocument[];
  /** Suppressed findings that belong to no one document. */
  suppressedInFile: SuppressedFinding[];
}

/** A file's report with severities, suppressions and directive findings applied. */
export function processFileReport(report: FileReport, filter: FindingFilter): ProcessedFileReport {
  const documents = report.documents.map((d) => {
    const { findings, suppressed } = filter.apply(d.result.findings);
    return { ...d, result: { ...d.result, findings }, suppressed };
  });
  const file = filter.apply(report.fileFindings);
  const syntaxError = report.fileFindings.some((f) => f.code === 'template-syntax');
  const fileFindings = [...file.findings, ...filter.directiveFindings(!syntaxError)].sort((a, b) => a.offset - b.offset);
  return { ...report, documents, fileFindings, suppressedInFile: file.suppressed };
}
