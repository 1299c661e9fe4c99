/**
 * Content codings for cached pages. A page shared by every visitor without a session is
 * compressed once per coding and the bytes are kept with the page (page-cache.ts), instead of
 * @fastify/compress compressing the same bytes again for every visitor. The choice follows the
 * compress plugin's rules, so a cached page is answered exactly as the plugin would answer it.
 */
import zlib from 'node:zlib';
import negotiate from '@fastify/accept-negotiator';
import type { IncomingHttpHeaders } from 'node:http';

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

const compressors: Record<Coding, (body: Buffer) => Buffer> = {
  // Quality 4, like the compress plugin: good ratio for HTML at a small cost.
  br: (body) =>
    zlib.brotliCompressSync(body, {
      params: {
        [zlib.constants.BROTLI_PARAM_QUALITY]: 4,
        [zlib.constants.BROTLI_PARAM_MODE]: zlib.constants.BROTLI_MODE_TEXT,
        [zlib.constants.BROTLI_PARAM_SIZE_HINT]: body.length,
      },
    }),
  gzip: (body) => zlib.gzipSync(body),
  deflate: (body) => zlib.deflateSync(body),
};

export function encodeBody(body: Buffer, coding: Coding): Buffer {
  return compressors[coding](body);
}
