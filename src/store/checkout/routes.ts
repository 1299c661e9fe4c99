/**
 * `GET /checkout` shows the server's quote; `POST /checkout` validates the choices, recomputes
 * everything and places the order (P0–P2). A bad field re-renders the page with the customer's
 * values and a message per field; a changed price or stock re-renders it with the new numbers.
 */
import { withQuery } from '../../lib/url';
import { sha256 } from '../../lib/tokens';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { h } from 'preact';
import type { MessageKey } from '../../lib/i18n';
import { randomId } from '../../lib/tokens';
import type { AccountsService } from '../accounts/service';
import type { FormState } from '../ui/form-fields';
import type { OrdersService } from '../orders/service';
import { checkoutAddressSchema, checkoutChoicesSchema, guestSchema } from './schema';
import type { CheckoutService, PlaceInput, Quote } from './service';
import { CheckoutPage } from './views/checkout-page';
import { type FieldErrors, type FormValues, formValues, parseForm } from '../ui/form';
import type { Address } from '../accounts/types';
import { cartOwner } from '../cart/service';
import { wantsJson } from '../plugins/errors';
import { errorBody } from '../../lib/errors';
import { type Gateway, isGateway } from '../payments/types';

export interface CheckoutRoutesDeps {
  checkout: CheckoutService;
  accounts: AccountsService;
  orders: OrdersService;
  /** Sends the customer to the payment provider right after an order paid online is placed. */
  payOnline?: (reply: FastifyReply, number: string, gateway: Gateway) => Promise<FastifyReply>;
}

const PROBLEM_TEXT: Record<string, MessageKey> = {
  emptyCart: 'checkout.problem.emptyCart',
  changed: 'checkout.problem.changed',
  stock: 'checkout.problem.stock',
  price: 'checkout.problem.price',
  shipping: 'checkout.problem.shipping',
  payment: 'checkout.problem.payment',
};

/**
 * The form's key as stored with the order: bound to the session that posts it. The key in the
 * page makes a double click one order; on its own it would also act like a password — another
 * client posting a copied key would be sent to that guest's order — so the stored key is a hash of
 * the session's key and the form's, and only the session that rendered the form finds the order.
 */
function sessionBoundKey(request: FastifyRequest, formKey: string): string {
  return sha256(`${request.session?.key ?? 'no-session'}:${formKey}`);
}

/**
 * Another buyer took the units: a light answer, at once (P2). The cart page shows what is left of
 * each line; a script gets a 409 it can show.
 */
function outOfStock(request: FastifyRequest, reply: FastifyReply) {
  if (wantsJson(request)) {
    const message = request.t('checkout.problem.stock');
    return reply.code(409).send(errorBody('out_of_stock', message, { cart: message }));
  }
  return reply.redirect('/keranjang?pesan=stok', 303);
}

