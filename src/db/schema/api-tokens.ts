import { sql } from 'drizzle-orm';
import { index, integer, pgEnum, pgTable, serial, timestamp, uniqueIndex, varchar } from 'drizzle-orm/pg-core';
import { users } from './users';

export const apiTokenScope = pgEnum('api_token_scope', ['read', 'write']);
export type ApiTokenScope = (typeof apiTokenScope.enumValues)[number];

/**
 * Personal access tokens for the JSON API (X10). The secret is shown once at creation; only its
 * SHA-256 is kept (the secret carries 256 random bits, so a fast hash cannot be brute-forced), so
 * a leaked table hands out no working token. Revoked rows stay for the account page's history.
 */
export const apiTokens = pgTable(
  'api_tokens',
  {
    id: serial('id').primaryKey(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    name: varchar('name', { length: 60 }).notNull(),
    scope: apiTokenScope('scope').notNull(),
    /** Hex SHA-256 of the whole secret (`hrt_…`). */
    secretHash: varchar('secret_hash', { length: 64 }).notNull(),
    /** The first characters of the secret, shown on the account page so a customer can tell tokens apart. */
    hint: varchar('hint', { length: 12 }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    /** Written at most once a minute per token, not on every request. */
    lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('api_tokens_secret_hash_unique').on(t.secretHash),
    // The per-user cap counts live tokens only.
    index('api_tokens_user_live_idx').on(t.userId).where(sql`${t.revokedAt} IS NULL`),
  ],
);
