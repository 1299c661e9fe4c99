/**
 * The OpenAPI 3.1 document, generated from the operations' own zod schemas (registry.ts) with
 * zod's `z.toJSONSchema` (JSON Schema 2020-12, which OpenAPI 3.1 uses): nothing here is written by
 * hand except the prose. Schemas with a component id (schemas.ts) are listed once under
 * `components.schemas`; parameters and bodies are shown as the client sends them (`io: 'input'`),
 * answers as the server sends them.
 */
import { z } from 'zod';
import type { Operation } from './registry';
import { errorSchema } from './schemas';

type Json = Record<string, unknown>;

export interface OpenApiParameter {
  name: string;
  in: 'path' | 'query';
  required: boolean;
  description?: string;
  schema: Json;
}

export interface OpenApiOperation {
  operationId: string;
  tags: string[];
  summary: string;
  description?: string;
  parameters?: OpenApiParameter[];
  requestBody?: { required: boolean; content: { 'application/json': { schema: Json } } };
  responses: Record<string, { description: string; headers?: Json; content?: { 'application/json': { schema: Json } } }>;
  security?: Record<string, string[]>[];
  'x-scope'?: 'read' | 'write';
}

export interface OpenApiDocument {
  openapi: '3.1.0';
  info: { title: string; version: string; description: string };
  servers: { url: string }[];
  tags: { name: string; description: string }[];
  paths: Record<string, Record<string, OpenApiOperation>>;
  components: { schemas: Record<string, Json>; securitySchemes: Record<string, Json> };
}

const DESCRIPTION = [
  'The JSON API of Hurtrock Music Store, Bandung: catalog, cart, checkout quote and orders.',
  'Money is whole Indonesian rupiah (IDR, integers, no decimals). Every failure is `{ error: { code, message, fields } }`.',
  'Signed-in operations take a personal access token (`Authorization: Bearer hrt_…`, created on the account page) or',
  "the shop's session cookie (then a change also needs the `x-csrf-token` header). A `read` token may only call GET;",
  'changes need a `write` token. Signed-in calls are rate limited per token (per account for cookie callers).',
].join(' ');

const TAGS = [
  { name: 'catalog', description: 'Products and categories (public)' },
  { name: 'cart', description: "The caller's cart" },
  { name: 'checkout', description: 'What an order of the cart would cost now (nothing is placed)' },
  { name: 'orders', description: "The caller's orders" },
];

/** Moves zod's `$defs` into `components.schemas` and points the references there. */
function converter(components: Record<string, Json>) {
  const retarget = (value: unknown): Json => JSON.parse(JSON.stringify(value).replaceAll('"#/$defs/', '"#/components/schemas/')) as Json;
  return (schema: z.ZodType, io: 'input' | 'output'): Json => {
    const { $schema: _drop, $defs, ...json } = z.toJSONSchema(schema, { io, unrepresentable: 'any', cycles: 'ref' }) as Json;
    for (const [id, def] of Object.entries(($defs ?? {}) as Record<string, unknown>)) components[id] ??= retarget(def);
    return retarget(json);
  };
}

const errorContent = { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } };
const RETRY_AFTER = { 'Retry-After': { description: 'Seconds until the next call is accepted', schema: { type: 'integer' } } };

function parameters(schema: Json, location: 'path' | 'query'): OpenApiParameter[] {
  const properties = (schema.properties ?? {}) as Record<string, Json>;
  const required = new Set((schema.required ?? []) as string[]);
  return Object.entries(properties).map(([name, property]) => {
    const { description, ...rest } = property;
    return {
      name,
      in: location,
      required: location === 'path' || required.has(name),
      ...(typeof description === 'string' ? { description } : {}),
      schema: rest,
    };
  });
}

function operation(op: Operation, convert: ReturnType<typeof converter>): OpenApiOperation {
  const signedIn = op.access === 'customer';
  const responses: OpenApiOperation['responses'] = {
    [String(op.success.status ?? 200)]: {
      description: op.success.description,
      content: { 'application/json': { schema: convert(op.success.schema, 'output') } },
    },
  };
  const error = (status: number, description: string, headers?: Json) => {
    responses[String(status)] = { description, ...(headers ? { headers } : {}), content: errorContent };
  };
  if (op.params || op.query || op.body) error(400, 'A parameter or body field is invalid; `fields` names each');
  // A token is checked wherever it is sent, public operations included, and counted there too.
  error(
    401,
    signedIn
      ? 'No signed-in account: the token is missing, malformed, revoked or unknown (`invalid_token`), or no session'
      : 'A token was sent and is not valid (`invalid_token`); this operation needs none',
  );
  // A GET is allowed to every scope and needs no CSRF token: only changes can be refused so.
  if (signedIn && op.method !== 'GET') {
    error(403, 'A `read` token (`insufficient_scope`), or a session call without its CSRF token (`csrf`)');
  }
  for (const [status, description] of Object.entries(op.errors ?? {})) error(Number(status), description);
  const limit =
    signedIn || op.rateLimited ? 'Too many requests' : 'Too many requests with one token (anonymous calls are not counted here)';
  error(429, `${limit} (\`rate_limited\`); wait for \`Retry-After\` seconds`, RETRY_AFTER);

  const params = [
    ...(op.params ? parameters(convert(op.params, 'input'), 'path') : []),
    ...(op.query ? parameters(convert(op.query, 'input'), 'query') : []),
  ];
  return {
    operationId: op.operationId,
    tags: [op.tag],
    summary: op.summary,
    ...(op.description ? { description: op.description } : {}),
    ...(params.length > 0 ? { parameters: params } : {}),
    ...(op.body ? { requestBody: { required: true, content: { 'application/json': { schema: convert(op.body, 'input') } } } } : {}),
    responses,
    ...(signedIn
      ? { security: [{ bearerAuth: [] }, { cookieAuth: [] }], 'x-scope': op.method === 'GET' ? ('read' as const) : ('write' as const) }
      : {}),
  };
}

export function buildOpenApiDocument(operations: readonly Operation[]): OpenApiDocument {
  const schemas: Record<string, Json> = {};
  const convert = converter(schemas);
  convert(errorSchema, 'output');
  const paths: OpenApiDocument['paths'] = {};
  for (const op of operations) {
    const path = op.path.replace(/:([A-Za-z_]+)/g, '{$1}');
    paths[path] ??= {};
    paths[path][op.method.toLowerCase()] = operation(op, convert);
  }
  return {
    openapi: '3.1.0',
    info: { title: 'Hurtrock Music Store API', version: '1.1.0', description: DESCRIPTION },
    servers: [{ url: '/' }],
    tags: TAGS,
    paths,
    components: {
      schemas,
      securitySchemes: {
        bearerAuth: {
          type: 'http',
          scheme: 'bearer',
          bearerFormat: 'hrt_… personal access token',
          description: 'Created and revoked on the account page (/akun/token-api); scope `read` (GET only) or `write`.',
        },
        cookieAuth: {
          type: 'apiKey',
          in: 'cookie',
          name: 'sid',
          description: "The shop's session cookie; a change also needs the session's CSRF token in the `x-csrf-token` header.",
        },
      },
    },
  };
}
