// The lines a pull request changes, from `git diff --unified=0 BASE...HEAD`: the action annotates
// only findings there (code scanning, fed the SARIF, handles the rest of the file itself).
import { spawnSync } from 'node:child_process';

/** Changed (added or modified) 1-based line numbers per repository-relative path. */
export type ChangedLines = Map<string, Set<number>>;

export function parseUnifiedDiff(diff: string): ChangedLines {
  const changed: ChangedLines = new Map();
  let current: Set<number> | undefined;
  for (const line of diff.split('\n')) {
    if (line.startsWith('+++ ')) {
      const path = line.slice(4).trim();
      current = path === '/dev/null' ? undefined : new Set();
      if (current) changed.set(path.replace(/^b\//, ''), current);
      continue;
    }
    const hunk = /^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@/.exec(line);
    if (hunk && current) {
      const start = Number(hunk[1]);
      const count = hunk[2] === undefined ? 1 : Number(hunk[2]);
      for (let n = start; n < start + count; n++) current.add(n);
    }
  }
  return changed;
}

/** The pull request's changed lines, or why they are unknown (then every finding is annotated). */
export function changedLines(cwd: string, base: string): ChangedLines | { problem: string } {
  const r = spawnSync('git', ['-C', cwd, 'diff', '--unified=0', '--no-color', '--no-ext-diff', '--no-renames', `${base}...HEAD`], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  if (r.error || r.status !== 0) return { problem: (r.stderr || String(r.error)).trim().split('\n')[0] };
  return parseUnifiedDiff(r.stdout);
}

/** Does a finding spanning lines [begin, end] touch a changed line? */
export function touchesChanged(lines: Set<number> | undefined, begin: number, end: number): boolean {
  if (!lines) return false;
  for (let n = begin; n <= end; n++) if (lines.has(n)) return true;
  return false;
}
