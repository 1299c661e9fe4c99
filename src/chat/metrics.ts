/**
 * The chat service's Prometheus metrics (X5), on its own `/metrics` (same METRICS_TOKEN rule as
 * the store): open Socket.IO connections on this instance, messages stored by sender role, and
 * Node's own figures (event-loop lag, memory, GC). One registry per app: tests build many.
 */
import { Counter, collectDefaultMetrics, Gauge, Registry } from 'prom-client';

export function createChatMetrics(deps: { connections: () => number }) {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'hurtrock_chat_' });
  new Gauge({
    name: 'hurtrock_chat_connections',
    help: 'Socket.IO connections open on this instance',
    registers: [registry],
    collect() {
      this.set(deps.connections());
    },
  });
  const messages = new Counter({
    name: 'hurtrock_chat_messages_total',
    help: 'Chat messages stored (and fanned out), by the sender role',
    labelNames: ['role'] as const,
    registers: [registry],
  });
  return {
    registry,
    messageSent: (role: string) => messages.inc({ role }),
  };
}

export type ChatMetrics = ReturnType<typeof createChatMetrics>;
