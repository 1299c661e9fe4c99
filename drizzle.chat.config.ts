import { defineConfig } from 'drizzle-kit';

export default defineConfig({
  dialect: 'postgresql',
  schema: './src/chat/db/schema.ts',
  out: './src/chat/db/migrations',
});
