// The globs of the repository configuration (.braze-s3.yaml): paths relative to the file's folder,
// always with `/`. A small matcher (no dependency in the main bundle), gitignore-like:
//   *  any characters but `/`       **  any folders (`**/x`, `a/**`, `a/**/b`)
//   ?  one character but `/`        {a,b}  either (nestable)     [abc] [a-z] [!a]  one of / none of
// A pattern without `/` (other than a trailing one) matches a name in any folder; a leading `/`
// or `./` anchors it at the configuration's folder. A pattern that matches a folder matches
// everything under it.

export class GlobError extends Error {}

function classBody(pattern: string, i: number): { source: string; next: number } {
  let j = i + 1;
  let body = '';
  if (pattern[j] === '!' || pattern[j] === '^') {
    body = '^';
    j++;
  }
  const first = j;
  while (j < pattern.length && (pattern[j] !== ']' || j === first)) {
    const c = pattern[j];
    if (c === '/') throw new GlobError('a [...] class cannot hold "/"');
    body += c === '\\' || c === '[' || (c === ']' && j === first) ? `\\${c}` : c;
    j++;
  }
  if (j >= pattern.length) throw new GlobError('a "[" is not closed');
  return { source: `[${body}]`, next: j + 1 };
}

function translate(pattern: string): string {
  let out = '';
  let braces = 0;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '*') {
      if (pattern[i + 1] === '*') {
        const atStart = i === 0 || pattern[i - 1] === '/';
        const next = pattern[i + 2];
        if (atStart && next === '/') {
          out += '(?:.*/)?';
          i += 2;
        } else if (atStart && next === undefined) {
          out += '.*';
          i += 1;
        } else {
          out += '[^/]*';
          i += 1;
        }
      } else out += '[^/]*';
    } else if (c === '?') out += '[^/]';
    else if (c === '[') {
      const cls = classBody(pattern, i);
      out += cls.source;
      i = cls.next - 1;
    } else if (c === '{') {
      braces++;
      out += '(?:';
    } else if (c === '}' && braces > 0) {
      braces--;
      out += ')';
    } else if (c === ',' && braces > 0) out += '|';
    else if (c === '\\' && i + 1 < pattern.length) out += `\\${pattern[++i]}`;
    else out += c.replace(/[.+^$()|[\]{}\\]/g, '\\$&');
  }
  if (braces > 0) throw new GlobError('a "{" is not closed');
  return out;
}

/** A compiled glob; throws GlobError on a malformed or absolute pattern. */
export function compileGlob(pattern: string): RegExp {
  let p = pattern.trim();
  if (!p) throw new GlobError('an empty pattern');
  if (/^[A-Za-z]:[\\/]/.test(p) || p.startsWith('//') || p.includes('\\\\')) throw new GlobError('an absolute path: write it relative to the configuration file');
  let anchored = false;
  if (p.startsWith('./')) {
    p = p.slice(2);
    anchored = true;
  } else if (p.startsWith('/')) {
    p = p.slice(1);
    anchored = true;
  }
  if (p.split('/').includes('..')) throw new GlobError('".." leaves the configuration file\'s folder');
  p = p.replace(/\/+$/, '');
  if (!p) throw new GlobError('an empty pattern');
  if (!anchored && !p.includes('/')) p = `**/${p}`;
  return new RegExp(`^${translate(p)}(?:/.*)?$`);
}

/** Does the path (relative to the configuration's folder, `/`-separated) match? */
export function matchGlob(glob: RegExp, relativePath: string): boolean {
  return glob.test(relativePath);
}
