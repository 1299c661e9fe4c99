/**
 * TOTP rules for staff sign-in (RFC 6238 as authenticator apps do it): SHA-1, 6 digits, 30-second
 * steps, the current step ±1 accepted for clock drift. A code is refused when its step is not newer
 * than the last step used by that account, so a code seen over someone's shoulder cannot be
 * replayed within its window. Pure: the time comes from the caller.
 */
import { Secret, TOTP } from 'otpauth';

export const TOTP_ISSUER = 'Hurtrock Music Store';
export const TOTP_PERIOD = 30;
export const TOTP_DIGITS = 6;
/** Steps either side of the current one that are still accepted. */
export const TOTP_WINDOW = 1;

const SETTINGS = { algorithm: 'SHA1', digits: TOTP_DIGITS, period: TOTP_PERIOD } as const;

export type TotpCheck = { ok: true; step: number } | { ok: false; reason: 'malformed' | 'wrong' | 'reused' };

/** A fresh 160-bit secret, base32 (what the QR code and the manual-entry text carry). */
export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

/** The otpauth:// URI authenticator apps read from the QR code. */
export function totpUri(secretBase32: string, accountEmail: string): string {
  return new TOTP({ ...SETTINGS, issuer: TOTP_ISSUER, label: accountEmail, secret: Secret.fromBase32(secretBase32) }).toString();
}

/** Spaces and dashes people type ("123 456") are ignored; anything else than six digits is malformed. */
export function normalizeTotpCode(input: string): string | undefined {
  const code = input.replace(/[\s-]/g, '');
  return /^\d{6}$/.test(code) ? code : undefined;
}

export function totpStep(nowMs: number): number {
  return Math.floor(nowMs / 1000 / TOTP_PERIOD);
}

/** The code for a step (tests and the browser journey compute codes the same way an app does). */
export function totpCodeAt(secretBase32: string, nowMs: number): string {
  return TOTP.generate({ ...SETTINGS, secret: Secret.fromBase32(secretBase32), timestamp: nowMs });
}

/**
 * Checks a code against the secret at `nowMs`. `lastStep` is the newest step already used by the
 * account (null: none). The caller stores the returned step atomically before accepting it.
 */
export function checkTotp(secretBase32: string, input: string, nowMs: number, lastStep: number | null): TotpCheck {
  const token = normalizeTotpCode(input);
  if (!token) return { ok: false, reason: 'malformed' };
  const delta = TOTP.validate({ ...SETTINGS, token, secret: Secret.fromBase32(secretBase32), timestamp: nowMs, window: TOTP_WINDOW });
  if (delta === null) return { ok: false, reason: 'wrong' };
  const step = totpStep(nowMs) + delta;
  if (lastStep !== null && step <= lastStep) return { ok: false, reason: 'reused' };
  return { ok: true, step };
}
