/**
 * Bank-transfer receipts (P5): the order's owner or guest-link holder uploads one image while the
 * order awaits payment; the owner, the guest link and staff can view it.
 *
 *   POST /pesanan/:number/bukti-transfer      multipart: _csrf, k (guests), proof (the image)
 *   GET  /pesanan/:number/bukti-transfer.jpg  the stored receipt, never cached
 *
 * A receipt shows the customer's bank and account number, so it is NOT in the public upload
 * store (served at /media/) but in the private one nothing serves (src/lib/storage/uploads.ts),
 * as `transfer-proofs/<key>.jpg`: with the folder driver
 * `<dirname(UPLOAD_DIR)>/private-uploads/transfer-proofs/<key>.jpg`, with S3 under `private/`.
 * Every upload is decoded and re-encoded (auto-rotated, EXIF/GPS/ICC stripped, at most 1600 px,
 * JPEG) under a random key.
 *
 * The form is read by plugins/multipart-form.ts (multipart only for this route, the CSRF field
 * and the guest key `k` before the file, the file kept out of `request.body`).
 */
import { withQuery } from '../../lib/url';
import path from 'node:path';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { h } from 'preact';
import { sendError } from '../../lib/errors';
import type { TransferProofMessageKey } from '../../lib/i18n/messages/transfer-proof';
import { type ImageIntakeOptions, InvalidImageError, intakeImage } from '../../lib/images';
import type { ObjectStorage } from '../../lib/storage/types';
import { privateUploadDir } from '../../lib/storage/uploads';
import { newStorageKey } from '../media/service';
import { wantsJson } from '../plugins/errors';
import { multipartForm } from '../plugins/multipart-form';
import { ErrorPage } from '../ui/error-page';
import type { OrderDetail, OrdersService } from './service';
import { acceptsTransferProof, OrderTransitionError } from './state-machine';
import { MAX_PROOF_BYTES, proofText, transferProofUrl } from './views/transfer-proof-form';

/**
 * Uploads per client address: each one is decoded and re-encoded (CPU and disk), so a script must
 * not be able to keep the store busy; a customer retrying a blurry photo stays far below it.
 */
export const TRANSFER_PROOF_RATE_LIMIT = { max: 10, timeWindow: 10 * 60_000 };

export { MAX_PROOF_BYTES };
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

/** Where the folder driver keeps receipts: beside UPLOAD_DIR, never inside it (UPLOAD_DIR is served at /media/). */
export function transferProofDir(uploadDir: string): string {
  return path.join(privateUploadDir(uploadDir), 'transfer-proofs');
}

/** A receipt's key in the private upload store. */
const proofKey = (key: string) => `transfer-proofs/${key}.jpg`;

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

type Params = { number: string };

/** `proofs` is the PRIVATE upload store: handing this the public one would publish receipts at /media/. */
export function registerTransferProofRoutes(app: FastifyInstance, deps: { orders: OrdersService; proofs: ObjectStorage }) {
  const { orders, proofs } = deps;

  const notFound = (reply: FastifyReply) => reply.page(h(ErrorPage, { status: 404 }), 404);

  function detailFor(request: FastifyRequest<{ Params: Params }>): Promise<OrderDetail | undefined> {
    const query = request.query as Record<string, unknown>;
    const body = request.body && typeof request.body === 'object' ? (request.body as Record<string, unknown>) : {};
    return orders.viewFor(request.params.number, { user: request.user ?? null, guestKey: query.k ?? body.k });
  }

  function backTo(reply: FastifyReply, detail: OrderDetail, notice: string) {
    const url = orders.orderUrl(detail.order);
    return reply.redirect(withQuery(url, `pesan=${notice}`), 303);
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

  app.register(async (scope) => {
    const form = await multipartForm(scope, {
      fileFields: ['proof'],
      textFields: ['k'],
      maxFileBytes: MAX_PROOF_BYTES,
      maxFiles: 1,
      // Not worth reading: answered at once (the CSRF field was not read, but nothing changes).
      onTooLarge: (request, reply) => refuse(request as FastifyRequest<{ Params: Params }>, reply, 'too_large'),
    });

    const limits = { preValidation: form.preValidation, config: { rateLimit: TRANSFER_PROOF_RATE_LIMIT } };
    scope.post<{ Params: Params }>('/pesanan/:number/bukti-transfer', limits, async (request, reply) => {
      const detail = await detailFor(request);
      // Staff may see a receipt but never upload one for the customer.
      if (!detail || detail.access === 'staff') return notFound(reply);
      const upload = form.formOf(request);
      if (upload.failure) return refuse(request, reply, upload.failure === 'too_large' ? 'too_large' : 'malformed', detail);
      const received = upload.files[0]?.data;
      // A named file without bytes is a broken file; no file chosen at all is a missing one.
      if (!received) return refuse(request, reply, upload.emptyFiles.some((f) => f.filename !== '') ? 'invalid' : 'missing', detail);
      if (!acceptsTransferProof(detail.order)) {
        return refuse(request, reply, 'closed', detail);
      }

      let jpeg: Buffer;
      try {
        jpeg = await encodeTransferProof(received);
      } catch (error) {
        if (!(error instanceof InvalidImageError)) throw error;
        request.log.info(
          { err: { reason: error.reason, message: error.message, cause: (error.cause as Error | undefined)?.message } },
          'transfer proof is not a usable image',
        );
        return refuse(request, reply, 'invalid', detail);
      }

      // A fresh random key per upload (never an overwrite), stored before the order points at it.
      const key = newStorageKey();
      await proofs.put(proofKey(key), jpeg, 'image/jpeg');
      try {
        await orders.attachTransferProof(detail, key);
      } catch (error) {
        await proofs.delete(proofKey(key)).catch((err: unknown) => request.log.warn({ err }, 'refused transfer proof not removed'));
        if (error instanceof OrderTransitionError) return refuse(request, reply, 'closed', detail);
        throw error;
      }
      const previous = detail.order.transferProofKey;
      if (previous && previous !== key && KEY_PATTERN.test(previous)) {
        await proofs.delete(proofKey(previous)).catch((err: unknown) => request.log.warn({ err }, 'old transfer proof not removed'));
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
      // Checked above, before anything is read: the store is never asked for a receipt the caller may not see.
      const proof = await proofs.get(proofKey(key));
      if (!proof) {
        request.log.warn({ order: detail.order.number }, 'transfer proof file missing');
        return notFound(reply);
      }
      return reply
        .header('content-type', 'image/jpeg')
        .header('content-length', proof.size)
        .header('content-disposition', `inline; filename="bukti-transfer-${detail.order.number}.jpg"`)
        .header('cache-control', 'private, no-store')
        .header('x-content-type-options', 'nosniff')
        .send(proof.body);
    });
  });
}
