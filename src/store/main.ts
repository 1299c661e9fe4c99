/**
 * Store process entry point (`npm run start:store`, or started by the launcher).
 */
import { loadConfigOrExit } from '../config';
import { openStoreDatabase } from '../db/store-db';
import { startOutboxWorker, type OutboxWorker } from './mail/service';
import { createMailTransport } from '../lib/mail/transport';
import { createRedis } from '../lib/redis';
import { describeStartError, onShutdown, stopWithLauncher } from '../lib/shutdown';
import { buildStoreApp } from './app';
import { REMEMBER_MS } from './plugins/session';
import { prepareStoreDatabase } from './startup';

const config = loadConfigOrExit();
const say = (message: string) => process.stdout.write(`[store] ${message}\n`);

async function start() {
  const database = await openStoreDatabase(config);
  const redis = config.redisUrl ? createRedis(config.redisUrl) : undefined;
  if (redis) await redis.connect().catch((error: Error) => say(`Redis not reachable yet (${error.message}); retrying in the background`));

  const report = await prepareStoreDatabase(config, database, say);
  if (report.admin.created) {
    say(`Admin account created: ${report.admin.email}`);
    say(
      report.admin.generatedPassword
        ? `Admin password (shown only this once, change it after logging in): ${report.admin.generatedPassword}`
        : 'Admin password: the value of ADMIN_PASSWORD',
    );
  }

  let worker: OutboxWorker | undefined;
  const jobFailed = (error: unknown, job: string) => app.log.error({ err: error, job }, 'maintenance job failed');
  const purgeSessions = every(10 * 60_000, 'purge sessions', () => app.sessions.store.purgeExpired(REMEMBER_MS), jobFailed);
  const expireOrders = every(
    30_000,
    'expire orders',
    async () => {
      const expired = await app.maintenance.expireOrders();
      if (expired > 0) app.log.info({ expired }, 'unpaid orders expired');
    },
    jobFailed,
  );
  // Open online payments whose notification never came, or whose order closed: ask the provider
  // (claimed with SKIP LOCKED too). Detached: a provider that answers slowly must not hold up emails.
  const reconcilePayments = every(
    60_000,
    'reconcile payments',
    async () => {
      const changed = await app.maintenance.reconcilePayments();
      if (changed > 0) app.log.info({ changed }, 'payments reconciled with their providers');
    },
    jobFailed,
    true,
  );
  const app = await buildStoreApp({ config, database, redis, onEmailQueued: () => worker?.poke() });
  worker = startOutboxWorker({
    db: database.db,
    transport: createMailTransport(config.mail),
    log: (error) => app.log.error({ err: error }, 'email outbox'),
    onTick: async () => {
      await purgeSessions();
      // Unpaid orders past their deadline give their stock back (claimed with SKIP LOCKED, so
      // several instances can run this at once).
      await expireOrders();
      await reconcilePayments();
    },
  });
  onShutdown(async () => {
    await app.close();
    // After the server: requests that just queued an email still get it sent on the next start.
    await worker?.stop();
    redis?.disconnect();
    await database.close();
  }, say);
  stopWithLauncher();
  await app.listen({ host: config.host, port: config.store.port });
  say(`Store ready at ${config.store.publicUrl} (database: ${database.driver})`);
}

start().catch((error: unknown) => {
  process.stderr.write(`[store] Cannot start: ${describeStartError(error)}\n`);
  process.exit(1);
});

/**
 * A maintenance job run from the worker's tick at most every `ms`. A failure is logged and never
 * stops the other jobs; a job that talks to other servers (payment providers) runs `detached`, so
 * a slow answer cannot hold up the email outbox, and never twice at once.
 */
function every(
  ms: number,
  name: string,
  task: () => Promise<void>,
  log: (error: unknown, name: string) => void,
  detached = false,
): () => Promise<void> {
  let last = 0;
  let running: Promise<void> | undefined;
  return async () => {
    if (running || Date.now() - last < ms) return;
    last = Date.now();
    running = task()
      .catch((error: unknown) => log(error, name))
      .finally(() => {
        running = undefined;
      });
    if (!detached) await running;
  };
}
