/**
 * In-process caches for data many requests read and that may be a few seconds stale (category
 * tree, catalog pages, suggestions). Entries expire after `ttlMs`; the least recently used go
 * first when `max` is reached; concurrent misses for one key share a single load. Each store
 * instance has its own, so the TTL bounds how stale any instance can be.
 */
export interface Cache<K, V> {
  get(key: K, load: () => Promise<V>): Promise<V>;
  /** The value if one is cached and fresh, without loading it (and without waiting). */
  peek(key: K): V | undefined;
  clear(): void;
  readonly size: number;
}

export function lruCache<K, V>(options: { max: number; ttlMs: number; clock?: () => number }): Cache<K, V> {
  const clock = options.clock ?? Date.now;
  const entries = new Map<K, { value: V; until: number }>();
  const pending = new Map<K, Promise<V>>();
  let generation = 0;
  return {
    async get(key, load) {
      const hit = entries.get(key);
      if (hit && hit.until > clock()) {
        // Re-insert to mark it most recently used (Map keeps insertion order).
        entries.delete(key);
        entries.set(key, hit);
        return hit.value;
      }
      const inFlight = pending.get(key);
      if (inFlight) return inFlight;
      const startedIn = generation;
      const promise = load().then(
        (value) => {
          pending.delete(key);
          // A clear() during the load means the value may already be outdated: don't keep it.
          if (startedIn === generation) {
            entries.delete(key);
            entries.set(key, { value, until: clock() + options.ttlMs });
            while (entries.size > options.max) entries.delete(entries.keys().next().value as K);
          }
          return value;
        },
        (error: unknown) => {
          pending.delete(key);
          throw error;
        },
      );
      pending.set(key, promise);
      return promise;
    },
    peek(key) {
      const hit = entries.get(key);
      if (!hit || hit.until <= clock()) return undefined;
      entries.delete(key);
      entries.set(key, hit);
      return hit.value;
    },
    clear() {
      generation++;
      entries.clear();
      pending.clear();
    },
    get size() {
      return entries.size;
    },
  };
}

export interface TtlCache<T> {
  get(): Promise<T>;
  invalidate(): void;
}

/** A single cached value. */
export function ttlCache<T>(load: () => Promise<T>, ttlMs: number, clock?: () => number): TtlCache<T> {
  const cache = lruCache<'value', T>({ max: 1, ttlMs, clock });
  return { get: () => cache.get('value', load), invalidate: () => cache.clear() };
}
