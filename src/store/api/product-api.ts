/**
 * `GET /api/v1/products/:slug`: one visible product with its details, category path, images and
 * related products (the same data and freshness rules as the product page).
 */
import { z } from 'zod';
import { AppError } from '../../lib/errors';
import type { ProductService } from '../product/service';
import { imageUrl, LARGEST_IMAGE_WIDTH, srcSet } from '../ui/image-urls';
import { productSummary } from './catalog-api';
import type { ApiRegistry } from './registry';
import { categoryLinkSchema, productSummarySchema } from './schemas';

const productSchema = productSummarySchema
  .extend({
    sku: z.string(),
    description: z.string(),
    stock: z.int().describe('Units in stock now'),
    weight_grams: z.int(),
    dimensions_cm: z.object({ length: z.int(), width: z.int(), height: z.int() }),
    categories: z.array(categoryLinkSchema).describe('The category path, root first'),
    images: z.array(z.object({ alt: z.string(), webp_srcset: z.string(), jpg_srcset: z.string(), large_jpg: z.string() })),
    related: z.array(productSummarySchema),
  })
  .meta({ id: 'Product' });

export function registerProductApi(api: ApiRegistry, deps: { products: ProductService }) {
  api.route({
    method: 'GET',
    path: '/api/v1/products/:slug',
    operationId: 'getProduct',
    tag: 'catalog',
    summary: 'One product',
    description: 'A visible product with its details, category path (root first), images and related products. Stock is live.',
    access: 'public',
    params: z.object({ slug: z.string().max(200).describe("The product's slug, as in its page's address") }),
    success: { description: 'The product', schema: z.object({ data: productSchema }) },
    errors: { 404: 'No visible product has this slug' },
    handler: async ({ params }) => {
      const data = await deps.products.productPage(params.slug);
      if (!data) throw new AppError('not_found', 404, 'No such product');
      const { product } = data;
      const main = data.images[0];
      return {
        data: {
          ...productSummary({ ...product, image: main ? { storageKey: main.storageKey, alt: main.alt, sizes: main.sizes } : null }),
          sku: product.sku,
          description: product.description,
          stock: product.stock,
          weight_grams: product.weightGrams,
          dimensions_cm: { length: product.lengthCm, width: product.widthCm, height: product.heightCm },
          categories: data.categories.map((c) => ({ slug: c.slug, name: c.name, url: `/produk?kategori=${c.slug}` })),
          images: data.images.map((img) => ({
            alt: img.alt || product.name,
            webp_srcset: srcSet(img.storageKey, img.sizes, 'webp'),
            jpg_srcset: srcSet(img.storageKey, img.sizes, 'jpg'),
            large_jpg: imageUrl(img.storageKey, LARGEST_IMAGE_WIDTH, 'jpg'),
          })),
          related: data.related.map(productSummary),
        },
      };
    },
  });
}
