/**
 * Bank-transfer receipts (P5): the order's owner or guest-link holder uploads one image while the
 * order awaits payment; the owner, the guest link and staff can view it.
 *
 *   POST /pesanan/:number/bukti-transfer      multipart: _csrf, k (guests), proof (the image)
 *   GET  /pesanan/:number/bukti-transfer.jpg  the stored receipt, never cached
 *
 * A receipt shows the customer's bank and account number, so it is NOT stored under uploadDir
 * (all of uploadDir is public at /media/) but in a sibling folder nothing serves:
 * `<dirname(uploadDir)>/private-uploads/transfer-proofs/<key>.jpg`. Every upload is decoded and
 * re-encoded (auto-rotated, EXIF/GPS/ICC stripped, at most 1600 px, JPEG) under a random key.
 *
 * @fastify/multipart is registered inside this plugin's own scope (no fastify-plugin), so the
 * multipart parser and its request decorators exist only for these two routes: anywhere else a
 * multipart body stays a 415 and the app's urlencoded/JSON parsing is untouched.
 *
 * CSRF: the global preHandler reads `_csrf` from `request.body` or the `x-csrf-token` header.
 * The multipart parser leaves the body unread, so this route's preValidation hook (which runs
 * before every preHandler) reads the parts itself and sets `request.body = { _csrf, k }`; the file
 * is kept aside, never in the body. The form sends `_csrf` and `k` before the file.
 */
