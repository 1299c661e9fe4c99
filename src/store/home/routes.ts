import type { FastifyInstance } from 'fastify';
import { h } from 'preact';
import type { CatalogService } from '../catalog/service';
import { HomePage } from './views/home-page';

export function registerHomeRoutes(app: FastifyInstance, deps: { catalog: CatalogService }) {
  app.get('/', { config: { sharedPage: true } }, async (_request, reply) =>
    reply.publicPage(async () => h(HomePage, await deps.catalog.homeCatalog())),
  );
}
