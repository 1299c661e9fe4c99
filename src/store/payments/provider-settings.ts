/**
 * Which payment providers the shop offers and with which keys (P6). Each value comes from the
 * environment when set there (it wins), else from the back office, where secrets are sealed with
 * AES-256-GCM. Secrets never leave this module except into the providers' SDKs: the settings page
 * gets the last four characters only.
 */
import type { PaymentsConfig } from '../../config';
import type { SecretBox } from '../../lib/secret-box';
import type { StoreTx } from '../../db/store-db';
import type { PaymentsRepository, ProviderSettingsRow } from './repository';
import { createMidtransProvider } from './midtrans';
import { createStripeProvider } from './stripe';
import type { Gateway, PaymentProvider, ProviderSummary, ValueSource } from './types';

interface Effective {
  enabled: boolean;
  production: boolean;
  productionSource: ValueSource;
  secretKey?: { value: string; source: ValueSource };
  publicKey?: { value: string; source: ValueSource };
  webhookSecret?: { value: string; source: ValueSource };
}

/** How long an instance keeps the settings it read (another instance's save shows within this). */
const SETTINGS_CACHE_MS = 10_000;

const last4 = (value: string | undefined) => (value ? value.slice(-4) : undefined);

export interface ProviderSettingsInput {
  enabled: boolean;
  production: boolean;
  /** Undefined: keep the saved value; '' is never passed (a blank field keeps the key). */
  secretKey?: string;
  publicKey?: string;
  webhookSecret?: string;
}

/** The providers' page origins when the configuration points them elsewhere (a sandbox proxy, a local test server). */
export function paymentPageOrigins(config: { payments: PaymentsConfig }): string[] {
  const bases = [config.payments.midtrans.snapBase, config.payments.stripe.apiBase];
  return bases.filter((b): b is string => !!b).map((b) => new URL(b).origin);
}

