/**
 * Failure counters with progressive lock-out, for login attempts per account (the per-IP limits
 * are @fastify/rate-limit). In memory for one instance, in Redis when REDIS_URL is set so every
 * instance sees the same count.
 */
import type { RedisClient } from './redis';

export interface FailureCounter {
  /** Failures recorded for the key inside the window (0 when none). */
  failures(key: string): Promise<{ count: number; lastAt: number }>;
  recordFailure(key: string, now?: number): Promise<number>;
  reset(key: string): Promise<void>;
}

export interface LockPolicy {
  /** Failures allowed before the lock-out starts. */
  freeAttempts: number;
  /** First lock in seconds; doubles with every further failure. */
  baseLockSeconds: number;
  maxLockSeconds: number;
  /** Failures older than this are forgotten. */
  windowSeconds: number;
}

export const LOGIN_LOCK_POLICY: LockPolicy = { freeAttempts: 5, baseLockSeconds: 30, maxLockSeconds: 900, windowSeconds: 900 };

/** Seconds the key is still locked (0 = may try): 30 s after the 5th failure, 60 s after the 6th, … up to 15 min. */
export function lockRemaining(policy: LockPolicy, state: { count: number; lastAt: number }, now = Date.now()): number {
  if (state.count < policy.freeAttempts) return 0;
  const lock = Math.min(policy.baseLockSeconds * 2 ** (state.count - policy.freeAttempts), policy.maxLockSeconds);
  return Math.max(0, Math.ceil((state.lastAt + lock * 1000 - now) / 1000));
}

export function memoryFailureCounter(policy: LockPolicy = LOGIN_LOCK_POLICY): FailureCounter {
  const entries = new Map<string, { count: number; lastAt: number }>();
  const live = (key: string, now: number) => {
    const e = entries.get(key);
    if (e && now - e.lastAt > policy.windowSeconds * 1000) {
      entries.delete(key);
      return undefined;
    }
    return e;
  };
  return {
    async failures(key) {
      return live(key, Date.now()) ?? { count: 0, lastAt: 0 };
    },
    async recordFailure(key, now = Date.now()) {
      const e = live(key, now) ?? { count: 0, lastAt: now };
      e.count += 1;
      e.lastAt = now;
      entries.set(key, e);
      // Bounded memory: an attacker spraying random emails cannot grow the map forever.
      if (entries.size > 50_000) entries.delete(entries.keys().next().value!);
      return e.count;
    },
    async reset(key) {
      entries.delete(key);
    },
  };
}

export function redisFailureCounter(redis: RedisClient, policy: LockPolicy = LOGIN_LOCK_POLICY, prefix = 'fail:'): FailureCounter {
  return {
    async failures(key) {
      const [count, lastAt] = await redis.hmget(prefix + key, 'count', 'lastAt');
      return { count: Number(count ?? 0), lastAt: Number(lastAt ?? 0) };
    },
    async recordFailure(key, now = Date.now()) {
      const k = prefix + key;
      const result = await redis.multi().hincrby(k, 'count', 1).hset(k, 'lastAt', String(now)).expire(k, policy.windowSeconds).exec();
      return Number(result?.[0]?.[1] ?? 1);
    },
    async reset(key) {
      await redis.del(prefix + key);
    },
  };
}
