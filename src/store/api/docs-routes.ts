/** `/api/openapi.json` (the generated document) and `/api/docs` (our own page showing it; no CDN, no script). */
import type { FastifyInstance } from 'fastify';
import { h } from 'preact';
import { ApiDocsPage } from './docs-page';
import type { OpenApiDocument } from './openapi';

export function registerApiDocs(app: FastifyInstance, deps: { document: () => OpenApiDocument }) {
  app.get('/api/openapi.json', async (_request, reply) => {
    reply.header('cache-control', 'public, max-age=300');
    return deps.document();
  });
  // An HTML page under /api/: answered as a page, not as a JSON error, even for browsers.
  app.get('/api/docs', async (_request, reply) => reply.page(h(ApiDocsPage, { doc: deps.document() })));
}
