/**
 * Product pages (`/produk/:slug`). Their add-to-cart form posts to the cart area (cart/routes.ts).
 */
import type { FastifyInstance } from 'fastify';
import { h } from 'preact';
import type { ProductService } from './service';
import { ProductNotFoundPage } from './views/product-not-found';
import { ProductPage } from './views/product-page';

export function registerProductRoutes(app: FastifyInstance, deps: { products: ProductService; publicUrl: string }) {
  app.get<{ Params: { slug: string } }>('/produk/:slug', async (request, reply) => {
    const data = await deps.products.productPage(request.params.slug);
    if (!data) return reply.page(h(ProductNotFoundPage, {}), 404);
    // Stock is read live on every request and names the cached rendering, so a visitor without a
    // session gets a shared copy only while the stock it shows is still true.
    return reply.publicPage(() => h(ProductPage, { data, publicUrl: deps.publicUrl }), { variant: `stock:${data.product.stock}` });
  });
  // What the route above cannot take (a slug longer than the router's parameter limit, extra
  // path segments) lands here instead of on the router's bare 414/404: the same friendly 404.
  app.get('/produk/*', async (_request, reply) => reply.page(h(ProductNotFoundPage, {}), 404));
}
