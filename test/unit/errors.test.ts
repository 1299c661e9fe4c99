import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { AppError, type ErrorResponseOptions, errorBody, errorResponse, schemaFields, sendError, zodFields } from '../../src/lib/errors';
import { registerErrorHandling } from '../../src/store/plugins/errors';

const OPTIONS: ErrorResponseOptions = {
  internalMessage: 'Something broke.',
  clientCode: (error) => (typeof error.code === 'string' ? error.code.toLowerCase() : 'bad_request'),
};

describe('errorBody and sendError', () => {
  it('builds { error: { code, message, fields? } }, leaving out empty fields', () => {
    expect(errorBody('not_found', 'Not found')).toEqual({ error: { code: 'not_found', message: 'Not found' } });
    expect(errorBody('invalid', 'Too many', {})).toEqual({ error: { code: 'invalid', message: 'Too many' } });
    expect(errorBody('invalid', 'Too many', { quantity: 'Too many' })).toEqual({
      error: { code: 'invalid', message: 'Too many', fields: { quantity: 'Too many' } },
    });
  });

  it('sends the body with the status and returns what send returns', () => {
    const sent: Array<[number, unknown]> = [];
    const reply = {
      code: (status: number) => ({
        send: (payload?: unknown) => {
          sent.push([status, payload]);
          return 'the reply';
        },
      }),
    };
    expect(sendError(reply, 'csrf', 403, 'Reload the page.')).toBe('the reply');
    expect(sent).toEqual([[403, { error: { code: 'csrf', message: 'Reload the page.' } }]]);
  });

  it('AppError carries its code, status, message and fields, and the statusCode Fastify reads', () => {
    const error = new AppError('proof_closed', 409, 'Closed.', { proof: 'Closed.' });
    expect(error).toBeInstanceOf(Error);
    expect(error).toMatchObject({ code: 'proof_closed', status: 409, statusCode: 409, message: 'Closed.', fields: { proof: 'Closed.' } });
  });
});

describe('errorResponse', () => {
  it('answers an AppError with its own status and body, whatever the status', () => {
    expect(errorResponse(new AppError('rate_limited', 429, 'Wait a minute.'), OPTIONS)).toEqual({
      status: 429,
      body: { error: { code: 'rate_limited', message: 'Wait a minute.' } },
      internal: false,
    });
    expect(errorResponse(new AppError('chat_unavailable', 503, 'Chat is offline'), OPTIONS).body.error.code).toBe('chat_unavailable');
  });

  it('answers a zod error with 400 validation_failed and the first message per field', () => {
    const schema = z.object({ name: z.string().min(2, 'Name is too short'), email: z.email('Not an email') });
    const result = schema.safeParse({ name: 'a', email: 'nope' });
    expect(result.success).toBe(false);
    const answer = errorResponse(result.error, OPTIONS);
    expect(answer).toEqual({
      status: 400,
      body: {
        error: { code: 'validation_failed', message: 'Name is too short', fields: { name: 'Name is too short', email: 'Not an email' } },
      },
      internal: false,
    });
    expect(zodFields(z.string().safeParse(1).error!)).toEqual({ input: expect.any(String) });
  });

  it("answers Fastify's schema validation with 400 validation_failed and fields", () => {
    const error = Object.assign(new Error('body must have required property "title"'), {
      statusCode: 400,
      code: 'FST_ERR_VALIDATION',
      validation: [
        { instancePath: '', params: { missingProperty: 'title' }, message: "must have required property 'title'" },
        { instancePath: '/body', params: {}, message: 'must be string' },
      ],
    });
    expect(errorResponse(error, OPTIONS)).toEqual({
      status: 400,
      body: {
        error: {
          code: 'validation_failed',
          message: 'body must have required property "title"',
          fields: { title: "must have required property 'title'", body: 'must be string' },
        },
      },
      internal: false,
    });
    expect(schemaFields([{ instancePath: '/items/0/qty', message: 'must be integer' }])).toEqual({ items: 'must be integer' });
  });

  it("answers another client error (Fastify's own) with its status, the caller's code and its message", () => {
    const error = Object.assign(new Error('Unsupported Media Type'), { statusCode: 415, code: 'FST_ERR_CTP_INVALID_MEDIA_TYPE' });
    expect(errorResponse(error, OPTIONS)).toEqual({
      status: 415,
      body: { error: { code: 'fst_err_ctp_invalid_media_type', message: 'Unsupported Media Type' } },
      internal: false,
    });
  });

  it('answers anything else with 500 and the generic message: no internal message, no stack', () => {
    const cases: unknown[] = [
      new Error('connect ECONNREFUSED 10.0.0.5:5432 at /srv/app/db.js:12'),
      Object.assign(new Error('upstream said no'), { statusCode: 502 }),
      'a string',
      undefined,
      { statusCode: 200 },
    ];
    for (const error of cases) {
      const answer = errorResponse(error, OPTIONS);
      expect(answer.internal).toBe(true);
      expect(answer.body).toEqual({ error: { code: 'internal_error', message: 'Something broke.' } });
      expect(JSON.stringify(answer.body)).not.toMatch(/ECONNREFUSED|at \/|upstream/);
    }
    expect(errorResponse(cases[1], OPTIONS).status).toBe(502);
    expect(errorResponse(cases[0], OPTIONS).status).toBe(500);
  });
});

describe("the store's error handler", () => {
  let app: FastifyInstance;

  beforeAll(async () => {
    app = Fastify({ logger: false });
    registerErrorHandling(app);
    app.get('/api/app-error', async () => {
      throw new AppError('out_of_stock', 409, 'Sold out.', { quantity: 'Only 2 left.' });
    });
    app.get('/api/zod', async () => {
      z.object({ page: z.coerce.number().int('page must be a whole number') }).parse({ page: '1.5' });
    });
    app.post(
      '/api/schema',
      { schema: { body: { type: 'object', required: ['title'], properties: { title: { type: 'string' } } } } },
      async () => ({}),
    );
    app.get('/api/boom', async () => {
      throw new Error('secret database password in this message');
    });
    await app.ready();
  });
  afterAll(() => app.close());

  it('maps an AppError to its status and body', async () => {
    const res = await app.inject('/api/app-error');
    expect(res.statusCode).toBe(409);
    expect(res.json()).toEqual({ error: { code: 'out_of_stock', message: 'Sold out.', fields: { quantity: 'Only 2 left.' } } });
  });

  it('maps zod and schema validation errors to 400 with fields', async () => {
    const zod = await app.inject('/api/zod');
    expect(zod.statusCode).toBe(400);
    expect(zod.json()).toEqual({
      error: { code: 'validation_failed', message: 'page must be a whole number', fields: { page: 'page must be a whole number' } },
    });
    const schema = await app.inject({ method: 'POST', url: '/api/schema', payload: {} });
    expect(schema.statusCode).toBe(400);
    expect(schema.json()).toMatchObject({
      error: { code: 'validation_failed', message: expect.any(String), fields: { title: expect.any(String) } },
    });
  });

  it('maps anything unknown to 500 with a generic message and no stack', async () => {
    const res = await app.inject('/api/boom');
    expect(res.statusCode).toBe(500);
    expect(res.json()).toEqual({ error: { code: 'internal_error', message: 'Something went wrong. Please try again.' } });
    expect(res.body).not.toMatch(/secret|at .*\.ts/);
  });

  it('answers an unknown API path with a JSON 404', async () => {
    const res = await app.inject('/api/nothing-here');
    expect(res.statusCode).toBe(404);
    expect(res.json()).toEqual({ error: { code: 'not_found', message: 'Not found' } });
  });
});
