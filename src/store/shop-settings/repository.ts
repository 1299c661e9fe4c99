/** The shop's checkout settings (single row, id = 1): free-shipping threshold, bank accounts, expiry times. */
import { eq } from 'drizzle-orm';
import { type BankAccount, shopSettings } from '../../db/schema';
import type { StoreDb, StoreExecutor } from '../../db/store-db';
import type { ShopSettings } from './types';

type Executor = Pick<StoreDb, 'insert' | 'select'>;

/** Inserts the settings row with its defaults when there is none (every start). */
export async function ensureShopSettings(db: Executor, values: { bankAccounts?: BankAccount[]; freeShippingFrom?: number | null } = {}) {
  await db
    .insert(shopSettings)
    .values({ id: 1, ...values })
    .onConflictDoNothing({ target: shopSettings.id });
}

export function createShopSettingsRepository(db: StoreDb) {
  return {
    /** Pass the caller's transaction when reading inside one (an embedded database has a single connection). */
    async get(tx: StoreExecutor = db): Promise<ShopSettings> {
      const [row] = await tx.select().from(shopSettings).where(eq(shopSettings.id, 1)).limit(1);
      if (row) return row;
      await ensureShopSettings(tx);
      const [created] = await tx.select().from(shopSettings).where(eq(shopSettings.id, 1)).limit(1);
      return created!;
    },
    /** The row locked for an edit, in the editing transaction. */
    async getForUpdate(tx: StoreExecutor): Promise<ShopSettings> {
      await ensureShopSettings(tx);
      const [row] = await tx.select().from(shopSettings).where(eq(shopSettings.id, 1)).for('update');
      return row!;
    },
    async updateIn(tx: StoreExecutor, values: Partial<Omit<ShopSettings, 'id' | 'updatedAt'>>) {
      await tx
        .update(shopSettings)
        .set({ ...values, updatedAt: new Date() })
        .where(eq(shopSettings.id, 1));
    },
  };
}

export type ShopSettingsRepository = ReturnType<typeof createShopSettingsRepository>;
