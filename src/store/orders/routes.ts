/**
 * Order pages (P7, O1): `/pesanan/:number` for its owner, for staff, or for whoever holds the
 * guest link (`?k=`); everyone else gets the same 404 as for a number that does not exist. The
 * customer's list is `/akun/pesanan`; staff move orders from the order page (the full admin
 * order screens come with the admin issue).
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { h } from 'preact';
import { z } from 'zod';
import type { MessageKey } from '../../lib/i18n';
import type { CartService } from '../cart/service';
import { cartOwner } from '../cart/routes';
import type { ShopSettingsService } from '../shop-settings/service';
import { renderInvoicePdf } from '../documents/invoice';
import type { StoreProfileService } from '../store-profile/service';
import { invoiceInput } from './invoice';
import { ErrorPage } from '../ui/error-page';
import type { OrderDetail, OrdersService } from './service';
import { isOrderStatus, OrderTransitionError } from './state-machine';
import { OrderListPage } from './views/order-list';
import { OrderPage, type OrderPageProps } from './views/order-page';

const NOTICES: Record<string, { kind: 'success' | 'info' | 'danger'; key: MessageKey }> = {
  dibatalkan: { kind: 'success', key: 'order.cancel.done' },
  diubah: { kind: 'success', key: 'order.staff.done' },
  bukti: { kind: 'success', key: 'transferProof.done' },
  'bukti-gagal': { kind: 'danger', key: 'transferProof.failed' },
  'bukti-tutup': { kind: 'info', key: 'transferProof.error.closed' },
};

const staffMoveSchema = z.object({
  to: z.string().refine(isOrderStatus),
  trackingNumber: z.string().trim().max(60).optional(),
  note: z.string().trim().max(500).optional(),
});

type Params = { number: string };
const field = (request: FastifyRequest, name: string): unknown => ((request.body ?? {}) as Record<string, unknown>)[name];

export function registerOrderRoutes(
  app: FastifyInstance,
  deps: { orders: OrdersService; settings: ShopSettingsService; cart: CartService; profiles: StoreProfileService; clock?: () => Date },
) {
  const { orders } = deps;
  const now = deps.clock ?? (() => new Date());

  const notFound = (reply: FastifyReply) => reply.page(h(ErrorPage, { status: 404 }), 404);

  /** The order behind the URL if this visitor may see it (guest key from the query or the form). */
  async function detailFor(request: FastifyRequest<{ Params: Params }>): Promise<OrderDetail | undefined> {
    const key = (request.query as Record<string, unknown>).k ?? field(request, 'k');
    return orders.viewFor(request.params.number, { user: request.user ?? null, guestKey: key });
  }

  async function showOrder(
    request: FastifyRequest<{ Params: Params }>,
    reply: FastifyReply,
    detail: OrderDetail,
    extra: Partial<OrderPageProps> = {},
    status = 200,
  ) {
    const query = request.query as Record<string, unknown>;
    // The page has forms (cancel, upload, buy again): a guest opening the emailed link in a new
    // browser needs a session for their CSRF token.
    await app.sessions.ensure(request, reply);
    const settings = await deps.settings.get();
    const notice = NOTICES[String(query.pesan ?? '')];
    const props: OrderPageProps = {
      detail,
      bankAccounts: settings.bankAccounts,
      now: now(),
      guestKey: detail.access === 'guestLink' ? String(query.k ?? field(request, 'k')) : undefined,
      justPlaced: query.baru === '1',
      alert: notice
        ? { kind: notice.kind, text: request.t(notice.key, { status: request.t(`order.status.${detail.order.status}`) }) }
        : undefined,
      ...extra,
    };
    // Personal data: never cached by a browser or a proxy.
    return reply.header('cache-control', 'private, no-store').page(h(OrderPage, props), status);
  }

  /** After a change, back to the order page (keeping the guest key) with a notice. */
  function backTo(reply: FastifyReply, detail: OrderDetail, notice: string) {
    const url = orders.orderUrl(detail.order);
    return reply.redirect(`${url}${url.includes('?') ? '&' : '?'}pesan=${notice}`, 303);
  }

  async function refused(request: FastifyRequest<{ Params: Params }>, reply: FastifyReply, error: unknown) {
    if (!(error instanceof OrderTransitionError)) throw error;
    const fresh = await detailFor(request);
    if (!fresh) return notFound(reply);
    return showOrder(request, reply, fresh, { alert: { kind: 'danger', text: request.t('order.error.transition') } }, 409);
  }

  app.get<{ Params: Params }>('/pesanan/:number', async (request, reply) => {
    const detail = await detailFor(request);
    return detail ? showOrder(request, reply, detail) : notFound(reply);
  });

  // Only the owner, staff or the guest link holder: the same check as the order page.
  app.get<{ Params: Params }>('/pesanan/:number/faktur.pdf', async (request, reply) => {
    const detail = await detailFor(request);
    if (!detail) return notFound(reply);
    const pdf = await renderInvoicePdf(invoiceInput(detail, await deps.profiles.get(), request.t, request.locale));
    return reply
      .header('content-type', 'application/pdf')
      .header('content-disposition', `inline; filename="faktur-${detail.order.number}.pdf"`)
      .header('cache-control', 'private, no-store')
      .send(pdf);
  });

  app.post<{ Params: Params }>('/pesanan/:number/batal', async (request, reply) => {
    const detail = await detailFor(request);
    if (!detail || detail.access === 'staff') return notFound(reply);
    try {
      await orders.cancelByCustomer(detail, request.user?.id ?? null);
    } catch (error) {
      return refused(request, reply, error);
    }
    return backTo(reply, detail, 'dibatalkan');
  });

  app.post<{ Params: Params }>('/pesanan/:number/beli-lagi', async (request, reply) => {
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

  app.post<{ Params: Params }>('/admin/pesanan/:number/status', { config: { role: 'staff' } }, async (request, reply) => {
    const detail = await detailFor(request);
    if (!detail) return notFound(reply);
    const parsed = staffMoveSchema.safeParse(request.body ?? {});
    if (!parsed.success)
      return showOrder(request, reply, detail, { alert: { kind: 'danger', text: request.t('order.error.transition') } }, 400);
    const to = parsed.data.to as Parameters<typeof orders.moveByStaff>[1];
    if (to === 'shipped' && !parsed.data.trackingNumber) {
      return showOrder(request, reply, detail, { alert: { kind: 'danger', text: request.t('order.staff.trackingRequired') } }, 400);
    }
    try {
      await orders.moveByStaff(detail.order, to, request.user!.id, {
        note: parsed.data.note,
        trackingNumber: to === 'shipped' ? parsed.data.trackingNumber : undefined,
      });
    } catch (error) {
      return refused(request, reply, error);
    }
    return reply.redirect(`/pesanan/${detail.order.number}?pesan=diubah`, 303);
  });
}
