/**
 * The message catalog: Indonesian first, English second. Views never hard-code user-facing text.
 * Areas add their file under messages/ and one line to `areas` below.
 */
import { accounts } from './messages/accounts';
import { admin } from './messages/admin';
import { adminAudit } from './messages/admin-audit';
import { adminDashboard } from './messages/admin-dashboard';
import { adminStock } from './messages/admin-stock';
import { adminReports } from './messages/admin-reports';
import { adminCatalog } from './messages/admin-catalog';
import { adminProducts } from './messages/admin-products';
import { adminShipping } from './messages/admin-shipping';
import { api } from './messages/api';
import { apiTokens } from './messages/api-tokens';
import { cart } from './messages/cart';
import { catalog } from './messages/catalog';
import { chat } from './messages/chat';
import { checkout } from './messages/checkout';
import { common } from './messages/common';
import { home } from './messages/home';
import { labels } from './messages/labels';
import { orders } from './messages/orders';
import { ordersDesk } from './messages/orders-desk';
import { payments } from './messages/payments';
import { product } from './messages/product';
import { productImport } from './messages/product-import';
import { settings } from './messages/settings';
import { storePage } from './messages/store-page';
import { transferProof } from './messages/transfer-proof';
import { twoFactor } from './messages/two-factor';
import { users } from './messages/users';

const areas = [
  common,
  home,
  catalog,
  api,
  apiTokens,
  accounts,
  product,
  storePage,
  cart,
  chat,
  checkout,
  orders,
  transferProof,
  admin,
  adminDashboard,
  adminAudit,
  adminStock,
  adminReports,
  adminCatalog,
  adminProducts,
  productImport,
  adminShipping,
  labels,
  ordersDesk,
  twoFactor,
  settings,
  users,
  payments,
] as const;

type Area = (typeof areas)[number];
type UnionToIntersection<U> = (U extends unknown ? (x: U) => void : never) extends (x: infer I) => void ? I : never;
export type Messages = { readonly [K in keyof UnionToIntersection<Area['id']>]: string };
export type MessageKey = keyof Messages;
export type Locale = 'id' | 'en';
export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

export const LOCALES: readonly Locale[] = ['id', 'en'];
export const DEFAULT_LOCALE: Locale = 'id';

function merge(locale: Locale): Messages {
  const merged: Record<string, string> = {};
  for (const area of areas) {
    for (const [key, text] of Object.entries(area[locale])) {
      if (key in merged) throw new Error(`Message key "${key}" is defined by two areas`);
      merged[key] = text;
    }
  }
  return merged as Messages;
}

export const catalogs: Record<Locale, Messages> = { id: merge('id'), en: merge('en') };

export function isLocale(value: unknown): value is Locale {
  return value === 'id' || value === 'en';
}

function buildTranslator(locale: Locale): Translate {
  const messages = catalogs[locale];
  return (key, params) => {
    // A `<key>.one` variant, where the catalog has one, is used for a count of exactly 1.
    const singular = params?.count === 1 ? messages[`${key}.one` as MessageKey] : undefined;
    const text = singular ?? messages[key] ?? key;
    return params ? text.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m)) : text;
  };
}

/** One translator per language, built once: every request asks for one. */
const translators = new Map<Locale, Translate>();

export function translator(locale: Locale): Translate {
  let t = translators.get(locale);
  if (!t) {
    t = buildTranslator(locale);
    translators.set(locale, t);
  }
  return t;
}

/** A zod issue message that names a catalog key (forms show it translated). */
export function isMessageKey(value: string): value is MessageKey {
  return Object.hasOwn(catalogs.id, value);
}
