/**
 * The store profile appears on every page (footer), so it is read through a short-lived cache;
 * a few seconds of staleness after an edit is fine, and instances stay independent.
 */
import type { StoreProfile } from './repository';

const CACHE_TTL_MS = 10_000;

export interface StoreProfileService {
  get(): Promise<StoreProfile>;
  invalidate(): void;
}

export function createStoreProfileService(deps: {
  profiles: { find(): Promise<StoreProfile | undefined> };
  clock?: () => number;
}): StoreProfileService {
  const now = deps.clock ?? Date.now;
  let cached: { value: StoreProfile; until: number } | undefined;
  return {
    async get() {
      if (cached && cached.until > now()) return cached.value;
      const value = await deps.profiles.find();
      if (!value) throw new Error('Store profile missing: start-up should have created it');
      cached = { value, until: now() + CACHE_TTL_MS };
      return value;
    },
    invalidate() {
      cached = undefined;
    },
  };
}
