/**
 * sitemap.xml and robots.txt, built from plain data (no HTTP, no database).
 */

export interface SitemapUrl {
  /** Absolute URL. */
  loc: string;
  lastmod?: Date;
}

const XML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };
export const escapeXml = (value: string) => value.replace(/[&<>"']/g, (c) => XML_ESCAPES[c]!);

/** W3C date (YYYY-MM-DD), which every search engine accepts. */
const w3cDate = (date: Date) => date.toISOString().slice(0, 10);

export function sitemapXml(urls: readonly SitemapUrl[]): string {
  const body = urls
    .map((u) => `  <url><loc>${escapeXml(u.loc)}</loc>${u.lastmod ? `<lastmod>${w3cDate(u.lastmod)}</lastmod>` : ''}</url>`)
    .join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${body}\n</urlset>\n`;
}

/** Everything may be crawled except the back office and customers' own pages. */
export function robotsTxt(publicUrl: string): string {
  return ['User-agent: *', 'Allow: /', 'Disallow: /admin', 'Disallow: /akun', '', `Sitemap: ${publicUrl}/sitemap.xml`, ''].join('\n');
}

export interface SitemapData {
  products: readonly { slug: string; updatedAt: Date }[];
  categories: readonly { slug: string; updatedAt: Date }[];
  profileUpdatedAt?: Date;
}

/** Home, the catalog, the store page, every category listing and every product page. */
export function sitemapUrls(publicUrl: string, data: SitemapData): SitemapUrl[] {
  const newest = [...data.products, ...data.categories].reduce<Date | undefined>(
    (latest, row) => (!latest || row.updatedAt > latest ? row.updatedAt : latest),
    undefined,
  );
  return [
    { loc: `${publicUrl}/`, lastmod: newest },
    { loc: `${publicUrl}/produk`, lastmod: newest },
    { loc: `${publicUrl}/toko`, lastmod: data.profileUpdatedAt },
    ...data.categories.map((c) => ({ loc: `${publicUrl}/produk?kategori=${encodeURIComponent(c.slug)}`, lastmod: c.updatedAt })),
    ...data.products.map((p) => ({ loc: `${publicUrl}/produk/${encodeURIComponent(p.slug)}`, lastmod: p.updatedAt })),
  ];
}
