/**
 * Uploaded images at /media/<key>, streamed from the public upload store (src/lib/storage: a
 * folder or an S3 bucket), so every store instance serves every image whichever one received it.
 * Only the public store is reachable here: receipts and import sheets live in the private one.
 *
 * What @fastify/static gave these URLs is kept: the type from the key (never sniffed), a year of
 * immutable caching (keys are random and never reused for other bytes), ETag and Last-Modified,
 * and 304 for a conditional request, answered from the object's metadata without reading it.
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import { isValidKey } from '../../lib/storage/keys';
import type { ObjectInfo, ObjectStorage } from '../../lib/storage/types';

const IMMUTABLE = 'public, max-age=31536000, immutable';
export const MEDIA_PREFIX = '/media/';

/** RFC 9110: If-None-Match compares weakly, and when present If-Modified-Since is ignored. */
export function isFresh(headers: { 'if-none-match'?: string; 'if-modified-since'?: string }, info: ObjectInfo): boolean {
  const match = headers['if-none-match'];
  if (match !== undefined) {
    const opaque = (tag: string) => tag.trim().replace(/^W\//, '');
    const wanted = opaque(info.etag);
    return match.split(',').some((tag) => tag.trim() === '*' || opaque(tag) === wanted);
  }
  const since = Date.parse(headers['if-modified-since'] ?? '');
  // HTTP dates have whole seconds.
  return Number.isFinite(since) && Math.floor(info.lastModified.getTime() / 1000) * 1000 <= since;
}

function objectHeaders(reply: FastifyReply, info: ObjectInfo): FastifyReply {
  return reply
    .header('cache-control', IMMUTABLE)
    .header('etag', info.etag)
    .header('last-modified', info.lastModified.toUTCString())
    .header('x-content-type-options', 'nosniff');
}

export async function registerMediaFiles(app: FastifyInstance, opts: { media: ObjectStorage }) {
  const { media } = opts;
  await app.register(async (scope) => {
    // HEAD is declared here rather than left to Fastify's exposed HEAD route, which would read the
    // whole object only to drop it, and would replace our Content-Length with 0.
    scope.route<{ Params: { '*': string } }>({
      method: ['GET', 'HEAD'],
      url: `${MEDIA_PREFIX}*`,
      exposeHeadRoute: false,
      handler: async (request, reply) => {
        const key = request.params['*'];
        // "..", hidden files, unknown extensions: never a stored object, so the ordinary 404.
        if (!isValidKey(key)) return reply.callNotFound();
        const conditional = request.headers['if-none-match'] !== undefined || request.headers['if-modified-since'] !== undefined;
        if (request.method === 'HEAD' || conditional) {
          const info = await media.stat(key);
          if (!info) return reply.callNotFound();
          if (isFresh(request.headers, info)) return objectHeaders(reply, info).code(304).send();
          if (request.method === 'HEAD')
            return objectHeaders(reply, info).type(info.contentType).header('content-length', info.size).send();
        }
        const object = await media.get(key);
        if (!object) return reply.callNotFound();
        return objectHeaders(reply, object).type(object.contentType).header('content-length', object.size).send(object.body);
      },
    });
  });
}
