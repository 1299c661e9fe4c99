/**
 * Answers shared by the order page's forms, the customer's (routes.ts) and staff's
 * (admin/orders/routes.ts): who may see the order behind a URL, the page itself with a notice,
 * and the page again when a move was refused.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { h } from 'preact';
import type { MessageKey } from '../../../lib/i18n';
import type { ShopSettingsService } from '../../shop-settings/service';
import { ErrorPage } from '../../ui/error-page';
import type { OrderDetail, OrdersService } from '../service';
import { OrderTransitionError } from '../state-machine';
import { OrderPage, type OrderPageProps } from './order-page';

const NOTICES: Record<string, { kind: 'success' | 'info' | 'danger'; key: MessageKey }> = {
  dibatalkan: { kind: 'success', key: 'order.cancel.done' },
  diubah: { kind: 'success', key: 'order.staff.done' },
  bukti: { kind: 'success', key: 'transferProof.done' },
  'bukti-gagal': { kind: 'danger', key: 'transferProof.failed' },
  'bukti-tutup': { kind: 'info', key: 'transferProof.error.closed' },
};

export type OrderParams = { number: string };
export const formField = (request: FastifyRequest, name: string): unknown => ((request.body ?? {}) as Record<string, unknown>)[name];

export type OrderPages = ReturnType<typeof createOrderPages>;

/**
 * The online payment's part of the order page, from the payments area (wired in app.ts, so the
 * orders area does not depend on it): its panel, a refresh while a payment is being confirmed,
 * and its notices.
 */
export type PaymentPart = (
  request: FastifyRequest,
  detail: OrderDetail,
  guestKey: string | undefined,
) => Promise<Pick<OrderPageProps, 'paymentPanel' | 'refreshSeconds' | 'alert'> & { detail?: OrderDetail; contentSecurityPolicy?: string }>;

export function createOrderPages(deps: {
  orders: OrdersService;
  settings: ShopSettingsService;
  clock?: () => Date;
  payment?: PaymentPart;
}) {
  const { orders } = deps;
  const now = deps.clock ?? (() => new Date());

  const notFound = (reply: FastifyReply) => reply.page(h(ErrorPage, { status: 404 }), 404);

  /** The order behind the URL if this visitor may see it (guest key from the query or the form). */
  async function detailFor(request: FastifyRequest<{ Params: OrderParams }>): Promise<OrderDetail | undefined> {
    const key = (request.query as Record<string, unknown>).k ?? formField(request, 'k');
    return orders.viewFor(request.params.number, { user: request.user ?? null, guestKey: key });
  }

  async function showOrder(
    request: FastifyRequest<{ Params: OrderParams }>,
    reply: FastifyReply,
    detail: OrderDetail,
    extra: Partial<OrderPageProps> = {},
    status = 200,
  ) {
    const query = request.query as Record<string, unknown>;
    // The page has forms (cancel, upload, buy again): a guest opening the emailed link in a new
    // browser needs a session for their CSRF token.
    await request.server.sessions.ensure(request, reply);
    const settings = await deps.settings.get();
    const notice = NOTICES[String(query.pesan ?? '')];
    const guestKey = detail.access === 'guestLink' ? String(query.k ?? formField(request, 'k')) : undefined;
    // The payment part may look at the provider first (a customer just back from paying) and hand
    // back the order as it is after that.
    const payment = deps.payment ? await deps.payment(request, detail, guestKey) : {};
    const props: OrderPageProps = {
      detail: payment.detail ?? detail,
      bankAccounts: settings.bankAccounts,
      now: now(),
      guestKey,
      justPlaced: query.baru === '1',
      alert: notice
        ? { kind: notice.kind, text: request.t(notice.key, { status: request.t(`order.status.${detail.order.status}`) }) }
        : payment.alert,
      paymentPanel: payment.paymentPanel,
      refreshSeconds: payment.refreshSeconds,
      ...extra,
    };
    // A page that embeds a provider's popup has a policy of its own (its script and frame allowed).
    if (payment.contentSecurityPolicy) reply.header('content-security-policy', payment.contentSecurityPolicy);
    // Personal data: never cached by a browser or a proxy.
    return reply.header('cache-control', 'private, no-store').page(h(OrderPage, props), status);
  }

  /** A move the lifecycle refused: the order page again, as it is now, with the reason (409). */
  async function refused(request: FastifyRequest<{ Params: OrderParams }>, reply: FastifyReply, error: unknown) {
    if (!(error instanceof OrderTransitionError)) throw error;
    const fresh = await detailFor(request);
    if (!fresh) return notFound(reply);
    return showOrder(request, reply, fresh, { alert: { kind: 'danger', text: request.t('order.error.transition') } }, 409);
  }

  return { notFound, detailFor, showOrder, refused };
}
