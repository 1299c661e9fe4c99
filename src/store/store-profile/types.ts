/** The shop's public profile (address, hours, contacts) as the other areas read it. */
import type { storeProfile } from '../../db/schema';

export type { Holiday, OpeningPeriod, SocialLinks } from '../../db/schema';

export type StoreProfile = typeof storeProfile.$inferSelect;

/** What the back office edits (everything but the id and the time of the last change). */
export type StoreProfileValues = Omit<StoreProfile, 'id' | 'updatedAt'>;

/** Where the logo's renditions live under the uploads folder (and under /media/). */
export const LOGO_SUBDIR = 'logos';
