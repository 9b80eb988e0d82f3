// A bounded memo for pure functions of one string: the same ARNs, bucket names and patterns are
// asked about by several rules per analysis and across analyses while a user types.
export function memoize<T>(fn: (key: string) => T, limit = 10_000): (key: string) => T {
  const cache = new Map<string, T>();
  return (key: string) => {
    const hit = cache.get(key);
    if (hit !== undefined || cache.has(key)) return hit as T;
    const value = fn(key);
    if (cache.size >= limit) cache.clear();
    cache.set(key, value);
    return value;
  };
}
