/**
 * Liveness (`/healthz`: the process answers) and readiness (`/readyz`: its database, Redis when
 * configured, and the chat service answer), for the launcher, load balancers and monitoring.
 */
import type { FastifyInstance } from 'fastify';
import { httpCheck, type ReadinessCheck, registerProbes } from '../../lib/readiness';

export type { ReadinessCheck } from '../../lib/readiness';

/** The chat service must answer its health URL within this; a slow chat never stalls the probe. */
export const CHAT_CHECK_TIMEOUT_MS = 1_000;

export interface StoreReadinessDeps {
  database: { ping(): Promise<void> };
  redis?: { ping(): Promise<unknown> };
  /** The chat service's health URL (config.chat.healthUrl); undefined = not checked. */
  chatHealthUrl?: string;
}

export function storeReadinessChecks({ database, redis, chatHealthUrl }: StoreReadinessDeps): ReadinessCheck[] {
  const checks: ReadinessCheck[] = [{ name: 'database', check: () => database.ping() }];
  if (redis) checks.push({ name: 'redis', check: async () => void (await redis.ping()) });
  if (chatHealthUrl) checks.push(httpCheck('chat', chatHealthUrl, CHAT_CHECK_TIMEOUT_MS));
  return checks;
}

export function registerHealthRoutes(app: FastifyInstance, checks: ReadinessCheck[]) {
  registerProbes(app, checks);
}
