/**
 * Where sessions live: the `sessions` table by default (session-repository.ts), Redis when
 * REDIS_URL is set (here). Both are
 * keyed by the SHA-256 of the cookie's id, so neither holds a usable session id.
 */
import type { RedisClient } from '../../lib/redis';

export interface SessionRecord {
  userId: number | null;
  csrfSecret: string;
  remember: boolean;
  createdAt: number;
  lastSeenAt: number;
  /** Absolute expiry (ms since epoch). */
  expiresAt: number;
  /** A correct password still waiting for its second factor (staff two-factor sign-in). */
  pendingLogin?: PendingLogin;
}

/** Kept in the anonymous session between the password and the code; the login itself starts only after the code. */
export interface PendingLogin {
  userId: number;
  remember: boolean;
  next?: string;
  /** ms since epoch: the pending state lasts PENDING_LOGIN_MS. */
  issuedAt: number;
}

export interface SessionStore {
  get(key: string): Promise<SessionRecord | undefined>;
  save(key: string, record: SessionRecord, idleMs: number): Promise<void>;
  touch(key: string, record: SessionRecord, idleMs: number): Promise<void>;
  destroy(key: string): Promise<void>;
  /** Ends every session of the user except `keepKey` (logout everywhere, password change). */
  destroyForUser(userId: number, keepKey?: string): Promise<void>;
  purgeExpired(olderThanIdleMs: number): Promise<void>;
}

export function redisSessionStore(redis: RedisClient, prefix = 'sess:'): SessionStore {
  const userKey = (userId: number) => `${prefix}user:${userId}`;
  const expireAt = (r: SessionRecord, idleMs: number) => Math.min(r.expiresAt, r.lastSeenAt + idleMs);
  return {
    async get(key) {
      const raw = await redis.get(prefix + key);
      return raw ? (JSON.parse(raw) as SessionRecord) : undefined;
    },
    async save(key, r, idleMs) {
      const multi = redis.multi().set(prefix + key, JSON.stringify(r), 'PXAT', expireAt(r, idleMs));
      if (r.userId !== null) multi.sadd(userKey(r.userId), key).pexpireat(userKey(r.userId), r.expiresAt);
      await multi.exec();
    },
    async touch(key, r, idleMs) {
      await redis.set(prefix + key, JSON.stringify(r), 'PXAT', expireAt(r, idleMs));
    },
    async destroy(key) {
      await redis.del(prefix + key);
    },
    async destroyForUser(userId, keepKey) {
      const keys = (await redis.smembers(userKey(userId))).filter((k) => k !== keepKey);
      if (keys.length)
        await redis
          .multi()
          .del(...keys.map((k) => prefix + k))
          .srem(userKey(userId), ...keys)
          .exec();
    },
    async purgeExpired() {
      // Redis expires keys itself.
    },
  };
}
