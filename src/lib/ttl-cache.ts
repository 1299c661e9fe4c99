/**
 * A small in-process cache for data that many requests read and that may be a few seconds
 * stale (category tree, store profile). Concurrent misses share one load.
 */
export interface TtlCache<T> {
  get(): Promise<T>;
  invalidate(): void;
}

export function ttlCache<T>(load: () => Promise<T>, ttlMs: number, clock: () => number = Date.now): TtlCache<T> {
  let value: { data: T; until: number } | undefined;
  let pending: Promise<T> | undefined;
  return {
    async get() {
      if (value && value.until > clock()) return value.data;
      pending ??= load().then(
        (data) => {
          value = { data, until: clock() + ttlMs };
          pending = undefined;
          return data;
        },
        (error: unknown) => {
          pending = undefined;
          throw error;
        },
      );
      return pending;
    },
    invalidate() {
      value = undefined;
    },
  };
}
