/**
 * `GET /api/v1/products/:slug`: one visible product with its details, category path, images and
 * related products (the same data and freshness rules as the product page).
 */
import type { FastifyInstance } from 'fastify';
import { IMAGE_WIDTHS, imageUrl, srcSet } from '../ui/image-urls';
import { sendError } from '../../lib/errors';
import type { ProductService } from '../product/service';
import { productSummary } from './catalog-api';

export function registerProductApi(app: FastifyInstance, deps: { products: ProductService }) {
  app.get<{ Params: { slug: string } }>('/api/v1/products/:slug', async (request, reply) => {
    const data = await deps.products.productPage(request.params.slug);
    if (!data) return sendError(reply, 'not_found', 404, 'No such product');
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
          large_jpg: imageUrl(img.storageKey, IMAGE_WIDTHS[IMAGE_WIDTHS.length - 1]!, 'jpg'),
        })),
        related: data.related.map(productSummary),
      },
    };
  });
}
