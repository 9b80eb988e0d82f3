// `check`: analyse policy files (and the policies under folders) and print text, JSON or SARIF.
// Exit 1 on any error finding, 2 when an input could not be read (after printing the rest).
import { LineIndex, RULES, RULE_CODES, RULE_SUMMARIES, messages } from '../policy';
import { analyzeFile, formatOf } from '../formats/analyzeFile';
import { loadFormats } from '../loadFormats';
import type { AnalysisResult, AnalyzeOptions, Finding, Locale, Position, Purpose } from '../policy';
import { Parsed, UsageError, defaultLocale, oneOf, partnerAccountIdOption, str } from './args';
import { collectInputs, readInput } from './files';
import { count } from './plural';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { RULE_DOCS } from '../policy/ruleDocs';

export const CHECK_OPTIONS = {
  integration: true,
  folder: true,
  'partner-account-id': true,
  'external-id': true,
  format: true,
  lang: true,
  'include-ignored': false,
};

/** The rule documentation shipped beside the CLI (dist/cli.js → docs/rules.md). */
export function rulesDocPath(locale: Locale = 'en'): string {
  return join(__dirname, '..', 'docs', locale === 'es' ? 'rules.es.md' : 'rules.md');
}

/** One finding with its place in the file, worked out while the file's text is at hand. */
interface PlacedFinding {
  code: string;
  severity: Finding['severity'];
  message: string;
  offset: number;
  length: number;
  range: { start: Position; end: Position };
}

/**
 * One policy document: a JSON file, or one document of a Terraform / CloudFormation file. Only
 * what the output needs is kept (not the text, nor the fixes): a run over a repository holds
 * one file's text at a time.
 */
interface DocumentReport {
  path: string;
  /** The document's name inside a Terraform or CloudFormation file. */
  name?: string;
  /** How the file uses it (trust, resource, identity), when the file says. */
  usage?: string;
  purpose: AnalysisResult['purpose'];
  findings: PlacedFinding[];
}

interface InputProblem {
  path: string;
  problem: string;
}

function report(path: string, lines: LineIndex, result: Pick<AnalysisResult, 'purpose' | 'findings'>, name?: string, usage?: string): DocumentReport {
  const findings = result.findings.map((f) => ({
    code: f.code,
    severity: f.severity,
    message: f.message,
    offset: f.offset,
    length: f.length,
    range: { start: lines.positionAt(f.offset), end: lines.positionAt(f.offset + f.length) },
  }));
  return { path, ...(name ? { name } : {}), ...(usage ? { usage } : {}), purpose: result.purpose, findings };
}

export function toJson(reports: DocumentReport[], problems: InputProblem[], ignored = 0): string {
  return JSON.stringify({
    files: reports.map((r) => ({ path: r.path, ...(r.name ? { document: r.name } : {}), ...(r.usage ? { usage: r.usage } : {}), purpose: r.purpose, findings: r.findings })),
    unreadable: problems,
    /** Policy files under the folders that git ignores: skipped unless --include-ignored. */
    ignoredSkipped: ignored,
  }, null, 2);
}

interface Tally {
  files: number;
  errors: number;
  warnings: number;
}

const PURPOSE_ORDER: Purpose[] = ['currents', 'dashboard', 'trust', 'general'];

export function toText(reports: DocumentReport[], problems: InputProblem[], locale: Locale, ignored = 0): string {
  const m = messages(locale);
  const out: string[] = [];
  const total: Tally = { files: 0, errors: 0, warnings: 0 };
  const byPurpose = new Map<Purpose, Tally>();
  for (const r of reports) {
    const { purpose, findings } = r;
    const tally = byPurpose.get(purpose.id) ?? { files: 0, errors: 0, warnings: 0 };
    byPurpose.set(purpose.id, tally);
    tally.files++;
    total.files++;
    // Say what each Braze document was checked as, and why; general documents only when they
    // have findings (a repository holds many).
    if (purpose.id !== 'general' || findings.length > 0) {
      out.push(`${r.path}${r.name ? ` ${r.name}` : ''}: ${m.purposeName(purpose.id)} (${purpose.declared ? m.purposeReason.declared : purpose.reason})`);
    }
    for (const f of findings) {
      const p = f.range.start;
      out.push(`${r.path}:${p.line + 1}:${p.character + 1} ${f.severity} ${f.code} ${f.message}`);
      for (const t of [tally, total]) {
        if (f.severity === 'error') t.errors++;
        if (f.severity === 'warning') t.warnings++;
      }
    }
  }
  for (const p of problems) out.push(`${p.path}: ${count(locale, 'unreadable', 1)}: ${p.problem}`);
  for (const id of PURPOSE_ORDER) {
    const t = byPurpose.get(id);
    if (t) out.push(`${m.purposeName(id)}: ${count(locale, 'document', t.files)}, ${count(locale, 'error', t.errors)}, ${count(locale, 'warning', t.warnings)}`);
  }
  const files = new Set(reports.map((r) => r.path)).size;
  const documents = total.files !== files ? ` (${count(locale, 'document', total.files)})` : '';
  out.push(`${count(locale, 'checked', files)}${documents}: ${count(locale, 'error', total.errors)}, ${count(locale, 'warning', total.warnings)}${problems.length ? `; ${count(locale, 'unreadable', problems.length)}` : ''}`);
  if (ignored > 0) out.push(count(locale, 'ignored', ignored));
  return out.join('\n');
}

