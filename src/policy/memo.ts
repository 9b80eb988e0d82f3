// Memos for pure functions of one string (the same ARNs, bucket names and patterns are asked
// about by several rules per analysis and across analyses while a user types), and counting.

/**
 * A copy of a string that shares no storage with it. Strings read by the JSON parser are slices
 * of the whole document text: kept as memo keys (or inside values computed from them), they
 * would keep every old version of the document alive.
 */
export function detach(s: string): string {
  return (' ' + s).slice(1);
}

/**
 * The most frequent value (the first seen among equally frequent ones) and how many distinct
 * values there are; undefined for an empty list.
 */
export function mostCommon(values: readonly string[]): { value: string; distinct: number } | undefined {
  const counts = new Map<string, number>(); // iterates in first-seen order
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  let best: string | undefined;
  let bestCount = 0;
  for (const [value, count] of counts) {
    if (count > bestCount) {
      best = value;
      bestCount = count;
    }
  }
  return best === undefined ? undefined : { value: best, distinct: counts.size };
}

export function memoize<T>(fn: (key: string) => T, limit = 10_000): (key: string) => T {
  const cache = new Map<string, T>();
  return (key: string) => {
    const hit = cache.get(key);
    if (hit !== undefined || cache.has(key)) return hit as T;
    const own = detach(key);
    const value = fn(own);
    if (cache.size >= limit) cache.clear();
    cache.set(own, value);
    return value;
  };
}

// Analyses are numbered so that memos of per-string facts keep what the last two analyses used.
// In the editor, a keystroke re-analyses the document the previous analysis read, and finds every
// fact of it; a run over a repository drops each document's facts after the next document, so
// they die young, in V8's new space. (A plain bounded memo there held the 16,500 distinct action
// strings of the 1,594 AWS managed policies long enough to be promoted to the old space, only to
// be thrown away: garbage that raised the process's peak memory.)
let analysisNumber = 0;
let analysisDepth = 0;

/** Runs one analysis (nested calls, such as the documents of one file, count as one). */
export function asOneAnalysis<T>(run: () => T): T {
  if (analysisDepth++ === 0) analysisNumber++;
  try {
    return run();
  } finally {
    analysisDepth--;
  }
}

/**
 * memoize for facts of strings that come from documents: an entry stays while the current or the
 * previous analysis uses it. `limit` bounds one generation (calls outside analyses, and one huge
 * document, rotate by size).
 */
export function memoizeRecent<T>(fn: (key: string) => T, limit = 10_000): (key: string) => T {
  let current = new Map<string, T>();
  let previous = new Map<string, T>();
  let seenIn = analysisNumber;
  return (key: string) => {
    if (seenIn !== analysisNumber) {
      previous = analysisNumber - seenIn === 1 ? current : new Map();
      current = new Map();
      seenIn = analysisNumber;
    }
    let value = current.get(key);
    if (value !== undefined || current.has(key)) return value as T;
    value = previous.get(key);
    const own = detach(key);
    if (value === undefined && !previous.has(key)) value = fn(own);
    if (current.size >= limit) {
      previous = current;
      current = new Map();
    }
    current.set(own, value as T);
    return value as T;
  };
}

/**
 * A memo keyed by an object (the facts of a string, see facts.ts): no string to hash, and the
 * answer is kept on the object itself, so it goes when the object does. (A WeakMap did the same
 * through a table of its own, long-lived, in the old space.)
 */
export function memoizeByObject<K extends object, T>(fn: (key: K) => T): (key: K) => T {
  const slot = Symbol('memo');
  return (key: K) => {
    const holder = key as K & { [slot]?: T };
    const hit = holder[slot];
    if (hit !== undefined) return hit;
    const value = fn(key);
    holder[slot] = value;
    return value;
  };
}
