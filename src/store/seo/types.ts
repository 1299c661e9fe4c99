/** What the sitemap lists. */

export interface SitemapRow {
  slug: string;
  updatedAt: Date;
}