export function registerCheckoutRoutes(app: FastifyInstance, deps: CheckoutRoutesDeps) {
  const { checkout, accounts } = deps;

  async function addressBook(request: FastifyRequest): Promise<Address[] | null> {
    return request.user ? accounts.listAddresses(request.user.id) : null;
  }

  async function render(request: FastifyRequest, reply: FastifyReply, quote: Quote, form: FormState, status = 200, asGuest = false) {
    const addresses = await addressBook(request);
    // A re-rendered form keeps its key: a second click after an error must still be one order.
    const formKey = form.values?.key && /^[A-Za-z0-9_-]{16,64}$/.test(form.values.key) ? form.values.key : randomId(18);
    return reply.header('cache-control', 'no-store').page(h(CheckoutPage, { quote, form, addresses, formKey, asGuest }), status);
  }

  app.get('/checkout', async (request, reply) => {
    const owner = cartOwner(request);
    const code = String((request.query as Record<string, unknown>).kurir ?? '');
    // Default: the cheapest courier, so the page shows a full total at once.
    const quote = await checkout.quote(owner, code, { cheapestByDefault: true });
    if (quote.cart.lines.length === 0) return reply.redirect('/keranjang', 303);
    await app.sessions.ensure(request, reply);
    const values: FormValues = {};
    if (request.user) {
      const profile = await accounts.profile(request.user.id);
      values.recipient = profile?.name ?? '';
    }
    return render(request, reply, quote, { values });
  });

  app.post('/checkout', async (request, reply) => {
    const owner = cartOwner(request);
    const body = request.body;
    const values = formValues(body);
    const choices = parseForm(checkoutChoicesSchema, body);
    const boundKey = choices.ok ? sessionBoundKey(request, choices.data.key) : undefined;
    /** A resubmitted form goes to the order it already created (its cart was emptied by that order). */
    const existingOrder = async () => {
      const number = boundKey ? await checkout.orderForKey(boundKey) : undefined;
      return number ? reply.redirect(deps.orders.orderUrl({ number, userId: request.user?.id ?? null }), 303) : undefined;
    };
    // The quote for the chosen courier, read once and used both for a re-rendered page and for placing.
    // It comes first: a buyer who lost a race learns it from this one read (P2: the losers' answer is light).
    const quote = await checkout.quote(owner, values.shipping?.trim());
    if (quote.cart.lines.length === 0) {
      // Emptied right now because its products sold out: say so (the cart's notice was used up here),
      // unless this very form took the last units a moment ago (a double click: its lines had not left the cart yet).
      const emptied = quote.cart.notices.length > 0 ? '/keranjang?pesan=habis' : '/keranjang';
      return (await existingOrder()) ?? reply.redirect(emptied, 303);
    }
    const errors: FieldErrors = choices.ok ? {} : { ...choices.errors };

    let address: PlaceInput['address'] | undefined;
    const savedId = choices.ok && request.user && choices.data.address !== 'new' ? Number(choices.data.address) : undefined;
    if (savedId !== undefined) {
      // Only the account's own addresses: another customer's address id is "not found".
      const saved = Number.isSafeInteger(savedId) ? await accounts.findAddress(request.user!.id, savedId) : undefined;
      if (saved) address = saved;
      else errors.address = 'checkout.error.address';
    } else {
      const typed = parseForm(checkoutAddressSchema, body);
      if (typed.ok) address = typed.data;
      else Object.assign(errors, typed.errors);
    }

    let email = request.user?.email;
    let asGuest = false;
    if (!request.user) {
      const guest = parseForm(guestSchema, body);
      if (guest.ok) {
        email = guest.data.email;
        asGuest = guest.data.asGuest;
      } else Object.assign(errors, guest.errors);
    }

    if (!choices.ok || !address || !email || Object.keys(errors).length > 0) {
      return render(request, reply, quote, { values, errors, alert: { kind: 'danger', key: 'checkout.error.form' } }, 400, asGuest);
    }
    // P2: a buyer who lost a race hears it now, before any other question is asked of the database;
    // unless this very form took the units a moment ago (a double click).
    if (await checkout.outrun(quote)) return (await existingOrder()) ?? outOfStock(request, reply);
    // P0: an email with an account is offered the login first; sending again continues as a guest.
    if (!request.user && !asGuest && (await accounts.hasAccount(email))) {
      return render(
        request,
        reply,
        quote,
        { values, alert: { kind: 'info', key: 'checkout.accountExists', params: { email } } },
        200,
        true,
      );
    }

    const result = await checkout.place(
      {
        owner: owner!,
        userId: request.user?.id ?? null,
        email,
        customerName: request.user?.name ?? address.recipient,
        locale: request.locale,
        key: boundKey!,
        shippingCode: choices.data.shipping,
        payment: choices.data.payment,
        quoteSeen: choices.data.quote,
        note: choices.data.note,
        address: {
          recipient: address.recipient,
          phone: address.phone,
          street: address.street,
          city: address.city,
          province: address.province,
          postalCode: address.postalCode,
        },
      },
      quote,
    );
    if (!result.ok && result.problem === 'stock') return outOfStock(request, reply);
    if (!result.ok) {
      if (result.problem === 'emptyCart') return reply.redirect('/keranjang', 303);
      if (result.quote.cart.lines.length === 0) return reply.redirect('/keranjang?pesan=habis', 303);
      return render(request, reply, result.quote, { values, alert: { kind: 'warning', key: PROBLEM_TEXT[result.problem]! } }, 409, asGuest);
    }
    const gateway = choices.data.payment;
    if (isGateway(gateway) && deps.payOnline) return deps.payOnline(reply, result.number, gateway);
    const url = deps.orders.orderUrl({ number: result.number, userId: request.user?.id ?? null });
    return reply.redirect(withQuery(url, 'baru=1'), 303);
  });
}
