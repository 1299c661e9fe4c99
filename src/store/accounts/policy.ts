/**
 * Pure rules of the accounts area: password policy, Indonesian phone numbers, safe `next=`
 * redirects and clean text. No I/O except reading the common-password list once.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../../lib/project-root';
import type { UserRole } from '../../db/schema';

export const MIN_PASSWORD_LENGTH = 10;
export const MAX_PASSWORD_LENGTH = 200;

let common: Set<string> | undefined;
function commonPasswords(): Set<string> {
  // ~1,000 most common passwords (SecLists top-1000 plus Indonesian favourites), one a line.
  common ??= new Set(
    readFileSync(path.join(projectRoot(), 'src/store/accounts/common-passwords.txt'), 'utf8')
      .split('\n')
      .map((l) => l.trim().toLowerCase())
      .filter(Boolean),
  );
  return common;
}

export type PasswordProblem = 'tooShort' | 'tooLong' | 'common' | 'sameAsEmail';

/**
 * Why a password is refused, or undefined when it is acceptable. A common password padded with
 * digits or symbols ("password2024!", "123456789012") is as weak as the word itself.
 */
export function passwordProblem(password: string, email?: string): PasswordProblem | undefined {
  if (password.length < MIN_PASSWORD_LENGTH) return 'tooShort';
  if (password.length > MAX_PASSWORD_LENGTH) return 'tooLong';
  const lower = password.toLowerCase();
  if (email) {
    const e = email.trim().toLowerCase();
    if (lower === e || lower === e.split('@')[0]) return 'sameAsEmail';
  }
  const list = commonPasswords();
  const stem = lower.replace(/^[^a-z]+/, '').replace(/[^a-z]+$/, '');
  if (list.has(lower) || (stem && list.has(stem)) || /^(.)\1+$/.test(lower) || /^\d+$/.test(lower)) return 'common';
  return undefined;
}

/**
 * Where to go after login: only a path on this site. "//evil.example", "/\\evil.example",
 * "https://evil.example" and anything with control characters fall back to `fallback`.
 */
export function safeNextPath(next: unknown, fallback = '/akun'): string {
  if (typeof next !== 'string' || next.length === 0 || next.length > 2000) return fallback;
  if (!next.startsWith('/') || next.startsWith('//') || next.includes('\\') || /[\u0000-\u001f\u007f]/.test(next)) return fallback;
  try {
    const base = 'http://hurtrock.invalid';
    const url = new URL(next, base);
    if (url.origin !== base) return fallback;
    const path = url.pathname + url.search + url.hash;
    // Check what is returned, not only what came in: dot segments normalise away, so
    // "/.//evil.example/x" (or "/..//", "/%2e//", "/a/..//") becomes the protocol-relative
    // "//evil.example/x", which a browser follows off-site.
    if (!path.startsWith('/') || path.startsWith('//') || path.includes('\\')) return fallback;
    return path;
  } catch {
    return fallback;
  }
}

/** Where a login without a (safe) `next` lands: the back office for staff and admins, else the account page. */
export function landingPath(role: UserRole): string {
  return role === 'customer' ? '/akun' : '/admin';
}

/** The `next` a login form was given, if it is a safe local path; undefined otherwise. */
export function askedNextPath(next: unknown): string | undefined {
  return safeNextPath(next, '') || undefined;
}

/**
 * Text fields from forms: trims, and tells invalid input apart. U+FFFD is what a decoder leaves
 * for invalid UTF-8; control characters have no place in a name or address.
 */
export function hasInvalidCharacters(value: string): boolean {
  return /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\ufffd]/.test(value);
}
