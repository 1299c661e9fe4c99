/**
 * Product pages (`/produk/:slug`) and the placeholder for the cart (`POST /keranjang`).
 */
import type { FastifyInstance } from 'fastify';
import { h } from 'preact';
import { z } from 'zod';
import type { ProductService } from './service';
import { CartSoonPage } from './views/cart-soon';
import { ProductNotFoundPage } from './views/product-not-found';
import { ProductPage } from './views/product-page';

const addToCartForm = z.object({ product: z.string().max(220).optional() }).passthrough();

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

  // Changes nothing yet, so it needs no CSRF token: a guest without a session gets the same
  // friendly page. The cart issue replaces this route (with CSRF) and its real behaviour.
  app.post('/keranjang', { config: { csrf: false } }, async (request, reply) => {
    const form = addToCartForm.safeParse(request.body ?? {});
    const slug = form.success ? form.data.product : undefined;
    const data = slug ? await deps.products.productPage(slug) : null;
    return reply.page(h(CartSoonPage, { product: data ? { slug: data.product.slug, name: data.product.name } : null }));
  });
}
