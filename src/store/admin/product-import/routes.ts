/**
 * Catalogue import and export (A2, admin only):
 *
 *   GET  /admin/produk/impor            the upload form and the export link
 *   POST /admin/produk/impor            multipart: _csrf, file (XLSX or CSV) → preview, nothing saved
 *   POST /admin/produk/impor/terapkan   _csrf, token → applies the previewed sheet, all rows or none
 *   GET  /admin/produk/ekspor.xlsx      the catalogue with the columns the import reads
 *
 * @fastify/multipart is registered in this plugin's own scope; the preValidation hook reads the
 * CSRF field before the file (the form sends it first) and sets `request.body = { _csrf }` so the
 * global CSRF check runs as for any form.
 */
import multipart from '@fastify/multipart';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { h } from 'preact';
import type { ProductImportService } from '../../product-import/service';
import type { ImportIssue, PendingImports } from '../../product-import/types';
import { setFlash } from '../flash';
import { adminPage } from '../render';
import { ImportPage } from './page';

export const MAX_IMPORT_BYTES = 10 * 1024 * 1024;
const ADMIN_ONLY = { config: { role: 'admin' as const } };

interface Upload {
  file?: Buffer;
  failure?: ImportIssue['message'];
}

export function registerProductImportRoutes(admin: FastifyInstance, deps: { imports: ProductImportService; pending: PendingImports }) {
  const uploads = new WeakMap<FastifyRequest, Upload>();

  async function readUpload(request: FastifyRequest) {
    if (!request.isMultipart()) return;
    const upload: Upload = {};
    const fields: Record<string, string> = {};
    try {
      for await (const part of request.parts()) {
        if (part.type === 'file') {
          const buffer = await part.toBuffer();
          if (part.fieldname === 'file' && !upload.file && buffer.length > 0) upload.file = buffer;
        } else if (part.fieldname === '_csrf' && typeof part.value === 'string') fields._csrf = part.value;
      }
    } catch (error) {
      const code = (error as { code?: unknown }).code;
      upload.failure = code === 'FST_REQ_FILE_TOO_LARGE' ? 'import.error.tooLarge' : 'import.error.file';
      upload.file = undefined;
    }
    request.body = fields;
    uploads.set(request, upload);
  }

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
    await scope.register(multipart, {
      limits: { fileSize: MAX_IMPORT_BYTES, files: 1, fields: 2, fieldSize: 1024, fieldNameSize: 64, parts: 4, headerPairs: 20 },
    });

    scope.post('/produk/impor', { ...ADMIN_ONLY, preValidation: readUpload }, async (request, reply) => {
      const upload = uploads.get(request) ?? {};
      uploads.delete(request);
      const refuse = (message: ImportIssue['message']) =>
        adminPage(reply, h(ImportPage, { upload: { row: 1, column: null, message } }), 400);
      if (upload.failure) return refuse(upload.failure);
      if (!upload.file) return refuse('import.error.missing');
      const preview = await deps.imports.preview(upload.file);
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
