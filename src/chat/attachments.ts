/**
 * Image attachments over HTTP (the browser reaches them through the store: `/chat/api/…`).
 *
 *   POST /api/attachments[?conversationId=N]   body: the image itself (Content-Type image/* or
 *                                              application/octet-stream), ≤ 8 MB → { id, width, height }
 *   GET  /api/attachments/:id                  the re-encoded image (WebP)
 *
 * Both take `Authorization: Bearer <chat token>`, verified exactly like a socket's token; the
 * identity and role come only from it. A raw body rather than multipart: one file, no field
 * names to check, and the bytes are sniffed anyway (the declared type means nothing).
 *
 * A customer's upload goes into their open conversation (created if needed, as for a message);
 * staff name the conversation, which must be open. Reading needs staff, or the customer whose
 * conversation it is; anyone else gets 404, so an id reveals nothing. The upload is then sent
 * with `message:send { attachment: id }` (messages.ts), once, into the same conversation.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ChatTokenClaims } from '../lib/chat-tokens';
import { verifyChatToken } from '../lib/chat-tokens';
import { sendError } from '../lib/errors';
import { type ImageFailure, InvalidImageError } from '../lib/images';
import { encodeChatImage } from './attachment-image';
import { type AttachmentRepository, ATTACHMENT_ID } from './attachments-repository';

export { createAttachmentRepository, type AttachmentRef, type AttachmentRepository } from './attachments-repository';
import { isStaff } from './auth';
import {
  ATTACHMENT_MAX_BYTES,
  ATTACHMENT_MAX_PIXELS,
  type AttachmentRef,
  CHAT_ATTACHMENTS_PATH,
  CHAT_SERVICE_API_PREFIX,
  MAX_UNSENT_UPLOADS,
  UPLOAD_RATE,
} from './contract';
import { type TokenBucket, createTokenBucket } from './rate-limit';
import type { ChatRepository } from './repository';

/** Uploads never sent are forgotten after a day (checked on the uploader's next upload). */
const UNSENT_TTL_MS = 24 * 60 * 60 * 1000;

const TOO_LARGE = `The image is larger than ${ATTACHMENT_MAX_BYTES / 1024 / 1024} MB.`;

/** The answer to each refusal of the image intake (the codes are the chat API's). */
const IMAGE_FAILURE: Record<ImageFailure, { status: number; code: string; message: string }> = {
  not_an_image: { status: 415, code: 'not_an_image', message: 'Only JPEG, PNG, WebP or GIF images can be attached.' },
  corrupt: { status: 400, code: 'invalid_image', message: 'The image is damaged and cannot be read.' },
  too_many_pixels: {
    status: 400,
    code: 'too_many_pixels',
    message: `The image has too many pixels (at most ${ATTACHMENT_MAX_PIXELS / 1_000_000} megapixels).`,
  },
  too_large: { status: 413, code: 'file_too_large', message: TOO_LARGE },
};

/** Our error shape (src/lib/errors.ts); `fields` names the part of the request at fault: `file` or `conversationId`. */
function refuse(reply: FastifyReply, status: number, code: string, message: string, field?: 'file' | 'conversationId') {
  return sendError(reply, code, status, message, field ? { [field]: message } : undefined);
}

declare module 'fastify' {
  interface FastifyRequest {
    chatUser?: ChatTokenClaims;
  }
}

/** Per-person token buckets, in memory like the socket limits; idle ones are dropped now and then. */
function uploadLimiter() {
  const buckets = new Map<string, { bucket: TokenBucket; usedAt: number }>();
  return (sub: string): boolean => {
    const now = Date.now();
    if (buckets.size > 10_000) {
      for (const [key, entry] of buckets) if (now - entry.usedAt > 60_000) buckets.delete(key);
    }
    let entry = buckets.get(sub);
    if (!entry) {
      entry = { bucket: createTokenBucket(UPLOAD_RATE.perMinute / 60, UPLOAD_RATE.burst), usedAt: now };
      buckets.set(sub, entry);
    }
    entry.usedAt = now;
    return entry.bucket.take();
  };
}

export interface AttachmentRoutesOptions {
  repo: ChatRepository;
  attachments: AttachmentRepository;
  tokenSecret: string;
}

/**
 * A plugin of its own (encapsulated): its content-type parser, error handler and token hook
 * apply to these two routes only, not to health checks or the socket.
 */
