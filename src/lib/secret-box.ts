/**
 * Encrypts small secrets kept in the database (the staff's TOTP secrets) with AES-256-GCM. The key
 * is derived from the session secret with HKDF and a purpose label, so it is never the cookie
 * signing key itself, and a leaked database dump alone does not give away anyone's second factor.
 * Sealed format: "v1." + base64url(iv ‖ tag ‖ ciphertext); GCM's tag makes any change detectable.
 */
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

const VERSION = 'v1.';
const IV_BYTES = 12;
const TAG_BYTES = 16;

export interface SecretBox {
  seal(plain: string): string;
  /** The plain text, or undefined when the value was tampered with, truncated or sealed with another key. */
  open(sealed: string): string | undefined;
}

/** `purpose` separates keys: a value sealed for one purpose never opens for another. */
export function createSecretBox(masterSecret: string, purpose: string): SecretBox {
  if (masterSecret.length < 16) throw new Error('secret-box: the master secret is too short');
  const key = Buffer.from(hkdfSync('sha256', masterSecret, 'hurtrock-secret-box', `hurtrock:${purpose}`, 32));
  return {
    seal(plain) {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return VERSION + Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url');
    },
    open(sealed) {
      if (!sealed.startsWith(VERSION)) return undefined;
      const raw = Buffer.from(sealed.slice(VERSION.length), 'base64url');
      if (raw.length < IV_BYTES + TAG_BYTES) return undefined;
      try {
        const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, IV_BYTES));
        decipher.setAuthTag(raw.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
        return Buffer.concat([decipher.update(raw.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString('utf8');
      } catch {
        return undefined;
      }
    },
  };
}
