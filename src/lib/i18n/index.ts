/**
 * The message catalog: Indonesian first, English second. Views never hard-code user-facing text.
 */
import { en } from './en';
import { id } from './id';

export type Messages = { readonly [K in keyof typeof id]: string };
export type MessageKey = keyof Messages;
export type Locale = 'id' | 'en';
export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

export const LOCALES: readonly Locale[] = ['id', 'en'];
export const DEFAULT_LOCALE: Locale = 'id';

const catalogs: Record<Locale, Messages> = { id, en };

export function isLocale(value: unknown): value is Locale {
  return value === 'id' || value === 'en';
}

export function translator(locale: Locale): Translate {
  const messages = catalogs[locale];
  return (key, params) => {
    // A `<key>.one` variant, where the catalog has one, is used for a count of exactly 1.
    const singular = params?.count === 1 ? messages[`${key}.one` as MessageKey] : undefined;
    const text = singular ?? messages[key] ?? id[key] ?? key;
    return params ? text.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m)) : text;
  };
}
