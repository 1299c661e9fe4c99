/** `/sitemap.xml` and `/robots.txt`: public, shared-cacheable for an hour. */
import type { FastifyInstance } from 'fastify';
import type { SeoService } from './service';

const CACHE = 'public, max-age=3600';

export function registerSeoRoutes(app: FastifyInstance, deps: { seo: SeoService }) {
  app.get('/sitemap.xml', async (_request, reply) =>
    reply
      .type('application/xml; charset=utf-8')
      .header('cache-control', CACHE)
      .send(await deps.seo.sitemap()),
  );
  app.get('/robots.txt', async (_request, reply) =>
    reply.type('text/plain; charset=utf-8').header('cache-control', CACHE).send(deps.seo.robots()),
  );
}
