/**
 * `hurtrock migrate`: applies both services' migrations and exits, so an operator can upgrade the
 * schema (e.g. on PostgreSQL, before rolling new instances) without starting the services. The
 * services also migrate at start-up; running this first is optional.
 */
import { loadConfigOrExit } from './config';
import { openChatDatabase } from './db/chat-db';
import { openStoreDatabase } from './db/store-db';

async function main(): Promise<void> {
  const config = loadConfigOrExit();
  for (const [name, open] of [
    ['store', () => openStoreDatabase(config)],
    ['chat', () => openChatDatabase(config)],
  ] as const) {
    const database = await open();
    try {
      await database.migrate();
      process.stdout.write(`[migrate] ${name} database up to date (${database.driver})\n`);
    } finally {
      await database.close();
    }
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`[migrate] failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
