/** The shop's public profile (address, hours, contacts) as the other areas read it. */
import type { storeProfile } from '../../db/schema';

export type StoreProfile = typeof storeProfile.$inferSelect;
