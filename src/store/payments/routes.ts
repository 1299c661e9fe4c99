/**
 * Online payments over HTTP (P3, P4, P7):
 * - `POST /webhooks/midtrans` and `POST /webhooks/stripe`: the providers' notifications, read as
 *   raw bytes (the signatures cover them), verified, then applied exactly once. No CSRF (the
 *   provider is not a browser); the signature is the proof.
 * - `POST /pesanan/:number/bayar`: the customer pays (again, or another way) from the order page.
 * - the order page's payment panel, and starting a payment right after checkout.
 * The provider's redirect back to us (`?bayar=selesai`) never changes an order by itself: it only
 * makes us ask the provider, and the verified answer goes through the same `apply()`.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { h } from 'preact';
import { sendError } from '../../lib/errors';
import type { MessageKey } from '../../lib/i18n';
import { withQuery } from '../../lib/url';
import type { OrderDetail, OrdersService } from '../orders/service';
import type { OrderRow } from '../orders/types';
import type { PaymentPart } from '../orders/views/order-pages';
import type { ShopSettingsService } from '../shop-settings/service';
import { isOpenAttempt } from './attempt-status';
import type { ProviderSettings } from './provider-settings';
import { PaymentRefused, type PaymentsService } from './service';
import { type Gateway, isGateway, ProviderUnavailable, WebhookRejected } from './types';
import { OnlinePayment } from './views/online-payment';
import { ErrorPage } from '../ui/error-page';

/** A provider notification is a few kilobytes; anything near this is not one. */
export const WEBHOOK_BODY_LIMIT = 1024 * 1024;

/** How often the page looks again while the provider has not confirmed a payment the customer just made. */
const CONFIRMING_REFRESH_SECONDS = 5;

export interface PaymentRoutesDeps {
  payments: PaymentsService;
  providers: ProviderSettings;
  orders: OrdersService;
  settings: ShopSettingsService;
  clock?: () => Date;
  /** The Content-Security-Policy of a page that embeds a provider's script and frame from `origin`. */
  embeddingPolicy?: (origin: string) => string;
  /** Told each provider notification's outcome (metrics). */
  observe?: (provider: string, outcome: string) => void;
}

/** `?bayar=` values: what happened, told on the order page. */
const PAY_NOTICES: Record<string, { kind: 'info' | 'warning' | 'danger' | 'success'; key: MessageKey }> = {
  batal: { kind: 'warning', key: 'payment.notice.cancelledOnProvider' },
  gagal: { kind: 'danger', key: 'payment.notice.unavailable' },
  transfer: { kind: 'success', key: 'payment.notice.method' },
  metode: { kind: 'danger', key: 'payment.error.method' },
  ditolak: { kind: 'warning', key: 'payment.notice.refused' },
};

/**
 * The order page's payment panel and the hand-off to the provider (from the order page's form or
 * right after checkout); app.ts builds these before the routes that use them.
 */
export function createPaymentPages(deps: PaymentRoutesDeps) {
  const { payments, orders } = deps;

  /** Methods the customer may switch to now: enabled gateways, and bank transfer when the shop takes it. */
  async function methodsNow(): Promise<(Gateway | 'bank_transfer')[]> {
    const [gateways, settings] = await Promise.all([payments.available(), deps.settings.get()]);
    return settings.bankTransferEnabled ? [...gateways, 'bank_transfer'] : gateways;
  }

  const noticeUrl = (order: Pick<OrderRow, 'number' | 'userId'>, notice: string) => withQuery(orders.orderUrl(order), `bayar=${notice}`);
  const back = (reply: FastifyReply, order: Pick<OrderRow, 'number' | 'userId'>, notice: string) =>
    reply.redirect(noticeUrl(order, notice), 303);

  /**
   * Sends the customer to the provider's page for this order, or back to the order page with the
   * reason it cannot start. Used by the order page's form and by checkout right after placing.
   */
  async function payOnline(reply: FastifyReply, order: OrderRow, gateway: Gateway, suffix = '', asJson = false) {
    const refuse = (notice: string) => {
      if (!asJson) return back(reply, order, notice);
      // The page's script follows `redirect` (the order page, telling why), as the form would have.
      return reply.code(409).send({ error: { code: notice, message: 'The payment cannot start.' }, redirect: noticeUrl(order, notice) });
    };
    try {
      const started = await payments.start(order.id, gateway, orders.orderUrl(order, true));
      // The popup (Midtrans' snap.js on the order page) opens the same Snap payment by its token.
      if (asJson) {
        return reply.send({ token: started.externalId, redirectUrl: started.redirectUrl, finishUrl: noticeUrl(order, 'selesai') });
      }
      return reply.redirect(started.redirectUrl, 303);
    } catch (error) {
      if (error instanceof PaymentRefused) return refuse(error.reason === 'unavailable' ? `metode${suffix}` : `ditolak${suffix}`);
      if (error instanceof ProviderUnavailable) return refuse(`gagal${suffix}`);
      throw error;
    }
  }

  /** The order page's payment panel (the order routes call this for every order page). */
  const paymentPart: PaymentPart = async (request: FastifyRequest, detail: OrderDetail, guestKey) => {
    const query = request.query as Record<string, unknown>;
    const notice = PAY_NOTICES[String(query.bayar ?? '')];
    const alert = notice && {
      kind: notice.kind,
      text: request.t(notice.key, { status: request.t(`order.status.${detail.order.status}`) }),
    };
    if (!isGateway(detail.order.paymentMethod) || detail.access === 'staff') return { alert };
    let current = detail;
    let latest = await payments.latestAttempt(detail.order.id);
    const back = query.bayar === 'selesai';
    // Back from the provider's page: ask it once (its notification may still be on the way).
    if (back && latest && isOpenAttempt(latest.status)) {
      await payments.confirmOnReturn(detail.order.id);
      latest = await payments.latestAttempt(detail.order.id);
      current = (await orders.viewFor(detail.order.number, { user: request.user ?? null, guestKey })) ?? detail;
    }
    if (current.order.status !== 'awaiting_payment') {
      return {
        detail: current,
        alert:
          alert ??
          (back && latest?.status === 'paid'
            ? {
                kind: 'success',
                text: request.t('payment.paid', { provider: request.t(`ordersDesk.payment.${latest.provider as Gateway}`) }),
              }
            : undefined),
      };
    }
    // Just back and the provider has not decided yet, with nothing to show (no virtual account
    // to pay): the page looks again by itself.
    const confirming = back && !!latest && (latest.status === 'created' || (latest.status === 'pending' && !latest.instructions?.length));
    const methods = await methodsNow();
    // Midtrans' popup: its snap.js on this page only, allowed by this page's own CSP.
    const snap =
      methods.includes('midtrans') && current.order.status === 'awaiting_payment' ? await deps.providers.snapScript() : undefined;
    return {
      detail: current,
      alert,
      refreshSeconds: confirming ? CONFIRMING_REFRESH_SECONDS : undefined,
      contentSecurityPolicy: snap ? deps.embeddingPolicy?.(snap.origin) : undefined,
      paymentPanel: h(OnlinePayment, {
        snap: snap && deps.embeddingPolicy ? { src: snap.src, clientKey: snap.clientKey } : undefined,
        order: current.order,
        latest,
        methods,
        guestKey,
        confirming,
        now: (deps.clock ?? (() => new Date()))(),
      }),
    };
  };

  return {
    paymentPart,
    methodsNow,
    back,
    payOnline,
    /** Checkout: the order is placed with a gateway, off to the provider (or to the order page if it cannot start). */
    async afterCheckout(reply: FastifyReply, number: string, gateway: Gateway) {
      const order = await orders.payments.findByNumber(number);
      if (!order) throw new Error(`order ${number} vanished after checkout`);
      return payOnline(reply, order, gateway, '&baru=1');
    },
  };
}

