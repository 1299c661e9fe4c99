/**
 * Rendered HTML of public pages for visitors without a session: the same for everyone with the
 * same language and theme, so it is rendered once and reused for a few seconds. A visitor with
 * any other cookie (a session, a cart) always gets a fresh render, so nothing personal is ever
 * shared. Routes opt in with `reply.publicPage()`; entries live as long as the data they were
 * rendered from is cached (15 s).
 */
import type { FastifyRequest } from 'fastify';
import { lruCache } from '../../lib/cache';

/** Cookies that only choose how a public page looks, never who sees it. */
const PRESENTATION_COOKIES = new Set(['lang', 'theme']);
const PAGE_CACHE_MS = 15_000;
const PAGE_CACHE_ENTRIES = 300;

export interface RenderedPage {
  /** The page's bytes, ready to send. */
  body: Buffer;
  etag: string;
}

/**
 * What the cache keeps of a page: its bytes, ready to send as they are, and its compressed
 * bytes per content coding, made the first time a visitor's browser asks for that coding (so a
 * shared page is compressed once per rendering, not once per visitor; its Brotli copy is made a
 * second time, more tightly, once it is asked for again: page-encoding.ts).
 */
export interface CachedPage extends RenderedPage {
  encoded: Partial<Record<string, Buffer>>;
  /** Its Brotli copy was (or is being) recompressed more tightly (page-encoding.ts). */
  refined?: boolean;
}

export interface PageCache {
  /**
   * Cache key for this request, or undefined when its page must be rendered for it alone.
   * `variant` names live data the page shows (e.g. a product's stock), so a change renders anew.
   */
  keyFor(request: FastifyRequest, variant?: string): string | undefined;
  get(key: string, render: () => Promise<RenderedPage>): Promise<CachedPage>;
  /** The cached page for this key, if there is a fresh one. */
  peek(key: string): CachedPage | undefined;
  clear(): void;
}

export function createPageCache(): PageCache {
  // A page is kept from its second visit on: most catalogue URLs with filters are asked once.
  const cache = lruCache<string, CachedPage>({ max: PAGE_CACHE_ENTRIES, ttlMs: PAGE_CACHE_MS, admitOnSecondRequest: true });
  return {
    keyFor(request, variant = '') {
      if (request.method !== 'GET') return undefined;
      if (Object.keys(request.cookies).some((name) => !PRESENTATION_COOKIES.has(name))) return undefined;
      // `?lang=` answers with a Set-Cookie: render it normally.
      if ((request.query as Record<string, unknown> | undefined)?.lang !== undefined) return undefined;
      return `${request.locale}|${request.cookies.theme ?? ''}|${variant}|${request.url}`;
    },
    get: (key, render) =>
      cache.get(key, async () => {
        const page = await render();
        return { ...page, encoded: {} };
      }),
    peek: (key) => cache.peek(key),
    clear: () => cache.clear(),
  };
}
