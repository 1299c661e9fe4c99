/**
 * A6 the orders desk (staff and admins):
 *
 *   GET  /admin/pesanan                    the list: filters in the URL, status tabs, quick ship, the print form
 *   GET  /admin/pesanan/perlu-tindakan     JSON for the sidebar badge (ETag / 304, polled by web/admin-orders.ts)
 *   GET  /admin/pesanan/:number            one order: items, customer, payment, timeline, notes, the allowed moves
 *   POST /admin/pesanan/:number/status     a staff move (from the detail page or quick ship from the list)
 *   POST /admin/pesanan/:number/catatan    a staff-only note
 *   POST /admin/pesanan/:number/refund-online   give an online payment back in full through its provider (admin only)
 *
 * Routes validate and call the orders service (`desk`, whose moves go through the one
 * `transition()`); a move the lifecycle refuses shows the order as it now is, with why (409).
 */
import { auditActor } from '../../audit/record';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { h } from 'preact';
import { z } from 'zod';
import type { MessageKey } from '../../../lib/i18n';
import type { OrdersService } from '../../orders/service';
import { parseDeskFilters } from '../../orders/schema';
import { isOrderStatus, type OrderStatus, OrderTransitionError } from '../../orders/state-machine';
import type { ShopSettingsService } from '../../shop-settings/service';
import type { FormState } from '../../ui/form-fields';
import { formValues } from '../../ui/form';
import { setFlash } from '../flash';
import { adminPage } from '../render';
import { AdminNotFoundPage } from '../views/not-found-page';
import { OrderDeskPage } from './detail-page';
import { OrdersListPage } from './list-page';
import type { OnlinePayments } from './online-payments-panel';
import { PaymentRefused, type PaymentsService } from '../../payments/service';
import { isGateway, ProviderUnavailable } from '../../payments/types';
import type { OrderRow } from '../../orders/types';

type NumberParams = { Params: { number: string } };

const moveSchema = z.object({
  to: z.string().refine(isOrderStatus),
  /** The status the staff member saw: if the order moved on since, the move is refused as stale. */
  from: z.string().refine(isOrderStatus).optional(),
  trackingNumber: z.string().max(60).optional(),
  note: z.string().trim().max(500).optional(),
  /** Quick ship from the list goes back to the list it came from (same filters). */
  back: z
    .string()
    .regex(/^\/admin\/pesanan(?:\?[^\s]*)?$/)
    .max(500)
    .optional(),
});

const noteSchema = z.object({ body: z.string().trim().min(1, 'ordersDesk.note.required').max(1000, 'ordersDesk.note.tooLong') });

const REFUSAL_TEXT: Record<string, MessageKey> = {
  stale: 'ordersDesk.refused.stale',
  invalid: 'ordersDesk.refused.invalid',
  forbidden: 'ordersDesk.refused.forbidden',
  missing: 'ordersDesk.tracking.missing',
};

