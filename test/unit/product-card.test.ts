import { h } from 'preact';
import { describe, expect, it } from 'vitest';
import type { ProductCardRow } from '../../src/store/catalog/types';
import { ProductCard } from '../../src/store/catalog/views/product-card';
import { IconSymbols } from '../../src/store/ui/icon';
import type { PageContext } from '../../src/store/ui/page-context';
import { renderDocument } from '../../src/store/ui/render';
import { testAssets, testPageContext } from '../helpers/page-context';

const assets = testAssets({ 'cart-plus': '<symbol id="cart-plus"/>' });
const profile = { name: 'Hurtrock' } as unknown as PageContext['profile'];
const context = (csrfToken?: string) => testPageContext({ assets, profile, path: '/produk', csrfToken, inlineIcons: new Set() });

let nextId = 9000;
function card(overrides: Partial<ProductCardRow> = {}): ProductCardRow {
  return {
    id: nextId++,
    slug: 'ibanez-rg550',
    name: 'Ibanez RG550 Genesis',
    brand: 'Ibanez',
    model: 'RG550',
    price: 14_500_000,
    stock: 12,
    lowStockThreshold: 3,
    isFeatured: false,
    image: {
      storageKey: 'products/rg550',
      alt: 'Ibanez RG550',
      sizes: [
        { width: 320, height: 240 },
        { width: 640, height: 480 },
      ],
    },
    ...overrides,
  } as ProductCardRow;
}

const page = (product: ProductCardRow, eager = false) => h('main', null, h(ProductCard, { product, eager }), h(IconSymbols, {}));
const shared = (product: ProductCardRow, eager = false) => renderDocument(page(product, eager), context());
/** The same card on a page with a session: rendered directly, its form carrying the token. */
const direct = (product: ProductCardRow, eager = false) =>
  renderDocument(page(product, eager), context('T0KEN')).replace('<input type="hidden" name="_csrf" value="T0KEN"/>', '');

describe('ProductCard on a page without a session: rendered once per key', () => {
  it('writes the same HTML from its cache as rendered directly, for every kind of card', () => {
    const cards = [
      card(),
      card({ stock: 2 }),
      card({ stock: 0 }),
      card({ isFeatured: true }),
      card({ image: null }),
      card({ name: 'Tama "Starclassic" <Maple> & Co' }),
    ];
    for (const c of cards) {
      const first = shared(c);
      expect(shared(c)).toBe(first);
      expect(first).toBe(direct(c));
      expect(shared(c, true)).toBe(direct(c, true));
    }
  });

  it('shows a changed price, stock or name at once (the key names them), never the earlier card', () => {
    const c = card();
    expect(shared(c)).toContain('stock-in');
    expect(shared({ ...c, price: 15_000_000 })).toMatch(/Rp\s15\.000\.000/);
    expect(shared({ ...c, stock: 2 })).toMatch(/stock-low">[^<]*2/);
    expect(shared({ ...c, stock: 1 })).toMatch(/stock-low">[^<]*1/);
    // Above the threshold the card reads the same at 12 and at 11 units: one key for both.
    expect(shared({ ...c, stock: 11 })).toBe(shared(c));
    expect(shared({ ...c, stock: 0 })).not.toContain('product-card-add');
    expect(shared({ ...c, name: 'Ibanez RG550 Road Flare Red' })).toContain('Road Flare Red');
    expect(shared(c)).toBe(direct(c));
  });

  it('carries its icon into the page when the card comes from the cache', () => {
    const c = card();
    shared(c);
    expect(shared(c)).toContain('<symbol id="cart-plus"/>');
  });
});