export async function attachmentRoutes(scope: FastifyInstance, deps: AttachmentRoutesOptions) {
  const { repo, attachments } = deps;
  const allowUpload = uploadLimiter();
  // Only images (or unlabelled bytes) are read, into memory, up to the limit; everything
  // else is a 415 before the body is read. The limit is also checked against Content-Length
  // first, so a declared 50 MB body is refused unread.
  scope.removeAllContentTypeParsers();
  scope.addContentTypeParser(
    /^(image\/[\w.+-]+|application\/octet-stream)(\s*;.*)?$/i,
    { parseAs: 'buffer', bodyLimit: ATTACHMENT_MAX_BYTES },
    (_request, body, done) => done(null, body),
  );

  scope.setErrorHandler((error: Error & { statusCode?: number; code?: string }, request, reply) => {
    if (error.statusCode === 413) return refuse(reply, 413, 'file_too_large', TOO_LARGE, 'file');
    if (error.statusCode === 415)
      return refuse(reply, 415, 'unsupported_media_type', 'Send the image itself, with an image Content-Type.', 'file');
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500)
      return refuse(reply, error.statusCode, 'bad_request', 'The request could not be read.');
    request.log.error({ err: error }, 'attachment request failed');
    return refuse(reply, 500, 'internal_error', 'Internal server error');
  });

  // Before the body is read: nobody without a valid token makes us read 8 MB.
  scope.addHook('onRequest', async (request, reply) => {
    const header = request.headers.authorization;
    const token = typeof header === 'string' && /^Bearer\s+/i.test(header) ? header.replace(/^Bearer\s+/i, '').trim() : undefined;
    if (!token) {
      reply.header('www-authenticate', 'Bearer');
      return refuse(reply, 401, 'unauthorized', 'A chat token is required.');
    }
    const claims = await verifyChatToken(token, deps.tokenSecret);
    if (!claims) {
      reply.header('www-authenticate', 'Bearer error="invalid_token"');
      return refuse(reply, 401, 'invalid_token', 'The chat token is invalid or has expired.');
    }
    request.chatUser = claims;
    if (request.method === 'POST' && !allowUpload(claims.sub)) {
      reply.header('retry-after', '60');
      return refuse(reply, 429, 'rate_limited', 'Too many images, wait a minute.');
    }
  });

  const attachmentsPath = CHAT_SERVICE_API_PREFIX + CHAT_ATTACHMENTS_PATH;

  scope.post(attachmentsPath, async (request: FastifyRequest<{ Querystring: { conversationId?: string } }>, reply) => {
    const user = request.chatUser!;
    const input = request.body;
    if (!Buffer.isBuffer(input) || input.length === 0) return refuse(reply, 400, 'file_missing', 'The request has no image.', 'file');

    const wanted = request.query.conversationId;
    const conversationId = wanted === undefined ? undefined : /^[1-9]\d{0,15}$/.test(wanted) ? Number(wanted) : NaN;
    if (Number.isNaN(conversationId))
      return refuse(reply, 400, 'invalid_conversation', 'conversationId must be a conversation id.', 'conversationId');

    let target: number;
    if (isStaff(user)) {
      if (conversationId === undefined) return refuse(reply, 400, 'invalid_conversation', 'conversationId is required.', 'conversationId');
      const found = await repo.findConversation(conversationId);
      if (!found) return refuse(reply, 404, 'conversation_not_found', 'No such conversation.', 'conversationId');
      if (found.status !== 'open') return refuse(reply, 409, 'conversation_archived', 'The conversation is archived.', 'conversationId');
      target = found.id;
    } else {
      // A customer's conversation comes from the token, as for message:send; naming another is refused.
      const own = await repo.openForCustomer(user.sub, user.name);
      if (conversationId !== undefined && conversationId !== own.id) {
        return refuse(reply, 403, 'wrong_conversation', 'You can only attach images to your own conversation.', 'conversationId');
      }
      target = own.id;
    }

    await attachments.dropUnsent(user.sub, UNSENT_TTL_MS);
    if ((await attachments.countUnsent(user.sub)) >= MAX_UNSENT_UPLOADS) {
      return refuse(reply, 429, 'too_many_unsent', 'Send or remove the images already uploaded first.');
    }

    let image: Awaited<ReturnType<typeof encodeChatImage>>;
    try {
      image = await encodeChatImage(input);
    } catch (error) {
      if (!(error instanceof InvalidImageError)) throw error;
      request.log.info({ failure: error.reason, bytes: input.length }, 'chat image refused');
      const { status, code, message } = IMAGE_FAILURE[error.reason];
      return refuse(reply, status, code, message, 'file');
    }
    const stored = await attachments.insert({ conversationId: target, uploaderId: user.sub, ...image });
    reply.header('cache-control', 'no-store');
    return reply.code(201).send({ id: stored.id, width: stored.width, height: stored.height } satisfies AttachmentRef);
  });

  scope.get(`${attachmentsPath}/:id`, async (request: FastifyRequest<{ Params: { id: string } }>, reply) => {
    const user = request.chatUser!;
    const found = ATTACHMENT_ID.test(request.params.id) ? await attachments.findWithOwner(request.params.id) : undefined;
    // Not found and not yours look the same: an id tells a stranger nothing.
    if (!found || !(isStaff(user) || found.customerId === user.sub)) {
      return refuse(reply, 404, 'not_found', 'Not found');
    }
    return (
      reply
        .header('content-type', found.contentType)
        .header('cache-control', 'private, max-age=86400')
        .header('x-content-type-options', 'nosniff')
        .header('content-disposition', 'inline')
        // Nothing in an image may run, even if a browser were talked into rendering it as a page.
        .header('content-security-policy', "default-src 'none'; sandbox")
        .send(found.data)
    );
  });
}
