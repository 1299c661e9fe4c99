/**
 * `GET /metrics` for Prometheus, shared by both services: registered only when METRICS_TOKEN is
 * set, and answered only for `Authorization: Bearer <token>` (compared in constant time).
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { Registry } from 'prom-client';
import { sendError } from './errors';

const digest = (value: string) => createHash('sha256').update(value).digest();

export function registerMetricsEndpoint(app: FastifyInstance, deps: { registry: Registry; token: string }) {
  const expected = digest(`Bearer ${deps.token}`);
  app.get('/metrics', async (request, reply) => {
    const given = request.headers.authorization;
    // Same-length digests: the comparison's time says nothing about the token.
    if (typeof given !== 'string' || !timingSafeEqual(digest(given), expected)) {
      reply.header('www-authenticate', 'Bearer realm="metrics"');
      return sendError(reply, 'unauthorized', 401, 'A valid metrics token is required.');
    }
    const body = await deps.registry.metrics();
    return reply.header('content-type', deps.registry.contentType).header('cache-control', 'no-store').send(body);
  });
}
