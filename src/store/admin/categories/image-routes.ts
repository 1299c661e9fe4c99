/**
 * A category's picture (A3, admin only):
 *
 *   POST /admin/kategori/:id/gambar        multipart: _csrf, image → replaces the picture
 *   POST /admin/kategori/:id/gambar/hapus  removes it (after the confirmation on the page)
 *
 * The upload is read by plugins/multipart-form.ts and goes through the media pipeline; a refused
 * file shows the edit page again (400) with the reason above the upload form.
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import { z } from 'zod';
import type { MessageKey } from '../../../lib/i18n';
import { type CategoryImageService, MAX_CATEGORY_IMAGE_BYTES } from '../../catalog/service';
import { type MultipartFailure, multipartForm } from '../../plugins/multipart-form';
import { setFlash } from '../flash';
import { CATEGORY_IMAGE_FIELD } from './image-section';

const ADMIN_ONLY = { config: { role: 'admin' as const } };
const idParams = z.object({ id: z.coerce.number().int().min(1).max(2_147_483_647) });

const FAILURES: Record<MultipartFailure, MessageKey> = {
  too_large: 'adminCatalog.category.image.error.tooLarge',
  too_many: 'adminCatalog.category.image.error.invalid',
  malformed: 'adminCatalog.category.image.error.invalid',
};

export function registerCategoryImageRoutes(
  admin: FastifyInstance,
  deps: {
    images: CategoryImageService;
    notFound: (reply: FastifyReply) => unknown;
    /** The edit page again, with the upload's refusal (400 unless said). */
    refused: (reply: FastifyReply, id: number, error: MessageKey, status?: number) => unknown;
  },
) {
  admin.register(async (scope) => {
    const form = await multipartForm(scope, {
      fileFields: [CATEGORY_IMAGE_FIELD],
      maxFileBytes: MAX_CATEGORY_IMAGE_BYTES,
      maxFiles: 1,
      // Bigger than any allowed file: answered unread (the admin guard already ran).
      onTooLarge: (request, reply) => {
        const params = idParams.safeParse(request.params);
        if (!params.success) return deps.notFound(reply);
        return deps.refused(reply, params.data.id, 'adminCatalog.category.image.error.tooLarge', 413);
      },
    });

    scope.post('/kategori/:id/gambar', { ...ADMIN_ONLY, preValidation: form.preValidation }, async (request, reply) => {
      const params = idParams.safeParse(request.params);
      if (!params.success) return deps.notFound(reply);
      const upload = form.formOf(request);
      if (upload.failure) return deps.refused(reply, params.data.id, FAILURES[upload.failure]);
      const file = upload.files[0]?.data;
      if (!file) return deps.refused(reply, params.data.id, 'adminCatalog.category.image.error.missing');
      const result = await deps.images.set(params.data.id, file);
      if (!result.ok) return result.reason === 'not_found' ? deps.notFound(reply) : deps.refused(reply, params.data.id, result.message);
      setFlash(request, reply, { kind: 'success', key: 'adminCatalog.category.image.saved' });
      return reply.redirect(`/admin/kategori/${params.data.id}`, 303);
    });
  });

  admin.post('/kategori/:id/gambar/hapus', ADMIN_ONLY, async (request, reply) => {
    const params = idParams.safeParse(request.params);
    if (!params.success || !(await deps.images.remove(params.data.id))) return deps.notFound(reply);
    setFlash(request, reply, { kind: 'success', key: 'adminCatalog.category.image.removed' });
    return reply.redirect(`/admin/kategori/${params.data.id}`, 303);
  });
}
