/**
 * A5 Suppliers (admin only): `/admin/pemasok` lists them (search and status in the URL), `/baru`
 * creates, `/:id` shows one (edit form, the products it supplies), `/:id/status` deactivates or
 * reactivates after the confirmation on that page. Rules are the suppliers service's.
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import { h } from 'preact';
import { z } from 'zod';
import { supplierFormSchema, supplierListSchema } from '../../suppliers/schema';
import { SupplierRuleError, type SupplierService } from '../../suppliers/service';
import { formValues, parseForm } from '../../ui/form';
import type { FormState } from '../../ui/form-fields';
import { setFlash } from '../flash';
import { adminPage } from '../render';
import { AdminNotFoundPage } from '../views/not-found-page';
import { SUPPLIERS_PATH, SupplierListPage, SupplierNewPage, SupplierPage, supplierValues } from './pages';

const ADMIN_ONLY = { config: { role: 'admin' as const } };
const idParams = z.object({ id: z.coerce.number().int().min(1).max(2_147_483_647) });
const statusSchema = z.object({ active: z.enum(['0', '1']) });
type IdParams = { Params: { id: string } };

const FORM_ERROR = { kind: 'danger', key: 'adminCatalog.supplier.formError' } as const;

export function registerAdminSupplierRoutes(admin: FastifyInstance, deps: { suppliers: SupplierService }) {
  const { suppliers } = deps;
  const notFound = (reply: FastifyReply) => adminPage(reply, h(AdminNotFoundPage, {}), 404);

  async function showSupplier(reply: FastifyReply, id: number, form: FormState, status = 200) {
    const detail = await suppliers.detail(id);
    if (!detail) return notFound(reply);
    const values = form.values ?? supplierValues(detail.supplier);
    return adminPage(reply, h(SupplierPage, { ...detail, form: { ...form, values } }), status);
  }

  admin.get('/pemasok', ADMIN_ONLY, async (request, reply) => {
    const query = supplierListSchema.parse(request.query ?? {});
    return adminPage(reply, h(SupplierListPage, { query, list: await suppliers.list(query) }));
  });

  admin.get('/pemasok/baru', ADMIN_ONLY, (_request, reply) => adminPage(reply, h(SupplierNewPage, { form: {} })));

  admin.post('/pemasok', ADMIN_ONLY, async (request, reply) => {
    const parsed = parseForm(supplierFormSchema, request.body);
    if (!parsed.ok) return adminPage(reply, h(SupplierNewPage, { form: { ...parsed, alert: FORM_ERROR } }), 400);
    let id: number;
    try {
      id = await suppliers.create(parsed.data);
    } catch (error) {
      if (!(error instanceof SupplierRuleError)) throw error;
      const form: FormState = { values: formValues(request.body), errors: { [error.field]: error.key }, alert: FORM_ERROR };
      return adminPage(reply, h(SupplierNewPage, { form }), 400);
    }
    setFlash(request, reply, { kind: 'success', key: 'adminCatalog.supplier.created', params: { name: parsed.data.name.slice(0, 150) } });
    return reply.redirect(`${SUPPLIERS_PATH}/${id}`, 303);
  });

  admin.get<IdParams>('/pemasok/:id', ADMIN_ONLY, async (request, reply) => {
    const params = idParams.safeParse(request.params);
    if (!params.success) return notFound(reply);
    return showSupplier(reply, params.data.id, {});
  });

  admin.post<IdParams>('/pemasok/:id', ADMIN_ONLY, async (request, reply) => {
    const params = idParams.safeParse(request.params);
    if (!params.success) return notFound(reply);
    const { id } = params.data;
    const parsed = parseForm(supplierFormSchema, request.body);
    if (!parsed.ok) return showSupplier(reply, id, { ...parsed, alert: FORM_ERROR }, 400);
    try {
      if (!(await suppliers.update(id, parsed.data))) return notFound(reply);
    } catch (error) {
      if (!(error instanceof SupplierRuleError)) throw error;
      return showSupplier(reply, id, { values: formValues(request.body), errors: { [error.field]: error.key }, alert: FORM_ERROR }, 400);
    }
    setFlash(request, reply, { kind: 'success', key: 'adminCatalog.supplier.saved', params: { name: parsed.data.name.slice(0, 150) } });
    return reply.redirect(`${SUPPLIERS_PATH}/${id}`, 303);
  });

  admin.post<IdParams>('/pemasok/:id/status', ADMIN_ONLY, async (request, reply) => {
    const params = idParams.safeParse(request.params);
    if (!params.success) return notFound(reply);
    const parsed = statusSchema.safeParse(request.body ?? {});
    if (!parsed.success) return showSupplier(reply, params.data.id, { alert: FORM_ERROR }, 400);
    const active = parsed.data.active === '1';
    if (!(await suppliers.setActive(params.data.id, active))) return notFound(reply);
    setFlash(request, reply, { kind: 'success', key: active ? 'adminCatalog.supplier.reactivated' : 'adminCatalog.supplier.deactivated' });
    return reply.redirect(`${SUPPLIERS_PATH}/${params.data.id}`, 303);
  });
}
