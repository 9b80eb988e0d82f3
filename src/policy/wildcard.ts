// IAM wildcard matching (`*` any run, `?` one character) without regular expressions built from
// user text. The pattern is split on `*` (once: compiled patterns are memoised) and each piece is
// matched greedily at its leftmost position, which is correct for `*`-globs and never backtracks:
// O(n·m) in the worst case for pieces containing `?`, linear otherwise.
import { memoize, memoizeRecent } from './memo';

/** A policy variable such as `${aws:username}` (global: use with replace). */
export const POLICY_VARIABLE = /\$\{[^}]*\}/g;

const STAR = 42;
const QUESTION = 63;
const SLASH = 47;
const COLON = 58;

export function hasWildcard(s: string): boolean {
  return s.includes('*') || s.includes('?');
}

function pieceMatchesAt(piece: string, text: string, at: number): boolean {
  if (at + piece.length > text.length) return false;
  for (let i = 0; i < piece.length; i++) {
    const p = piece.charCodeAt(i);
    if (p !== QUESTION && p !== text.charCodeAt(at + i)) return false;
  }
  return true;
}

/**
 * pieceMatchesAt for a piece without `?`. The last character is compared first: patterns of one
 * policy share long prefixes with the texts they are matched against (`arn:aws:s3:::bucket/…`)
 * and usually differ near their end. Then one native comparison of a slice: V8's startsWith and
 * a character loop both take several times longer on strings of ARN length.
 */
function literalAt(piece: string, text: string, at: number): boolean {
  const n = piece.length;
  if (at + n > text.length) return false;
  if (n === 0) return true;
  if (piece.charCodeAt(n - 1) !== text.charCodeAt(at + n - 1)) return false;
  return text.slice(at, at + n) === piece;
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
  /** Holds `?`: pieces are compared character by character, else with the native string search. */
  question: boolean;
  pieces: string[];
}

const NO_PIECES: string[] = [];

/** Split a pattern on `*` once, for matching it against many texts. */
export function compileWildcard(pattern: string): CompiledWildcard {
  const question = pattern.includes('?');
  const exact = !question && !pattern.includes('*');
  return { pattern, exact, question, pieces: exact ? NO_PIECES : pattern.split('*') };
}

/** Ad-hoc matches repeat the same patterns across rules and keystrokes (memo.ts). */
const compileMemo = memoizeRecent(compileWildcard);

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
  if (!(c.question ? pieceMatchesAt(first, text, 0) : literalAt(first, text, 0))) return false;
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
  return c.question ? pieceMatchesAt(last, text, lastStart) : literalAt(last, text, lastStart);
}

/**
 * Can some string match both a resource pattern (`*`, `?`, literals) and an ARN template whose
 * `${Var}` segments stand for runs without `/` or `:` (object keys and paths may hold `/`)? Used to decide
 * whether a Resource can ever name a resource type. A search over pairs of positions in both
 * strings. Not memoised here: callers keep the answers with the resource's facts.
 * A template written `~arn:…` is loose: each variable (and each `*` in it) stands for any text,
 * and the caller passes both strings in lower case.
 */
export function patternMeetsTemplate(pattern: string, template: string): boolean {
  const toks = templateTokens(template);
  const n = pattern.length;
  const m = toks.length;
  const width = m + 1;
  // seen[i * width + j]: pattern[0..i) and toks[0..j) can produce the same string. The buffers
  // are reused: a policy's resources are checked against several templates each, and fresh
  // arrays for every check were most of the garbage when a whole policy's resources change.
  const cells = (n + 1) * width;
  const shared = cells <= KEEP_CELLS; // an odd huge pattern gets arrays that are not kept
  const seen = shared ? seenBuffer : new Uint8Array(cells);
  if (shared) seen.fill(0, 0, cells);
  const stack = shared ? stackBuffer : [];
  let top = 0;
  const push = (i: number, j: number) => {
    const k = i * width + j;
    if (seen[k]) return;
    seen[k] = 1;
    stack[top++] = i;
    stack[top++] = j;
  };
  push(0, 0);
  while (top > 0) {
    const j = stack[--top];
    const i = stack[--top];
    if (i === n && j === m) return true;
    const p = i < n ? pattern.charCodeAt(i) : -1;
    const t = j < m ? toks[j] : NO_TOKEN;
    if (p === STAR) push(i + 1, j); // star matches nothing more
    if (t === VAR || t === VAR_WITH_SLASH) push(i, j + 1); // variable ends
    if (p === -1 || t === NO_TOKEN) continue;
    if (t < 0) {
      // the variable swallows one character of the pattern (a star needs nothing more: either
      // the star or the variable ending covers every overlap)
      if (p === QUESTION || (p !== STAR && (t === VAR_WITH_SLASH || (p !== SLASH && p !== COLON)))) push(i + 1, j);
    } else if (p === STAR) {
      push(i, j + 1); // star swallows one literal of the template
    } else if (p === QUESTION || p === t) {
      push(i + 1, j + 1);
    }
  }
  return false;
}

const KEEP_CELLS = 1 << 16;
const seenBuffer = new Uint8Array(KEEP_CELLS);
const stackBuffer: number[] = [];

const VAR = -1;
const VAR_WITH_SLASH = -2;
const NO_TOKEN = -3;

/** A template as character codes, with VAR / VAR_WITH_SLASH for its `${…}` variables. */
const templateTokens = memoize((template: string): Int32Array => {
  const toks: number[] = [];
  const loose = template.startsWith('~');
  // Loose: the partition, service, region and account (before the fifth colon) stay single
  // segments; only the resource part's variables may hold `/` and `:`.
  let colons = 0;
  for (let i = loose ? 1 : 0; i < template.length; ) {
    if (loose && template.charCodeAt(i) === STAR) {
      toks.push(colons >= 5 ? VAR_WITH_SLASH : VAR);
      i++;
    } else if (template.startsWith('${', i)) {
      const end = template.indexOf('}', i);
      if (end < 0) break;
      // Object keys and "...WithPath" names may hold slashes; bucket names, IDs, regions may not.
      const name = template.slice(i + 2, end);
      toks.push((loose && colons >= 5) || name === 'ObjectName' || name.includes('Path') ? VAR_WITH_SLASH : VAR);
      i = end + 1;
    } else {
      if (template.charCodeAt(i) === COLON) colons++;
      toks.push(template.charCodeAt(i));
      i++;
    }
  }
  return Int32Array.from(toks);
}, 2000);
