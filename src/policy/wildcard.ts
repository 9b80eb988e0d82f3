// IAM wildcard matching (`*` any run, `?` one character) without regular expressions built from
// user text. The pattern is split on `*` (once: compiled patterns are memoised) and each piece is
// matched greedily at its leftmost position, which is correct for `*`-globs and never backtracks:
// O(n·m) in the worst case for pieces containing `?`, linear otherwise.
import { detach, memoize } from './memo';

/** A policy variable such as `${aws:username}` (global: use with replace). */
export const POLICY_VARIABLE = /\$\{[^}]*\}/g;

export function hasWildcard(s: string): boolean {
  return s.includes('*') || s.includes('?');
}

function pieceMatchesAt(piece: string, text: string, at: number): boolean {
  if (at + piece.length > text.length) return false;
  for (let i = 0; i < piece.length; i++) {
    const p = piece.charCodeAt(i);
    if (p !== 63 /* ? */ && p !== text.charCodeAt(at + i)) return false;
  }
  return true;
}

function findPiece(piece: string, text: string, from: number): number {
  if (!piece.includes('?')) return text.indexOf(piece, from);
  for (let at = from; at + piece.length <= text.length; at++) {
    if (pieceMatchesAt(piece, text, at)) return at;
  }
  return -1;
}

export interface CompiledWildcard {
  pattern: string;
  /** No wildcard: plain comparison. */
  exact: boolean;
  pieces: string[];
}

const NO_PIECES: string[] = [];

/** Split a pattern on `*` once, for matching it against many texts. */
export function compileWildcard(pattern: string): CompiledWildcard {
  const exact = !hasWildcard(pattern);
  return { pattern, exact, pieces: exact ? NO_PIECES : pattern.split('*') };
}

/** Ad-hoc matches repeat the same patterns across rules and analyses: compile each one once. */
const compileMemo = memoize(compileWildcard, 20_000);

/** Does `text` match the IAM wildcard `pattern`? Case-sensitive; lower-case both for actions. */
export function wildcardMatch(pattern: string, text: string): boolean {
  return matchCompiled(compileMemo(pattern), text);
}

/** wildcardMatch for a pattern compiled once (hot loops: evaluation against every statement). */
export function matchCompiled(c: CompiledWildcard, text: string): boolean {
  const pieces = c.pieces;
  if (c.exact) return c.pattern === text;
  const first = pieces[0];
  if (pieces.length === 1) return first.length === text.length && pieceMatchesAt(first, text, 0);
  if (!pieceMatchesAt(first, text, 0)) return false;
  let pos = first.length;
  const last = pieces[pieces.length - 1];
  const lastStart = text.length - last.length;
  if (lastStart < pos) return false;
  for (let i = 1; i < pieces.length - 1; i++) {
    const piece = pieces[i];
    if (piece === '') continue;
    const at = findPiece(piece, text, pos);
    if (at < 0 || at + piece.length > lastStart) return false;
    pos = at + piece.length;
  }
  return pieceMatchesAt(last, text, lastStart);
}

/**
 * Can some string match both a resource pattern (`*`, `?`, literals) and an ARN template whose
 * `${Var}` segments stand for runs without `/` or `:` (object keys and paths may hold `/`)? Used to decide
 * whether a Resource can ever name a resource type. Dynamic programming over both strings.
 */
const meets = new Map<string, Map<string, boolean>>();
let memoSize = 0;

export function patternMeetsTemplate(pattern: string, template: string): boolean {
  let byPattern = meets.get(template);
  if (!byPattern) meets.set(template, (byPattern = new Map()));
  let result = byPattern.get(pattern);
  if (result === undefined) {
    result = computeMeets(pattern, template);
    if (++memoSize > 20_000) {
      meets.clear(); // bounded memo: patterns and templates repeat a lot
      memoSize = 0;
      meets.set(template, byPattern = new Map());
    }
    byPattern.set(detach(pattern), result);
  }
  return result;
}

function computeMeets(pattern: string, template: string): boolean {
  type Tok = { kind: 'lit'; ch: string } | { kind: 'var'; slash: boolean };
  const toks: Tok[] = [];
  for (let i = 0; i < template.length; ) {
    if (template.startsWith('${', i)) {
      const end = template.indexOf('}', i);
      if (end < 0) break;
      // Object keys and "...WithPath" names may hold slashes; bucket names, IDs, regions may not.
      const name = template.slice(i + 2, end);
      toks.push({ kind: 'var', slash: name === 'ObjectName' || name.includes('Path') });
      i = end + 1;
    } else {
      toks.push({ kind: 'lit', ch: template[i] });
      i++;
    }
  }
  const n = pattern.length;
  const m = toks.length;
  // reach[i][j]: pattern[0..i) and toks[0..j) can produce the same string.
  const seen = new Uint8Array((n + 1) * (m + 1));
  const stack: number[] = [0];
  seen[0] = 1;
  const push = (i: number, j: number) => {
    const k = i * (m + 1) + j;
    if (!seen[k]) {
      seen[k] = 1;
      stack.push(k);
    }
  };
  while (stack.length) {
    const k = stack.pop()!;
    const i = Math.floor(k / (m + 1));
    const j = k % (m + 1);
    if (i === n && j === m) return true;
    const p = i < n ? pattern[i] : undefined;
    const t = j < m ? toks[j] : undefined;
    if (p === '*') push(i + 1, j); // star matches nothing more
    if (t?.kind === 'var') push(i, j + 1); // variable ends
    if (p === undefined || t === undefined) continue;
    if (t.kind === 'var') {
      // the variable swallows one character of the pattern (a star needs nothing more: either
      // the star or the variable ending covers every overlap)
      if (p === '?' || (p !== '*' && (t.slash || (p !== '/' && p !== ':')))) push(i + 1, j);
    } else if (p === '*') {
      push(i, j + 1); // star swallows one literal of the template
    } else if (p === '?' || p === t.ch) {
      push(i + 1, j + 1);
    }
  }
  return false;
}
