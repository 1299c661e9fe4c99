/** Builds sitemap.xml and robots.txt for the shop's public URL. */
import type { SeoRepository } from './repository';
import { robotsTxt, sitemapUrls, sitemapXml } from './sitemap';

export function createSeoService(deps: { seo: SeoRepository; publicUrl: string }) {
  return {
    async sitemap(): Promise<string> {
      const [products, categories, profileUpdatedAt] = await Promise.all([
        deps.seo.findVisibleProducts(),
        deps.seo.findActiveCategories(),
        deps.seo.findProfileUpdatedAt(),
      ]);
      return sitemapXml(sitemapUrls(deps.publicUrl, { products, categories, profileUpdatedAt }));
    },
    robots: () => robotsTxt(deps.publicUrl),
  };
}

export type SeoService = ReturnType<typeof createSeoService>;
