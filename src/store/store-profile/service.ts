/**
 * The store profile appears on every page (footer), so it is read through a short-lived cache;
 * a few seconds of staleness after an edit is fine, and instances stay independent.
 */
import { ttlCache } from '../../lib/cache';
import type { StoreProfile } from './types';

const CACHE_TTL_MS = 10_000;

export interface StoreProfileService {
  get(): Promise<StoreProfile>;
  invalidate(): void;
}

export function createStoreProfileService(deps: {
  profiles: { find(): Promise<StoreProfile | undefined> };
  clock?: () => number;
}): StoreProfileService {
  const cache = ttlCache(
    async () => {
      const value = await deps.profiles.find();
      if (!value) throw new Error('Store profile missing: start-up should have created it');
      return value;
    },
    CACHE_TTL_MS,
    deps.clock,
  );
  return { get: () => cache.get(), invalidate: () => cache.invalidate() };
}
