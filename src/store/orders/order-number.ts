/**
 * Order numbers and guest links. A number is "HR-" + the WIB date (YYMMDD) + 6 random Crockford
 * base-32 characters: readable over the phone, no 0/O or 1/I confusion, and random so a number
 * says nothing about how many orders the shop gets. Guessing one is useless anyway: an order page
 * needs its owner's session, a staff role, or the signed guest link.
 */
import { createHmac, randomInt, timingSafeEqual } from 'node:crypto';
import { wibDateParts } from '../../lib/time';

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const ORDER_NUMBER_PATTERN = /^HR-\d{6}-[0-9A-HJKMNP-TV-Z]{6}$/;

export function newOrderNumber(now: Date = new Date()): string {
  const { year, month, day } = wibDateParts(now);
  const date = `${String(year % 100).padStart(2, '0')}${String(month).padStart(2, '0')}${String(day).padStart(2, '0')}`;
  let suffix = '';
  for (let i = 0; i < 6; i++) suffix += ALPHABET[randomInt(ALPHABET.length)];
  return `HR-${date}-${suffix}`;
}

const linkMac = (secret: string, number: string) =>
  createHmac('sha256', secret).update('hurtrock-order-link:').update(number).digest().subarray(0, 18);

/** The `k` parameter of a guest's order link (sent in the confirmation email). */
export function guestLinkKey(secret: string, number: string): string {
  return linkMac(secret, number).toString('base64url');
}

export function guestLinkValid(secret: string, number: string, key: unknown): boolean {
  if (typeof key !== 'string' || key.length > 64) return false;
  const given = Buffer.from(key, 'base64url');
  const expected = linkMac(secret, number);
  return given.length === expected.length && timingSafeEqual(given, expected);
}
