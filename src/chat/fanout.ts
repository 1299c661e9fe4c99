/**
 * C7 scale-out: with Redis, every chat instance's emits to a room reach sockets on the others.
 * Conversations are not kept in memory; the adapter and presence (presence.ts) are the only
 * shared state. The caller owns the publishing client, so presence can share its connection.
 */
import { createAdapter } from '@socket.io/redis-adapter';
import type { RedisClient } from '../lib/redis';
import type { ChatIo } from './rooms';

export async function attachRedisAdapter(io: ChatIo, pub: RedisClient, key = 'hurtrock-chat'): Promise<() => Promise<void>> {
  const sub = pub.duplicate();
  // As createRedis does for pub: an outage shows in /readyz and reconnects, never as an unhandled error event.
  sub.on('error', () => {});
  // The adapter's close() unsubscribes without awaiting: during a Redis outage those promises
  // reject unhandled, which would crash a chat service stopping (SIGTERM) while Redis is down.
  // Nobody needs their answers; marking them handled is enough.
  for (const method of ['unsubscribe', 'punsubscribe'] as const) {
    const original = sub[method].bind(sub) as (...args: unknown[]) => Promise<unknown>;
    (sub as unknown as Record<string, unknown>)[method] = (...args: unknown[]) => {
      const answer = original(...args);
      answer.catch(() => {});
      return answer;
    };
  }
  await Promise.all([pub.connect(), sub.connect()]);
  io.adapter(createAdapter(pub, sub, { key }));
  return async () => {
    // Replies come back in order, so once a PING answers, every command sent before it (the
    // last presence broadcasts) has its answer. Quitting with commands still queued rejects
    // them inside ioredis (redis/ioredis#2025) as unhandled "Connection is closed" errors.
    await Promise.allSettled([pub.ping(), sub.ping()]);
    await Promise.allSettled([pub.quit(), sub.quit()]);
  };
}
