/**
 * A2 Products (admin only): the list with search, filters, sort and bulk switches, the create and
 * edit forms, delete (or archive, for a product that sold), and product images.
 *
 *   GET  /admin/produk                 list (?q, kategori, stok, aktif, unggulan, urut, hal)
 *   POST /admin/produk/massal          bulk activate / deactivate / feature / unfeature
 *   GET  /admin/produk/baru            create form;  POST: create
 *   GET  /admin/produk/:id             edit form;    POST: save
 *   POST /admin/produk/:id/hapus       delete, or archive when it appears in an order
 *   POST /admin/produk/:id/gambar      upload images (multipart, see images-routes.ts)
 *   POST /admin/produk/:id/gambar/urutan  the images' order after dragging (web/admin-image-order.ts)
 *   POST /admin/produk/:id/gambar/:imageId/utama | geser | hapus
 *
 * Rules live in the product area's admin service; this file validates, calls it and renders.
 */
import { auditActor } from '../../audit/record';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { h, type VNode } from 'preact';
import type { ProductAdminService, ProductFieldErrors } from '../../product/service';
import { type FieldErrors, formValues, parseForm } from '../../ui/form';
import { sendError } from '../../../lib/errors';
import { wantsJson } from '../../plugins/errors';
import { setFlash } from '../flash';
import { adminPage } from '../render';
import { AdminNotFoundPage } from '../views/not-found-page';
import {
  bulkSchema,
  idParams,
  imageOrderSchema,
  imageParams,
  listUrl,
  moveSchema,
  parseListQuery,
  productFormSchema,
  stockWasSchema,
} from './form-schema';
import { registerProductImageUpload } from './images-routes';
import { ProductFormPage, type ProductFormProps } from './form-page';
import { ProductListPage } from './list-page';

export const ADMIN_ONLY = { config: { role: 'admin' as const } };

export interface AdminProductDeps {
  productAdmin: ProductAdminService;
}

const notFound = (reply: FastifyReply) => adminPage(reply, h(AdminNotFoundPage, {}), 404);