const SARIF_LEVEL = { error: 'error', warning: 'warning', info: 'note' } as const;

export function toSarif(reports: DocumentReport[], problems: InputProblem[], version: string): string {
  const rules = RULE_CODES.map((code) => ({
    id: code,
    shortDescription: { text: RULE_SUMMARIES[code] },
    defaultConfiguration: { level: SARIF_LEVEL[RULES[code]] },
    helpUri: `${pathToFileURL(rulesDocPath()).href}#${code}`,
    help: { text: RULE_DOCS[code].fix.en },
  }));
  const uri = (path: string) => path.split('\\').join('/');
  const results = reports.flatMap((r) => {
    return r.findings.map((f) => {
      const { start, end } = f.range;
      return {
        ruleId: f.code,
        ruleIndex: RULE_CODES.indexOf(f.code as (typeof RULE_CODES)[number]),
        level: SARIF_LEVEL[f.severity],
        message: { text: f.message },
        locations: [{
          physicalLocation: {
            artifactLocation: { uri: uri(r.path) },
            region: {
              startLine: start.line + 1, startColumn: start.character + 1,
              endLine: end.line + 1, endColumn: end.character + 1,
              charOffset: f.offset, charLength: f.length,
            },
          },
        }],
      };
    });
  });
  return JSON.stringify({
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [{
      tool: { driver: { name: 'braze-s3', semanticVersion: version, informationUri: pathToFileURL(rulesDocPath()).href, rules } },
      columnKind: 'utf16CodeUnits',
      // What each document was checked as, and why (purpose.ts).
      artifacts: reports.map((r) => ({ location: { uri: uri(r.path) }, properties: { purpose: r.purpose, ...(r.name ? { document: r.name } : {}) } })),
      results,
      invocations: [{
        executionSuccessful: problems.length === 0,
        toolExecutionNotifications: problems.map((p) => ({
          level: 'error',
          message: { text: `${p.path}: ${p.problem}` },
          locations: [{ physicalLocation: { artifactLocation: { uri: uri(p.path) } } }],
        })),
      }],
    }],
  }, null, 2);
}

export async function runCheck(parsed: Parsed, version: string, write: (s: string) => void, writeErr: (s: string) => void = () => undefined): Promise<number> {
  if (parsed.positionals.length === 0) throw new UsageError('check needs at least one FILE or folder');
  const integration = oneOf(parsed, 'integration', ['currents', 'dashboard', 'trust', 'none', 'auto'] as const, 'auto');
  const format = oneOf(parsed, 'format', ['text', 'json', 'sarif'] as const, 'text');
  const locale = oneOf(parsed, 'lang', ['en', 'es'] as const, defaultLocale());
  const partnerAccountId = partnerAccountIdOption(parsed);
  const base: AnalyzeOptions = {
    integration,
    folder: str(parsed, 'folder'),
    partnerAccountId,
    externalId: str(parsed, 'external-id'),
    locale,
  };
  const { inputs, ignored } = collectInputs(parsed.positionals, { includeIgnored: parsed.options.has('include-ignored') });
  const reports: DocumentReport[] = [];
  const problems: InputProblem[] = [];
  for (const input of inputs) {
    const read = 'problem' in input ? input : readInput(input.path);
    if ('problem' in read) {
      problems.push({ path: input.path, problem: read.problem });
      continue;
    }
    const { text } = read;
    if (formatOf(input.path, text) === 'terraform') await loadFormats().loadTerraform();
    const file = analyzeFile(text, input.path, base);
    if (!file) {
      problems.push({ path: input.path, problem: `the Terraform grammar could not be loaded (${loadFormats().loadFailure() ?? 'unknown reason'})` });
      continue;
    }
    const lines = new LineIndex(text);
    if (file.format === 'json') {
      reports.push(report(input.path, lines, file.documents[0].result));
      continue;
    }
    const general = { purpose: { id: 'general', declared: false, reason: '' } } as const;
    if (file.fileFindings.length > 0) reports.push(report(input.path, lines, { ...general, findings: file.fileFindings }));
    for (const d of file.documents) reports.push(report(input.path, lines, d.result, d.name, d.usage));
  }
  write(format === 'json' ? toJson(reports, problems, ignored) : format === 'sarif' ? toSarif(reports, problems, version) : toText(reports, problems, locale, ignored));
  // SARIF has no place for it: said on stderr, as for unreadable inputs.
  if (format === 'sarif' && ignored > 0) writeErr(`braze-s3: ${count(locale, 'ignored', ignored)}`);
  // Text goes to stdout for findings; an unreadable input is also said on stderr, where scripts look.
  if (format === 'text') for (const p of problems) writeErr(`braze-s3: ${p.path}: ${p.problem}`);
  if (problems.length > 0) return 2;
  return reports.some((r) => r.findings.some((f) => f.severity === 'error')) ? 1 : 0;
}
