/**
 * Recovery codes: ten per enrolment, shown once, stored only as SHA-256 hashes, each spent once.
 * Format "ab12c-3de45": ten characters from an alphabet without look-alikes (no 0/o, 1/l/i), about
 * 50 bits each — far beyond what the login lock-out lets anyone guess.
 */
import { randomInt } from 'node:crypto';
import { sha256 } from '../../../lib/tokens';

export const RECOVERY_CODE_COUNT = 10;
const ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';
const HALF = 5;
const FORMAT = new RegExp(`^[${ALPHABET}]{${HALF}}-[${ALPHABET}]{${HALF}}$`);

function half(): string {
  let out = '';
  for (let i = 0; i < HALF; i++) out += ALPHABET[randomInt(ALPHABET.length)];
  return out;
}

export function newRecoveryCodes(count = RECOVERY_CODE_COUNT): string[] {
  const codes = new Set<string>();
  while (codes.size < count) codes.add(`${half()}-${half()}`);
  return [...codes];
}

/** Lower-cased, spaces removed, the dash put back if it was left out; undefined when it cannot be a code. */
export function normalizeRecoveryCode(input: string): string | undefined {
  const compact = input.toLowerCase().replace(/[\s-]/g, '');
  if (compact.length !== HALF * 2) return undefined;
  const code = `${compact.slice(0, HALF)}-${compact.slice(HALF)}`;
  return FORMAT.test(code) ? code : undefined;
}

export const hashRecoveryCode = (code: string): string => sha256(code);