export function registerAdminOrderRoutes(
  admin: FastifyInstance,
  deps: { orders: OrdersService; settings: ShopSettingsService; payments?: PaymentsService },
) {
  const { desk } = deps.orders;

  /** The order's online payment, when it has one (or was placed to be paid online). */
  async function onlineOf(request: FastifyRequest, order: OrderRow): Promise<OnlinePayments | undefined> {
    if (!deps.payments) return undefined;
    const { attempts, events } = await deps.payments.forOrder(order.id);
    if (attempts.length === 0 && !isGateway(order.paymentMethod)) return undefined;
    const paid = attempts.some((a) => a.status === 'paid');
    const refundable = paid && request.user?.role === 'admin' && (order.status === 'paid' || order.status === 'processing');
    return { attempts, events, refundable };
  }
  const notFound = (reply: FastifyReply) => adminPage(reply, h(AdminNotFoundPage, {}), 404);

  /** The order's page, with a form's state (values and errors kept) and a message, at a status code. */
  async function showDetail(
    request: FastifyRequest<NumberParams>,
    reply: FastifyReply,
    forms: { ship?: FormState; note?: FormState; alert?: { kind: 'danger' | 'warning'; text: string } } = {},
    status = 200,
  ) {
    const detail = await desk.detail(request.params.number);
    if (!detail) return notFound(reply);
    const online = await onlineOf(request, detail.order);
    return adminPage(reply.header('cache-control', 'private, no-store'), h(OrderDeskPage, { detail, online, ...forms }), status);
  }

  admin.get('/pesanan', async (request, reply) => {
    const parsed = parseDeskFilters(request.query);
    const list = await desk.list(parsed);
    const status = Object.keys(parsed.errors).length > 0 ? 400 : 200;
    return adminPage(reply.header('cache-control', 'private, no-store'), h(OrdersListPage, { parsed, list }), status);
  });

  // Polling with an ETag rather than server-sent events: each instance answers from the database
  // alone (no pub/sub between store instances, nothing held open through proxies), an unchanged
  // answer is a bodiless 304, and it costs one count over three status-index ranges per 15 s per tab.
  admin.get('/pesanan/perlu-tindakan', async (request, reply) => {
    const n = await desk.needsAction();
    const etag = `W/"${n.toShip}-${n.receipts}-${n.latestId}"`;
    reply.header('etag', etag).header('cache-control', 'private, no-cache');
    if (request.headers['if-none-match'] === etag) return reply.code(304).send();
    return reply.send(n);
  });

  admin.get<NumberParams>('/pesanan/:number', async (request, reply) => showDetail(request, reply));

  admin.post<NumberParams>('/pesanan/:number/status', async (request, reply) => {
    const detail = await desk.detail(request.params.number);
    if (!detail) return notFound(reply);
    const parsed = moveSchema.safeParse(request.body ?? {});
    if (!parsed.success) return showDetail(request, reply, { alert: { kind: 'danger', text: request.t('order.error.transition') } }, 400);
    const { to, from, trackingNumber, note, back } = parsed.data;
    // As the staff member saw it: a form left open while a colleague moved the order is stale.
    const seen = from ? { ...detail.order, status: from as OrderStatus } : detail.order;
    try {
      const moved = await desk.move(seen, to as OrderStatus, { ...auditActor(request), id: request.user!.id }, { trackingNumber, note });
      if (!moved.ok) {
        const error =
          moved.reason === 'missing'
            ? 'ordersDesk.tracking.missing'
            : moved.example
              ? 'ordersDesk.tracking.formatCourier'
              : 'ordersDesk.tracking.format';
        const ship: FormState = { values: formValues(request.body), errors: { trackingNumber: error } };
        const text = moved.example
          ? request.t('ordersDesk.tracking.formatExample', { courier: detail.order.shippingCourier, example: moved.example })
          : request.t(error);
        return showDetail(request, reply, { ship, alert: { kind: 'danger', text } }, 400);
      }
    } catch (error) {
      if (!(error instanceof OrderTransitionError)) throw error;
      const text = request.t(REFUSAL_TEXT[error.reason] ?? 'order.error.transition', {
        from: request.t(`order.status.${error.from}`),
        to: request.t(`order.status.${error.to}`),
      });
      return showDetail(request, reply, { alert: { kind: 'danger', text } }, error.reason === 'missing' ? 400 : 409);
    }
    setFlash(request, reply, {
      kind: 'success',
      key: 'ordersDesk.moved',
      params: { number: detail.order.number, status: request.t(`order.status.${to as OrderStatus}`) },
    });
    return reply.redirect(back ?? `/admin/pesanan/${detail.order.number}`, 303);
  });

  admin.post<NumberParams>('/pesanan/:number/refund-online', { config: { role: 'admin' } }, async (request, reply) => {
    const detail = await desk.detail(request.params.number);
    if (!detail || !deps.payments) return notFound(reply);
    const fail = (reason: string) =>
      showDetail(request, reply, { alert: { kind: 'danger', text: request.t('adminPayments.refund.failed', { reason }) } }, 409);
    try {
      const outcome = await deps.payments.refund(detail.order.id, { ...auditActor(request), id: request.user!.id });
      if (outcome !== 'applied' && outcome !== 'duplicate') return fail(outcome);
    } catch (error) {
      if (error instanceof PaymentRefused) return fail(request.t(`order.status.${detail.order.status}`));
      if (error instanceof ProviderUnavailable) return fail(error.message);
      throw error;
    }
    setFlash(request, reply, { kind: 'success', key: 'adminPayments.refund.done' });
    return reply.redirect(`/admin/pesanan/${detail.order.number}`, 303);
  });

  admin.post<NumberParams>('/pesanan/:number/catatan', async (request, reply) => {
    const parsed = noteSchema.safeParse(request.body ?? {});
    if (!parsed.success) {
      const error = parsed.error.issues[0]?.message ?? 'ordersDesk.note.required';
      return showDetail(request, reply, { note: { values: formValues(request.body), errors: { body: error } } }, 400);
    }
    if (!(await desk.addNote(request.params.number, request.user!.id, parsed.data.body))) return notFound(reply);
    setFlash(request, reply, { kind: 'success', key: 'ordersDesk.note.added' });
    return reply.redirect(`/admin/pesanan/${request.params.number}#catatan`, 303);
  });
}
