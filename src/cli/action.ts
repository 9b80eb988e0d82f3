// The GitHub Action's entry point (action.yml runs dist/action.js): one `check` run over the
// inputs' paths, then what GitHub reads: workflow annotations on stdout (on a pull request only
// those on the lines it changes), a SARIF file for code scanning (action.yml uploads it), the
// step's outputs (GITHUB_OUTPUT) and a summary (GITHUB_STEP_SUMMARY). It lives beside the CLI
// because it is the CLI's check in-process, bundled by the same build; GitHub's protocol is
// environment variables and files, so no @actions/* library is needed.
import { appendFileSync, readFileSync, writeFileSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import type { Finding, Locale } from '../policy';
import { UsageError } from './args';
import { checkFiles, toSarif } from './check';
import { changedLines, touchesChanged } from './changedLines';
import { toGithub } from './formats/github';
import { repoPath } from './formats/paths';
import { count } from './plural';

/** The action's inputs (action.yml `inputs`), each read from INPUT_<NAME> as GitHub passes them. */
export const ACTION_INPUTS = ['paths', 'config', 'fail-on', 'annotate', 'sarif-file', 'lang'] as const;
type InputName = (typeof ACTION_INPUTS)[number];

const FAIL_ON = ['error', 'warning', 'info', 'never'] as const;
const RANK: Record<Finding['severity'], number> = { error: 3, warning: 2, info: 1 };
const THRESHOLD = { error: 3, warning: 2, info: 1, never: Infinity } as const;

const SUMMARY: Record<Locale, { title: string; failed: (level: string) => string; passed: string; annotatedChanged: (n: number, all: number) => string; annotatedAll: string; noDiff: (why: string) => string; more: (n: number) => string }> = {
  en: {
    title: 'braze-s3 policy check',
    failed: (level) => `Failed: findings at level ${level} or above.`,
    passed: 'Passed.',
    annotatedChanged: (n, all) => `Annotated on the changed lines: ${n} of ${all}.`,
    annotatedAll: 'Every finding is annotated.',
    noDiff: (why) => `The pull request's changed lines are unknown (${why}): every finding is annotated. Check out with fetch-depth: 0.`,
    more: (n) => `… and ${n} more (see the SARIF file or code scanning).`,
  },
  es: {
    title: 'Comprobación de políticas braze-s3',
    failed: (level) => `Fallo: hallazgos de nivel ${level} o superior.`,
    passed: 'Correcto.',
    annotatedChanged: (n, all) => `Anotados en las líneas cambiadas: ${n} de ${all}.`,
    annotatedAll: 'Se anotan todos los hallazgos.',
    noDiff: (why) => `No se conocen las líneas cambiadas de la pull request (${why}): se anotan todos los hallazgos. Haz el checkout con fetch-depth: 0.`,
    more: (n) => `… y ${n} más (ver el archivo SARIF o code scanning).`,
  },
};

export function input(env: NodeJS.ProcessEnv, name: InputName): string {
  // GitHub sets INPUT_FAIL-ON for a node action; a composite action's step passes INPUT_FAIL_ON.
  const upper = name.toUpperCase();
  return (env[`INPUT_${upper}`] ?? env[`INPUT_${upper.replace(/-/g, '_')}`] ?? '').trim();
}

function choice<T extends string>(env: NodeJS.ProcessEnv, name: InputName, allowed: readonly T[], fallback: T): T {
  const v = input(env, name) || fallback;
  if (!(allowed as readonly string[]).includes(v)) throw new UsageError(`input ${name} must be one of ${allowed.join(', ')} (got "${v}")`);
  return v as T;
}

/** The pull request's base commit, from the event payload GitHub writes (GITHUB_EVENT_PATH). */
function pullRequestBase(env: NodeJS.ProcessEnv): string | undefined {
  if (!env.GITHUB_EVENT_PATH || !/^pull_request/.test(env.GITHUB_EVENT_NAME ?? '')) return undefined;
  try {
    const event = JSON.parse(readFileSync(env.GITHUB_EVENT_PATH, 'utf8'));
    return typeof event?.pull_request?.base?.sha === 'string' ? event.pull_request.base.sha : undefined;
  } catch {
    return undefined;
  }
}

/** GitHub's single-line output syntax; a value with a line break uses the heredoc form. */
function output(name: string, value: string | number): string {
  const v = String(value);
  return v.includes('\n') ? `${name}<<BRAZE_S3_EOF\n${v}\nBRAZE_S3_EOF\n` : `${name}=${v}\n`;
}

export async function runAction(env: NodeJS.ProcessEnv, version: string, write: (s: string) => void): Promise<number> {
  const workspace = env.GITHUB_WORKSPACE || process.cwd();
  try {
    process.chdir(workspace);
    const paths = input(env, 'paths').split(/\s+/).filter(Boolean);
    const config = input(env, 'config');
    const failOn = choice(env, 'fail-on', FAIL_ON, 'error');
    const annotate = choice(env, 'annotate', ['changed', 'all'] as const, 'changed');
    const locale = choice(env, 'lang', ['en', 'es'] as const, 'en');
    const sarifFile = input(env, 'sarif-file') || 'braze-s3.sarif';
    const options = new Map<string, string | true>([['lang', locale]]);
    if (config) options.set('config', config);
    const errors: string[] = [];
    const run = await checkFiles({ positionals: paths.length ? paths : ['.'], options }, (s) => errors.push(s));
    if (run === 'invalid-config') {
      for (const e of errors) write(`::error title=braze-s3 configuration::${e.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A')}`);
      return 2;
    }
    const { reports, problems } = run;
    const m = SUMMARY[locale];

    // Annotations: on a pull request only the findings on its changed lines (annotate: changed).
    const base = annotate === 'changed' ? pullRequestBase(env) : undefined;
    const diff = base ? changedLines(workspace, base) : undefined;
    const changed = diff && !('problem' in diff) ? diff : undefined;
    let annotated = 0;
    const annotations = toGithub(reports, problems, {
      root: workspace,
      locale,
      keep: (path, f) => {
        const keep = !changed || touchesChanged(changed.get(path), f.range.start.line + 1, f.range.end.line + 1);
        if (keep) annotated++;
        return keep;
      },
    });
    if (annotations) write(annotations);

    const sarifPath = isAbsolute(sarifFile) ? sarifFile : join(workspace, sarifFile);
    writeFileSync(sarifPath, toSarif(reports, problems, version));

    const all = reports.flatMap((r) => r.findings.map((f) => ({ r, f })));
    const tally = (sev: Finding['severity']) => all.filter(({ f }) => f.severity === sev).length;
    const failed = problems.length > 0 || all.some(({ f }) => RANK[f.severity] >= THRESHOLD[failOn]);
    if (env.GITHUB_OUTPUT) {
      appendFileSync(env.GITHUB_OUTPUT, [
        output('errors', tally('error')),
        output('warnings', tally('warning')),
        output('notes', tally('info')),
        output('findings', all.length),
        output('annotated', annotated),
        output('unreadable', problems.length),
        output('sarif-file', repoPath(sarifPath, workspace)),
        output('failed', String(failed)),
      ].join(''));
    }
    if (env.GITHUB_STEP_SUMMARY) {
      const files = new Set(reports.map((r) => r.path)).size;
      const lines = [
        `### ${m.title}`,
        '',
        `${count(locale, 'checked', files)}: ${count(locale, 'error', tally('error'))}, ${count(locale, 'warning', tally('warning'))}${problems.length ? `, ${count(locale, 'unreadable', problems.length)}` : ''}. ${failed ? m.failed(failOn) : m.passed}`,
        '',
        diff && 'problem' in diff ? m.noDiff(diff.problem) : changed ? m.annotatedChanged(annotated, all.length) : m.annotatedAll,
        '',
      ];
      const LIMIT = 50;
      for (const { r, f } of all.slice(0, LIMIT)) lines.push(`- \`${repoPath(r.path, workspace)}:${f.range.start.line + 1}\` **${f.severity}** \`${f.code}\` ${f.message.replace(/\n/g, ' ')}`);
      if (all.length > LIMIT) lines.push(`- ${m.more(all.length - LIMIT)}`);
      appendFileSync(env.GITHUB_STEP_SUMMARY, lines.join('\n') + '\n');
    }
    if (problems.length > 0) return 2;
    return failed ? 1 : 0;
  } catch (error) {
    write(`::error title=braze-s3::${(error instanceof Error ? error.message : String(error)).replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A')}`);
    return 2;
  }
}
