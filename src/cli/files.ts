// The inputs of `check`: files as given, and the policy documents found under folders (the way
// the extension finds them: JSON whose root holds Statement/Version). node_modules, .git and what
// git ignores are skipped. A file that cannot be read is an input problem, kept as a value so
// JSON and SARIF output can still name it.
import { spawnSync } from 'node:child_process';
import { openSync, readSync, closeSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { NEVER_POLICY_FILE, SNIFF_CHARS, looksLikePolicy } from '../policy';
import { TEMPLATE_FILE, TERRAFORM_FILE, looksLikeCloudFormation, looksLikeTerraformPolicy } from '../formats/sniff';

/** Files larger than this are not read at all (the engine would skip them anyway). */
export const MAX_READ_BYTES = 16 * 1024 * 1024;
const SKIPPED_FOLDERS = new Set(['node_modules', '.git', '.terraform', '.vscode-test']);
const POLICY_EXTENSIONS = /\.json$/i;

/** A file to check (read when its turn comes), or one that cannot be. */
export type Input = { path: string } | { path: string; problem: string };

export class FileError extends Error {}

export function readPolicyFile(path: string): string {
  let size: number;
  try {
    const st = statSync(path);
    if (!st.isFile()) throw new FileError('not a file');
    size = st.size;
  } catch (error) {
    if (error instanceof FileError) throw error;
    throw new FileError(`cannot read (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
  if (size > MAX_READ_BYTES) throw new FileError(`${size} bytes is too large to be a policy (limit ${MAX_READ_BYTES})`);
  const bytes = readFileSync(path);
  if (bytes.subarray(0, 8192).includes(0)) throw new FileError('binary content, not a JSON policy');
  return bytes.toString('utf8').replace(/^\uFEFF/, '');
}

/** The text of an input, or why it cannot be read. */
export function readInput(path: string): { text: string } | { problem: string } {
  try {
    return { text: readPolicyFile(path) };
  } catch (error) {
    return { problem: error instanceof FileError ? error.message : String(error) };
  }
}

/**
 * Files under a folder from git (undefined outside a git work tree): those git does not ignore,
 * or only the untracked files it ignores.
 */
function gitFiles(dir: string, which: 'kept' | 'ignored' = 'kept'): string[] | undefined {
  const args = which === 'kept' ? ['--cached', '--others', '--exclude-standard'] : ['--others', '--ignored', '--exclude-standard'];
  const r = spawnSync('git', ['-C', dir, 'ls-files', '-z', ...args], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  if (r.status !== 0 || r.error) return undefined;
  return r.stdout.split('\0').filter(Boolean).map((f) => join(dir, f));
}

function walk(dir: string, out: string[]): void {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.isDirectory()) {
      if (!SKIPPED_FOLDERS.has(entry.name)) walk(join(dir, entry.name), out);
    } else if (entry.isFile()) out.push(join(dir, entry.name));
  }
}

// One buffer for every file's head, not a fresh 64 KB per file of a folder.
let headBuffer: Buffer | undefined;

function head(path: string): string {
  const fd = openSync(path, 'r');
  try {
    headBuffer ??= Buffer.alloc(SNIFF_CHARS);
    const n = readSync(fd, headBuffer, 0, SNIFF_CHARS, 0);
    return headBuffer.toString('utf8', 0, n).replace(/^\uFEFF/, '');
  } finally {
    closeSync(fd);
  }
}

/**
 * A candidate found in a folder is checked when its name and head say it holds policies: a JSON
 * policy, a CloudFormation template, or a Terraform file that mentions a policy.
 */
function isPolicyFile(path: string): boolean {
  if (NEVER_POLICY_FILE.test(path)) return false;
  const json = POLICY_EXTENSIONS.test(path);
  const template = TEMPLATE_FILE.test(path);
  const terraform = TERRAFORM_FILE.test(path);
  if (!json && !template && !terraform) return false;
  try {
    if (terraform) return looksLikeTerraformPolicy(readPolicyFile(path));
    const start = head(path);
    return (json && looksLikePolicy(start)) || (template && looksLikeCloudFormation(start));
  } catch {
    return false; // unreadable files found while walking are not ours to report
  }
}

export interface CollectOptions {
  /** Also check the files git ignores under a folder (default: skipped, and counted). */
  includeIgnored?: boolean;
  /** Paths the repository configuration excludes. */
  skip?: (path: string) => boolean;
  /**
   * Named files too are checked only when they hold policies, as found under a folder: for tools
   * that pass every changed file (pre-commit), where a package.json is not a policy to judge.
   */
  onlyPolicies?: boolean;
}

/**
 * Every input of a `check` run, in a stable order: files as given, folders' policies sorted.
 * Texts are read one at a time by the caller: a repository's files are never all in memory.
 * `ignored` counts the policy files under the folders that were skipped because git ignores them.
 * `options.skip`: paths the repository configuration excludes (named ones too).
 */
export function collectInputs(args: string[], options: CollectOptions = {}): { inputs: Input[]; ignored: number } {
  const skip = options.skip ?? (() => false);
  const inputs: Input[] = [];
  let ignored = 0;
  for (const arg of args) {
    let isDir = false;
    let exists = true;
    try {
      isDir = statSync(arg).isDirectory();
    } catch {
      exists = false; // a missing path is reported by readInput
    }
    if (!isDir) {
      if (!skip(arg) && (!options.onlyPolicies || !exists || isPolicyFile(arg))) inputs.push({ path: arg });
      continue;
    }
    const inside = (files: string[]) => files.filter((f) => !relative(arg, f).split(/[\\/]/).some((part) => SKIPPED_FOLDERS.has(part)));
    const found = gitFiles(arg) ?? [];
    const byGit = found.length > 0;
    if (!byGit) walk(arg, found); // outside a git work tree nothing is ignored: every file is found
    const gitIgnored = byGit ? inside(gitFiles(arg, 'ignored') ?? []).filter((f) => !skip(f) && isPolicyFile(f)) : [];
    if (options.includeIgnored) found.push(...gitIgnored);
    else ignored += gitIgnored.length;
    for (const f of [...new Set(inside(found))].filter((f) => !skip(f) && isPolicyFile(f)).sort()) inputs.push({ path: f });
  }
  return { inputs, ignored };
}
