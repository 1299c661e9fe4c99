import { sql } from 'drizzle-orm';
import { check, integer, jsonb, pgTable, text, timestamp, varchar } from 'drizzle-orm/pg-core';

/** One opening period of a weekday; day 0 = Sunday … 6 = Saturday, times "HH:MM" in WIB. */
export interface OpeningPeriod {
  day: number;
  open: string;
  close: string;
}

/** A day the shop is closed although its weekday is open (a public holiday), "YYYY-MM-DD" in WIB. */
export interface Holiday {
  date: string;
  label: string;
}

export interface SocialLinks {
  instagram?: string;
  facebook?: string;
  youtube?: string;
  tiktok?: string;
}

/** The shop's own details: a single row (id = 1) used by the footer, store page, labels, invoices and emails. */
export const storeProfile = pgTable(
  'store_profile',
  {
    id: integer('id').primaryKey().default(1),
    name: varchar('name', { length: 120 }).notNull(),
    tagline: varchar('tagline', { length: 200 }).notNull().default(''),
    street: varchar('street', { length: 300 }).notNull(),
    city: varchar('city', { length: 100 }).notNull(),
    province: varchar('province', { length: 100 }).notNull(),
    postalCode: varchar('postal_code', { length: 5 }).notNull(),
    phone: varchar('phone', { length: 20 }).notNull(),
    whatsapp: varchar('whatsapp', { length: 20 }).notNull(),
    email: varchar('email', { length: 254 }).notNull(),
    website: varchar('website', { length: 200 }),
    mapsUrl: text('maps_url'),
    openingHours: jsonb('opening_hours').$type<OpeningPeriod[]>().notNull(),
    holidays: jsonb('holidays').$type<Holiday[]>().notNull().default([]),
    social: jsonb('social').$type<SocialLinks>().notNull().default({}),
    logoKey: varchar('logo_key', { length: 100 }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check('store_profile_single_row', sql`${t.id} = 1`)],
);
