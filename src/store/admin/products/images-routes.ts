/**
 * Product image upload: one multipart form (works without JavaScript) with the CSRF field first
 * and up to 8 files. Like the transfer receipt (orders/transfer-proof.ts), @fastify/multipart is
 * registered in this route's own scope only, and a preValidation hook reads the parts before the
 * CSRF check: `request.body` becomes `{ _csrf }`, the files are kept aside. Each file then goes
 * through the media pipeline (first-byte check, pixel limit, auto-rotate, metadata stripped,
 * re-encoded at the storefront's sizes); a refused file is named on the page, the rest are kept.
 */
import type { Readable } from 'node:stream';
import { finished } from 'node:stream/promises';
import multipart from '@fastify/multipart';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { MessageKey } from '../../../lib/i18n';
import type { ImageUpload, ProductAdminService, UploadResult } from '../../product/service';
import { MAX_PRODUCT_IMAGE_BYTES, MAX_PRODUCT_IMAGES } from '../../product/types';
import { wantsJson } from '../../plugins/errors';
import { setFlash } from '../flash';
import { idParams } from './form-schema';
import type { ProductFormProps } from './form-page';

/** Every file plus multipart framing; a bigger declared body is refused unread. */
const MAX_REQUEST_BYTES = MAX_PRODUCT_IMAGES * MAX_PRODUCT_IMAGE_BYTES + 64 * 1024;

interface Upload {
  files: ImageUpload[];
  failure?: MessageKey;
}

const FAILURES: Record<string, MessageKey> = {
  FST_REQ_FILE_TOO_LARGE: 'adminProducts.image.error.tooLarge',
  FST_FILES_LIMIT: 'adminProducts.image.error.tooMany',
  FST_PARTS_LIMIT: 'adminProducts.image.error.tooMany',
};

export function registerProductImageUpload(
  admin: FastifyInstance,
  deps: {
    service: ProductAdminService;
    notFound: (reply: FastifyReply) => unknown;
    showEdit: (reply: FastifyReply, id: number, extra: Partial<ProductFormProps>, status?: number) => unknown;
  },
) {
  const uploads = new WeakMap<FastifyRequest, Upload>();

  async function drain(stream: Readable) {
    stream.resume();
    await finished(stream).catch(() => {});
  }

  async function readUpload(request: FastifyRequest) {
    if (!request.isMultipart()) return;
    const upload: Upload = { files: [] };
    const fields: Record<string, string> = {};
    const declared = Number(request.headers['content-length']);
    if (Number.isFinite(declared) && declared > MAX_REQUEST_BYTES) {
      upload.failure = 'adminProducts.image.error.tooLarge';
    } else {
      try {
        for await (const part of request.parts()) {
          if (part.type === 'file') {
            if (part.fieldname !== 'images') {
              await drain(part.file);
              continue;
            }
            const data = await part.toBuffer();
            if (data.length > 0) upload.files.push({ filename: part.filename.slice(0, 120), data });
          } else if (part.fieldname === '_csrf' && typeof part.value === 'string') {
            fields._csrf = part.value;
          }
        }
      } catch (error) {
        const code = (error as { code?: unknown }).code;
        upload.failure = (typeof code === 'string' && FAILURES[code]) || 'adminProducts.image.error.malformed';
        upload.files = [];
        request.log.info({ err: { message: (error as Error).message, code } }, 'product images not read');
      }
    }
    request.body = fields;
    uploads.set(request, upload);
  }

  admin.register(async (scope) => {
    await scope.register(multipart, {
      limits: {
        fileSize: MAX_PRODUCT_IMAGE_BYTES,
        files: MAX_PRODUCT_IMAGES,
        fields: 4,
        fieldSize: 1024,
        fieldNameSize: 64,
        parts: MAX_PRODUCT_IMAGES + 4,
        headerPairs: 20,
      },
    });

    scope.post('/produk/:id/gambar', { config: { role: 'admin' }, preValidation: readUpload }, async (request, reply) => {
      const params = idParams.safeParse(request.params);
      if (!params.success) return deps.notFound(reply);
      const id = params.data.id;
      const upload = uploads.get(request) ?? { files: [] };
      uploads.delete(request);
      const refuse = (result: Partial<UploadResult> & { failure?: MessageKey }) => {
        const full = { added: 0, refused: [], tooMany: false, ...result };
        if (!wantsJson(request)) return deps.showEdit(reply, id, { upload: full }, 400);
        const params = { max: MAX_PRODUCT_IMAGES };
        return reply.code(400).send({
          ok: false,
          added: full.added,
          message: full.failure
            ? request.t(full.failure, params)
            : full.tooMany
              ? request.t('adminProducts.image.error.tooMany', params)
              : undefined,
          refused: full.refused.map((r) => ({ filename: r.filename, message: request.t(r.reason) })),
        });
      };
      if (upload.failure) return refuse({ failure: upload.failure });
      if (upload.files.length === 0) return refuse({ failure: 'adminProducts.image.error.missing' });
      const found = await deps.service.product(id);
      if (!found) return deps.notFound(reply);
      const result = await deps.service.addImages(id, upload.files, found.product.name.slice(0, 200));
      if (!result) return deps.notFound(reply);
      if (result.tooMany || result.refused.length > 0) return refuse(result);
      if (wantsJson(request)) return reply.send({ ok: true, added: result.added, refused: [] });
      setFlash(request, reply, { kind: 'success', key: 'adminProducts.image.added', params: { count: result.added } });
      return reply.redirect(`/admin/produk/${id}#gambar`, 303);
    });
  });
}
