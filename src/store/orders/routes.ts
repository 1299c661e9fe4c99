/**
 * Order pages (P7, O1): `/pesanan/:number` for its owner, for staff, or for whoever holds the
 * guest link (`?k=`); everyone else gets the same 404 as for a number that does not exist. The
 * customer's list is `/akun/pesanan`; staff move orders from the order page with a form that
 * posts to the admin area (admin/orders/routes.ts).
 */
import { withQuery } from '../../lib/url';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { h } from 'preact';
import type { CartService } from '../cart/service';
import type { ShopSettingsService } from '../shop-settings/service';
import type { StoreProfileService } from '../store-profile/service';
import { invoiceInput } from './views/invoice-input';
import { createOrderPages, type OrderParams, type PaymentPart } from './views/order-pages';
import type { OrderDetail, OrdersService } from './service';
import { OrderListPage } from './views/order-list';
import { cartOwner } from '../cart/service';
import { renderInvoicePdf } from '../documents/service';

export function registerOrderRoutes(
  app: FastifyInstance,
  deps: {
    orders: OrdersService;
    settings: ShopSettingsService;
    cart: CartService;
    profiles: StoreProfileService;
    clock?: () => Date;
    payment?: PaymentPart;
  },
) {
  const { orders } = deps;
  const { notFound, detailFor, showOrder, refused } = createOrderPages(deps);

  /** After a change, back to the order page (keeping the guest key) with a notice. */
  function backTo(reply: FastifyReply, detail: OrderDetail, notice: string) {
    const url = orders.orderUrl(detail.order);
    return reply.redirect(withQuery(url, `pesan=${notice}`), 303);
  }

  app.get<{ Params: OrderParams }>('/pesanan/:number', async (request, reply) => {
    const detail = await detailFor(request);
    return detail ? showOrder(request, reply, detail) : notFound(reply);
  });

  // Only the owner, staff or the guest link holder: the same check as the order page.
  app.get<{ Params: OrderParams }>('/pesanan/:number/faktur.pdf', async (request, reply) => {
    const detail = await detailFor(request);
    if (!detail) return notFound(reply);
    const pdf = await renderInvoicePdf(invoiceInput(detail, await deps.profiles.get(), request.t, request.locale));
    return reply
      .header('content-type', 'application/pdf')
      .header('content-disposition', `inline; filename="faktur-${detail.order.number}.pdf"`)
      .header('cache-control', 'private, no-store')
      .send(pdf);
  });

  app.post<{ Params: OrderParams }>('/pesanan/:number/batal', async (request, reply) => {
    const detail = await detailFor(request);
    if (!detail || detail.access === 'staff') return notFound(reply);
    try {
      await orders.cancelByCustomer(detail, request.user?.id ?? null);
    } catch (error) {
      return refused(request, reply, error);
    }
    return backTo(reply, detail, 'dibatalkan');
  });

  app.post<{ Params: OrderParams }>('/pesanan/:number/beli-lagi', async (request, reply) => {
    const detail = await detailFor(request);
    if (!detail || detail.access === 'staff') return notFound(reply);
    const owner = cartOwner(request) ?? { sessionKey: (await app.sessions.ensure(request, reply)).key };
    await deps.cart.addMany(
      owner,
      detail.items.map((i) => ({ productId: i.productId, quantity: i.quantity })),
    );
    return reply.redirect('/keranjang?pesan=ditambah', 303);
  });

  app.get('/akun/pesanan', { config: { role: 'customer' } }, async (request, reply) => {
    const raw = Number((request.query as Record<string, unknown>).hal ?? 1);
    const page = Number.isSafeInteger(raw) && raw >= 1 && raw <= 10_000 ? raw : 1;
    const list = await orders.listForUser(request.user!.id, page);
    return reply
      .header('cache-control', 'private, no-store')
      .page(h(OrderListPage, { orders: list.orders, page: Math.min(page, list.pages), pages: list.pages }));
  });
}
