/**
 * Staff move an order along its lifecycle (O2): confirm a transfer, process, ship with a tracking
 * number, deliver, cancel, refund. The form is on the order page; a refused move shows that page
 * again with the reason. The rules are the orders service's (`moveByStaff`).
 */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { createOrderPages, type OrderParams } from '../../orders/views/order-pages';
import type { OrdersService } from '../../orders/service';
import { isOrderStatus, OrderTransitionError } from '../../orders/state-machine';
import type { ShopSettingsService } from '../../shop-settings/service';

const staffMoveSchema = z.object({
  to: z.string().refine(isOrderStatus),
  trackingNumber: z.string().trim().max(60).optional(),
  note: z.string().trim().max(500).optional(),
});

export function registerAdminOrderRoutes(
  admin: FastifyInstance,
  deps: { orders: OrdersService; settings: ShopSettingsService; clock?: () => Date },
) {
  const { orders } = deps;
  const { notFound, detailFor, showOrder, refused } = createOrderPages(deps);

  admin.post<{ Params: OrderParams }>('/pesanan/:number/status', async (request, reply) => {
    const detail = await detailFor(request);
    if (!detail) return notFound(reply);
    const parsed = staffMoveSchema.safeParse(request.body ?? {});
    if (!parsed.success)
      return showOrder(request, reply, detail, { alert: { kind: 'danger', text: request.t('order.error.transition') } }, 400);
    const to = parsed.data.to as Parameters<typeof orders.moveByStaff>[1];
    try {
      // The lifecycle table says which moves need a tracking number and writes it only for those.
      await orders.moveByStaff(detail.order, to, request.user!.id, { note: parsed.data.note, trackingNumber: parsed.data.trackingNumber });
    } catch (error) {
      if (error instanceof OrderTransitionError && error.reason === 'missing') {
        return showOrder(request, reply, detail, { alert: { kind: 'danger', text: request.t('order.staff.trackingRequired') } }, 400);
      }
      return refused(request, reply, error);
    }
    return reply.redirect(`/pesanan/${detail.order.number}?pesan=diubah`, 303);
  });
}
