/**
 * The JSON API's one list of operations. Each operation declares its path, access, parameters,
 * query, body and answers once, as zod schemas: `route()` registers it with Fastify and validates
 * every request with those schemas, and openapi.ts turns the same list into the OpenAPI document,
 * so the document cannot drift from what the routes accept and answer.
 *
 *   api.route({ method: 'GET', path: '/api/v1/orders/:number', access: 'customer', params: …,
 *     success: { description: 'The order', schema: orderSchema }, errors: { 404: 'No such order' },
 *     handler: async ({ params, request }) => … })
 *
 * Failures are thrown as AppError (or answered with `sendError`) and reach the client in the one
 * `{ error: { code, message, fields } }` shape; a bad parameter or body is a 400 naming its fields.
 */
import type { FastifyContextConfig, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { AppError, zodFields } from '../../lib/errors';

export type ApiMethod = 'GET' | 'POST' | 'PATCH' | 'DELETE';

/** Who may call: anyone, or a signed-in account (personal access token or session cookie). */
export type ApiAccess = 'public' | 'customer';

type Schema = z.ZodType;
type Output<S> = S extends z.ZodType ? z.output<S> : undefined;

export interface OperationSpec<P extends Schema | undefined, Q extends Schema | undefined, B extends Schema | undefined, R extends Schema> {
  method: ApiMethod;
  /** Fastify's form (`/api/v1/orders/:number`); the document shows `{number}`. */
  path: string;
  operationId: string;
  tag: string;
  summary: string;
  description?: string;
  access: ApiAccess;
  params?: P;
  query?: Q;
  body?: B;
  /** The error code of a refused parameter or body (the catalog keeps its `invalid_query`). */
  invalidCode?: string;
  success: { status?: 200 | 201; description: string; schema: R };
  /** The operation's own failures and what they mean (the common 400, 401, 403 and 429 are added by openapi.ts). */
  errors?: Partial<Record<400 | 404 | 409 | 422, string>>;
  /** A public operation with its own per-client limit (`config.rateLimit`): 429 can answer anonymous callers too. */
  rateLimited?: boolean;
  /** More route options (a route's own rate limit, caching). */
  config?: FastifyContextConfig;
  handler(input: {
    params: Output<P>;
    query: Output<Q>;
    body: Output<B>;
    request: FastifyRequest;
    reply: FastifyReply;
  }): Promise<z.input<R> | FastifyReply>;
}

/** An operation as the document sees it (the handler's types erased). */
export type Operation = OperationSpec<Schema | undefined, Schema | undefined, Schema | undefined, Schema>;

export interface ApiRegistry {
  route<
    P extends Schema | undefined = undefined,
    Q extends Schema | undefined = undefined,
    B extends Schema | undefined = undefined,
    R extends Schema = Schema,
  >(spec: OperationSpec<P, Q, B, R>): void;
  readonly operations: readonly Operation[];
}

function parsed(schema: Schema | undefined, value: unknown, invalidCode: string) {
  if (!schema) return undefined;
  const result = schema.safeParse(value ?? {});
  if (result.success) return result.data;
  const fields = zodFields(result.error);
  throw new AppError(invalidCode, 400, Object.values(fields)[0] ?? 'Invalid request', fields);
}

export function createApiRegistry(app: FastifyInstance): ApiRegistry {
  const operations: Operation[] = [];
  return {
    operations,
    route(spec) {
      operations.push(spec as unknown as Operation);
      const invalidCode = spec.invalidCode ?? 'validation_failed';
      app.route({
        method: spec.method,
        url: spec.path,
        config: { ...spec.config, ...(spec.access === 'customer' ? { role: 'customer' as const } : {}) },
        handler: async (request, reply) => {
          const input = {
            params: parsed(spec.params, request.params, invalidCode),
            query: parsed(spec.query, request.query, invalidCode),
            body: parsed(spec.body, request.body, invalidCode),
            request,
            reply,
          } as Parameters<typeof spec.handler>[0];
          const result = await spec.handler(input);
          // A handler that answered itself returns `reply`, which is thenable: `await` resolves it
          // (to undefined, once the answer is written), so what tells is whether it was sent.
          if (result === reply || reply.sent) return reply;
          // Signed-in answers are the caller's own (cart, orders): never kept by a shared cache.
          if (spec.access === 'customer') reply.header('cache-control', 'private, no-store');
          return reply.code(spec.success.status ?? 200).send(result);
        },
      });
    },
  };
}
