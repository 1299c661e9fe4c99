/**
 * A7 Couriers and rates (admin only): `/admin/pengiriman` lists the services by courier with
 * their order and the free-shipping threshold (`POST /gratis-ongkir`); `/baru` creates; `/:id`
 * edits (and previews a rate with `?berat=&panjang=&lebar=&tinggi=`); `/:id/status` activates
 * or deactivates and `/:id/hapus` deletes an unused service, each after a confirmation on its
 * page; `/:id/urutan` and `/kurir/urutan` move a service or a courier. Rules are the shipping
 * service's.
 */
import { auditActor } from '../../audit/record';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { h } from 'preact';
import { z } from 'zod';
import { previewRate, ShippingRuleError, type ShippingAdminService } from '../../shipping/service';
import {
  courierMoveSchema,
  moveSchema,
  previewSchema,
  shippingServiceFormSchema,
  statusSchema,
  thresholdFormSchema,
} from '../../shipping/schema';
import { formValues, parseForm } from '../../ui/form';
import type { FormState } from '../../ui/form-fields';
import { setFlash } from '../flash';
import { adminPage } from '../render';
import { AdminNotFoundPage } from '../views/not-found-page';
import { NEW_SERVICE_VALUES, type PreviewState, ShippingEditPage, ShippingNewPage, serviceValues } from './form-page';
import { SHIPPING_PATH, ShippingListPage } from './list-page';

/** Relative to the admin area's prefix (SHIPPING_PATH is the full address). */
const SHIPPING_ROUTE = '/pengiriman';
const ADMIN_ONLY = { config: { role: 'admin' as const } };
const idParams = z.object({ id: z.coerce.number().int().min(1).max(2_147_483_647) });
type IdParams = { Params: { id: string } };

const FORM_ERROR = { kind: 'danger', key: 'adminShipping.error.form' } as const;

/** The preview's parcel as typed: no parcel asked for, a valid one with its price, or an invalid one. */
function previewOf(query: unknown, service: Parameters<typeof previewRate>[0]): PreviewState {
  const raw = (query && typeof query === 'object' ? query : {}) as Record<string, unknown>;
  const values: Record<string, string> = {};
  for (const name of ['berat', 'panjang', 'lebar', 'tinggi'])
    if (typeof raw[name] === 'string') values[name] = (raw[name] as string).slice(0, 10);
  if (Object.keys(values).length === 0) return { values };
  const parsed = previewSchema.safeParse(values);
  if (!parsed.success) return { values, invalid: true };
  const { berat, panjang, lebar, tinggi } = parsed.data;
  return { values, result: previewRate(service, { weightGrams: berat, lengthCm: panjang, widthCm: lebar, heightCm: tinggi }) };
}

