// --format github: GitHub Actions workflow commands, one per finding, which GitHub shows as
// annotations on the pull request's diff and the run's summary
// (https://docs.github.com/actions/reference/workflow-commands-for-github-actions).
import type { DocumentReport, InputProblem, PlacedFinding } from '../report';
import type { Locale } from '../../policy';
import { count } from '../plural';
import { repoPath } from './paths';

const COMMAND = { error: 'error', warning: 'warning', info: 'notice' } as const;

/** A command's message: GitHub reads %, CR and LF as escapes (the rules of @actions/core). */
export function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** A property value: also ":" and "," which separate the properties. */
export function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

function command(name: string, properties: [string, string | number][], message: string): string {
  const props = properties.map(([k, v]) => `${k}=${escapeProperty(String(v))}`).join(',');
  return `::${name} ${props}::${escapeData(message)}`;
}

/** One annotation (1-based line and column, as GitHub counts them). */
export function annotation(path: string, f: PlacedFinding, document?: string): string {
  const { start, end } = f.range;
  return command(COMMAND[f.severity], [
    ['file', path],
    ['line', start.line + 1],
    ['col', start.character + 1],
    ['endLine', end.line + 1],
    ['endColumn', end.character + 1],
    ['title', `braze-s3 ${f.code}${document ? ` (${document})` : ''}`],
  ], f.message);
}

export interface GithubOptions {
  /** The checkout the paths are relative to (GITHUB_WORKSPACE). */
  root: string;
  locale: Locale;
  /** Annotate only findings this returns true for (the action: the pull request's changed lines). */
  keep?: (path: string, f: PlacedFinding) => boolean;
}

export function toGithub(reports: DocumentReport[], problems: InputProblem[], options: GithubOptions): string {
  const out: string[] = [];
  for (const r of reports) {
    const path = repoPath(r.path, options.root);
    for (const f of r.findings) if (!options.keep || options.keep(path, f)) out.push(annotation(path, f, r.name));
  }
  for (const p of problems) out.push(command('error', [['file', repoPath(p.path, options.root)], ['title', `braze-s3: ${count(options.locale, 'unreadable', 1)}`]], p.problem));
  return out.join('\n');
}
