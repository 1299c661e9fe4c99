/**
 * The cart (K1–K4): `GET /keranjang` and its changes. Every change answers JSON to the browser
 * module (Accept: application/json, `x-csrf-token` header) and a 303 redirect or a re-rendered
 * page to a plain form, so the cart works without JavaScript. CSRF comes from the global hook.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { h } from 'preact';
import type { MessageKey } from '../../lib/i18n';
import { formatRupiah } from '../../lib/money';
import { csrfTokenFor } from '../plugins/csrf';
import { wantsJson } from '../plugins/errors';
import { noticeText, problemText } from './messages';
import { type CartNotice, type CartProblem, type CartService, type CartView, cartOwner } from './service';
import { CartPage, type CartPageAlert } from './views/cart-page';
import { sendError } from '../../lib/errors';

/** The account's cart when logged in, else the guest session's; null = no cart possible yet. */

const FLASHES: Record<string, MessageKey> = {
  ditambah: 'cart.flash.added',
  diperbarui: 'cart.flash.updated',
  dihapus: 'cart.flash.removed',
  // From checkout: the last units went to another buyer while this customer was paying.
  habis: 'cart.flash.soldOut',
  // From checkout: other buyers took some of the units; the cart shows what is left.
  stok: 'cart.flash.stockTaken',
};

const field = (request: FastifyRequest, name: string): unknown => {
  const body = request.body;
  return body && typeof body === 'object' ? (body as Record<string, unknown>)[name] : undefined;
};

export interface CartRoutesDeps {
  cart: CartService;
  /** The cheapest shipping for these lines (the checkout's rule), for the cart's estimate. */
  shippingEstimate?: (view: CartView) => Promise<number | undefined>;
}

/** "from Rp 64.000" / "free" / "calculated at checkout" (no active courier). */
function shippingText(request: FastifyRequest, shipping: number | undefined): string {
  if (shipping === undefined) return request.t('cart.shipping.later');
  return shipping === 0 ? request.t('checkout.shipping.free') : request.t('cart.shipping.from', { amount: formatRupiah(shipping) });
}

export function registerCartRoutes(app: FastifyInstance, deps: CartRoutesDeps) {
  const { cart } = deps;
  const estimateFor = async (view: CartView) => (view.lines.length > 0 && deps.shippingEstimate ? deps.shippingEstimate(view) : undefined);

  /** What the browser module needs to redraw the badge and the cart page: the server's numbers. */
  function cartJson(request: FastifyRequest, view: CartView, shipping: number | undefined, extra: CartNotice[] = []) {
    const t = request.t;
    return {
      shippingText: shippingText(request, shipping),
      totalText: formatRupiah(view.subtotal + (shipping ?? 0)),
      units: view.units,
      unitsLabel: t('cart.nav.count', { count: view.units }),
      subtotal: view.subtotal,
      subtotalText: formatRupiah(view.subtotal),
      subtotalLabel: t('cart.subtotal', { count: view.units }),
      lines: view.lines.map((l) => ({
        productId: l.productId,
        quantity: l.quantity,
        maxQuantity: l.maxQuantity,
        lineTotal: l.lineTotal,
        lineTotalText: formatRupiah(l.lineTotal),
      })),
      notices: [...extra, ...view.notices].map((n) => noticeText(t, n)),
    };
  }

  async function showPage(request: FastifyRequest, reply: FastifyReply, status = 200, alert?: CartPageAlert) {
    const view = await cart.view(cartOwner(request));
    const shipping = await estimateFor(view);
    const flash = FLASHES[String((request.query as Record<string, unknown>).pesan ?? '')];
    const kind =
      flash === 'cart.flash.soldOut'
        ? ('danger' as const)
        : flash === 'cart.flash.stockTaken'
          ? ('warning' as const)
          : ('success' as const);
    const shown = alert ?? (flash ? { kind, text: request.t(flash) } : undefined);
    return reply.page(
      h(CartPage, {
        view,
        shipping,
        shippingText: shippingText(request, shipping),
        notices: view.notices.map((n) => noticeText(request.t, n)),
        alert: shown,
      }),
      status,
    );
  }

  async function refuse(request: FastifyRequest, reply: FastifyReply, problem: CartProblem) {
    const status = problem.field === 'product' && problem.problem === 'notFound' ? 404 : 400;
    const message = problemText(request.t, problem);
    if (wantsJson(request)) {
      return sendError(reply, 'invalid', status, message, { [problem.field]: message });
    }
    const productId = Number(field(request, 'product'));
    return showPage(request, reply, status, {
      kind: 'danger',
      text: message,
      productId: Number.isSafeInteger(productId) ? productId : undefined,
    });
  }

  async function changed(request: FastifyRequest, reply: FastifyReply, flash: keyof typeof FLASHES, notices: CartNotice[]) {
    if (!wantsJson(request)) return reply.redirect(`/keranjang?pesan=${flash}`, 303);
    const view = await cart.view(cartOwner(request));
    const shipping = await estimateFor(view);
    return reply
      .header('cache-control', 'no-store')
      .send({ ok: true, message: request.t(FLASHES[flash]!), cart: cartJson(request, view, shipping, notices) });
  }

  app.get('/keranjang', async (request, reply) => showPage(request, reply));

  /**
   * A CSRF token for a guest whose page came from the shared cache (no session yet): the
   * browser module asks for one before the first add. Readable only by the same origin.
   */
  app.get('/keranjang/token', async (request, reply) => {
    await app.sessions.ensure(request, reply);
    return reply.header('cache-control', 'no-store').send({ token: csrfTokenFor(request) });
  });

  app.post('/keranjang/tambah', async (request, reply) => {
    // The CSRF hook already required a session, so a guest always has one here.
    const owner = cartOwner(request) ?? { sessionKey: (await app.sessions.ensure(request, reply)).key };
    const result = await cart.add(owner, field(request, 'product'), field(request, 'quantity') ?? '1');
    if (!result.ok) return refuse(request, reply, result);
    if (!wantsJson(request)) return reply.redirect('/keranjang?pesan=ditambah', 303);
    const units = await cart.count(owner);
    return reply.header('cache-control', 'no-store').send({
      ok: true,
      message: result.notices[0] ? noticeText(request.t, result.notices[0]) : request.t('cart.toast.added', { name: result.name ?? '' }),
      cart: { units, unitsLabel: request.t('cart.nav.count', { count: units }) },
    });
  });

  app.post('/keranjang/ubah', async (request, reply) => {
    const result = await cart.setQuantity(cartOwner(request), field(request, 'product'), field(request, 'quantity'));
    if (!result.ok) return refuse(request, reply, result);
    return changed(request, reply, 'diperbarui', result.notices);
  });

  app.post('/keranjang/hapus', async (request, reply) => {
    const result = await cart.remove(cartOwner(request), field(request, 'product'));
    if (!result.ok) return refuse(request, reply, result);
    return changed(request, reply, 'dihapus', result.notices);
  });

  app.post('/keranjang/konfirmasi', async (request, reply) => {
    await cart.acknowledgeChanges(cartOwner(request));
    return changed(request, reply, 'diperbarui', []);
  });
}
