/**
 * Questions by key (reads, and writes that touch only their own keys) that arrive while the same
 * question is already on its way to the database leave together, as the next one: one statement
 * for many keys (`WHERE key = ANY(...)`).
 *
 * Why: under a burst (a sale's opening minute, 500 buyers pressing "place order" at once) every
 * request asks the same few questions — its session, its cart, the shelf — and each question
 * alone costs a round trip, a pooled connection's turn and PostgreSQL's per-statement work. Sent
 * one by one, the burst's 2 000 small queries queue behind each other; joined, a handful carry
 * them all.
 *
 * A key is never answered by a statement that was sent before it was asked: a waiting key joins
 * the *next* statement only, so every read is at least as fresh as a read of its own would have
 * been, and every write happens after it was asked. When nothing is in flight a key leaves at
 * once, so a quiet shop pays nothing for this. A statement that fails fails for every key in it.
 */
export interface KeyBatches<K, V> {
  /** The values of these keys that exist (absent keys are missing from the map). */
  many(keys: readonly K[]): Promise<Map<K, V>>;
  one(key: K): Promise<V | undefined>;
}

export interface KeyBatchOptions {
  /** Statements of this kind in flight at once; more keys wait for the next. */
  inFlight?: number;
  /** At most this many distinct keys in one statement (a bound on its parameter array). */
  maxKeys?: number;
}

interface Waiter<K, V> {
  keys: readonly K[];
  resolve(values: Map<K, V>): void;
  reject(error: unknown): void;
}

export function keyBatches<K, V>(run: (keys: K[]) => Promise<Map<K, V>>, options: KeyBatchOptions = {}): KeyBatches<K, V> {
  const limit = options.inFlight ?? 1;
  const maxKeys = options.maxKeys ?? 500;
  let waiting: Waiter<K, V>[] = [];
  let inFlight = 0;

  /** The waiters whose keys fit in one query, taken off the queue in their order of arrival. */
  function nextBatch(): { waiters: Waiter<K, V>[]; keys: K[] } {
    const keys = new Set<K>();
    let taken = 0;
    for (const waiter of waiting) {
      const added = waiter.keys.filter((k) => !keys.has(k));
      // A single waiter with more keys than the bound still goes, alone.
      if (taken > 0 && keys.size + added.length > maxKeys) break;
      for (const k of added) keys.add(k);
      taken++;
    }
    const waiters = waiting.slice(0, taken);
    waiting = waiting.slice(taken);
    return { waiters, keys: [...keys] };
  }

  function send() {
    while (inFlight < limit && waiting.length > 0) {
      const { waiters, keys } = nextBatch();
      inFlight++;
      // run may throw synchronously; Promise.resolve().then keeps that a rejection.
      Promise.resolve()
        .then(() => run(keys))
        .then(
          (values) => {
            for (const waiter of waiters) waiter.resolve(subset(values, waiter.keys));
          },
          (error: unknown) => {
            for (const waiter of waiters) waiter.reject(error);
          },
        )
        .finally(() => {
          inFlight--;
          send();
        });
    }
  }

  function many(keys: readonly K[]): Promise<Map<K, V>> {
    if (keys.length === 0) return Promise.resolve(new Map());
    return new Promise((resolve, reject) => {
      waiting.push({ keys, resolve, reject });
      send();
    });
  }

  return {
    many,
    async one(key) {
      return (await many([key])).get(key);
    },
  };
}

function subset<K, V>(values: Map<K, V>, keys: readonly K[]): Map<K, V> {
  const mine = new Map<K, V>();
  for (const k of keys) {
    const v = values.get(k);
    if (v !== undefined) mine.set(k, v);
  }
  return mine;
}
