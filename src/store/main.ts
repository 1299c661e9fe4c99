/**
 * Store process entry point (`npm run start:store`, or started by the launcher).
 */
import { loadConfigOrExit } from '../config';
import { openStoreDatabase } from '../db/store-db';
import { drainOutbox } from './mail/service';
import { createScheduler, type Scheduler } from '../lib/jobs';
import { createJobLeaseRepository } from './jobs/repository';
import { EMAIL_OUTBOX_JOB, storeJobs } from './jobs/schedule';
import { createMailTransport } from '../lib/mail/transport';
import { createRedis } from '../lib/redis';
import { createUploadStores } from '../lib/storage/uploads';
import { describeStartError, onShutdown, stopWithLauncher } from '../lib/shutdown';
import { buildStoreApp } from './app';
import { prepareStoreDatabase, SAMPLE_IMAGE_CACHE_DIR } from './startup';

const config = loadConfigOrExit();
const say = (message: string) => process.stdout.write(`[store] ${message}\n`);

async function start() {
  const database = await openStoreDatabase(config);
  const redis = config.redisUrl ? createRedis(config.redisUrl) : undefined;
  if (redis) await redis.connect().catch((error: Error) => say(`Redis not reachable yet (${error.message}); retrying in the background`));

  const uploads = createUploadStores(config.uploadDir, config.storage);
  say(`Uploads: ${uploads.description}`);
  const report = await prepareStoreDatabase(config, database, say, { sampleImageCacheDir: SAMPLE_IMAGE_CACHE_DIR, uploads });
  if (report.admin.created) {
    say(`Admin account created: ${report.admin.email}`);
    say(
      report.admin.generatedPassword
        ? `Admin password (shown only this once, change it after logging in): ${report.admin.generatedPassword}`
        : 'Admin password: the value of ADMIN_PASSWORD',
    );
  }

  let scheduler: Scheduler | undefined;
  const app = await buildStoreApp({ config, database, redis, uploads, onEmailQueued: () => void scheduler?.runNow(EMAIL_OUTBOX_JOB) });
  const transport = createMailTransport(config.mail);
  // Every background job on one scheduler, each claimed from the database per period, so each runs
  // once however many store instances run; a failing job is logged and never stops the others.
  scheduler = createScheduler({
    jobs: storeJobs({
      ...app.maintenance,
      sendEmails: () => drainOutbox(database.db, transport),
      report: (job, figures) => app.log.info({ job, ...figures }, 'background job done'),
    }),
    leases: createJobLeaseRepository(database.db),
    onError: (error, job) => app.log.error({ err: error, job }, 'background job failed'),
    onRun: app.maintenance.jobRan,
  });
  onShutdown(
    async () => {
      // Stop accepting and finish in-flight requests (proxied chat sockets are closed), while the
      // scheduler claims nothing new and lets its running jobs finish and release their leases.
      await Promise.all([app.close(), scheduler?.stop()]);
      transport.close();
      await uploads.close();
      redis?.disconnect();
      await database.close();
    },
    say,
    { timeoutMs: config.shutdownTimeoutMs },
  );
  stopWithLauncher();
  await app.listen({ host: config.host, port: config.store.port });
  scheduler.start();
  say(`Store ready at ${config.store.publicUrl} (database: ${database.driver})`);
}

start().catch((error: unknown) => {
  process.stderr.write(`[store] Cannot start: ${describeStartError(error)}\n`);
  process.exit(1);
});
