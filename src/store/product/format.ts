/**
 * Pure formatting for the product page: specification values and the meta description.
 */
import type { Locale } from '../../lib/i18n';

const kgFormats: Record<Locale, Intl.NumberFormat> = {
  id: new Intl.NumberFormat('id-ID', { maximumFractionDigits: 2 }),
  en: new Intl.NumberFormat('en-GB', { maximumFractionDigits: 2 }),
};
const cmFormats: Record<Locale, Intl.NumberFormat> = {
  id: new Intl.NumberFormat('id-ID', { maximumFractionDigits: 0 }),
  en: new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0 }),
};

/** Grams as kilograms the way a customer reads them: 4500 → "4,5 kg" (id) / "4.5 kg" (en). */
export function formatWeightKg(grams: number, locale: Locale): string {
  return `${kgFormats[locale].format(grams / 1000)}\u00a0kg`;
}

/** Packed size, length × width × height: "105 × 40 × 12 cm". */
export function formatDimensionsCm(lengthCm: number, widthCm: number, heightCm: number, locale: Locale): string {
  const f = cmFormats[locale];
  return `${f.format(lengthCm)} × ${f.format(widthCm)} × ${f.format(heightCm)}\u00a0cm`;
}

/** Search engines show about 155 characters: whitespace collapsed, cut at a word boundary with "…". */
export const META_DESCRIPTION_MAX = 155;

export function metaDescription(text: string, max = META_DESCRIPTION_MAX): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  if (clean.length <= max) return clean;
  const cut = clean.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  // A single very long word is cut mid-word rather than dropped.
  const head = space > max / 2 ? cut.slice(0, space) : cut;
  return `${head.replace(/[\s,.;:!?–-]+$/u, '')}…`;
}

/** Slugs are lower-case words joined by hyphens; anything else cannot match a product. */
export const PRODUCT_SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const MAX_SLUG_LENGTH = 220;

export function isProductSlug(value: string): boolean {
  return value.length <= MAX_SLUG_LENGTH && PRODUCT_SLUG.test(value);
}
