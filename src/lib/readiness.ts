/**
 * Readiness (`/readyz`) for both services: each dependency is checked at once, each within its own
 * short timeout, and the JSON names every check and the ones that failed. Liveness (`/healthz`)
 * stays separate: a process whose database is down is alive but not ready.
 */
import type { FastifyInstance } from 'fastify';

export interface ReadinessCheck {
  name: string;
  check(signal: AbortSignal): Promise<void>;
  /** Per-check bound; defaults to DEFAULT_CHECK_TIMEOUT_MS. */
  timeoutMs?: number;
}

export const DEFAULT_CHECK_TIMEOUT_MS = 2_000;

export interface ReadinessReport {
  status: 'ready' | 'unavailable';
  checks: Record<string, 'ok' | 'unavailable'>;
  /** Present when not ready: the checks that failed. */
  failed?: string[];
}

async function run({ check, timeoutMs = DEFAULT_CHECK_TIMEOUT_MS }: ReadinessCheck): Promise<void> {
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => {
      controller.abort();
      reject(new Error(`timeout after ${timeoutMs} ms`));
    }, timeoutMs);
  });
  try {
    await Promise.race([check(controller.signal), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

export async function checkReadiness(
  checks: readonly ReadinessCheck[],
  onFailure: (name: string, error: unknown) => void = () => {},
): Promise<ReadinessReport> {
  const results = await Promise.all(
    checks.map(async (c) => {
      try {
        await run(c);
        return [c.name, 'ok'] as const;
      } catch (error) {
        onFailure(c.name, error);
        return [c.name, 'unavailable'] as const;
      }
    }),
  );
  const failed = results.filter(([, state]) => state !== 'ok').map(([name]) => name);
  return failed.length === 0
    ? { status: 'ready', checks: Object.fromEntries(results) }
    : { status: 'unavailable', checks: Object.fromEntries(results), failed };
}

/** A check that another HTTP service answers 2xx at `url` (its own /healthz or /readyz). */
export function httpCheck(name: string, url: string, timeoutMs: number): ReadinessCheck {
  return {
    name,
    timeoutMs,
    async check(signal) {
      const response = await fetch(url, { signal, headers: { accept: 'application/json' } });
      await response.body?.cancel();
      if (!response.ok) throw new Error(`${url} answered ${response.status}`);
    },
  };
}

/**
 * `GET /healthz` and `GET /readyz`. While the app closes (SIGTERM), Fastify itself answers 503 to
 * requests on connections still open, so a load balancer takes the instance out at once.
 */
export function registerProbes(app: FastifyInstance, checks: readonly ReadinessCheck[]) {
  // Probed every few seconds: log only problems.
  app.get('/healthz', { logLevel: 'warn' }, async (_request, reply) => reply.header('cache-control', 'no-store').send({ status: 'ok' }));

  app.get('/readyz', { logLevel: 'warn' }, async (request, reply) => {
    reply.header('cache-control', 'no-store');
    const report = await checkReadiness(checks, (dependency, error) =>
      request.log.warn({ err: error, dependency }, 'readiness check failed'),
    );
    return reply.code(report.status === 'ready' ? 200 : 503).send(report);
  });
}
