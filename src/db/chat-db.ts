/**
 * The chat service's database: its own PGlite folder by default, CHAT_DATABASE_URL when set.
 * It shares only the connection code with the store, never tables or migrations.
 */
import path from 'node:path';
import type { Config } from '../config';
import { type Database, type DatabaseHandle, openDatabase } from './connection';
import { projectRoot } from '../lib/project-root';
import * as schema from './chat-schema';

export type ChatSchema = typeof schema;
export type ChatDb = Database<ChatSchema>;
export type ChatDbHandle = DatabaseHandle<ChatSchema>;

export const chatMigrationsFolder = () => path.join(projectRoot(), 'src/db/chat-migrations');

/** Opens the chat database chosen by the configuration (PostgreSQL URL or PGlite folder). */
export function openChatDatabase(
  config: Pick<Config, 'chat' | 'pgliteDirs'>,
  override?: { url?: string; inMemory?: boolean },
): Promise<ChatDbHandle> {
  const url = override?.url ?? config.chat.databaseUrl;
  return openDatabase({
    schema,
    url,
    pgliteDir: override?.inMemory ? undefined : config.pgliteDirs.chat,
    migrationsFolder: chatMigrationsFolder(),
    // Its own table, so a chat DB sharing a server (or a database) with the store stays separate.
    migrationsTable: '__chat_migrations',
  });
}
