// A bounded memo for pure functions of one string: the same ARNs, bucket names and patterns are
// asked about by several rules per analysis and across analyses while a user types.

/**
 * A copy of a string that shares no storage with it. Strings read by the JSON parser are slices
 * of the whole document text: kept as memo keys (or inside values computed from them), they
 * would keep every old version of the document alive.
 */
export function detach(s: string): string {
  return (' ' + s).slice(1);
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
