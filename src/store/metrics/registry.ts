/**
 * The store's Prometheus metrics (X5), one registry per app (tests build many apps in a process):
 * request duration by route and status, orders created and paid by payment method, provider
 * events by provider and outcome, checkouts refused for stock, the email outbox's depth and age,
 * background jobs' lag and run duration, and
 * Node's own (event-loop lag, memory, GC) with prom-client's default collectors.
 */
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';

export interface OutboxFigures {
  /** Emails waiting to be sent. */
  pending: number;
  /** Seconds the oldest of them has waited (0 when none). */
  oldestSeconds: number;
}

export interface JobLag {
  name: string;
  secondsSinceSuccess: number;
}

export function createStoreMetrics(deps: { outbox: () => Promise<OutboxFigures>; jobs?: () => Promise<JobLag[]> }) {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'hurtrock_store_' });

  const httpDuration = new Histogram({
    name: 'hurtrock_http_request_duration_seconds',
    help: 'Time to answer a request, by route pattern (not the raw URL) and status',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  });
  const ordersCreated = new Counter({
    name: 'hurtrock_orders_created_total',
    help: 'Orders placed, by payment method',
    labelNames: ['method'] as const,
    registers: [registry],
  });
  const ordersPaid = new Counter({
    name: 'hurtrock_orders_paid_total',
    help: 'Orders marked paid, by payment method',
    labelNames: ['method'] as const,
    registers: [registry],
  });
  const payments = new Counter({
    name: 'hurtrock_payment_events_total',
    help: 'Payment provider notifications, by provider and what they did (applied, duplicate, rejected, …)',
    labelNames: ['provider', 'outcome'] as const,
    registers: [registry],
  });
  const stockRefused = new Counter({
    name: 'hurtrock_stock_reservations_refused_total',
    help: 'Checkouts refused because the stock could not be reserved (another buyer took the last units)',
    registers: [registry],
  });
  // Read from the database when scraped: every instance reports the one shared outbox.
  const outboxAge = new Gauge({
    name: 'hurtrock_email_outbox_oldest_seconds',
    help: 'How long the oldest waiting email has waited',
    registers: [registry],
  });
  new Gauge({
    name: 'hurtrock_email_outbox_pending',
    help: 'Emails waiting to be sent',
    registers: [registry],
    async collect() {
      const figures = await deps.outbox();
      this.set(figures.pending);
      outboxAge.set(figures.oldestSeconds);
    },
  });

  // Job lag from the lease rows (shared): whichever instance ran the job, every one reports it.
  new Gauge({
    name: 'hurtrock_job_seconds_since_success',
    help: 'Seconds since each background job last succeeded (since it was first scheduled, if never)',
    labelNames: ['job'] as const,
    registers: [registry],
    async collect() {
      this.reset();
      for (const job of (await deps.jobs?.()) ?? []) this.set({ job: job.name }, job.secondsSinceSuccess);
    },
  });
  const jobDuration = new Histogram({
    name: 'hurtrock_job_duration_seconds',
    help: 'How long each background job run took on this instance, by job and outcome (ok, failed)',
    labelNames: ['job', 'outcome'] as const,
    buckets: [0.01, 0.05, 0.1, 0.5, 1, 5, 15, 60, 300],
    registers: [registry],
  });

  return {
    registry,
    jobRan: (job: string, outcome: { ok: boolean; durationMs: number }) =>
      jobDuration.observe({ job, outcome: outcome.ok ? 'ok' : 'failed' }, outcome.durationMs / 1000),
    httpDuration,
    /** An order created or moved (the lifecycle reports each after its commit). */
    orderMoved(order: { status: string; paymentMethod: string }) {
      if (order.status === 'awaiting_payment') ordersCreated.inc({ method: order.paymentMethod });
      if (order.status === 'paid') ordersPaid.inc({ method: order.paymentMethod });
    },
    paymentEvent: (provider: string, outcome: string) => payments.inc({ provider, outcome }),
    stockRefused: () => stockRefused.inc(),
  };
}

export type StoreMetrics = ReturnType<typeof createStoreMetrics>;
