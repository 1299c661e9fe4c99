/**
 * Chat service entry point (`npm run start:chat`, or started by the launcher):
 * config → database (migrated) → app → listen; stops cleanly on SIGTERM / SIGINT.
 */
import pino from 'pino';
import { loadConfigOrExit } from '../config';
import { loggerOptions } from '../lib/logger';
import { describeStartError, onShutdown, stopWithLauncher } from '../lib/shutdown';
import { buildChatApp } from './app';
import { openChatDatabase } from '../db/chat-db';

const config = loadConfigOrExit();
const log = pino(loggerOptions('chat', config.logLevel));
const say = (message: string) => process.stdout.write(`[chat] ${message}\n`);

async function start() {
  const database = await openChatDatabase(config);
  await database.migrate();
  const app = buildChatApp({ config, db: database, logger: log });
  // Stop accepting, finish in-flight requests and close the sockets (io.close in preClose), all
  // within SHUTDOWN_TIMEOUT_MS.
  onShutdown(
    async () => {
      await app.close();
      await database.close();
    },
    say,
    { timeoutMs: config.shutdownTimeoutMs },
  );
  stopWithLauncher();
  await app.listen({
    host: config.host,
    port: config.chat.port,
    listenTextResolver: (address) => `chat service listening on ${address}`,
  });
  say(`Chat ready at http://${config.host}:${config.chat.port} (database: ${database.driver})`);
}

start().catch((error: unknown) => {
  process.stderr.write(`[chat] Cannot start: ${describeStartError(error)}\n`);
  process.exit(1);
});
