/**
 * Optional Redis connection (sessions, rate limits, caches, chat fan-out when REDIS_URL is set).
 * Commands fail fast while disconnected instead of queueing, so a Redis outage shows up in
 * /readyz rather than as hanging requests.
 */
import { Redis } from 'ioredis';

export type RedisClient = Redis;

export function createRedis(url: string): RedisClient {
  const client = new Redis(url, {
    lazyConnect: true,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    connectTimeout: 2_000,
  });
  // Reconnection is automatic; errors are reported through readiness, not as crashes.
  client.on('error', () => {});
  return client;
}
