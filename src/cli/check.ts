// `check`: analyse policy files (and the policies under folders) and print text, JSON or SARIF.
// Exit 1 on any error finding, 2 when an input could not be read (after printing the rest).
import { LineIndex, RULE_CODES, messages } from '../policy';
import { analyzeFile, formatOf } from '../routing/analyzeFile';
import { loadFormats } from '../routing/loadFormats';
import type { AnalysisResult, AnalyzeOptions, Finding, Locale, Position, Purpose } from '../policy';
import { Parsed, UsageError, defaultLocale, oneOf, partnerAccountIdOption, str } from './args';
import { collectInputs, readInput } from './files';
import { count } from './plural';
import { isAbsolute, join, relative } from 'node:path';
import { FindingFilter, SuppressedFinding, processFileReport } from '../config/apply';
import { ConfigForFile, LoadedConfig, configFileFor, configForFile, loadConfig, problemText } from '../config/repoConfig';
import { pathToFileURL } from 'node:url';
import { FindingKeys, type DocumentReport, type InputProblem, type PlacedFinding, type PlacedSuppressed } from './report';
import { toGithub } from './formats/github';
import { toGitlab } from './formats/gitlab';
import { toJunit } from './formats/junit';
import { sarifRules, toSarifLevel } from './formats/sarifRules';

export const FORMATS = ['text', 'json', 'sarif', 'github', 'gitlab', 'junit'] as const;
export type Format = (typeof FORMATS)[number];

export const CHECK_OPTIONS = {
  integration: true,
  folder: true,
  'partner-account-id': true,
  'external-id': true,
  format: true,
  lang: true,
  config: true,
  'no-config': false,
  'include-ignored': false,
  'only-policies': false,
};

/** The rule documentation shipped beside the CLI (dist/cli.js → docs/rules.md). */
export function rulesDocPath(locale: Locale = 'en'): string {
  return join(__dirname, '..', 'docs', locale === 'es' ? 'rules.es.md' : 'rules.md');
}

/** A configuration file's path as printed: relative to the working folder when under it. */
function shownPath(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : path;
}

function report(path: string, source: { text: string; lines: LineIndex }, result: Pick<AnalysisResult, 'purpose' | 'findings'>, name?: string, usage?: string, suppressedFindings: SuppressedFinding[] = []): DocumentReport {
  const { text, lines } = source;
  const keys = new FindingKeys(text);
  const place = (f: Finding): PlacedFinding => ({
    code: f.code,
    severity: f.severity,
    message: f.message,
    offset: f.offset,
    length: f.length,
    range: { start: lines.positionAt(f.offset), end: lines.positionAt(f.offset + f.length) },
    key: keys.of(f),
  });
  const suppressed = suppressedFindings.map((f): PlacedSuppressed => {
    const s = f.suppression;
    const where = s.kind === 'inSource' && s.offset !== undefined
      ? { range: { start: lines.positionAt(s.offset), end: lines.positionAt(s.offset + (s.length ?? 0)) } }
      : { ...(s.path ? { path: shownPath(s.path) } : {}), ...(s.line ? { line: s.line } : {}) };
    return { ...place(f), suppression: { kind: s.kind, justification: s.justification, ...where } };
  });
  return { path, ...(name ? { name } : {}), ...(usage ? { usage } : {}), purpose: result.purpose, findings: result.findings.map(place), suppressed };
}

/** The JSON output's findings keep their documented shape: the key is for fingerprints only. */
function withoutKey<T extends PlacedFinding>(f: T): Omit<T, 'key'> {
  const rest: Partial<T> = { ...f };
  delete rest.key;
  return rest as Omit<T, 'key'>;
}

