// `check`: analyse policy files and print text, JSON or SARIF. Exit 1 on any error finding.
import { readFileSync, statSync } from 'node:fs';
import { LineIndex, RULES, RULE_CODES, RULE_SUMMARIES, analyze } from '../policy';
import type { AnalysisResult, AnalyzeOptions, Finding, IntegrationId } from '../policy';
import { Parsed, UsageError, defaultLocale, oneOf, partnerAccountIdOption, str } from './args';

export const CHECK_OPTIONS = {
  integration: true,
  folder: true,
  'partner-account-id': true,
  'external-id': true,
  format: true,
  lang: true,
};

/** Files larger than this are not read at all (the engine would skip them anyway). */
const MAX_READ_BYTES = 16 * 1024 * 1024;
export const PROJECT_URL = 'https://github.com/braze-s3-policy-kit/braze-s3-policy-kit';

export class FileError extends Error {}

function readPolicyFile(path: string): string {
  let size: number;
  try {
    const st = statSync(path);
    if (!st.isFile()) throw new FileError(`${path}: not a file`);
    size = st.size;
  } catch (error) {
    if (error instanceof FileError) throw error;
    throw new FileError(`${path}: cannot read (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
  if (size > MAX_READ_BYTES) throw new FileError(`${path}: ${size} bytes is too large to be a policy (limit ${MAX_READ_BYTES})`);
  const bytes = readFileSync(path);
  if (bytes.subarray(0, 8192).includes(0)) throw new FileError(`${path}: binary content, not a JSON policy`);
  return bytes.toString('utf8').replace(/^\uFEFF/, '');
}

interface FileReport {
  path: string;
  text: string;
  result: AnalysisResult;
}

function integrationLabel(r: AnalysisResult): IntegrationId | 'trust' | 'unknown' {
  if (r.kind === 'trust') return 'trust';
  return r.integration?.id ?? 'unknown';
}

function withRange(lines: LineIndex, f: Finding) {
  return {
    code: f.code,
    severity: f.severity,
    message: f.message,
    offset: f.offset,
    length: f.length,
    range: { start: lines.positionAt(f.offset), end: lines.positionAt(f.offset + f.length) },
  };
}

export function toJson(reports: FileReport[]): string {
  return JSON.stringify({
    files: reports.map((r) => {
      const lines = new LineIndex(r.text);
      return { path: r.path, integration: integrationLabel(r.result), findings: r.result.findings.map((f) => withRange(lines, f)) };
    }),
  }, null, 2);
}

export function toText(reports: FileReport[]): string {
  const out: string[] = [];
  let errors = 0;
  let warnings = 0;
  for (const r of reports) {
    const lines = new LineIndex(r.text);
    for (const f of r.result.findings) {
      const p = lines.positionAt(f.offset);
      out.push(`${r.path}:${p.line + 1}:${p.character + 1} ${f.severity} ${f.code} ${f.message}`);
      if (f.severity === 'error') errors++;
      if (f.severity === 'warning') warnings++;
    }
  }
  out.push(`${reports.length} file(s) checked: ${errors} error(s), ${warnings} warning(s)`);
  return out.join('\n');
}

const SARIF_LEVEL = { error: 'error', warning: 'warning', info: 'note' } as const;

export function toSarif(reports: FileReport[], version: string): string {
  const rules = RULE_CODES.map((code) => ({
    id: code,
    shortDescription: { text: RULE_SUMMARIES[code] },
    defaultConfiguration: { level: SARIF_LEVEL[RULES[code]] },
    helpUri: `${PROJECT_URL}#${code}`,
  }));
  const results = reports.flatMap((r) => {
    const lines = new LineIndex(r.text);
    return r.result.findings.map((f) => {
      const start = lines.positionAt(f.offset);
      const end = lines.positionAt(f.offset + f.length);
      return {
        ruleId: f.code,
        ruleIndex: RULE_CODES.indexOf(f.code as (typeof RULE_CODES)[number]),
        level: SARIF_LEVEL[f.severity],
        message: { text: f.message },
        locations: [{
          physicalLocation: {
            artifactLocation: { uri: r.path.split('\\').join('/') },
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
      tool: { driver: { name: 'braze-s3', semanticVersion: version, informationUri: PROJECT_URL, rules } },
      columnKind: 'utf16CodeUnits',
      results,
    }],
  }, null, 2);
}

export function runCheck(parsed: Parsed, version: string, write: (s: string) => void): number {
  if (parsed.positionals.length === 0) throw new UsageError('check needs at least one FILE');
  const integration = oneOf(parsed, 'integration', ['currents', 'dashboard', 'auto'] as const, 'auto');
  const format = oneOf(parsed, 'format', ['text', 'json', 'sarif'] as const, 'text');
  const locale = oneOf(parsed, 'lang', ['en', 'es'] as const, defaultLocale());
  const partnerAccountId = partnerAccountIdOption(parsed);
  const options: AnalyzeOptions = {
    integration,
    folder: str(parsed, 'folder'),
    partnerAccountId,
    externalId: str(parsed, 'external-id'),
    locale,
  };
  // Read every file first: one unreadable file is a usage problem (exit 2), reported before output.
  const texts = parsed.positionals.map((path) => ({ path, text: readPolicyFile(path) }));
  const reports: FileReport[] = texts.map(({ path, text }) => ({ path, text, result: analyze(text, options) }));
  write(format === 'json' ? toJson(reports) : format === 'sarif' ? toSarif(reports, version) : toText(reports));
  return reports.some((r) => r.result.findings.some((f) => f.severity === 'error')) ? 1 : 0;
}
