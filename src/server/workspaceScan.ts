// Workspace-wide Problems in the server: the workspace folders' policy files are read from disk and
// checked without being opened, up to workspaceDiagnostics.maxFiles files, as the extension did in
// its own host. The scan yields to the event loop now and then so requests are answered meanwhile.
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';

const INCLUDE = /\.(json|jsonc|tf|ya?ml|template)$/i;
const SKIPPED_FOLDERS = new Set(['node_modules', '.git', '.vscode-test']);
/** Larger files are left to the open-document path (IAM's own limit is 10,240 characters). */
const MAX_FILE_BYTES = 1024 * 1024;

export function isScanned(path: string): boolean {
  return INCLUDE.test(path) && !path.split(/[\\/]/).some((p) => SKIPPED_FOLDERS.has(p));
}

/** The candidate files under the roots, up to `limit` (stops early: the caller checks the bound). */
export async function listFiles(roots: string[], limit: number): Promise<string[]> {
  const out: string[] = [];
  const walk = async (dir: string): Promise<void> => {
    let entries;
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch {
      return; // unreadable folder: nothing to list
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of entries) {
      if (out.length >= limit) return;
      const p = join(dir, e.name);
      if (e.isDirectory()) {
        if (!SKIPPED_FOLDERS.has(e.name)) await walk(p);
      } else if (e.isFile() && INCLUDE.test(e.name)) out.push(p);
    }
  };
  for (const r of roots) await walk(r);
  return out;
}

/** A file's text, or undefined when it is too large, binary or unreadable. */
export async function readText(path: string): Promise<string | undefined> {
  try {
    if ((await stat(path)).size > MAX_FILE_BYTES) return undefined;
    const bytes = await readFile(path);
    if (bytes.includes(0)) return undefined;
    return bytes.toString('utf8');
  } catch {
    return undefined; // gone between listing and reading, or unreadable
  }
}

export const yieldToEventLoop = () => new Promise<void>((r) => setImmediate(r));
