/** The shop's checkout settings as other areas read them (free-shipping threshold, bank accounts, expiry times). */
import type { StoreTx } from '../../db/store-db';
import type { ShopSettingsRepository } from './repository';
import type { ShopSettings } from './types';
import type { RunInTransaction } from '../../db/store-db';
import { type AuditActor, changedFields, recordAudit } from '../audit/record';
import type { ShopSettingsInput } from './schema';

export function createShopSettingsService(deps: { repo: ShopSettingsRepository }) {
  return {
    /** Inside a transaction, pass it: the read must not wait for a connection the transaction holds. */
    get: (tx?: StoreTx): Promise<ShopSettings> => deps.repo.get(tx),
  };
}

export type ShopSettingsService = ReturnType<typeof createShopSettingsService>;

/**
 * Editing the shop settings (A9, admin only): one transaction writes the row and its audit entry
 * (`settings.shop`, only the changed fields). Checkout, the order page and the emails read the
 * settings on every request, so nothing else needs forgetting but the shared public pages (the
 * free-shipping threshold shows on them).
 */
export function createShopSettingsEditor(deps: {
  repo: Pick<ShopSettingsRepository, 'getForUpdate' | 'updateIn'>;
  transaction: RunInTransaction;
  changed: () => void;
}) {
  return {
    /** Saves the form; false when nothing differed (then nothing is written, not even an audit entry). */
    async save(input: Partial<ShopSettingsInput>, actor: AuditActor): Promise<boolean> {
      const changed = await deps.transaction(async (tx) => {
        const before = await deps.repo.getForUpdate(tx);
        const diff = changedFields(before, { ...input });
        if (!diff) return false;
        await deps.repo.updateIn(tx, input);
        await recordAudit(tx, actor, { action: 'settings.shop', subject: { type: 'shop_settings', id: 1 }, ...diff });
        return true;
      });
      if (changed) deps.changed();
      return changed;
    },
  };
}

export type ShopSettingsEditor = ReturnType<typeof createShopSettingsEditor>;
