/**
 * pino options shared by both services: JSON lines, request ids, secrets and cookies redacted.
 */
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { LoggerOptions } from 'pino';

export function loggerOptions(service: 'store' | 'chat' | 'launcher', level: string): LoggerOptions {
  return {
    level,
    base: { service },
    redact: {
      // Payment keys too: a provider SDK's error may carry the request it sent (with its Authorization header).
      paths: [
        'req.headers.cookie',
        'req.headers.authorization',
        'req.headers["stripe-signature"]',
        'res.headers["set-cookie"]',
        '*.password',
        '*.token',
        '*.secretKey',
        '*.serverKey',
        '*.webhookSecret',
        'err.config.headers.Authorization',
        'err.cause.config.headers.Authorization',
      ],
      censor: '[redacted]',
    },
  };
}

const REQUEST_ID_PATTERN = /^[A-Za-z0-9._-]{1,64}$/;

/** Keeps a well-formed incoming X-Request-Id (from a proxy) so logs join up; otherwise makes one. */
export function requestId(req: IncomingMessage): string {
  const incoming = req.headers['x-request-id'];
  return typeof incoming === 'string' && REQUEST_ID_PATTERN.test(incoming) ? incoming : randomUUID();
}
