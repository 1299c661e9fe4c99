/**
 * `reply.page(<SomePage/>)`: renders a page component with the request's context (language,
 * theme, store profile, asset URLs) and sends it as HTML.
 * `reply.publicPage(build)`: the same for a page that is identical for every visitor without a
 * session (home, catalog): rendered once per language, theme and URL and reused for a few
 * seconds; visitors with a session always get their own render.
 */
import { createHash, type Hash } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AssetUrls } from '../ui/assets';
import type { PageContext, Theme } from '../ui/page-context';
import { type CachedPage, createPageCache, type RenderedPage } from '../ui/page-cache';
import { COMPRESS_THRESHOLD, createBrotliRefiner, encodeBody, preferredCoding } from '../ui/page-encoding';
import { KeptHtml, type PageSegment } from '../ui/kept-html';
import { type AnyPage, renderDocumentBytes } from '../ui/render';
import { csrfTokenFor } from './csrf';

declare module 'fastify' {
  interface FastifyContextConfig {
    /**
     * The route answers only with `reply.publicPage()` and no variant: while its shared copy is
     * cached, a visitor without a session gets it as soon as the request has its language,
     * before the rest of the route's hooks and its handler run.
     */
    sharedPage?: boolean;
  }
  interface FastifyInstance {
    /** Drops every cached public page (after a back office change the storefront must show at once). */
    forgetPublicPages(): void;
  }
  interface FastifyReply {
    page(node: AnyPage, status?: number): Promise<FastifyReply>;
    publicPage(build: () => AnyPage | Promise<AnyPage>, options?: { variant?: string }): Promise<FastifyReply>;
  }
}

export const THEME_COOKIE = 'theme';
/** The back office's own theme choice (web/theme-shared.ts writes both). */
export const ADMIN_THEME_COOKIE = 'admin_theme';

function themeFrom(request: FastifyRequest, path: string): Theme | undefined {
  const admin = path === '/admin' || path.startsWith('/admin/');
  const value = request.cookies[admin ? ADMIN_THEME_COOKIE : THEME_COOKIE];
  return value === 'dark' || value === 'light' ? value : undefined;
}

export interface PagesDeps {
  assets: AssetUrls;
  /** The shop's profile for the layout (the store-profile service). */
  profiles: { get(): Promise<PageContext['profile']> };
  /** The navbar's cart badge: read per request, so a cached public page (no session) shows 0. */
  cartUnits?: (request: FastifyRequest) => Promise<number>;
}

