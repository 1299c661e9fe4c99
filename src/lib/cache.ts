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
  /** Keep a value loaded some other way (several keys read in one query). */
  set(key: K, value: V): void;
  clear(): void;
  readonly size: number;
}

export interface LruOptions {
  max: number;
  ttlMs: number;
  clock?: () => number;
  /**
   * Keep a value only when its key is asked for a second time within `ttlMs` (the first answer is
   * loaded, given and forgotten). For caches whose keys are often asked once (catalogue pages
   * with filters nobody else combines): each such value would otherwise push a reused one out and
   * live long enough to be promoted to the old heap, where collecting it is costly. Only keys are
   * remembered for this, up to `4 × max`.
   */
  admitOnSecondRequest?: boolean;
}

export function lruCache<K, V>(options: LruOptions): Cache<K, V> {
  // Date.now looked up at each call, not kept: a test's fake clock then reaches caches made before it.
  const clock = options.clock ?? (() => Date.now());
  const entries = new Map<K, { value: V; until: number }>();
  const pending = new Map<K, Promise<V>>();
  const seen = new Map<K, number>();
  let generation = 0;

  /** Whether a value loaded for `key` now may be kept (always, unless admission is asked for). */
  function admits(key: K): boolean {
    if (!options.admitOnSecondRequest) return true;
    const now = clock();
    const until = seen.get(key);
    if (until !== undefined && until > now) return true;
    seen.delete(key);
    seen.set(key, now + options.ttlMs);
    while (seen.size > options.max * 4) seen.delete(seen.keys().next().value as K);
    return false;
  }

  function keep(key: K, value: V) {
    entries.delete(key);
    entries.set(key, { value, until: clock() + options.ttlMs });
    while (entries.size > options.max) entries.delete(entries.keys().next().value as K);
  }

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
      const admitted = admits(key);
      const promise = load().then(
        (value) => {
          pending.delete(key);
          // A clear() during the load means the value may already be outdated: don't keep it.
          if (admitted && startedIn === generation) keep(key, value);
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
    set(key, value) {
      keep(key, value);
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
      seen.clear();
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

export interface RefreshingValue<T> {
  get(): Promise<T>;
  /** The next get() waits for a fresh value (after a change this instance made itself). */
  invalidate(): void;
}

/**
 * A single value reloaded in the background once it is older than `refreshMs`: readers get the
 * current value at once while the next one loads, so no request waits for a reload (a ttlCache
 * makes every reader wait while it reloads). Only the first read, and the first after
 * invalidate(), wait. A failed reload keeps the old value and is tried again by the next read.
 */
export function refreshingValue<T>(load: () => Promise<T>, refreshMs: number, clock: () => number = () => Date.now()): RefreshingValue<T> {
  let current: { value: T; loadedAt: number } | undefined;
  let loading: Promise<T> | undefined;
  let generation = 0;

  function reload(): Promise<T> {
    if (loading) return loading;
    const startedIn = generation;
    const startedAt = clock();
    const promise = load().then((value) => {
      if (startedIn === generation) current = { value, loadedAt: startedAt };
      return value;
    });
    const settled = () => {
      if (loading === promise) loading = undefined;
    };
    promise.then(settled, settled);
    loading = promise;
    return promise;
  }

  return {
    async get() {
      if (!current) return reload();
      if (clock() - current.loadedAt >= refreshMs) reload().catch(() => undefined);
      return current.value;
    },
    invalidate() {
      generation++;
      current = undefined;
      loading = undefined;
    },
  };
}
