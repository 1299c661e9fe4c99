/**
 * Two-factor rules with a fixed clock: TOTP codes (valid, drift of one step, expired, reused
 * window, wrong, malformed), the encrypted secret box (round trip, tamper detection, key
 * separation) and the recovery codes' format and hash.
 */
import { Secret, TOTP } from 'otpauth';
import { describe, expect, it } from 'vitest';
import { createSecretBox } from '../../src/lib/secret-box';
import { sha256 } from '../../src/lib/tokens';
import {
  hashRecoveryCode,
  newRecoveryCodes,
  normalizeRecoveryCode,
  RECOVERY_CODE_COUNT,
} from '../../src/store/accounts/two-factor/recovery-codes';
import { checkTotp, newTotpSecret, normalizeTotpCode, totpCodeAt, totpStep, totpUri } from '../../src/store/accounts/two-factor/totp';

// RFC 6238's SHA-1 test key ("12345678901234567890") in base32, and its published vector at 59 s.
const RFC_SECRET = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';
const NOW = Date.UTC(2026, 11, 3, 12, 0, 15);
const STEP = totpStep(NOW);

describe('TOTP codes', () => {
  it('match the RFC 6238 test vector (SHA-1, 30 s; the RFC prints 8 digits, apps show the last 6)', () => {
    expect(totpCodeAt(RFC_SECRET, 59_000)).toBe('287082');
  });

  it('accepts the current code and answers its step', () => {
    expect(checkTotp(RFC_SECRET, totpCodeAt(RFC_SECRET, NOW), NOW, null)).toEqual({ ok: true, step: STEP });
  });

  it('accepts one step of clock drift either way, not two', () => {
    expect(checkTotp(RFC_SECRET, totpCodeAt(RFC_SECRET, NOW - 30_000), NOW, null)).toEqual({ ok: true, step: STEP - 1 });
    expect(checkTotp(RFC_SECRET, totpCodeAt(RFC_SECRET, NOW + 30_000), NOW, null)).toEqual({ ok: true, step: STEP + 1 });
    expect(checkTotp(RFC_SECRET, totpCodeAt(RFC_SECRET, NOW - 60_000), NOW, null)).toEqual({ ok: false, reason: 'wrong' });
    expect(checkTotp(RFC_SECRET, totpCodeAt(RFC_SECRET, NOW + 60_000), NOW, null)).toEqual({ ok: false, reason: 'wrong' });
  });

  it('refuses a code whose step is not newer than the last one used (no replay within the window)', () => {
    const code = totpCodeAt(RFC_SECRET, NOW);
    expect(checkTotp(RFC_SECRET, code, NOW, STEP)).toEqual({ ok: false, reason: 'reused' });
    // The previous step's code, still inside the window, after the current one was used.
    expect(checkTotp(RFC_SECRET, totpCodeAt(RFC_SECRET, NOW - 30_000), NOW, STEP)).toEqual({ ok: false, reason: 'reused' });
    // The next step's code is newer: accepted.
    expect(checkTotp(RFC_SECRET, totpCodeAt(RFC_SECRET, NOW + 30_000), NOW, STEP)).toEqual({ ok: true, step: STEP + 1 });
  });

  it('refuses a wrong code and malformed input', () => {
    const good = totpCodeAt(RFC_SECRET, NOW);
    const wrong = String((Number(good) + 1) % 1_000_000).padStart(6, '0');
    expect(checkTotp(RFC_SECRET, wrong, NOW, null)).toEqual({ ok: false, reason: 'wrong' });
    for (const bad of ['', '12345', '1234567', 'abcdef', '12 34 5x', '１２３４５６']) {
      expect(checkTotp(RFC_SECRET, bad, NOW, null), bad).toEqual({ ok: false, reason: 'malformed' });
    }
    expect(normalizeTotpCode(' 123 456 ')).toBe('123456');
    expect(normalizeTotpCode('123-456')).toBe('123456');
  });

  it('makes 160-bit base32 secrets and an otpauth:// URI with the issuer and the account', () => {
    const secret = newTotpSecret();
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(newTotpSecret()).not.toBe(secret);
    const uri = totpUri(secret, 'gudang@hurtrock.example');
    expect(uri).toMatch(/^otpauth:\/\/totp\//);
    const parsed = new URL(uri);
    expect(parsed.searchParams.get('issuer')).toBe('Hurtrock Music Store');
    expect(parsed.searchParams.get('secret')).toBe(secret);
    expect(parsed.searchParams.get('digits')).toBe('6');
    expect(parsed.searchParams.get('period')).toBe('30');
    expect(decodeURIComponent(parsed.pathname)).toContain('gudang@hurtrock.example');
    // What an authenticator app computes from the URI is what the server accepts.
    const app = new TOTP({ secret: Secret.fromBase32(secret) });
    expect(checkTotp(secret, app.generate({ timestamp: NOW }), NOW, null).ok).toBe(true);
  });
});

describe('secret box', () => {
  const box = createSecretBox('test-session-secret-'.padEnd(48, 'x'), 'totp-secret');

  it('round-trips, and never stores the plain text', () => {
    const sealed = box.seal(RFC_SECRET);
    expect(sealed).not.toContain(RFC_SECRET);
    expect(sealed.startsWith('v1.')).toBe(true);
    expect(box.open(sealed)).toBe(RFC_SECRET);
    // A fresh IV each time: the same secret never looks the same twice.
    expect(box.seal(RFC_SECRET)).not.toBe(sealed);
  });

  it('detects tampering and truncation', () => {
    const sealed = box.seal(RFC_SECRET);
    const raw = Buffer.from(sealed.slice(3), 'base64url');
    for (const at of [0, 12, 20, raw.length - 1]) {
      const flipped = Buffer.from(raw);
      flipped[at] = (flipped[at] ?? 0) ^ 1;
      expect(box.open(`v1.${flipped.toString('base64url')}`), `byte ${at}`).toBeUndefined();
    }
    expect(box.open(sealed.slice(0, 20))).toBeUndefined();
    expect(box.open('v2.' + sealed.slice(3))).toBeUndefined();
    expect(box.open('not sealed')).toBeUndefined();
  });

  it('does not open with another master secret or for another purpose', () => {
    const sealed = box.seal(RFC_SECRET);
    expect(createSecretBox('another-session-secret-'.padEnd(48, 'z'), 'totp-secret').open(sealed)).toBeUndefined();
    expect(createSecretBox('test-session-secret-'.padEnd(48, 'x'), 'something-else').open(sealed)).toBeUndefined();
  });
});

describe('recovery codes', () => {
  it('are ten distinct codes like ab12c-3de45 without look-alike characters', () => {
    const codes = newRecoveryCodes();
    expect(codes).toHaveLength(RECOVERY_CODE_COUNT);
    expect(new Set(codes).size).toBe(RECOVERY_CODE_COUNT);
    for (const code of codes) {
      expect(code).toMatch(/^[a-z2-9]{5}-[a-z2-9]{5}$/);
      expect(code).not.toMatch(/[01ilo]/);
    }
  });

  it('are read forgivingly (case, spaces, a missing dash) and refused when they cannot be codes', () => {
    expect(normalizeRecoveryCode('AB23C-3DE45')).toBe('ab23c-3de45');
    expect(normalizeRecoveryCode(' ab23c 3de45 ')).toBe('ab23c-3de45');
    expect(normalizeRecoveryCode('ab23c3de45')).toBe('ab23c-3de45');
    for (const bad of ['', 'ab23c-3de4', 'ab23c-3de456', 'ab10c-3de45', 'ab23c_3de45', '123456']) {
      expect(normalizeRecoveryCode(bad), bad).toBeUndefined();
    }
  });

  it('are stored as their SHA-256 hash', () => {
    expect(hashRecoveryCode('ab23c-3de45')).toBe(sha256('ab23c-3de45'));
    expect(hashRecoveryCode('ab23c-3de45')).toMatch(/^[0-9a-f]{64}$/);
  });
});