export function createProviderSettings(deps: { repo: PaymentsRepository; env: PaymentsConfig; box: SecretBox }) {
  const { env, box } = deps;
  let cached: Promise<Map<Gateway, Effective>> | undefined;
  let providers = new Map<Gateway, PaymentProvider>();
  let providersFrom: Map<Gateway, Effective> | undefined;

  const fromEnv = (value: string | undefined) => (value ? { value, source: 'env' as const } : undefined);
  const fromAdmin = (sealed: string | null | undefined) => {
    const value = sealed ? box.open(sealed) : undefined;
    return value ? { value, source: 'admin' as const } : undefined;
  };
  const plain = (value: string | null | undefined) => (value ? { value, source: 'admin' as const } : undefined);

  function effective(rows: ProviderSettingsRow[]): Map<Gateway, Effective> {
    const row = (p: Gateway) => rows.find((r) => r.provider === p);
    const m = row('midtrans');
    const s = row('stripe');
    const midtransSecret = fromEnv(env.midtrans.serverKey) ?? fromAdmin(m?.secretKeySealed);
    const stripeSecret = fromEnv(env.stripe.secretKey) ?? fromAdmin(s?.secretKeySealed);
    return new Map<Gateway, Effective>([
      [
        'midtrans',
        {
          // A key set in the environment switches the provider on; the back office can still switch it off.
          enabled: m ? m.enabled : Boolean(env.midtrans.serverKey),
          production: env.midtrans.production ?? m?.production ?? false,
          productionSource: env.midtrans.production !== undefined ? 'env' : m ? 'admin' : 'none',
          secretKey: midtransSecret,
          publicKey: fromEnv(env.midtrans.clientKey) ?? plain(m?.publicKey),
        },
      ],
      [
        'stripe',
        {
          enabled: s ? s.enabled : Boolean(env.stripe.secretKey),
          production: stripeSecret?.value.startsWith('sk_live_') ?? false,
          productionSource: stripeSecret ? stripeSecret.source : 'none',
          secretKey: stripeSecret,
          webhookSecret: fromEnv(env.stripe.webhookSecret) ?? fromAdmin(s?.webhookSecretSealed),
        },
      ],
    ]);
  }

  let cachedAt = 0;
  const load = () => {
    // Another instance may have saved new settings: read them again after a few seconds.
    if (Date.now() - cachedAt > SETTINGS_CACHE_MS) cached = undefined;
    if (!cached) {
      cached = deps.repo.providerSettings().then(effective);
      cachedAt = Date.now();
    }
    // A failed read is not kept: the next call tries again.
    cached.catch(() => {
      cached = undefined;
    });
    return cached;
  };

  const isReady = (p: Gateway, e: Effective) => e.enabled && Boolean(e.secretKey) && (p === 'midtrans' || Boolean(e.webhookSecret));

  function build(p: Gateway, e: Effective): PaymentProvider {
    if (p === 'midtrans') {
      return createMidtransProvider({
        serverKey: e.secretKey!.value,
        clientKey: e.publicKey?.value,
        production: e.production,
        apiBase: env.midtrans.apiBase,
        snapBase: env.midtrans.snapBase,
      });
    }
    return createStripeProvider({ secretKey: e.secretKey!.value, webhookSecret: e.webhookSecret?.value, apiBase: env.stripe.apiBase });
  }

  return {
    /** The providers checkout may offer now (enabled and configured), built once per settings change. */
    async ready(): Promise<Map<Gateway, PaymentProvider>> {
      const all = await load();
      if (providersFrom !== all) {
        const next = new Map<Gateway, PaymentProvider>();
        for (const [p, e] of all) if (isReady(p, e)) next.set(p, build(p, e));
        providers = next;
        providersFrom = all;
      }
      return providers;
    },

    /**
     * A provider that has keys, even if switched off now: a payment started before it was switched
     * off must still be confirmed, reconciled and refundable.
     */
    async configured(p: Gateway): Promise<PaymentProvider | undefined> {
      const ready = (await this.ready()).get(p);
      if (ready) return ready;
      const e = (await load()).get(p);
      return e?.secretKey && (p === 'midtrans' || e.webhookSecret) ? build(p, e) : undefined;
    },

    /**
     * Midtrans' snap.js for the payment popup, when Midtrans takes payments and has its client key:
     * from Midtrans' own host (sandbox or production), or the configured Snap server's.
     */
    async snapScript(): Promise<{ src: string; origin: string; clientKey: string } | undefined> {
      const e = (await load()).get('midtrans');
      if (!e || !isReady('midtrans', e) || !e.publicKey) return undefined;
      const origin = env.midtrans.snapBase
        ? new URL(env.midtrans.snapBase).origin
        : e.production
          ? 'https://app.midtrans.com'
          : 'https://app.sandbox.midtrans.com';
      return { src: `${origin}/snap/snap.js`, origin, clientKey: e.publicKey.value };
    },

    async summaries(): Promise<ProviderSummary[]> {
      const all = await load();
      return [...all].map(([provider, e]) => ({
        provider,
        enabled: e.enabled,
        production: e.production,
        productionSource: e.productionSource,
        ready: isReady(provider, e),
        keys: [
          { name: 'secretKey' as const, source: e.secretKey?.source ?? 'none', last4: last4(e.secretKey?.value), required: true },
          provider === 'midtrans'
            ? { name: 'publicKey' as const, source: e.publicKey?.source ?? 'none', last4: last4(e.publicKey?.value), required: false }
            : {
                name: 'webhookSecret' as const,
                source: e.webhookSecret?.source ?? 'none',
                last4: last4(e.webhookSecret?.value),
                required: true,
              },
        ],
      }));
    },

    /** Saves the back office's values for one provider in the caller's transaction; returns what changed (no secrets). */
    async save(tx: StoreTx, provider: Gateway, input: ProviderSettingsInput): Promise<Record<string, unknown>> {
      const before = await deps.repo.lockProviderSettings(tx, provider);
      const values: Parameters<PaymentsRepository['saveProviderSettings']>[2] = { enabled: input.enabled, production: input.production };
      if (input.secretKey) values.secretKeySealed = box.seal(input.secretKey);
      if (input.webhookSecret) values.webhookSecretSealed = box.seal(input.webhookSecret);
      if (input.publicKey) values.publicKey = input.publicKey;
      await deps.repo.saveProviderSettings(tx, provider, values);
      const changed: Record<string, unknown> = {};
      if (before?.enabled !== input.enabled) changed.enabled = input.enabled;
      if (before?.production !== input.production) changed.production = input.production;
      // The audit log says a key changed and its last four characters, never the key.
      if (input.secretKey) changed.secretKey = `…${last4(input.secretKey)}`;
      if (input.webhookSecret) changed.webhookSecret = `…${last4(input.webhookSecret)}`;
      if (input.publicKey && input.publicKey !== before?.publicKey) changed.publicKey = `…${last4(input.publicKey)}`;
      return changed;
    },

    /** Forget the cached settings (after a save; other instances re-read within their cache's life). */
    invalidate() {
      cached = undefined;
    },
  };
}

export type ProviderSettings = ReturnType<typeof createProviderSettings>;
