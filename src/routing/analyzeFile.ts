// One entry point for every supported file: a JSON policy, a Terraform file or a CloudFormation
// template. Each policy document in it is analysed by the same engine; findings come back with
// offsets in the file as given, and fixes edit the file's own syntax.
import { analyze } from '../policy';
// KEPT_ON_UNKNOWN: the codes whose findings stand on a value unknown until deploy time (the
// registry's unknownValues); every other finding on such a value is dropped: `${var.x}` may be
// anything, so it is never called a typo, a bad ARN or a wildcard.
import { KEPT_ON_UNKNOWN, RULES } from '../policy';
import { messages } from '../policy';
import type { AnalysisResult, AnalyzeOptions, DeclaredPurpose, Finding, Locale } from '../policy';
import { loadFormats } from './loadFormats';
import { TEMPLATE_FILE, TERRAFORM_FILE, looksLikeCloudFormation } from '../formats/sniff';
import type { EmbeddedPolicy, PolicyUsage } from '../formats/embedded';
import { formatMessages } from '../formats/messages';
import type { Part, Span } from '../formats/projection';

export type FileFormat = 'json' | 'terraform' | 'cloudformation';

export interface DocumentReport {
  /** Its name in the file (`data.aws_iam_policy_document.braze`), or the file's name for JSON. */
  name: string;
  span: Span;
  usage?: PolicyUsage;
  result: AnalysisResult;
  /** Values read from elsewhere or unknown until deploy, with their places (hover shows them). */
  values: Part[];
  /** The projection, for the editor's hover and completion (absent for a JSON file). */
  projection?: EmbeddedPolicy['projection'];
}

export interface FileReport {
  format: FileFormat;
  documents: DocumentReport[];
  /** Findings that belong to no one document (syntax errors in a template). */
  fileFindings: Finding[];
}


/** How the checker reads a file: by its name or language, then its content (JSON otherwise). */
export function formatOf(fileName: string, text: string, languageId?: string): FileFormat {
  if (languageId === 'terraform' || (TERRAFORM_FILE.test(fileName) && !languageId)) return 'terraform';
  if ((TEMPLATE_FILE.test(fileName) || languageId === 'yaml' || languageId === 'json') && looksLikeCloudFormation(text)) return 'cloudformation';
  return 'json';
}

/** The findings of a policy's analysis, moved from its projected JSON onto the file. */
function mapFindings(result: AnalysisResult, projection: EmbeddedPolicy['projection'], locale: Locale | undefined): Finding[] {
  const m = formatMessages(locale);
  const out: Finding[] = [];
  for (const f of result.findings) {
    const parts = projection.partsIn(f.offset, f.length);
    if (!KEPT_ON_UNKNOWN.has(f.code) && parts.some((p) => p.kind === 'unknown')) continue;
    const span = projection.toSource(f.offset, f.length);
    const resolved = parts.find((p) => p.kind === 'resolved');
    const message = resolved?.kind === 'resolved' && resolved.line > 0 ? `${f.message} ${m.valueFrom(resolved.origin, resolved.line)}` : f.message;
    // Fixes were written by the format's writer: their edits are already in file offsets.
    out.push({ ...f, message, offset: span.offset, length: span.length, fixes: f.fixes.filter((x) => x.edits.length > 0 || f.code === 'placeholder') });
  }
  return out;
}

export function analyzeEmbedded(policy: EmbeddedPolicy, options: AnalyzeOptions): DocumentReport {
  const projection = policy.projection;
  const result = analyze(projection.json, { ...options, templateValues: true, usage: options.usage ?? policy.usage }, projection.writerFactory());
  return { name: policy.name, span: policy.span, usage: policy.usage, result: { ...result, findings: mapFindings(result, projection, options.locale) }, values: projection.valueParts, projection };
}

function templateSyntax(text: string, at: number, detail: string, locale: Locale | undefined): Finding {
  // An error at the very end (unterminated input) still gets a visible, in-range span.
  const offset = Math.max(0, Math.min(at, text.length - 1));
  const length = Math.min(1, text.length - offset);
  const m = formatMessages(locale);
  // Terraform's details come as `missing:…` / `unexpected:…`, worded here in the user's language.
  const [kind, rest] = [detail.slice(0, detail.indexOf(':')), detail.slice(detail.indexOf(':') + 1)];
  const said = kind === 'missing' ? m.missing(rest) : kind === 'unexpected' ? m.unexpected(rest) : kind === 'yaml' ? m.yaml(rest) : detail;
  return { code: 'template-syntax', severity: RULES['template-syntax'], message: m.syntax(said), offset, length, fixes: [] };
}