export function registerAdminProductRoutes(admin: FastifyInstance, deps: AdminProductDeps) {
  const service = deps.productAdmin;

  async function showForm(reply: FastifyReply, props: Omit<ProductFormProps, 'categories' | 'suppliers'>, status = 200) {
    const [categories, suppliers] = await service.choices();
    return adminPage(reply, h(ProductFormPage, { ...props, categories, suppliers }) as VNode, status);
  }

  /** The edit page of a product, or the 404 page. */
  async function showEdit(reply: FastifyReply, id: number, extra: Partial<ProductFormProps> = {}, status = 200) {
    const found = await service.product(id);
    if (!found) return notFound(reply);
    return showForm(reply, { product: found.product, images: found.images, ...extra }, status);
  }

  const paramId = (request: FastifyRequest) => idParams.safeParse(request.params);

  admin.get('/produk', ADMIN_ONLY, async (request, reply) => {
    const query = parseListQuery(request.query);
    const [page, [categories]] = await Promise.all([service.list(query), service.choices()]);
    return adminPage(reply, h(ProductListPage, { query, page, categories }) as VNode);
  });

  admin.post('/produk/massal', ADMIN_ONLY, async (request, reply) => {
    const parsed = bulkSchema.safeParse(request.body ?? {});
    const backRaw = (request.body as { back?: unknown } | undefined)?.back;
    const back = typeof backRaw === 'string' && /^\/admin\/produk(\?[^\s]*)?$/.test(backRaw) ? backRaw : '/admin/produk';
    if (!parsed.success) {
      setFlash(request, reply, { kind: 'warning', key: 'adminProducts.bulk.none' });
      return reply.redirect(back, 303);
    }
    const changed = await service.bulk(parsed.data.ids, parsed.data.action);
    setFlash(request, reply, { kind: 'success', key: `adminProducts.bulk.done.${parsed.data.action}`, params: { count: changed } });
    return reply.redirect(back, 303);
  });

  admin.get('/produk/baru', ADMIN_ONLY, (_request, reply) =>
    showForm(reply, { values: { isActive: 'on', lowStockThreshold: '3', minStock: '0', stock: '0' } }),
  );

  admin.post('/produk/baru', ADMIN_ONLY, async (request, reply) => {
    const form = parseForm(productFormSchema, request.body);
    if (!form.ok) return showForm(reply, { values: form.values, errors: form.errors }, 400);
    const { stock, ...input } = form.data;
    const result = await service.create(input, stock, { userId: request.user!.id });
    if (!result.ok) return showForm(reply, { values: formValues(request.body), errors: result.errors as FieldErrors }, 400);
    setFlash(request, reply, { kind: 'success', key: 'adminProducts.created' });
    return reply.redirect(`/admin/produk/${result.id}`, 303);
  });

  admin.get('/produk/:id', ADMIN_ONLY, async (request, reply) => {
    const params = paramId(request);
    if (!params.success) return notFound(reply);
    return showEdit(reply, params.data.id);
  });

  admin.post('/produk/:id', ADMIN_ONLY, async (request, reply) => {
    const params = paramId(request);
    if (!params.success) return notFound(reply);
    const id = params.data.id;
    const form = parseForm(productFormSchema, request.body);
    const was = stockWasSchema.safeParse(request.body ?? {});
    if (!form.ok || !was.success) {
      const errors = form.ok ? { stock: 'adminProducts.error.stock' } : form.errors;
      return showEdit(reply, id, { values: formValues(request.body), errors }, 400);
    }
    const { stock, ...input } = form.data;
    const result = await service.update(
      id,
      input,
      { was: was.data.stockWas, now: stock },
      { userId: request.user!.id, audit: auditActor(request) },
    );
    if (!result) return notFound(reply);
    if (!result.ok) {
      return showEdit(reply, id, { values: formValues(request.body), errors: result.errors as ProductFieldErrors & FieldErrors }, 400);
    }
    setFlash(request, reply, { kind: 'success', key: 'adminProducts.saved' });
    return reply.redirect(`/admin/produk/${id}`, 303);
  });

  admin.post('/produk/:id/hapus', ADMIN_ONLY, async (request, reply) => {
    const params = paramId(request);
    if (!params.success) return notFound(reply);
    const outcome = await service.remove(params.data.id);
    if (outcome === 'not_found') return notFound(reply);
    if (outcome === 'archived') {
      setFlash(request, reply, { kind: 'warning', key: 'adminProducts.archived' });
      return reply.redirect(`/admin/produk/${params.data.id}`, 303);
    }
    setFlash(request, reply, { kind: 'success', key: 'adminProducts.deleted' });
    return reply.redirect('/admin/produk', 303);
  });

  admin.post('/produk/:id/gambar/:imageId/utama', ADMIN_ONLY, async (request, reply) => {
    const params = imageParams.safeParse(request.params);
    if (!params.success || !(await service.setMainImage(params.data.id, params.data.imageId))) return notFound(reply);
    setFlash(request, reply, { kind: 'success', key: 'adminProducts.image.mainSet' });
    return reply.redirect(`/admin/produk/${params.data.id}#gambar`, 303);
  });

  admin.post('/produk/:id/gambar/urutan', ADMIN_ONLY, async (request, reply) => {
    const params = idParams.safeParse(request.params);
    if (!params.success || !(await service.product(params.data.id))) return notFound(reply);
    const order = imageOrderSchema.safeParse(request.body ?? {});
    const result = order.success ? await service.orderImages(params.data.id, order.data.urutan) : 'stale';
    if (result === 'stale') {
      const message = request.t('adminProducts.image.error.order');
      if (wantsJson(request)) return sendError(reply, 'invalid_order', 409, message, { urutan: message });
      setFlash(request, reply, { kind: 'danger', key: 'adminProducts.image.error.order' });
    }
    if (wantsJson(request)) return { ok: true };
    return reply.redirect(`/admin/produk/${params.data.id}#gambar`, 303);
  });

  admin.post('/produk/:id/gambar/:imageId/geser', ADMIN_ONLY, async (request, reply) => {
    const params = imageParams.safeParse(request.params);
    const move = moveSchema.safeParse(request.body ?? {});
    if (!params.success) return notFound(reply);
    if (!move.success) return reply.redirect(`/admin/produk/${params.data.id}#gambar`, 303);
    if (!(await service.moveImage(params.data.id, params.data.imageId, move.data.direction))) return notFound(reply);
    return reply.redirect(`/admin/produk/${params.data.id}#gambar-${params.data.imageId}`, 303);
  });

  admin.post('/produk/:id/gambar/:imageId/hapus', ADMIN_ONLY, async (request, reply) => {
    const params = imageParams.safeParse(request.params);
    if (!params.success || !(await service.removeImage(params.data.id, params.data.imageId))) return notFound(reply);
    setFlash(request, reply, { kind: 'success', key: 'adminProducts.image.removed' });
    return reply.redirect(`/admin/produk/${params.data.id}#gambar`, 303);
  });

  registerProductImageUpload(admin, { service, notFound, showEdit });
}

export { listUrl };
