/**
 * Security headers for every response. The CSP allows scripts, styles, fonts and images only
 * from our own origin: no inline script anywhere (the theme is set by a tiny external script).
 *
 * helmet decides the headers, once at start: none of them depends on the request (no CSP
 * nonces), so every response gets the same precomputed set. (@fastify/helmet would rebuild
 * helmet and re-parse the CSP on every request; that was a fifth of the store's CPU per request.)
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FastifyInstance } from 'fastify';
import helmet, { type HelmetOptions } from 'helmet';

/**
 * Where a form of ours may send the browser: our own origin, and the payment providers' hosted
 * pages, because choosing "pay" posts to us and we answer with a redirect to the provider (the
 * browser applies form-action to that redirect too).
 */
export const PAYMENT_PAGE_ORIGINS = ['https://app.midtrans.com', 'https://app.sandbox.midtrans.com', 'https://checkout.stripe.com'];

export interface SecurityHeaderOptions {
  production: boolean;
  /** More origins forms may lead to (the providers' hosts when the configuration points elsewhere). */
  formActionOrigins?: readonly string[];
  /** A page that embeds a provider's script and frame (Midtrans' Snap popup): its origin, on that page only. */
  embedOrigins?: readonly string[];
}

function helmetOptions({ production, formActionOrigins = [], embedOrigins = [] }: SecurityHeaderOptions): HelmetOptions {
  return {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'", ...embedOrigins],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        fontSrc: ["'self'"],
        connectSrc: ["'self'"],
        mediaSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'", ...new Set([...PAYMENT_PAGE_ORIGINS, ...formActionOrigins])],
        ...(embedOrigins.length > 0 ? { frameSrc: ["'self'", ...embedOrigins] } : {}),
        frameAncestors: ["'none'"],
        ...(production ? { upgradeInsecureRequests: [] } : {}),
      },
    },
    // Cross-origin isolation would block the courier/WhatsApp links opened in new tabs from nothing useful.
    crossOriginEmbedderPolicy: false,
    referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
    // HSTS only when served over HTTPS in production; on http://localhost it would do harm.
    strictTransportSecurity: production ? { maxAge: 31_536_000, includeSubDomains: true } : false,
    xFrameOptions: { action: 'deny' },
  };
}

/** The headers helmet sets with our options (lower-case names), computed by running it once. */
export function securityHeaders(opts: SecurityHeaderOptions): Readonly<Record<string, string>> {
  const headers: Record<string, string> = {};
  const recorder = {
    setHeader(name: string, value: unknown) {
      headers[name.toLowerCase()] = String(value);
    },
    // helmet removes X-Powered-By, which Fastify never sets.
    removeHeader() {},
  };
  let failure: unknown;
  helmet(helmetOptions(opts))({} as IncomingMessage, recorder as unknown as ServerResponse, (error?: unknown) => {
    failure = error;
  });
  if (failure) throw failure;
  if (!headers['content-security-policy']) throw new Error('helmet set no Content-Security-Policy');
  return Object.freeze(headers);
}

export function registerSecurityHeaders(app: FastifyInstance, opts: SecurityHeaderOptions) {
  const headers = securityHeaders(opts);
  app.addHook('onRequest', (_request, reply, done) => {
    reply.headers(headers);
    done();
  });
  return headers;
}

/**
 * The Content-Security-Policy of a page that embeds a provider's script and frame from `origin`
 * (the Midtrans popup on the order page): the shop's policy plus that origin, made once per origin.
 */
export function embeddingPolicies(opts: SecurityHeaderOptions): (origin: string) => string {
  const policies = new Map<string, string>();
  return (origin) => {
    let policy = policies.get(origin);
    if (!policy) {
      policy = securityHeaders({ ...opts, embedOrigins: [origin] })['content-security-policy']!;
      policies.set(origin, policy);
    }
    return policy;
  };
}
