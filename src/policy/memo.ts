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

/** How often each distinct string occurs, in first-seen order (few distinct values: no hashing). */
export function countDistinct(values: readonly string[]): { value: string; count: number }[] {
  const out: { value: string; count: number }[] = [];
  let index: Map<string, { value: string; count: number }> | undefined; // once there are many
  for (const v of values) {
    let seen = index?.get(v);
    if (!index) for (const o of out) if (o.value === v) seen = o;
    if (seen) seen.count++;
    else {
      const entry = { value: v, count: 1 };
      out.push(entry);
      if (index) index.set(v, entry);
      else if (out.length > 16) index = new Map(out.map((o) => [o.value, o]));
    }
  }
  return out;
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
