import { describe, expect, it } from 'vitest';
import { breadcrumbJsonLd, productJsonLd, serializeJsonLd, storeJsonLd } from '../../src/store/seo/views/json-ld';
import { escapeXml, robotsTxt, sitemapUrls, sitemapXml } from '../../src/store/seo/sitemap';
import { etagMatches, pageEtag } from '../../src/store/plugins/pages';

const input = {
  name: 'Ibanez RG550',
  description: 'Shred',
  sku: 'GTR-1',
  brand: 'Ibanez',
  model: 'RG550',
  price: 17_500_000,
  inStock: true,
  url: 'https://toko.example/produk/ibanez-rg550',
  images: ['https://toko.example/media/products/k-1280.jpg'],
};

describe('productJsonLd', () => {
  it('is a schema.org Product with brand, sku, images and an Offer in IDR', () => {
    expect(productJsonLd(input)).toEqual({
      '@context': 'https://schema.org',
      '@type': 'Product',
      name: 'Ibanez RG550',
      description: 'Shred',
      sku: 'GTR-1',
      model: 'RG550',
      brand: { '@type': 'Brand', name: 'Ibanez' },
      image: input.images,
      url: input.url,
      offers: {
        '@type': 'Offer',
        url: input.url,
        priceCurrency: 'IDR',
        price: 17_500_000,
        availability: 'https://schema.org/InStock',
        itemCondition: 'https://schema.org/NewCondition',
      },
    });
  });

  it('says OutOfStock when nothing is left', () => {
    expect(productJsonLd({ ...input, inStock: false }).offers).toMatchObject({ availability: 'https://schema.org/OutOfStock' });
  });

  it('breadcrumbs are numbered from 1', () => {
    const list = breadcrumbJsonLd([
      { name: 'A', url: 'u1' },
      { name: 'B', url: 'u2' },
    ]);
    expect(list.itemListElement).toEqual([
      { '@type': 'ListItem', position: 1, name: 'A', item: 'u1' },
      { '@type': 'ListItem', position: 2, name: 'B', item: 'u2' },
    ]);
  });

  it('the store is a MusicStore with its opening hours', () => {
    const ld = storeJsonLd({
      name: 'S',
      url: 'u',
      telephone: '1',
      email: 'e',
      street: 's',
      city: 'c',
      province: 'p',
      postalCode: '40153',
      openingHours: [{ day: 1, open: '09:30', close: '18:00' }],
    });
    expect(ld.openingHoursSpecification).toEqual([
      { '@type': 'OpeningHoursSpecification', dayOfWeek: 'https://schema.org/Monday', opens: '09:30', closes: '18:00' },
    ]);
  });
});

describe('serializeJsonLd', () => {
  it('cannot close the script element, and still parses to the same value', () => {
    const value = { name: '</script><script>alert(1)</script> & <!-- \u2028' };
    const text = serializeJsonLd(value);
    expect(text).not.toMatch(/[<>&\u2028]/);
    expect(JSON.parse(text)).toEqual(value);
  });
});

describe('sitemap and robots', () => {
  it('escapes XML and formats lastmod as a date', () => {
    const xml = sitemapXml([{ loc: 'https://x/produk?a=1&b=<2>', lastmod: new Date('2026-11-25T20:00:00Z') }, { loc: 'https://x/' }]);
    expect(xml).toContain('<url><loc>https://x/produk?a=1&amp;b=&lt;2&gt;</loc><lastmod>2026-11-25</lastmod></url>');
    expect(xml).toContain('<url><loc>https://x/</loc></url>');
    expect(escapeXml(`"'`)).toBe('&quot;&apos;');
  });

  it('lists fixed pages first, then categories and products; home carries the newest change', () => {
    const old = new Date('2026-01-01T00:00:00Z');
    const recent = new Date('2026-11-01T00:00:00Z');
    const urls = sitemapUrls('https://x', {
      products: [{ slug: 'a', updatedAt: recent }],
      categories: [{ slug: 'gitar', updatedAt: old }],
      profileUpdatedAt: old,
    });
    expect(urls.map((u) => u.loc)).toEqual([
      'https://x/',
      'https://x/produk',
      'https://x/toko',
      'https://x/produk?kategori=gitar',
      'https://x/produk/a',
    ]);
    expect(urls[0]!.lastmod).toEqual(recent);
  });

  it('robots.txt', () => {
    expect(robotsTxt('https://x')).toBe('User-agent: *\nAllow: /\nDisallow: /admin\nDisallow: /akun\n\nSitemap: https://x/sitemap.xml\n');
  });
});

describe('page ETags', () => {
  it('are weak, change with the content and ignore the per-render CSRF token', () => {
    const a = pageEtag('<p>1</p><meta content="TOKEN1">', 'TOKEN1');
    expect(a).toMatch(/^W\/"[\w-]+"$/);
    expect(pageEtag('<p>1</p><meta content="OTHER2">', 'OTHER2')).toBe(a);
    expect(pageEtag('<p>2</p><meta content="TOKEN1">', 'TOKEN1')).not.toBe(a);
  });

  it('If-None-Match: weak comparison, lists and *', () => {
    expect(etagMatches('W/"abc"', 'W/"abc"')).toBe(true);
    expect(etagMatches('"abc"', 'W/"abc"')).toBe(true);
    expect(etagMatches('"x", W/"abc"', 'W/"abc"')).toBe(true);
    expect(etagMatches('*', 'W/"abc"')).toBe(true);
    expect(etagMatches('W/"abd"', 'W/"abc"')).toBe(false);
    expect(etagMatches(undefined, 'W/"abc"')).toBe(false);
  });
});
