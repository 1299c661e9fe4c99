/**
 * Store process entry point (`npm run start:store`, or started by the launcher).
 */
import { loadConfigOrExit } from '../config';
import { openStoreDatabase } from '../db/store-db';
import { createRedis } from '../lib/redis';
import { describeStartError, onShutdown, stopWithLauncher } from '../lib/shutdown';
import { buildStoreApp } from './app';
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

  const app = await buildStoreApp({ config, database, redis });
  onShutdown(async () => {
    await app.close();
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
