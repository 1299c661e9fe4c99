/**
 * Catalogue import and export (A2, admin only):
 *
 *   GET  /admin/produk/impor            the upload form and the export link
 *   POST /admin/produk/impor            multipart: _csrf, file (XLSX or CSV) → preview, nothing saved
 *   POST /admin/produk/impor/terapkan   _csrf, token → applies the previewed sheet, all rows or none
 *   GET  /admin/produk/ekspor.xlsx      the catalogue with the columns the import reads
 *
 * The upload form is read by plugins/multipart-form.ts (the CSRF field before the file, the file
 * kept out of `request.body`), so the global CSRF check runs as for any form.
 */
import type { FastifyInstance } from 'fastify';
import { h } from 'preact';
import type { ProductImportService } from '../../product-import/service';
import type { ImportIssue, PendingImports } from '../../product-import/types';
import { multipartForm } from '../../plugins/multipart-form';
import { setFlash } from '../flash';
import { adminPage } from '../render';
import { ImportPage } from './page';

export const MAX_IMPORT_BYTES = 10 * 1024 * 1024;
const ADMIN_ONLY = { config: { role: 'admin' as const } };

export function registerProductImportRoutes(admin: FastifyInstance, deps: { imports: ProductImportService; pending: PendingImports }) {
  admin.get('/produk/impor', ADMIN_ONLY, (_request, reply) => adminPage(reply, h(ImportPage, { plan: undefined })));

  admin.get('/produk/ekspor.xlsx', ADMIN_ONLY, async (_request, reply) => {
    const xlsx = await deps.imports.exportXlsx();
    const day = new Date().toISOString().slice(0, 10);
    return reply
      .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .header('content-disposition', `attachment; filename="katalog-hurtrock-${day}.xlsx"`)
      .header('cache-control', 'private, no-store')
      .send(xlsx);
  });

  admin.register(async (scope) => {
    const form = await multipartForm(scope, {
      fileFields: ['file'],
      maxFileBytes: MAX_IMPORT_BYTES,
      maxFiles: 1,
      // Bigger than any allowed file: answered unread (the admin guard already ran).
      onTooLarge: (_request, reply) =>
        adminPage(reply, h(ImportPage, { upload: { row: 1, column: null, message: 'import.error.tooLarge' } }), 413),
    });

    scope.post('/produk/impor', { ...ADMIN_ONLY, preValidation: form.preValidation }, async (request, reply) => {
      const upload = form.formOf(request);
      const refuse = (message: ImportIssue['message']) =>
        adminPage(reply, h(ImportPage, { upload: { row: 1, column: null, message } }), 400);
      if (upload.failure) return refuse(upload.failure === 'too_large' ? 'import.error.tooLarge' : 'import.error.file');
      const file = upload.files[0]?.data;
      if (!file) return refuse('import.error.missing');
      const preview = await deps.imports.preview(file);
      if (!preview.ok) return refuse(preview.issue.message);
      const ready = preview.plan.issues.length === 0 && preview.plan.counts.create + preview.plan.counts.update > 0;
      const token = ready ? await deps.pending.save(preview.sheet, request.user!.id) : undefined;
      return adminPage(reply, h(ImportPage, { plan: preview.plan, token }), preview.plan.issues.length > 0 ? 400 : 200);
    });
  });

  admin.post('/produk/impor/terapkan', ADMIN_ONLY, async (request, reply) => {
    const token = (request.body as Record<string, unknown> | undefined)?.token;
    const sheet = await deps.pending.load(token, request.user!.id);
    if (!sheet) return adminPage(reply, h(ImportPage, { upload: { row: 1, column: null, message: 'import.expired' } }), 410);
    const result = await deps.imports.apply(sheet, { userId: request.user!.id, note: request.t('import.stockNote') });
    // The catalogue changed since the preview (a slug taken, a category removed): show what now stops it.
    if (!result.ok) return adminPage(reply, h(ImportPage, { plan: result.plan }), 409);
    await deps.pending.remove(String(token));
    setFlash(request, reply, { kind: 'success', key: 'import.done', params: result.plan.counts });
    return reply.redirect('/admin/produk/impor', 303);
  });
}
