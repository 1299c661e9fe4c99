import { Writable } from 'node:stream';
import Fastify, { type FastifyInstance } from 'fastify';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { loggerOptions } from '../../src/lib/logger';
import { createApiRegistry } from '../../src/store/api/registry';

describe('API registry: operations that write their own answer', () => {
  it('sends an answer the handler wrote itself once, without a "reply already sent" warning', async () => {
    const warnings: string[] = [];
    const stream = new Writable({
      write(chunk, _enc, done) {
        warnings.push(String(chunk));
        done();
      },
    });
    const app = Fastify({ loggerInstance: pino(loggerOptions('store', 'warn'), stream) }) as unknown as FastifyInstance;
    const api = createApiRegistry(app);
    api.route({
      method: 'GET',
      path: '/api/v1/prebuilt',
      operationId: 'prebuilt',
      tag: 'test',
      summary: 'Answers with JSON it built itself',
      access: 'public',
      success: { description: 'ok', schema: z.object({ ok: z.boolean() }) },
      handler: async ({ reply }) => reply.type('application/json; charset=utf-8').send('{"ok":true}'),
    });
    api.route({
      method: 'GET',
      path: '/api/v1/returned',
      operationId: 'returned',
      tag: 'test',
      summary: 'Returns its answer',
      access: 'public',
      success: { description: 'ok', schema: z.object({ ok: z.boolean() }) },
      handler: async () => ({ ok: true }),
    });
    for (const url of ['/api/v1/prebuilt', '/api/v1/returned']) {
      const res = await app.inject({ url });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toEqual({ ok: true });
    }
    expect(warnings).toEqual([]);
    await app.close();
  });
});
