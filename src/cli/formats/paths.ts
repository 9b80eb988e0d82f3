// CI systems place findings by the path from the repository root, with forward slashes.
import { isAbsolute, relative, resolve } from 'node:path';

/** `path` relative to `root` (the checkout: GITHUB_WORKSPACE, CI_PROJECT_DIR, else the working folder). */
export function repoPath(path: string, root: string): string {
  const rel = relative(resolve(root), resolve(path));
  const shown = rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : path;
  return shown.split('\\').join('/');
}