/**
 * Analyse a file. For Terraform the grammar must be loaded first (loadTerraform); until then this
 * returns undefined for .tf files.
 */
/**
 * `cache`: an open document's key and version, so that Terraform re-parses incrementally from
 * the document's last tree (see treeSitter.ts).
 */
export function analyzeFile(text: string, fileName: string, options: AnalyzeOptions = {}, languageId?: string, cache?: { key: string; version: number }, declared?: DeclaredFor): FileReport | undefined {
  const format = formatOf(fileName, text, languageId);
  try {
    return analyzeFormat(text, fileName, options, format, cache, declared);
  } catch (error) {
    // A reader bug must not cost the user the rest of the run: one finding says what happened.
    const reason = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    const finding: Finding = { code: 'analysis-failed', severity: RULES['analysis-failed'], message: messages(options.locale).analysisFailed(reason), offset: 0, length: 0, fixes: [] };
    return { format, documents: [], fileFindings: [finding] };
  }
}

/** What the user declared one document of a file to be (the editor's per-document choice). */
export type DeclaredFor = (documentName: string) => DeclaredPurpose | undefined;

function analyzeFormat(text: string, fileName: string, options: AnalyzeOptions, format: FileFormat, cache?: { key: string; version: number }, declared?: DeclaredFor): FileReport | undefined {
  if (format === 'json') {
    const result = analyze(text, { ...options, sourceName: options.sourceName ?? fileName });
    return { format, documents: [{ name: fileName, span: { offset: 0, length: text.length }, result, values: [] }], fileFindings: [] };
  }
  let policies: EmbeddedPolicy[];
  const fileFindings: Finding[] = [];
  const readers = loadFormats();
  if (format === 'terraform') {
    const parser = readers.terraformParser();
    if (!parser) return undefined;
    const tree = readers.parseTerraform(parser, text, cache);
    if (!tree) return undefined;
    try {
      policies = readers.terraformPolicies(text, tree);
      const errors = readers.terraformSyntaxErrors(tree, policies);
      for (const e of errors) fileFindings.push(templateSyntax(text, e.offset, e.message, options.locale));
      policies = policies.filter((p) => !errors.some((e) => within(p.span, e.offset)));
    } finally {
      if (!cache) tree.delete(); // a cached tree is kept for the document's next parse
    }
  } else {
    const read = readers.cloudFormationPolicies(text);
    // The yaml parser is complete, so its first error is a real one, wherever it is.
    const first = read.errors[0];
    if (first) fileFindings.push(templateSyntax(text, first.offset, `yaml:${first.message}`, options.locale));
    policies = read.policies.filter((p) => !read.errors.some((e) => within(p.span, e.offset)));
  }
  // A file-name signal (braze-currents.tf) speaks for the file's only policy, not for each of many.
  const single = policies.length === 1;
  const optionsFor = (p: EmbeddedPolicy): AnalyzeOptions => ({ ...options, sourceName: single ? `${fileName} ${p.name}` : p.name, integration: declared?.(p.name) ?? options.integration });
  const documents = policies.map((p) => analyzeEmbedded(p, optionsFor(p)));
  // A role's trust policy and its permissions policies go together: a Braze signal on one speaks
  // for the others (the partner's trust policy is the one of the role holding the export policy).
  const brazeGroups = new Set(policies.filter((p, i) => p.group && documents[i].result.purpose.id !== 'general').map((p) => p.group));
  policies.forEach((p, i) => {
    const { purpose } = documents[i].result;
    if (p.group && brazeGroups.has(p.group) && purpose.id === 'general' && !purpose.declared) {
      documents[i] = analyzeEmbedded(p, { ...optionsFor(p), brazeContext: messages(options.locale).purposeReason.sameRole(p.group) });
    }
  });
  return { format, documents, fileFindings };
}

/** A document holding a syntax error is not analysed: its findings would be the parser's guesses. */
const within = (span: Span, offset: number) => offset >= span.offset && offset <= span.offset + span.length;

/** Every finding of a report, in file order. */
export function allFindings(report: FileReport): Finding[] {
  return [...report.fileFindings, ...report.documents.flatMap((d) => d.result.findings)].sort((a, b) => a.offset - b.offset);
}
