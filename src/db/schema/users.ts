import { sql } from 'drizzle-orm';
import { bigint, boolean, index, pgEnum, pgTable, serial, text, timestamp, uniqueIndex, varchar } from 'drizzle-orm/pg-core';

export const userRole = pgEnum('user_role', ['customer', 'staff', 'admin']);
export type UserRole = (typeof userRole.enumValues)[number];

export const users = pgTable(
  'users',
  {
    id: serial('id').primaryKey(),
    /** Stored trimmed and lower-cased; unique whatever the case the user typed. */
    email: varchar('email', { length: 254 }).notNull(),
    name: varchar('name', { length: 120 }).notNull(),
    phone: varchar('phone', { length: 20 }),
    passwordHash: text('password_hash').notNull(),
    role: userRole('role').notNull().default('customer'),
    isActive: boolean('is_active').notNull().default(true),
    locale: varchar('locale', { length: 5 }).notNull().default('id'),
    emailVerifiedAt: timestamp('email_verified_at', { withTimezone: true }),
    lastLoginAt: timestamp('last_login_at', { withTimezone: true }),
    /** Set for staff invited from the back office until they choose a password (the hash is then empty). */
    invitedAt: timestamp('invited_at', { withTimezone: true }),
    /** The TOTP secret, encrypted with a key derived from the session secret (lib/secret-box). */
    totpSecret: text('totp_secret'),
    /** When two-factor sign-in was switched on; null = off (a secret without it is an unfinished enrolment). */
    totpEnabledAt: timestamp('totp_enabled_at', { withTimezone: true }),
    /** The last 30-second step a code was accepted for: the same code never works twice. */
    totpLastStep: bigint('totp_last_step', { mode: 'number' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('users_email_lower_unique').on(sql`lower(${t.email})`), index('users_role_idx').on(t.role)],
);
