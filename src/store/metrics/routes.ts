/**
 * `GET /metrics` for Prometheus (X5), only when METRICS_TOKEN is set, and only with it as a bearer
 * token. While it is on, every answered request is timed by its route pattern, so the label set
 * stays small whatever URLs arrive.
 */
import type { FastifyInstance } from 'fastify';
import { registerMetricsEndpoint } from '../../lib/metrics-endpoint';
import type { StoreMetrics } from './registry';

export function registerMetrics(app: FastifyInstance, deps: { metrics: StoreMetrics; token: string }) {
  const { metrics } = deps;

  app.addHook('onResponse', (request, reply, done) => {
    metrics.httpDuration.observe(
      { method: request.method, route: request.routeOptions.url ?? 'unmatched', status: String(reply.statusCode) },
      reply.elapsedTime / 1000,
    );
    done();
  });

  registerMetricsEndpoint(app, { registry: metrics.registry, token: deps.token });
}