export function toJson(reports: DocumentReport[], problems: InputProblem[], ignored = 0): string {
  return JSON.stringify({
    files: reports.map((r) => ({ path: r.path, ...(r.name ? { document: r.name } : {}), ...(r.usage ? { usage: r.usage } : {}), purpose: r.purpose, findings: r.findings.map(withoutKey), ...(r.suppressed.length ? { suppressed: r.suppressed.map(withoutKey) } : {}) })),
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
    // (Not for a file's findings outside its documents: braze-s3-ignore comments, syntax errors.)
    if ((purpose.id !== 'general' || purpose.suggested || findings.length > 0) && (purpose.declared || purpose.reason)) {
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
  const suppressed = reports.reduce((n, r) => n + r.suppressed.length, 0);
  out.push(`${count(locale, 'checked', files)}${documents}: ${count(locale, 'error', total.errors)}, ${count(locale, 'warning', total.warnings)}${suppressed ? `; ${count(locale, 'suppressed', suppressed)}` : ''}${problems.length ? `; ${count(locale, 'unreadable', problems.length)}` : ''}`);
  if (ignored > 0) out.push(count(locale, 'ignored', ignored));
  return out.join('\n');
}

export function toSarif(reports: DocumentReport[], problems: InputProblem[], version: string): string {
  const rules = sarifRules(pathToFileURL(rulesDocPath()).href);
  const uri = (path: string) => path.split('\\').join('/');
  const region = ({ start, end }: { start: Position; end: Position }) => ({ startLine: start.line + 1, startColumn: start.character + 1, endLine: end.line + 1, endColumn: end.character + 1 });
  const result = (r: DocumentReport, f: PlacedFinding) => ({
    ruleId: f.code,
    ruleIndex: RULE_CODES.indexOf(f.code as (typeof RULE_CODES)[number]),
    level: toSarifLevel(f.severity),
    message: { text: f.message },
    locations: [{
      physicalLocation: {
        artifactLocation: { uri: uri(r.path) },
        region: { ...region(f.range), charOffset: f.offset, charLength: f.length },
      },
    }],
  });
  // Suppressed findings are results too, with SARIF's suppressions: inSource (a braze-s3-ignore
  // comment or Metadata entry) or external (the configuration file's `ignore`).
  const suppression = (r: DocumentReport, s: PlacedSuppressed['suppression']) => {
    const location = s.range
      ? { physicalLocation: { artifactLocation: { uri: uri(r.path) }, region: region(s.range) } }
      : s.path ? { physicalLocation: { artifactLocation: { uri: uri(s.path) }, ...(s.line ? { region: { startLine: s.line } } : {}) } } : undefined;
    return { kind: s.kind, status: 'accepted', justification: s.justification, ...(location ? { location } : {}) };
  };
  const results = reports.flatMap((r) => [
    ...r.findings.map((f) => result(r, f)),
    ...r.suppressed.map((f) => ({ ...result(r, f), suppressions: [suppression(r, f.suppression)] })),
  ]);
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

/**
 * The repository configuration for each checked file: --config names one for every file,
 * --no-config none; by default each file's nearest (repoConfig.ts, findConfigFile). Invalid ones
 * are collected, for exit status 2 before anything is checked.
 */
class Configs {
  readonly invalid = new Map<string, LoadedConfig>();
  private readonly explicit?: LoadedConfig;
  private readonly off: boolean;

  constructor(parsed: Parsed, private readonly locale: Locale) {
    const path = str(parsed, 'config');
    this.off = parsed.options.has('no-config');
    if (path !== undefined && this.off) throw new UsageError('--config and --no-config exclude each other');
    if (path !== undefined) {
      this.explicit = loadConfig(path, locale);
      this.note(this.explicit);
    }
  }

  private note(loaded: LoadedConfig | undefined): LoadedConfig | undefined {
    if (loaded?.problems.length) this.invalid.set(loaded.path, loaded);
    return loaded;
  }

  for(file: string): ConfigForFile | undefined {
    if (this.off) return undefined;
    const loaded = this.explicit ?? this.note(configFileFor(file, this.locale));
    return loaded?.config ? configForFile(loaded.config, file) : undefined;
  }
}

/** Paths in the CI formats are relative to the checkout the CI system names, else the working folder. */
export function ciRoot(env: NodeJS.ProcessEnv = process.env): string {
  return env.GITHUB_WORKSPACE || env.CI_PROJECT_DIR || process.cwd();
}

export function render(format: Format, reports: DocumentReport[], problems: InputProblem[], o: { version: string; locale: Locale; ignored: number }): string {
  switch (format) {
    case 'json': return toJson(reports, problems, o.ignored);
    case 'sarif': return toSarif(reports, problems, o.version);
    case 'github': return toGithub(reports, problems, { root: ciRoot(), locale: o.locale });
    case 'gitlab': return toGitlab(reports, problems, { root: ciRoot() });
    case 'junit': return toJunit(reports, problems, { root: ciRoot(), locale: o.locale });
    case 'text': return toText(reports, problems, o.locale, o.ignored);
  }
}

/** What one `check` run found, before any output format. */
export interface CheckRun {
  reports: DocumentReport[];
  problems: InputProblem[];
  ignored: number;
  locale: Locale;
}

export async function runCheck(parsed: Parsed, version: string, write: (s: string) => void, writeErr: (s: string) => void = () => undefined): Promise<number> {
  const format = oneOf(parsed, 'format', FORMATS, 'text');
  const run = await checkFiles(parsed, writeErr);
  if (run === 'invalid-config') return 2;
  const { reports, problems, ignored, locale } = run;
  write(render(format, reports, problems, { version, locale, ignored }));
  // SARIF and the CI formats have no place for it: said on stderr, as for unreadable inputs.
  if (format !== 'text' && format !== 'json' && ignored > 0) writeErr(`braze-s3: ${count(locale, 'ignored', ignored)}`);
  // Text goes to stdout for findings; an unreadable input is also said on stderr, where scripts look.
  if (format === 'text') for (const p of problems) writeErr(`braze-s3: ${p.path}: ${p.problem}`);
  if (problems.length > 0) return 2;
  return reports.some((r) => r.findings.some((f) => f.severity === 'error')) ? 1 : 0;
}

/**
 * Checks the inputs `parsed` names (files, folders) with their configuration. An invalid
 * configuration file is said on `writeErr` and nothing is checked ('invalid-config').
 */
export async function checkFiles(parsed: Parsed, writeErr: (s: string) => void): Promise<CheckRun | 'invalid-config'> {
  if (parsed.positionals.length === 0) throw new UsageError('check needs at least one FILE or folder');
  const integration = oneOf(parsed, 'integration', ['currents', 'dashboard', 'trust', 'none', 'auto'] as const, 'auto');
  const locale = oneOf(parsed, 'lang', ['en', 'es'] as const, defaultLocale());
  const partnerAccountId = partnerAccountIdOption(parsed);
  const configs = new Configs(parsed, locale);
  // Command-line flags win over the configuration file.
  const optionsFor = (config: ConfigForFile | undefined): AnalyzeOptions => ({
    integration: parsed.options.has('integration') ? integration : config?.purpose ?? 'auto',
    folder: str(parsed, 'folder') ?? config?.folder,
    partnerAccountId: partnerAccountId ?? config?.partnerAccountId,
    externalId: str(parsed, 'external-id') ?? config?.externalId,
    locale,
  });
  const { inputs, ignored } = collectInputs(parsed.positionals, { includeIgnored: parsed.options.has('include-ignored'), onlyPolicies: parsed.options.has('only-policies'), skip: (path) => configs.for(path)?.excluded === true });
  if (configs.invalid.size > 0) {
    for (const loaded of configs.invalid.values()) for (const p of loaded.problems) writeErr(`braze-s3: ${problemText(loaded, p, shownPath(loaded.path))}`);
    return 'invalid-config';
  }
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
    const config = configs.for(input.path);
    const analysed = analyzeFile(text, input.path, optionsFor(config));
    if (!analysed) {
      problems.push({ path: input.path, problem: `the Terraform grammar could not be loaded (${loadFormats().loadFailure() ?? 'unknown reason'})` });
      continue;
    }
    const file = processFileReport(analysed, new FindingFilter({ text, format: analysed.format, config, locale }));
    const source = { text, lines: new LineIndex(text) };
    if (file.format === 'json') {
      reports.push(report(input.path, source, file.documents[0].result, undefined, undefined, file.documents[0].suppressed));
      continue;
    }
    const general = { purpose: { id: 'general', declared: false, reason: '' } } as const;
    if (file.fileFindings.length > 0 || file.suppressedInFile.length > 0) reports.push(report(input.path, source, { ...general, findings: file.fileFindings }, undefined, undefined, file.suppressedInFile));
    for (const d of file.documents) reports.push(report(input.path, source, d.result, d.name, d.usage, d.suppressed));
  }
  return { reports, problems, ignored, locale };
}
