/** The shop's checkout settings as other areas read them (free-shipping threshold, bank accounts, expiry times). */
import type { StoreTx } from '../../db/store-db';
import type { ShopSettingsRepository } from './repository';
import type { ShopSettings } from './types';

export function createShopSettingsService(deps: { repo: ShopSettingsRepository }) {
  return {
    /** Inside a transaction, pass it: the read must not wait for a connection the transaction holds. */
    get: (tx?: StoreTx): Promise<ShopSettings> => deps.repo.get(tx),
    update: (values: Partial<Omit<ShopSettings, 'id'>>) => deps.repo.update(values),
    /** The free-shipping threshold in whole rupiah (null: no free shipping); checkout reads it per quote. */
    setFreeShippingFrom: (amount: number | null) => {
      if (amount !== null && (!Number.isSafeInteger(amount) || amount < 0)) throw new RangeError(`Not a threshold: ${amount}`);
      return deps.repo.update({ freeShippingFrom: amount });
    },
  };
}

export type ShopSettingsService = ReturnType<typeof createShopSettingsService>;
