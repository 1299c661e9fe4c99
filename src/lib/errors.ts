/**
 * The one JSON error shape of both services: `{ error: { code, message, fields? } }` with a 4xx
 * (or, for a known outage, 5xx) status. `code` is stable and machine-readable, `message` is for a
 * person, `fields` maps each field (form field, query parameter, upload part) at fault to its
 * message. No stack trace or internal message ever reaches a client.
 *
 * A route either answers with `sendError(reply, …)` or throws an AppError and lets the service's
 * error handler answer through `errorResponse()`, which also turns validation errors (zod,
 * Fastify's schema validation) into 400s with fields and anything unknown into a generic 500.
 */
import { ZodError } from 'zod';

/** Field name → the message about it. */
export type ErrorFields = Record<string, string>;

export interface ErrorBody {
  error: { code: string; message: string; fields?: ErrorFields };
}

/** A failure meant for the client: its code, status, message and fields are sent as they are. */
export class AppError extends Error {
  constructor(
    readonly code: string,
    readonly status: number,
    message: string,
    readonly fields?: ErrorFields,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'AppError';
  }

  /** Fastify (and its plugins) read the status from here. */
  get statusCode(): number {
    return this.status;
  }
}

export function errorBody(code: string, message: string, fields?: ErrorFields): ErrorBody {
  return { error: { code, message, ...(fields && Object.keys(fields).length > 0 ? { fields } : {}) } };
}

/** What sendError needs of a Fastify reply (any server type: the proxy's replies are HTTP/2-capable). */
interface JsonReply<R> {
  code(statusCode: number): { send(payload?: unknown): R };
}

/** Answers with the JSON error; returns the reply, so a handler can `return sendError(…)`. */
export function sendError<R>(reply: JsonReply<R>, code: string, status: number, message: string, fields?: ErrorFields): R {
  return reply.code(status).send(errorBody(code, message, fields));
}

/** The first message per top-level field of a zod error (`fallbackField` when an issue has no path). */
export function zodFields(error: ZodError, fallbackField = 'input'): ErrorFields {
  const fields: ErrorFields = {};
  for (const issue of error.issues) fields[String(issue.path[0] ?? fallbackField)] ??= issue.message;
  return fields;
}

interface SchemaIssue {
  instancePath?: string;
  params?: Record<string, unknown>;
  message?: string;
}

/** The first message per field of Fastify's schema validation (ajv) errors. */
export function schemaFields(validation: readonly SchemaIssue[], fallbackField = 'input'): ErrorFields {
  const fields: ErrorFields = {};
  for (const issue of validation) {
    const missing = issue.params?.missingProperty;
    const name = typeof missing === 'string' ? missing : (issue.instancePath ?? '').split('/').filter(Boolean)[0];
    fields[name || fallbackField] ??= issue.message ?? 'is invalid';
  }
  return fields;
}

export interface ErrorResponseOptions {
  /** The message of every 500 (a generic sentence; the details go to the log only). */
  internalMessage: string;
  /** The code of another client error (Fastify's own 4xx: bad JSON, wrong content type, too large). */
  clientCode: (error: { code?: unknown }, status: number) => string;
}

export interface ErrorResponse {
  status: number;
  body: ErrorBody;
  /** True when the failure is ours (5xx from an unknown error): log it as an error. */
  internal: boolean;
}

/**
 * What a service answers for a thrown value:
 * - an AppError: its own status and body;
 * - a zod error, or a Fastify schema validation error: 400 `validation_failed` with fields;
 * - another error with a 4xx status (Fastify's own): that status, `clientCode`, its message;
 * - anything else: 500 `internal_error` with the generic message.
 */
export function errorResponse(error: unknown, options: ErrorResponseOptions): ErrorResponse {
  if (error instanceof AppError) {
    return { status: error.status, body: errorBody(error.code, error.message, error.fields), internal: false };
  }
  if (error instanceof ZodError) {
    const fields = zodFields(error);
    return { status: 400, body: errorBody('validation_failed', Object.values(fields)[0] ?? 'Invalid input', fields), internal: false };
  }
  const e = (typeof error === 'object' && error !== null ? error : {}) as {
    statusCode?: unknown;
    code?: unknown;
    message?: unknown;
    validation?: unknown;
  };
  const statusCode = typeof e.statusCode === 'number' ? e.statusCode : undefined;
  const message = typeof e.message === 'string' && e.message ? e.message : 'Bad request';
  if (Array.isArray(e.validation)) {
    const status = statusCode && statusCode >= 400 && statusCode < 500 ? statusCode : 400;
    return { status, body: errorBody('validation_failed', message, schemaFields(e.validation)), internal: false };
  }
  if (statusCode && statusCode >= 400 && statusCode < 500) {
    // Fastify's own 4xx messages describe the request, not our internals, so they are safe to show.
    return { status: statusCode, body: errorBody(options.clientCode(e, statusCode), message), internal: false };
  }
  const status = statusCode && statusCode >= 500 && statusCode < 600 ? statusCode : 500;
  return { status, body: errorBody('internal_error', options.internalMessage), internal: true };
}
