import { eq } from 'drizzle-orm';
import type { StoreDb } from '../../db/store-db';
import { storeProfile } from '../../db/schema';
import type { StoreProfile } from './types';

export function createStoreProfileRepository(db: StoreDb) {
  return {
    async find(): Promise<StoreProfile | undefined> {
      const [row] = await db.select().from(storeProfile).where(eq(storeProfile.id, 1));
      return row;
    },
  };
}
