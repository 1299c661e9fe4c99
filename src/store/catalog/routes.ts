/**
 * Catalog pages: parse the URL, ask the service, render.
 */
import type { FastifyInstance } from 'fastify';
import { h } from 'preact';
import { parsePageQuery } from './schema';
import type { CatalogService } from './service';
import { CatalogPageView } from './views/catalog-page';

export function registerCatalogRoutes(app: FastifyInstance, deps: { catalog: CatalogService }) {
  app.get('/produk', { config: { sharedPage: true } }, async (request, reply) =>
    reply.publicPage(async () => {
      const page = await deps.catalog.browse(parsePageQuery(request.query as Record<string, unknown>));
      return h(CatalogPageView, { page });
    }),
  );
}
