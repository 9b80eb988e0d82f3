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

/**
 * A memo keyed by an object (the facts of a string, see facts.ts): no string to hash, and the
 * entry goes when the object does.
 */
export function memoizeByObject<K extends object, T>(fn: (key: K) => T): (key: K) => T {
  const cache = new WeakMap<K, T>();
  return (key: K) => {
    const hit = cache.get(key);
    if (hit !== undefined) return hit;
    const value = fn(key);
    cache.set(key, value);
    return value;
  };
}
