import type { CatalogRepository, CategoryTileRow, ProductCardRow } from './repository';

export const FEATURED_ON_HOME = 8;

export interface HomeCatalog {
  featured: ProductCardRow[];
  categories: CategoryTileRow[];
}

export function createCatalogService(deps: { catalog: CatalogRepository }) {
  return {
    async homeCatalog(): Promise<HomeCatalog> {
      const [featured, categories] = await Promise.all([
        deps.catalog.findFeaturedProducts(FEATURED_ON_HOME),
        deps.catalog.findTopCategoryTiles(),
      ]);
      return { featured, categories };
    },
  };
}

export type CatalogService = ReturnType<typeof createCatalogService>;