export function registerPages(app: FastifyInstance, deps: PagesDeps) {
  async function pageContext(request: FastifyRequest): Promise<PageContext> {
    const path = request.url.split('?')[0] ?? '/';
    return {
      locale: request.locale,
      t: request.t,
      theme: themeFrom(request, path),
      assets: deps.assets,
      profile: await deps.profiles.get(),
      path,
      user: request.user ? { name: request.user.name, role: request.user.role, emailVerified: request.user.emailVerified } : null,
      csrfToken: csrfTokenFor(request),
      cartUnits: deps.cartUnits ? await deps.cartUnits(request) : 0,
    };
  }

  const publicPages = createPageCache();
  const refineBrotli = createBrotliRefiner();
  app.decorate('forgetPublicPages', () => publicPages.clear());

  /**
   * Sends a page (as bytes: encoded once, not again for the length and the socket). A `cached`
   * public page is sent compressed from the cache's own compressed copy, so @fastify/compress
   * (which leaves a body with a Content-Encoding alone) does not compress it again per visitor.
   */
  function send(reply: FastifyReply, body: Buffer, etag: string, status: number, cached?: CachedPage) {
    // Pages vary by the language and theme cookies: never let a shared cache mix them up.
    // `no-cache` + ETag: the browser revalidates every time and gets a body-less 304 when the page is unchanged.
    // A route that marked its page `no-store` (orders, checkout: personal data) keeps that, without an ETag.
    if (String(reply.getHeader('cache-control') ?? '').includes('no-store')) {
      return reply.code(status).header('vary', 'Cookie').header('content-type', 'text/html; charset=utf-8').send(body);
    }
    reply.header('cache-control', 'private, no-cache').header('vary', 'Cookie').header('etag', etag);
    const method = reply.request.method;
    if (status === 200 && (method === 'GET' || method === 'HEAD') && etagMatches(reply.request.headers['if-none-match'], etag)) {
      return reply.code(304).send();
    }
    reply.code(status).header('content-type', 'text/html; charset=utf-8');
    const coding = cached && body.length >= COMPRESS_THRESHOLD ? preferredCoding(reply.request.headers) : undefined;
    if (cached && coding) {
      const earlier = cached.encoded[coding];
      const encoded = earlier ?? (cached.encoded[coding] = encodeBody(cached.body, coding));
      // This copy asked for in Brotli again (so it is a kept page, not a one-off): worth a tighter
      // copy for the visitors after this one.
      if (earlier && coding === 'br') void refineBrotli(cached);
      // The same headers as the compress plugin gives a page it compresses.
      return reply.header('vary', 'Cookie, accept-encoding').header('content-encoding', coding).send(encoded);
    }
    return reply.send(body);
  }

  async function render(request: FastifyRequest, node: AnyPage): Promise<RenderedPage> {
    const ctx = await pageContext(request);
    const { body, segments } = renderDocumentBytes(node, ctx);
    return { body, etag: pageEtag(segments, ctx.csrfToken, request.session?.key) };
  }

  // Registered after the locale and session hooks (app.ts), so language and session are known.
  app.addHook('onRequest', (request, reply, done) => {
    if (request.routeOptions.config?.sharedPage !== true) return done();
    const key = publicPages.keyFor(request);
    const cached = key ? publicPages.peek(key) : undefined;
    if (!cached) return done();
    // Answered here: Fastify runs no further hook nor the handler for a sent reply.
    send(reply, cached.body, cached.etag, 200, cached);
  });

  app.decorateReply('page', async function page(this: FastifyReply, node: AnyPage, status = 200) {
    const { body, etag } = await render(this.request, node);
    return send(this, body, etag, status);
  });

  app.decorateReply(
    'publicPage',
    async function publicPage(this: FastifyReply, build: () => AnyPage | Promise<AnyPage>, options: { variant?: string } = {}) {
      const key = publicPages.keyFor(this.request, options.variant);
      if (!key) {
        const { body, etag } = await render(this.request, await build());
        return send(this, body, etag, 200);
      }
      const cached = await publicPages.get(key, async () => render(this.request, await build()));
      return send(this, cached.body, cached.etag, 200, cached);
    },
  );
}

/**
 * Weak ETag of a rendered page (weak: compression changes the bytes, not the page). The CSRF
 * token is masked afresh on every render (BREACH), so it is left out of the hash; the cached
 * copy's token stays valid because it unmasks to the same session secret. A kept part (shared by
 * visitors, so never holding a token) is hashed by its digest: the same page, the same ETag.
 */
export function pageEtag(page: Buffer | string | readonly PageSegment[], csrfToken?: string, sessionKey?: string): string {
  const segments = typeof page === 'string' ? [Buffer.from(page)] : Buffer.isBuffer(page) ? [page] : page;
  const hash = createHash('sha1');
  const token = csrfToken ? Buffer.from(csrfToken) : undefined;
  for (const segment of segments) {
    if (segment instanceof KeptHtml) hash.update(segment.digest);
    else hashWithoutToken(hash, segment, token);
  }
  // The session is part of the version: after a login (new session, same-looking page) a cached
  // copy would carry a token of the old, destroyed session and every form on it would fail CSRF.
  return `W/"${hash.update(sessionKey ?? '').digest('base64url')}"`;
}

/** The bytes between the token's occurrences, hashed where they lie (no copy of the page). */
function hashWithoutToken(hash: Hash, bytes: Buffer, token: Buffer | undefined) {
  let from = 0;
  if (token) {
    for (let at = bytes.indexOf(token, from); at !== -1; at = bytes.indexOf(token, from)) {
      hash.update(bytes.subarray(from, at));
      from = at + token.length;
    }
  }
  hash.update(bytes.subarray(from));
}

/** If-None-Match holds `*` or a list of ETags; weak comparison (RFC 9110 §13.1.2). */
export function etagMatches(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  if (header.trim() === '*') return true;
  const opaque = (tag: string) => tag.trim().replace(/^W\//, '');
  const wanted = opaque(etag);
  return header.split(',').some((tag) => opaque(tag) === wanted);
}
