/**
 * The rules every driver applies to keys before touching anything, so a key can never climb out of
 * its folder or bucket prefix: "/"-separated segments of letters, digits, "_", "-" and ".", none
 * empty and none starting with a dot (no "..", no hidden files; the folder driver's temporary
 * files start with one, so no key collides with them), ending in an extension that names the
 * object's type.
 *
 * The type is part of the key because the folder driver has nowhere else to keep it: both
 * drivers refuse a content type that contradicts the extension, so they answer alike.
 */
import { StorageKeyError } from './types';

const SEGMENT = /^[A-Za-z0-9_-][A-Za-z0-9._-]{0,127}$/;
const MAX_KEY_LENGTH = 512;
const MAX_SEGMENTS = 8;

/** The types an upload may have; SVG and HTML are absent on purpose (they could run script when served). */
const TYPES: Readonly<Record<string, string>> = {
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  webp: 'image/webp',
  gif: 'image/gif',
  avif: 'image/avif',
  json: 'application/json',
};

/** Throws StorageKeyError unless `key` follows the rules; returns it unchanged. */
export function checkKey(key: unknown): string {
  if (typeof key !== 'string' || key.length === 0) throw new StorageKeyError(String(key), 'empty');
  if (key.length > MAX_KEY_LENGTH) throw new StorageKeyError(key, 'too long');
  const segments = key.split('/');
  if (segments.length > MAX_SEGMENTS) throw new StorageKeyError(key, 'too deep');
  if (!segments.every((s) => SEGMENT.test(s))) throw new StorageKeyError(key, 'only letters, digits, "_", "-" and "." between "/"');
  contentTypeOf(key);
  return key;
}

/** True when `key` is a valid key (for routes that answer 404 instead of throwing). */
export function isValidKey(key: unknown): key is string {
  try {
    checkKey(key);
    return true;
  } catch {
    return false;
  }
}

/** A list prefix: "" (everything) or valid segments followed by "/". */
export function checkPrefix(prefix: string): string {
  if (prefix === '') return prefix;
  const segments = prefix.split('/');
  if (segments.pop() !== '' || segments.length > MAX_SEGMENTS - 1 || !segments.every((s) => SEGMENT.test(s))) {
    throw new StorageKeyError(prefix, 'a prefix is folder names each followed by "/"');
  }
  return prefix;
}

/** The content type a key's extension names (throws for an extension we do not store). */
export function contentTypeOf(key: string): string {
  const dot = key.lastIndexOf('.');
  const type = dot > key.lastIndexOf('/') ? TYPES[key.slice(dot + 1).toLowerCase()] : undefined;
  if (!type) throw new StorageKeyError(key, `the extension must be one of ${Object.keys(TYPES).join(', ')}`);
  return type;
}

/** What put() checks in both drivers: a valid key whose extension agrees with the content type. */
export function checkPut(key: string, contentType: string): void {
  checkKey(key);
  const expected = contentTypeOf(key);
  if (contentType.split(';')[0]!.trim().toLowerCase() !== expected) {
    throw new StorageKeyError(key, `content type ${contentType} does not match the extension (${expected})`);
  }
}
