/**
 * Product image upload: one multipart form (works without JavaScript) with the CSRF field first
 * and up to 8 files, read by plugins/multipart-form.ts (like the transfer receipt and the
 * catalogue import). Each file then goes
 * through the media pipeline (first-byte check, pixel limit, auto-rotate, metadata stripped,
 * re-encoded at the storefront's sizes); a refused file is named on the page, the rest are kept.
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { MessageKey } from '../../../lib/i18n';
import type { ProductAdminService, UploadResult } from '../../product/service';
import { MAX_PRODUCT_IMAGE_BYTES, MAX_PRODUCT_IMAGES } from '../../product/types';
import { wantsJson } from '../../plugins/errors';
import { type MultipartFailure, multipartForm } from '../../plugins/multipart-form';
import { setFlash } from '../flash';
import { idParams } from './form-schema';
import type { ProductFormProps } from './form-page';

const FAILURES: Record<MultipartFailure, MessageKey> = {
  too_large: 'adminProducts.image.error.tooLarge',
  too_many: 'adminProducts.image.error.tooMany',
  malformed: 'adminProducts.image.error.malformed',
};

export function registerProductImageUpload(
  admin: FastifyInstance,
  deps: {
    service: ProductAdminService;
    notFound: (reply: FastifyReply) => unknown;
    showEdit: (reply: FastifyReply, id: number, extra: Partial<ProductFormProps>, status?: number) => unknown;
  },
) {
  admin.register(async (scope) => {
    const form = await multipartForm(scope, {
      fileFields: ['images'],
      maxFileBytes: MAX_PRODUCT_IMAGE_BYTES,
      maxFiles: MAX_PRODUCT_IMAGES,
      // More than every allowed file could weigh: answered unread (the admin guard already ran).
      onTooLarge: (request, reply) => {
        const params = idParams.safeParse(request.params);
        if (!params.success) return deps.notFound(reply);
        const failure: MessageKey = 'adminProducts.image.error.tooLarge';
        if (wantsJson(request)) return reply.code(413).send({ ok: false, added: 0, message: request.t(failure), refused: [] });
        return deps.showEdit(reply, params.data.id, { upload: { added: 0, refused: [], tooMany: false, failure } }, 413);
      },
    });

    scope.post('/produk/:id/gambar', { config: { role: 'admin' }, preValidation: form.preValidation }, async (request, reply) => {
      const params = idParams.safeParse(request.params);
      if (!params.success) return deps.notFound(reply);
      const id = params.data.id;
      const upload = form.formOf(request);
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
      if (upload.failure) return refuse({ failure: FAILURES[upload.failure] });
      if (upload.files.length === 0) return refuse({ failure: 'adminProducts.image.error.missing' });
      const found = await deps.service.product(id);
      if (!found) return deps.notFound(reply);
      const files = upload.files.map(({ filename, data }) => ({ filename, data }));
      const result = await deps.service.addImages(id, files, found.product.name.slice(0, 200));
      if (!result) return deps.notFound(reply);
      if (result.tooMany || result.refused.length > 0) return refuse(result);
      if (wantsJson(request)) return reply.send({ ok: true, added: result.added, refused: [] });
      setFlash(request, reply, { kind: 'success', key: 'adminProducts.image.added', params: { count: result.added } });
      return reply.redirect(`/admin/produk/${id}#gambar`, 303);
    });
  });
}
