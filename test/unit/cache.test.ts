import { describe, expect, it } from 'vitest';
import { lruCache, ttlCache } from '../../src/lib/cache';

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