import { mkdir, open, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { finished } from 'node:stream/promises';
import multipart from '@fastify/multipart';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { h } from 'preact';
import { sendError } from '../../lib/errors';
import type { TransferProofMessageKey } from '../../lib/i18n/messages/transfer-proof';
import { type ImageIntakeOptions, InvalidImageError, intakeImage } from '../../lib/images';
import { newStorageKey } from '../media/service';
import { wantsJson } from '../plugins/errors';
import { ErrorPage } from '../ui/error-page';
import type { OrderDetail, OrdersService } from './service';
import { acceptsTransferProof, OrderTransitionError } from './state-machine';
import { proofText, transferProofUrl } from './views/transfer-proof-form';

export const MAX_PROOF_BYTES = 8 * 1024 * 1024;
/** The file plus multipart framing and two short fields; a bigger declared body is refused unread. */
const MAX_REQUEST_BYTES = MAX_PROOF_BYTES + 64 * 1024;
/** Decompression bombs: 50 megapixels is far above any phone photo or screenshot. */
const MAX_INPUT_PIXELS = 50_000_000;
const MAX_EDGE = 1600;
const JPEG_QUALITY = 80;
/** What newStorageKey() makes; anything else in the column is never turned into a path. */
const KEY_PATTERN = /^[A-Za-z0-9_-]{16,64}$/;

export type ProofFailure = 'missing' | 'too_large' | 'invalid' | 'malformed' | 'closed';

const FAILURE_TEXT: Record<ProofFailure, TransferProofMessageKey> = {
  missing: 'transferProof.error.missing',
  too_large: 'transferProof.error.tooLarge',
  invalid: 'transferProof.error.invalid',
  malformed: 'transferProof.error.malformed',
  closed: 'transferProof.error.closed',
};

/** Where receipts live: beside uploadDir, never inside it (uploadDir is served at /media/). */
export function transferProofDir(uploadDir: string): string {
  return path.join(path.dirname(path.resolve(uploadDir)), 'private-uploads', 'transfer-proofs');
}

function isInside(dir: string, parent: string): boolean {
  const rel = path.relative(path.resolve(parent), path.resolve(dir));
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

/** A receipt: JPEG, PNG or WebP in (by its first bytes), a JPEG of at most MAX_EDGE px on white out. */
const PROOF_IMAGE: ImageIntakeOptions = {
  accept: ['jpeg', 'png', 'webp'],
  maxBytes: MAX_PROOF_BYTES,
  maxPixels: MAX_INPUT_PIXELS,
  fit: { width: MAX_EDGE, height: MAX_EDGE },
  background: '#ffffff',
  output: { format: 'jpeg', quality: JPEG_QUALITY, progressive: true },
};

/**
 * Decodes a JPEG, PNG or WebP receipt and re-encodes it as a JPEG of at most MAX_EDGE px on the
 * long side, upright, on white, without any metadata. Throws InvalidImageError for anything else.
 * (HEIC is not accepted: the prebuilt libvips of sharp decodes AVIF but not HEVC.)
 */
export async function encodeTransferProof(input: Buffer): Promise<Buffer> {
  return (await intakeImage(input, PROOF_IMAGE)).data;
}

interface Upload {
  file?: Buffer;
  /** A file part was sent but had no bytes (a 0-byte file, or no file chosen). */
  emptyFile?: boolean;
  failure?: ProofFailure;
}

type Params = { number: string };

/** The multipart error codes of @fastify/multipart that mean "too much". */
const TOO_LARGE_CODES = new Set(['FST_REQ_FILE_TOO_LARGE']);

export function registerTransferProofRoutes(app: FastifyInstance, deps: { orders: OrdersService; uploadDir: string; proofDir?: string }) {
  const { orders } = deps;
  const proofDir = path.resolve(deps.proofDir ?? transferProofDir(deps.uploadDir));
  if (isInside(proofDir, deps.uploadDir)) {
    throw new Error(`Transfer receipts must not be stored under the public upload folder (${deps.uploadDir}).`);
  }
  const proofPath = (key: string) => path.join(proofDir, `${key}.jpg`);
  /** Files read by this request's preValidation hook; never part of `request.body`. */
  const uploads = new WeakMap<FastifyRequest, Upload>();

  const notFound = (reply: FastifyReply) => reply.page(h(ErrorPage, { status: 404 }), 404);

  function detailFor(request: FastifyRequest<{ Params: Params }>): Promise<OrderDetail | undefined> {
    const query = request.query as Record<string, unknown>;
    const body = request.body && typeof request.body === 'object' ? (request.body as Record<string, unknown>) : {};
    return orders.viewFor(request.params.number, { user: request.user ?? null, guestKey: query.k ?? body.k });
  }

  function backTo(reply: FastifyReply, detail: OrderDetail, notice: string) {
    const url = orders.orderUrl(detail.order);
    return reply.redirect(`${url}${url.includes('?') ? '&' : '?'}pesan=${notice}`, 303);
  }

  /** A refused upload: 404 for anyone who may not upload, otherwise back to the order with a notice (or a JSON error). */
  async function refuse(request: FastifyRequest<{ Params: Params }>, reply: FastifyReply, failure: ProofFailure, known?: OrderDetail) {
    const detail = known ?? (await detailFor(request));
    if (!detail || detail.access === 'staff') return notFound(reply);
    request.log.info({ order: detail.order.number, failure }, 'transfer proof refused');
    if (wantsJson(request)) {
      const message = proofText(request.t, request.locale, FAILURE_TEXT[failure]);
      return sendError(reply, `proof_${failure}`, failure === 'closed' ? 409 : 400, message, { proof: message });
    }
    return backTo(reply, detail, failure === 'closed' ? 'bukti-tutup' : 'bukti-gagal');
  }

  async function drain(stream: Readable) {
    stream.resume();
    await finished(stream).catch(() => {});
  }

  /**
   * preValidation (before the CSRF preHandler): reads `_csrf`, `k` and the one `proof` file, then
   * sets `request.body` to the two text fields so the CSRF hook and the guest key work as for
   * any form. Nothing here changes state.
   */
  async function readUpload(request: FastifyRequest<{ Params: Params }>, reply: FastifyReply) {
    if (!request.isMultipart()) return;
    const declared = Number(request.headers['content-length']);
    if (Number.isFinite(declared) && declared > MAX_REQUEST_BYTES) {
      // Not worth reading: answer now and drop the connection instead of swallowing the rest.
      reply.header('connection', 'close');
      return refuse(request, reply, 'too_large');
    }
    const upload: Upload = {};
    const fields: Record<string, string> = {};
    try {
      for await (const part of request.parts()) {
        if (part.type === 'file') {
          if (part.fieldname === 'proof' && !upload.file && !upload.emptyFile) {
            const buffer = await part.toBuffer();
            if (buffer.length > 0) upload.file = buffer;
            else upload.emptyFile = part.filename !== '';
          } else {
            await drain(part.file);
          }
        } else if ((part.fieldname === '_csrf' || part.fieldname === 'k') && typeof part.value === 'string') {
          fields[part.fieldname] = part.value;
        }
      }
    } catch (error) {
      const code = (error as { code?: unknown }).code;
      upload.failure = typeof code === 'string' && TOO_LARGE_CODES.has(code) ? 'too_large' : 'malformed';
      upload.file = undefined;
      request.log.info({ err: { message: (error as Error).message, code } }, 'transfer proof upload not read');
    }
    request.body = fields;
    uploads.set(request, upload);
  }

  app.register(async (scope) => {
    await scope.register(multipart, {
      limits: {
        fileSize: MAX_PROOF_BYTES,
        files: 1,
        fields: 4,
        fieldSize: 1024,
        fieldNameSize: 64,
        parts: 6,
        headerPairs: 20,
      },
    });

    scope.post<{ Params: Params }>('/pesanan/:number/bukti-transfer', { preValidation: readUpload }, async (request, reply) => {
      const detail = await detailFor(request);
      // Staff may see a receipt but never upload one for the customer.
      if (!detail || detail.access === 'staff') return notFound(reply);
      const upload = uploads.get(request) ?? {};
      uploads.delete(request);
      if (upload.failure) return refuse(request, reply, upload.failure, detail);
      if (!upload.file) return refuse(request, reply, upload.emptyFile ? 'invalid' : 'missing', detail);
      if (!acceptsTransferProof(detail.order)) {
        return refuse(request, reply, 'closed', detail);
      }

      let jpeg: Buffer;
      try {
        jpeg = await encodeTransferProof(upload.file);
      } catch (error) {
        if (!(error instanceof InvalidImageError)) throw error;
        request.log.info(
          { err: { reason: error.reason, message: error.message, cause: (error.cause as Error | undefined)?.message } },
          'transfer proof is not a usable image',
        );
        return refuse(request, reply, 'invalid', detail);
      }

      const key = newStorageKey();
      const file = proofPath(key);
      await mkdir(proofDir, { recursive: true, mode: 0o700 });
      await writeFile(file, jpeg, { flag: 'wx', mode: 0o600 });
      try {
        await orders.attachTransferProof(detail, key);
      } catch (error) {
        await rm(file, { force: true });
        if (error instanceof OrderTransitionError) return refuse(request, reply, 'closed', detail);
        throw error;
      }
      const previous = detail.order.transferProofKey;
      if (previous && previous !== key && KEY_PATTERN.test(previous)) {
        await rm(proofPath(previous), { force: true }).catch((err: unknown) => request.log.warn({ err }, 'old transfer proof not removed'));
      }
      request.log.info({ order: detail.order.number, bytes: jpeg.length }, 'transfer proof stored');
      if (wantsJson(request)) {
        const guestKey =
          detail.access === 'guestLink'
            ? (new URL(orders.orderUrl(detail.order), 'http://store.invalid').searchParams.get('k') ?? undefined)
            : undefined;
        return reply
          .header('cache-control', 'private, no-store')
          .send({ ok: true, proofUrl: transferProofUrl(detail.order.number, guestKey, '.jpg') });
      }
      return backTo(reply, detail, 'bukti');
    });

    // The owner, the guest link or staff: the same check as the order page; a 404 for anyone else.
    scope.get<{ Params: Params }>('/pesanan/:number/bukti-transfer.jpg', async (request, reply) => {
      const detail = await detailFor(request);
      const key = detail?.order.transferProofKey;
      if (!detail || !key || !KEY_PATTERN.test(key)) return notFound(reply);
      // An open handle keeps the file readable even if a new upload replaces it meanwhile.
      const handle = await open(proofPath(key), 'r').catch(() => undefined);
      if (!handle) {
        request.log.warn({ order: detail.order.number }, 'transfer proof file missing');
        return notFound(reply);
      }
      const { size } = await handle.stat();
      return reply
        .header('content-type', 'image/jpeg')
        .header('content-length', size)
        .header('content-disposition', `inline; filename="bukti-transfer-${detail.order.number}.jpg"`)
        .header('cache-control', 'private, no-store')
        .header('x-content-type-options', 'nosniff')
        .send(handle.createReadStream());
    });
  });
}
