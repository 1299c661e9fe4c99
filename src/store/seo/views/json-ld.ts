/**
 * schema.org data for search engines, written into the page as
 * `<script type="application/ld+json">`: a data block the browser never executes, so the CSP
 * (no inline scripts) is kept.
 */

export interface ProductJsonLdInput {
  name: string;
  description: string;
  sku: string;
  brand: string;
  model: string;
  /** Whole rupiah. */
  price: number;
  inStock: boolean;
  /** Absolute URLs. */
  url: string;
  images: string[];
  category?: string;
}

export function productJsonLd(p: ProductJsonLdInput): Record<string, unknown> {
  return {
    '@context': 'https://schema.org',
    '@type': 'Product',
    name: p.name,
    description: p.description,
    sku: p.sku,
    ...(p.model ? { model: p.model } : {}),
    ...(p.category ? { category: p.category } : {}),
    brand: { '@type': 'Brand', name: p.brand },
    image: p.images,
    url: p.url,
    offers: {
      '@type': 'Offer',
      url: p.url,
      priceCurrency: 'IDR',
      price: p.price,
      availability: p.inStock ? 'https://schema.org/InStock' : 'https://schema.org/OutOfStock',
      itemCondition: 'https://schema.org/NewCondition',
    },
  };
}

export interface BreadcrumbItem {
  name: string;
  /** Absolute URL. */
  url: string;
}

export function breadcrumbJsonLd(items: readonly BreadcrumbItem[]): Record<string, unknown> {
  return {
    '@context': 'https://schema.org',
    '@type': 'BreadcrumbList',
    itemListElement: items.map((item, i) => ({ '@type': 'ListItem', position: i + 1, name: item.name, item: item.url })),
  };
}

/**
 * JSON that is safe inside a `<script>` element: `<` (so no `</script>` or `<!--`), `>` and `&`
 * are escaped as \u sequences, and so are U+2028/U+2029. The result is still the same JSON.
 */
export function serializeJsonLd(data: unknown): string {
  return JSON.stringify(data)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

export interface StoreJsonLdInput {
  name: string;
  url: string;
  telephone: string;
  email: string;
  street: string;
  city: string;
  province: string;
  postalCode: string;
  mapsUrl?: string | null;
  openingHours: readonly { day: number; open: string; close: string }[];
}

const SCHEMA_DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** The shop as a schema.org MusicStore (a LocalBusiness): address, phone and opening hours. */
export function storeJsonLd(s: StoreJsonLdInput): Record<string, unknown> {
  return {
    '@context': 'https://schema.org',
    '@type': 'MusicStore',
    name: s.name,
    url: s.url,
    telephone: s.telephone,
    email: s.email,
    ...(s.mapsUrl ? { hasMap: s.mapsUrl } : {}),
    address: {
      '@type': 'PostalAddress',
      streetAddress: s.street,
      addressLocality: s.city,
      addressRegion: s.province,
      postalCode: s.postalCode,
      addressCountry: 'ID',
    },
    openingHoursSpecification: s.openingHours.map((p) => ({
      '@type': 'OpeningHoursSpecification',
      dayOfWeek: `https://schema.org/${SCHEMA_DAYS[p.day]}`,
      opens: p.open,
      closes: p.close,
    })),
  };
}
