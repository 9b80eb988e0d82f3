// The repository configuration (.braze-s3.yaml, .braze-s3.yml or .braze-s3.json) as the CLI and the
// extension use it: where it is, what it says for one file. Reading and validating the text needs
// the yaml parser, which lives in the formats bundle (loadFormats().parseRepoConfig): a repository
// without a configuration file never loads it. No vscode here: the CLI uses this module.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { loadFormats } from '../routing/loadFormats';
import { compileGlob } from './glob';
import { configMessages } from './messages';
import type { Locale } from '../policy';

// The configuration's shapes live in types.ts (the reader, parse.ts, needs them without this module).
import { CONFIG_FILE_NAMES } from './types';
import type { ConfigForFile, ConfigProblem, LoadedConfig, RepoConfig } from './types';
export * from './types';

/** The path relative to the configuration's folder, `/`-separated, or undefined outside it. */
function relativeTo(config: RepoConfig, file: string): string | undefined {
  const rel = relative(dirname(config.path), resolve(file));
  if (!rel || rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel)) return undefined;
  return rel.split(sep).join('/');
}

const compiled = new Map<string, RegExp>();
function matches(glob: string, rel: string): boolean {
  let re = compiled.get(glob);
  if (!re) compiled.set(glob, (re = compileGlob(glob)));
  return re.test(rel);
}

/** The configuration's answer for a file: the first purposes glob that matches wins. */
export function configForFile(config: RepoConfig, file: string): ConfigForFile {
  const rel = relativeTo(config, file);
  const hit = (glob: string) => rel !== undefined && matches(glob, rel);
  return {
    path: config.path,
    excluded: config.exclude.some(hit),
    purpose: config.purposes.find((p) => hit(p.glob))?.purpose,
    rules: config.rules,
    ignore: config.ignore.filter((i) => hit(i.glob)).map(({ codes, reason, line }) => ({ codes, reason, line })),
    partnerAccountId: config.partnerAccountId,
    externalId: config.externalId,
    folder: config.folder,
  };
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

// Folder → its nearest configuration file (or null); cleared when a configuration file changes.
const nearest = new Map<string, string | null>();
const loaded = new Map<string, LoadedConfig>();

/**
 * The configuration file that applies to files in `folder`: walking up from it, the first folder
 * holding one of CONFIG_FILE_NAMES; the walk stops at the repository root (a folder holding
 * `.git`, a folder or a worktree's file) or the file system's root.
 */
export function findConfigFile(folder: string): string | undefined {
  const start = resolve(folder);
  const seen: string[] = [];
  let dir = start;
  let found: string | null = null;
  for (;;) {
    const cached = nearest.get(dir);
    if (cached !== undefined) {
      found = cached;
      break;
    }
    seen.push(dir);
    const name = CONFIG_FILE_NAMES.find((n) => isFile(join(dir, n)));
    if (name) {
      found = join(dir, name);
      break;
    }
    const parent = dirname(dir);
    if (parent === dir || existsSync(join(dir, '.git'))) break;
    dir = parent;
  }
  for (const d of seen) nearest.set(d, found);
  return found ?? undefined;
}

/** Reads and validates a configuration file (cached until clearConfigCache). */
export function loadConfig(path: string, locale?: Locale): LoadedConfig {
  const key = `${resolve(path)}\0${locale ?? 'en'}`;
  const hit = loaded.get(key);
  if (hit) return hit;
  let text: string;
  let result: LoadedConfig;
  try {
    text = readFileSync(path, 'utf8').replace(/^\uFEFF/, '');
    result = loadFormats().parseRepoConfig(text, resolve(path), locale);
  } catch (error) {
    const detail = (error as NodeJS.ErrnoException).code ?? (error instanceof Error ? error.message : String(error));
    result = { path: resolve(path), problems: [{ message: configMessages(locale).unreadable(detail), offset: 0, length: 0, line: 0, character: 0 }] };
  }
  loaded.set(key, result);
  return result;
}

/** The configuration that applies to a file (nearest one), read and validated; undefined when none. */
export function configFileFor(file: string, locale?: Locale): LoadedConfig | undefined {
  const path = findConfigFile(dirname(resolve(file)));
  return path ? loadConfig(path, locale) : undefined;
}

/** Forget what was found and read (a configuration file was created, changed or deleted). */
export function clearConfigCache(): void {
  nearest.clear();
  loaded.clear();
}

/** `file:line:col: message` (1-based), for the CLI. */
export function problemText(config: LoadedConfig, problem: ConfigProblem, displayPath = config.path): string {
  return `${displayPath}:${problem.line + 1}:${problem.character + 1}: ${problem.message}`;
}
