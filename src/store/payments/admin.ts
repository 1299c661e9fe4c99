/**
 * What the back office does with online payments besides refunds (service.ts): save a provider's
 * settings with their audit entry in one transaction, and test a provider's keys.
 */
import type { RunInTransaction } from '../../db/store-db';
import { type AuditActor, recordAudit } from '../audit/record';
import type { ProviderSettings, ProviderSettingsInput } from './provider-settings';
import { type Gateway, ProviderUnavailable } from './types';

export function createPaymentsAdmin(deps: { providers: ProviderSettings; transaction: RunInTransaction }) {
  return {
    summaries: () => deps.providers.summaries(),

    /** Saves and audits (keys appear as their last four characters only); false when nothing changed. */
    async save(provider: Gateway, input: ProviderSettingsInput, actor: AuditActor): Promise<boolean> {
      const changed = await deps.transaction(async (tx) => {
        const after = await deps.providers.save(tx, provider, input);
        if (Object.keys(after).length === 0) return false;
        await recordAudit(tx, actor, {
          action: 'settings.payments',
          subject: { type: 'payment_provider', id: provider, label: provider },
          after,
        });
        return true;
      });
      deps.providers.invalidate();
      return changed;
    },

    /** One authenticated call with the keys in force: ok, or why not (our own wording, never a key). */
    async test(provider: Gateway): Promise<{ ok: true } | { ok: false; reason: 'unconfigured' | 'failed'; message?: string }> {
      const configured = await deps.providers.configured(provider);
      if (!configured) return { ok: false, reason: 'unconfigured' };
      try {
        await configured.testConnection();
        return { ok: true };
      } catch (error) {
        return { ok: false, reason: 'failed', message: error instanceof ProviderUnavailable ? error.message : 'no usable answer' };
      }
    },
  };
}

export type PaymentsAdmin = ReturnType<typeof createPaymentsAdmin>;
