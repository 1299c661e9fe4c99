import { defineConfig } from 'drizzle-kit';

export default defineConfig({
  dialect: 'postgresql',
  schema: './src/db/chat-schema.ts',
  out: './src/db/chat-migrations',
});
