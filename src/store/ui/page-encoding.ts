/**
 * Content codings for cached pages. A page shared by every visitor without a session is
 * compressed once per coding and the bytes are kept with the page (page-cache.ts), instead of
 * @fastify/compress compressing the same bytes again for every visitor. The choice follows the
 * compress plugin's rules, so a cached page is answered exactly as the plugin would answer it.
 */
import type { IncomingHttpHeaders } from 'node:http';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import negotiate from '@fastify/accept-negotiator';
import type { CachedPage } from './page-cache';

/** Smaller bodies are sent as they are (also the compress plugin's threshold, app.ts). */
export const COMPRESS_THRESHOLD = 1024;

export type Coding = 'br' | 'gzip' | 'deflate';
/** In the compress plugin's order of preference (br first). */
const SUPPORTED: (Coding | 'identity')[] = ['br', 'gzip', 'deflate', 'identity'];
/** `*` (no preference) and `x-gzip` mean gzip, as in the compress plugin. */
const GZIP_ALIAS = /\*|x-gzip/gu;

/** The coding to send to this client, or undefined for the bytes as they are. */
export function preferredCoding(headers: IncomingHttpHeaders): Coding | undefined {
  const accept = headers['accept-encoding'];
  if (!accept || headers['x-no-compression'] !== undefined) return undefined;
  const chosen = negotiate(accept.toLowerCase().replace(GZIP_ALIAS, 'gzip'), SUPPORTED);
  return chosen && chosen !== 'identity' ? chosen : undefined;
}

/**
 * Brotli quality for bytes compressed for one answer: a page no cache keeps (most filtered
 * catalogue URLs), the first answer of a page that may be kept, a page rendered for one visitor,
 * JSON (app.ts gives it to the compress plugin too). Never-seen catalogue pages asked for as
 * browsers ask, 50 connections, one store at a time: quality 4 (the plugin's default) 825–916
 * req/s, 3: 1 086, 2: 1 159–1 295, 1: 1 377, 0: 1 580, not compressed 1 814; the page is 9.3 KB at
 * 4, 10.0 KB at 2, 11.2 KB at 0. At 2 the shop answers ~40 % more such pages for 0.7 KB more
 * each (~3 ms on a slow 4G link). Pages asked for again are recompressed at quality 10 (below).
 */
export const ONE_OFF_BROTLI_QUALITY = 2;

/** Brotli options for HTML and JSON at this quality (`sizeHint`: the input's length, when known). */
export const brotliTextOptions = (quality: number, sizeHint?: number): zlib.BrotliOptions => ({
  params: {
    [zlib.constants.BROTLI_PARAM_QUALITY]: quality,
    [zlib.constants.BROTLI_PARAM_MODE]: zlib.constants.BROTLI_MODE_TEXT,
    ...(sizeHint === undefined ? {} : { [zlib.constants.BROTLI_PARAM_SIZE_HINT]: sizeHint }),
  },
});

const compressors: Record<Coding, (body: Buffer) => Buffer> = {
  br: (body) => zlib.brotliCompressSync(body, brotliTextOptions(ONE_OFF_BROTLI_QUALITY, body.length)),
  gzip: (body) => zlib.gzipSync(body),
  deflate: (body) => zlib.deflateSync(body),
};

export function encodeBody(body: Buffer, coding: Coding): Buffer {
  return compressors[coding](body);
}

/**
 * Quality 10: on our pages ~14 % smaller than quality 4 (/produk 9.9 → 8.4 KB, home 11.2 → 9.7 KB;
 * ~20 % smaller than quality 2) for ~15 ms of a 50 KB page; 11 saves under 1 % more for 3–4× the
 * time, 5–9 save ~6 %.
 */
const FINE_BROTLI_QUALITY = 10;
const brotliAsync = promisify(zlib.brotliCompress);

/**
 * Recompresses the Brotli copy of a cached page more tightly once the page is asked for again:
 * every shopper then downloads ~20 % less of it. On zlib's thread pool, so the event loop goes on
 * answering; one page at a time, so a crawl through many pages cannot fill the pool that file
 * reads and password hashing share (a page skipped now is taken at its next visit). Pages seen
 * once (most filtered catalogue URLs) are never recompressed. Resolves when the page is done,
 * or at once with false when it was skipped.
 */
export function createBrotliRefiner(
  compress: (body: Buffer) => Promise<Buffer> = (body) => brotliAsync(body, brotliTextOptions(FINE_BROTLI_QUALITY, body.length)),
) {
  let busy = false;
  return async function refine(page: CachedPage): Promise<boolean> {
    const current = page.encoded.br;
    if (busy || page.refined || !current) return false;
    busy = true;
    page.refined = true;
    try {
      const finer = await compress(page.body);
      if (finer.length < current.length) page.encoded.br = finer;
      return true;
    } catch {
      // The first copy stays; it is as correct, only larger.
      return false;
    } finally {
      busy = false;
    }
  };
}