export type PaymentPages = ReturnType<typeof createPaymentPages>;

/** The webhooks and the order page's pay form; registered after the session, role and CSRF hooks like every route. */
export function registerPaymentRoutes(app: FastifyInstance, deps: PaymentRoutesDeps, pages: PaymentPages) {
  const { payments, providers, orders } = deps;
  const { methodsNow, back, payOnline } = pages;

  // Raw bodies for the webhooks only, in their own scope so the rest of the store keeps its parsers.
  app.register(async (scope) => {
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: WEBHOOK_BODY_LIMIT }, (_request, body, done) => done(null, body));
    scope.post<{ Params: { provider: string } }>(
      '/webhooks/:provider',
      { config: { csrf: false }, bodyLimit: WEBHOOK_BODY_LIMIT },
      async (request, reply) => {
        const gateway = request.params.provider;
        if (!isGateway(gateway)) return sendError(reply, 'not_found', 404, 'No such webhook.');
        const provider = await providers.configured(gateway);
        if (!provider) return sendError(reply, 'unconfigured', 503, 'This payment provider is not configured.');
        const body = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
        try {
          const event = await provider.verify({ body, headers: request.headers });
          const outcome = await payments.apply(event);
          deps.observe?.(gateway, outcome);
          request.log.info({ provider: gateway, event: event.kind, outcome }, 'payment event');
          return reply.send({ received: true, outcome });
        } catch (error) {
          if (error instanceof WebhookRejected) {
            deps.observe?.(gateway, 'rejected');
            request.log.warn({ provider: gateway, reason: error.code }, 'payment webhook rejected');
            return sendError(reply, error.code, 400, error.message);
          }
          // The provider's status API did not answer: a non-2xx makes it deliver again later.
          if (error instanceof ProviderUnavailable) return sendError(reply, 'provider_unavailable', 503, 'Try again later.');
          throw error;
        }
      },
    );
  });

  app.post<{ Params: { number: string } }>('/pesanan/:number/bayar', async (request, reply) => {
    const body = (request.body ?? {}) as Record<string, unknown>;
    const detail = await orders.viewFor(request.params.number, { user: request.user ?? null, guestKey: body.k });
    // Staff do not pay for customers; to them (and to strangers) this is the same 404 as a wrong number.
    if (!detail || detail.access === 'staff') return reply.page(h(ErrorPage, { status: 404 }), 404);
    const { order } = detail;
    const method = body.metode;
    if (typeof method !== 'string' || !(await methodsNow()).includes(method as Gateway)) return back(reply, order, 'metode');
    if (method === 'bank_transfer') {
      try {
        await payments.chooseBankTransfer(order.id);
      } catch (error) {
        if (error instanceof PaymentRefused) return back(reply, order, 'ditolak');
        throw error;
      }
      return back(reply, order, 'transfer');
    }
    // The order page's script asks for JSON to open Midtrans' popup instead of leaving the page.
    const asJson = method === 'midtrans' && (request.headers.accept ?? '').includes('application/json');
    return payOnline(reply, order, method as Gateway, '', asJson);
  });
}
