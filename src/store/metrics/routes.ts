/**
 * `GET /metrics` for Prometheus (X5), only when METRICS_TOKEN is set, and only with it as a bearer
 * token (compared in constant time). While it is on, every answered request is timed by its route
 * pattern, so the label set stays small whatever URLs arrive.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { sendError } from '../../lib/errors';
import type { StoreMetrics } from './registry';

const digest = (value: string) => createHash('sha256').update(value).digest();

export function registerMetrics(app: FastifyInstance, deps: { metrics: StoreMetrics; token: string }) {
  const { metrics } = deps;
  const expected = digest(`Bearer ${deps.token}`);

  app.addHook('onResponse', (request, reply, done) => {
    metrics.httpDuration.observe(
      { method: request.method, route: request.routeOptions.url ?? 'unmatched', status: String(reply.statusCode) },
      reply.elapsedTime / 1000,
    );
    done();
  });

  app.get('/metrics', async (request, reply) => {
    const given = request.headers.authorization;
    // Same-length digests: the comparison's time says nothing about the token.
    if (typeof given !== 'string' || !timingSafeEqual(digest(given), expected)) {
      reply.header('www-authenticate', 'Bearer realm="metrics"');
      return sendError(reply, 'unauthorized', 401, 'A valid metrics token is required.');
    }
    const body = await metrics.registry.metrics();
    return reply.header('content-type', metrics.registry.contentType).header('cache-control', 'no-store').send(body);
  });
}
