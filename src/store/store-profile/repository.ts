import { eq } from 'drizzle-orm';
import type { StoreDb, StoreExecutor } from '../../db/store-db';
import { storeProfile } from '../../db/schema';
import type { StoreProfile, StoreProfileValues } from './types';

export function createStoreProfileRepository(db: StoreDb) {
  return {
    async find(): Promise<StoreProfile | undefined> {
      const [row] = await db.select().from(storeProfile).where(eq(storeProfile.id, 1));
      return row;
    },

    /** The row locked for an edit, read in the editing transaction (two admins saving at once apply one after the other). */
    async findForUpdate(tx: StoreExecutor): Promise<StoreProfile | undefined> {
      const [row] = await tx.select().from(storeProfile).where(eq(storeProfile.id, 1)).for('update');
      return row;
    },

    async update(tx: StoreExecutor, values: StoreProfileValues): Promise<void> {
      await tx
        .update(storeProfile)
        .set({ ...values, updatedAt: new Date() })
        .where(eq(storeProfile.id, 1));
    },
  };
}

export type StoreProfileRepository = ReturnType<typeof createStoreProfileRepository>;
