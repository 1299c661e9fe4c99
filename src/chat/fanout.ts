/**
 * C7 scale-out: with Redis, every chat instance's emits to a room reach sockets on the others.
 * Conversations are not kept in memory, so the adapter is the only shared state needed.
 */
import { createAdapter } from '@socket.io/redis-adapter';
import type { Server } from 'socket.io';
import { createRedis } from '../lib/redis';

export async function attachRedisAdapter(io: Server, url: string, key = 'hurtrock-chat'): Promise<() => Promise<void>> {
  const pub = createRedis(url);
  const sub = pub.duplicate();
  await Promise.all([pub.connect(), sub.connect()]);
  io.adapter(createAdapter(pub, sub, { key }));
  return async () => {
    await Promise.allSettled([pub.quit(), sub.quit()]);
  };
}