export function registerAdminShippingRoutes(admin: FastifyInstance, deps: { shipping: ShippingAdminService }) {
  const { shipping } = deps;
  const notFound = (reply: FastifyReply) => adminPage(reply, h(AdminNotFoundPage, {}), 404);

  async function showList(reply: FastifyReply, thresholdForm: FormState, status = 200) {
    const overview = await shipping.overview();
    return adminPage(reply, h(ShippingListPage, { ...overview, thresholdForm }), status);
  }

  async function showService(reply: FastifyReply, id: number, form: FormState, query: unknown = {}, status = 200) {
    const service = await shipping.detail(id);
    if (!service) return notFound(reply);
    const values = form.values ?? serviceValues(service);
    return adminPage(reply, h(ShippingEditPage, { service, form: { ...form, values }, preview: previewOf(query, service) }), status);
  }

  admin.get(SHIPPING_ROUTE, ADMIN_ONLY, (_request, reply) => showList(reply, {}));

  admin.post(`${SHIPPING_ROUTE}/gratis-ongkir`, ADMIN_ONLY, async (request, reply) => {
    const parsed = parseForm(thresholdFormSchema, request.body);
    if (!parsed.ok) return showList(reply, parsed, 400);
    const amount = parsed.data.freeShippingFrom;
    await shipping.setFreeShippingFrom(amount, auditActor(request));
    setFlash(request, reply, {
      kind: 'success',
      key: amount === null ? 'adminShipping.flash.thresholdOff' : 'adminShipping.flash.threshold',
    });
    return reply.redirect(SHIPPING_PATH, 303);
  });

  admin.get(`${SHIPPING_ROUTE}/baru`, ADMIN_ONLY, (_request, reply) =>
    adminPage(reply, h(ShippingNewPage, { form: { values: NEW_SERVICE_VALUES } })),
  );

  admin.post(SHIPPING_ROUTE, ADMIN_ONLY, async (request, reply) => {
    const parsed = parseForm(shippingServiceFormSchema, request.body);
    if (!parsed.ok) return adminPage(reply, h(ShippingNewPage, { form: { ...parsed, alert: FORM_ERROR } }), 400);
    let id: number;
    try {
      id = await shipping.create(parsed.data);
    } catch (error) {
      if (!(error instanceof ShippingRuleError)) throw error;
      const form: FormState = { values: formValues(request.body), errors: { [error.field]: error.key }, alert: FORM_ERROR };
      return adminPage(reply, h(ShippingNewPage, { form }), 400);
    }
    setFlash(request, reply, { kind: 'success', key: 'adminShipping.flash.created', params: { name: parsed.data.name } });
    return reply.redirect(`${SHIPPING_PATH}/${id}`, 303);
  });

  admin.post(`${SHIPPING_ROUTE}/kurir/urutan`, ADMIN_ONLY, async (request, reply) => {
    const parsed = courierMoveSchema.safeParse(request.body ?? {});
    if (parsed.success && (await shipping.moveCourier(parsed.data.courier, parsed.data.direction)))
      setFlash(request, reply, { kind: 'success', key: 'adminShipping.flash.moved' });
    return reply.redirect(SHIPPING_PATH, 303);
  });

  admin.get<IdParams>(`${SHIPPING_ROUTE}/:id`, ADMIN_ONLY, async (request, reply) => {
    const params = idParams.safeParse(request.params);
    if (!params.success) return notFound(reply);
    return showService(reply, params.data.id, {}, request.query);
  });

  admin.post<IdParams>(`${SHIPPING_ROUTE}/:id`, ADMIN_ONLY, async (request, reply) => {
    const params = idParams.safeParse(request.params);
    if (!params.success) return notFound(reply);
    const { id } = params.data;
    const parsed = parseForm(shippingServiceFormSchema, request.body);
    if (!parsed.ok) return showService(reply, id, { ...parsed, alert: FORM_ERROR }, {}, 400);
    try {
      if (!(await shipping.update(id, parsed.data))) return notFound(reply);
    } catch (error) {
      if (!(error instanceof ShippingRuleError)) throw error;
      return showService(reply, id, { values: formValues(request.body), errors: { [error.field]: error.key }, alert: FORM_ERROR }, {}, 400);
    }
    setFlash(request, reply, { kind: 'success', key: 'adminShipping.flash.saved', params: { name: parsed.data.name } });
    return reply.redirect(`${SHIPPING_PATH}/${id}`, 303);
  });

  admin.post<IdParams>(`${SHIPPING_ROUTE}/:id/status`, ADMIN_ONLY, async (request, reply) => {
    const params = idParams.safeParse(request.params);
    if (!params.success) return notFound(reply);
    const parsed = statusSchema.safeParse(request.body ?? {});
    if (!parsed.success) return showService(reply, params.data.id, { alert: FORM_ERROR }, {}, 400);
    const active = parsed.data.active === '1';
    if (!(await shipping.setActive(params.data.id, active))) return notFound(reply);
    setFlash(request, reply, { kind: 'success', key: active ? 'adminShipping.flash.activated' : 'adminShipping.flash.deactivated' });
    return reply.redirect(`${SHIPPING_PATH}/${params.data.id}`, 303);
  });

  admin.post<IdParams>(`${SHIPPING_ROUTE}/:id/hapus`, ADMIN_ONLY, async (request, reply) => {
    const params = idParams.safeParse(request.params);
    if (!params.success) return notFound(reply);
    const outcome = await shipping.remove(params.data.id);
    if (outcome === 'missing') return notFound(reply);
    if (outcome === 'inUse')
      return showService(reply, params.data.id, { alert: { kind: 'danger', key: 'adminShipping.deleteRefused' } }, {}, 409);
    setFlash(request, reply, { kind: 'success', key: 'adminShipping.flash.deleted' });
    return reply.redirect(SHIPPING_PATH, 303);
  });

  admin.post<IdParams>(`${SHIPPING_ROUTE}/:id/urutan`, ADMIN_ONLY, async (request, reply) => {
    const params = idParams.safeParse(request.params);
    if (!params.success) return notFound(reply);
    const parsed = moveSchema.safeParse(request.body ?? {});
    if (parsed.success && (await shipping.move(params.data.id, parsed.data.direction)))
      setFlash(request, reply, { kind: 'success', key: 'adminShipping.flash.moved' });
    return reply.redirect(SHIPPING_PATH, 303);
  });
}
