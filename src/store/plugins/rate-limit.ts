/**
 * Rate limiting, off by default and switched on per route (`config.rateLimit`), counted in Redis
 * when configured so every store instance shares the counts, in memory otherwise.
 * Rejections are JSON errors for API callers and the friendly error page for browsers.
 */
import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance } from 'fastify';
import { AppError } from '../../lib/errors';
import type { RedisClient } from '../../lib/redis';

export async function registerRateLimit(app: FastifyInstance, opts: { redis?: RedisClient }) {
  await app.register(rateLimit, {
    global: false,
    ...(opts.redis ? { redis: opts.redis, nameSpace: 'hurtrock-rate:' } : {}),
    // A Redis outage must not take the shop down: let requests through and log it.
    skipOnError: true,
    // Thrown by the plugin, answered by the error handler (plugins/errors.ts) like any AppError.
    errorResponseBuilder: (_request, context) =>
      new AppError('rate_limited', 429, `Too many requests; try again in ${Math.ceil(context.ttl / 1000)} s.`),
  });
}
