import { describe, expect, it } from 'vitest';
import { lruCache, refreshingValue, ttlCache } from '../../src/lib/cache';

describe('lruCache', () => {
  it('loads once per key until the entry expires', async () => {
    let now = 0;
    let loads = 0;
    const cache = lruCache<string, number>({ max: 10, ttlMs: 1000, clock: () => now });
    const load = async () => ++loads;
    expect(await cache.get('a', load)).toBe(1);
    expect(await cache.get('a', load)).toBe(1);
    now = 999;
    expect(await cache.get('a', load)).toBe(1);
    now = 1000;
    expect(await cache.get('a', load)).toBe(2);
  });

  it('peeks at a fresh entry without loading', async () => {
    let now = 0;
    const cache = lruCache<string, number>({ max: 10, ttlMs: 1000, clock: () => now });
    expect(cache.peek('a')).toBeUndefined();
    await cache.get('a', async () => 7);
    expect(cache.peek('a')).toBe(7);
    now = 1000;
    expect(cache.peek('a')).toBeUndefined();
  });

  it('keeps a value set directly for ttlMs, like a loaded one, and evicts beyond max', async () => {
    let now = 0;
    const cache = lruCache<number, string>({ max: 2, ttlMs: 1000, clock: () => now });
    cache.set(1, 'one');
    expect(cache.peek(1)).toBe('one');
    expect(await cache.get(1, async () => 'loaded')).toBe('one');
    cache.set(2, 'two');
    cache.set(3, 'three');
    expect(cache.peek(1)).toBeUndefined();
    now = 1000;
    expect(cache.peek(3)).toBeUndefined();
    cache.set(3, 'again');
    cache.clear();
    expect(cache.size).toBe(0);
  });

  it('shares one load between concurrent misses', async () => {
    let loads = 0;
    const cache = lruCache<string, number>({ max: 10, ttlMs: 1000 });
    const slow = () => new Promise<number>((r) => setTimeout(() => r(++loads), 10));
    expect(await Promise.all([cache.get('k', slow), cache.get('k', slow), cache.get('k', slow)])).toEqual([1, 1, 1]);
    expect(loads).toBe(1);
  });

  it('evicts the least recently used entry beyond max', async () => {
    const cache = lruCache<string, string>({ max: 2, ttlMs: 1000 });
    await cache.get('a', async () => 'A');
    await cache.get('b', async () => 'B');
    await cache.get('a', async () => 'A2'); // touch a: b is now the oldest
    await cache.get('c', async () => 'C');
    expect(cache.size).toBe(2);
    expect(await cache.get('a', async () => 'reloaded')).toBe('A');
    expect(await cache.get('b', async () => 'reloaded')).toBe('reloaded');
  });

  it('does not keep a failed load, nor a load that a clear() overtook', async () => {
    const cache = lruCache<string, string>({ max: 10, ttlMs: 1000 });
    await expect(cache.get('x', async () => Promise.reject(new Error('db down')))).rejects.toThrow('db down');
    expect(await cache.get('x', async () => 'ok')).toBe('ok');
    let release!: (v: string) => void;
    const pending = cache.get('y', () => new Promise<string>((r) => (release = r)));
    cache.clear();
    release('stale');
    expect(await pending).toBe('stale');
    expect(await cache.get('y', async () => 'fresh')).toBe('fresh');
  });
});

describe('ttlCache', () => {
  it('caches one value and can be invalidated', async () => {
    let loads = 0;
    const cache = ttlCache(async () => ++loads, 1000);
    expect(await cache.get()).toBe(1);
    expect(await cache.get()).toBe(1);
    cache.invalidate();
    expect(await cache.get()).toBe(2);
  });
});

describe('lruCache with admission on the second request', () => {
  it('gives a first answer without keeping it, and keeps the answer to a key asked again within the TTL', async () => {
    let now = 0;
    let loads = 0;
    const cache = lruCache<string, number>({ max: 10, ttlMs: 1000, clock: () => now, admitOnSecondRequest: true });
    const load = async () => ++loads;
    expect(await cache.get('once', load)).toBe(1);
    expect(cache.size).toBe(0);
    expect(await cache.get('twice', load)).toBe(2);
    now = 500;
    expect(await cache.get('twice', load)).toBe(3);
    expect(cache.size).toBe(1);
    expect(await cache.get('twice', load)).toBe(3);
    expect(cache.peek('once')).toBeUndefined();
  });

  it('forgets a key seen longer ago than the TTL, and every key after clear()', async () => {
    let now = 0;
    const cache = lruCache<string, number>({ max: 10, ttlMs: 1000, clock: () => now, admitOnSecondRequest: true });
    await cache.get('a', async () => 1);
    now = 1000;
    await cache.get('a', async () => 2);
    expect(cache.size).toBe(0);
    cache.clear();
    await cache.get('a', async () => 3);
    expect(cache.size).toBe(0);
    await cache.get('a', async () => 4);
    expect(cache.peek('a')).toBe(4);
  });

  it('remembers at most four times as many keys as it keeps values', async () => {
    const cache = lruCache<number, number>({ max: 2, ttlMs: 60_000, admitOnSecondRequest: true });
    for (let key = 0; key < 9; key++) await cache.get(key, async () => key);
    // Key 0 was the oldest of nine remembered keys with room for eight: asked again, it is new.
    await cache.get(0, async () => 0);
    expect(cache.peek(0)).toBeUndefined();
    await cache.get(8, async () => 8);
    expect(cache.peek(8)).toBe(8);
  });
});

describe('refreshingValue', () => {
  it('answers with the current value at once while a stale one reloads, and waits only after invalidate()', async () => {
    let now = 0;
    let loads = 0;
    let release: () => void = () => undefined;
    const value = refreshingValue(
      () =>
        new Promise<number>((resolve) => {
          const n = ++loads;
          release = () => resolve(n);
        }),
      1000,
      () => now,
    );
    const first = value.get();
    release();
    expect(await first).toBe(1);
    now = 1000;
    // Stale: the old value now, a reload started behind it.
    expect(await value.get()).toBe(1);
    expect(loads).toBe(2);
    expect(await value.get()).toBe(1);
    expect(loads).toBe(2);
    release();
    await Promise.resolve();
    await Promise.resolve();
    expect(await value.get()).toBe(2);
    value.invalidate();
    const afterChange = value.get();
    expect(loads).toBe(3);
    release();
    expect(await afterChange).toBe(3);
  });

  it('keeps the old value when a reload fails, and tries again on the next read', async () => {
    let now = 0;
    let fail = false;
    let loads = 0;
    const value = refreshingValue(
      async () => {
        loads++;
        if (fail) throw new Error('database down');
        return loads;
      },
      1000,
      () => now,
    );
    expect(await value.get()).toBe(1);
    fail = true;
    now = 2000;
    expect(await value.get()).toBe(1);
    await new Promise((r) => setTimeout(r, 0));
    fail = false;
    expect(await value.get()).toBe(1);
    await new Promise((r) => setTimeout(r, 0));
    expect(await value.get()).toBe(3);
  });
});
