import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dbTargets } from '../helpers/databases';
import { createTestStore, type TestStore } from '../helpers/store-app';

describe.each(dbTargets)('API documentation on %s', (target) => {
  let store: TestStore;
  beforeAll(async () => {
    store = await createTestStore(target, { sampleData: false });
  });
  afterAll(() => store?.close());

  it('serves an OpenAPI 3.1 document whose every path answers', async () => {
    const res = await store.app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(res.statusCode).toBe(200);
    const doc = res.json();
    expect(doc.openapi).toBe('3.1.0');
    const paths = Object.keys(doc.paths);
    expect(paths).toEqual(expect.arrayContaining(['/api/v1/products', '/api/v1/products/suggest', '/api/v1/categories']));
    // Public reads answer here without sign-in; the contract test (api-contract.test.ts) calls every operation.
    for (const path of paths) {
      const get = doc.paths[path].get;
      if (!get || get.security) continue;
      const required = (get.parameters ?? []).filter((p: { required?: boolean; in: string }) => p.required && p.in === 'query');
      const query = required.map((p: { name: string }) => `${p.name}=gitar`).join('&');
      // Without sample data a product path answers its documented 404.
      const url = path.replace('{slug}', 'no-such-product');
      const answer = await store.app.inject({ method: 'GET', url: query ? `${url}?${query}` : url });
      expect(Object.keys(get.responses), path).toContain(String(answer.statusCode));
      expect(answer.headers['content-type'], path).toContain('application/json');
    }
    // Every $ref points at a defined schema.
    const refs = [...JSON.stringify(doc).matchAll(/"\$ref":"#\/components\/schemas\/(\w+)"/g)].map((m) => m[1]!);
    for (const ref of refs) expect(doc.components.schemas[ref], ref).toBeDefined();
  });

  it('shows the documentation as a page of the shop', async () => {
    const res = await store.app.inject({ method: 'GET', url: '/api/docs' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/html');
    expect(res.body).toContain('Dokumentasi API');
    expect(res.body).toContain('<code>/api/v1/products/suggest</code>');
    expect(res.body).toContain('href="/api/openapi.json"');
    expect(res.body).toContain('<code>/api/v1/orders/{number}</code>');
    expect(res.body).toContain('<code>bearerAuth</code>');
    // Our own page: no script or style sheet from another origin.
    expect(res.body).not.toMatch(/<script[^>]+src="https?:/);
  });
});
