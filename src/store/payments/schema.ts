/**
 * The back office's form for one payment provider (P6): switched on or off, production or
 * sandbox (Midtrans; Stripe's mode follows its key), and keys. A blank key field keeps the saved
 * key, so keys never travel back to the browser; a provider cannot be switched on without the
 * keys it needs (from this form, the saved settings or the server's environment).
 */
import type { FieldErrors, FormValues } from '../ui/form';
import type { ProviderSettingsInput } from './provider-settings';
import type { Gateway, ProviderSummary } from './types';

/** A key as the providers issue them: printable, no spaces, of a sane length. */
const KEY_PATTERN = /^[\x21-\x7e]{8,300}$/;

/** Fields this form has, per provider (also the only ones read from the body). */
export const PROVIDER_KEY_FIELDS: Record<Gateway, readonly ('secretKey' | 'publicKey' | 'webhookSecret')[]> = {
  midtrans: ['secretKey', 'publicKey'],
  stripe: ['secretKey', 'webhookSecret'],
};

/** Keys are never echoed into a re-rendered form; the client key is public and may be. */
const SECRET_FIELDS = new Set(['secretKey', 'webhookSecret']);

export type ProviderFormResult = { ok: true; data: ProviderSettingsInput } | { ok: false; values: FormValues; errors: FieldErrors };

const checked = (value: unknown) => value === 'on' || value === '1' || value === 'true';

export function parseProviderForm(provider: Gateway, body: unknown, current: ProviderSummary | undefined): ProviderFormResult {
  const raw = (body && typeof body === 'object' ? body : {}) as Record<string, unknown>;
  const values: FormValues = {};
  const errors: FieldErrors = {};
  const data: ProviderSettingsInput = { enabled: checked(raw.enabled), production: provider === 'midtrans' && checked(raw.production) };
  if (data.enabled) values.enabled = 'on';
  if (data.production) values.production = 'on';
  for (const field of PROVIDER_KEY_FIELDS[provider]) {
    const value = typeof raw[field] === 'string' ? (raw[field] as string).trim() : '';
    if (!SECRET_FIELDS.has(field)) values[field] = value.slice(0, 300);
    if (value === '') continue;
    if (!KEY_PATTERN.test(value)) errors[field] = 'adminPayments.error.key';
    else data[field] = value;
  }
  // Switching on needs every required key, from this form or already saved / in the environment.
  if (data.enabled) {
    for (const key of current?.keys ?? []) {
      if (key.required && key.source === 'none' && !data[key.name] && !errors[key.name]) errors[key.name] = 'adminPayments.error.needKey';
    }
  }
  return Object.keys(errors).length > 0 ? { ok: false, values, errors } : { ok: true, data };
}
