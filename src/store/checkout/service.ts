/**
 * Checkout (P0–P2): the quote the page shows and placing the order. The quote is computed from
 * the cart as it is now (today's prices, stock, couriers, settings); placing recomputes it,
 * refuses if it differs from the one the customer confirmed, and hands the order to the orders
 * service, which creates it, reserves its stock and queues its email in one transaction.
 */
import { createHash } from 'node:crypto';
import type { CartService, CartView } from '../cart/service';
import type { OrdersService } from '../orders/service';
import type { PaymentMethod } from '../orders/state-machine';
import type { ShippingSnapshot } from '../orders/types';
import type { ShopSettingsService } from '../shop-settings/service';
import type { ShopSettings } from '../shop-settings/types';
import type { CheckoutRepository } from './repository';
import { parcelWeight, shippingCharge, shippingCost } from './shipping';
import type { Address } from '../accounts/types';
import type { ShippingServiceRow } from './types';
import type { CartOwner } from '../cart/types';

/** A courier service the customer can pick, priced for this cart. */
export interface ShippingOption extends ShippingSnapshot {
  id: number;
  code: string;
}

export interface Quote {
  cart: CartView;
  options: ShippingOption[];
  selected: ShippingOption | undefined;
  freeShippingFrom: number | null;
  total: number;
  paymentMethods: PaymentMethod[];
  /** Changes whenever a line, a price or a shipping charge changes. */
  fingerprint: string;
  settings: ShopSettings;
}

export interface PlaceInput {
  owner: CartOwner;
  userId: number | null;
  email: string;
  customerName: string;
  locale: string;
  key: string;
  shippingCode: string;
  payment: PaymentMethod;
  quoteSeen: string;
  note: string;
  address: Pick<Address, 'recipient' | 'phone' | 'street' | 'city' | 'province' | 'postalCode'>;
}

export type PlaceOutcome =
  | { ok: true; number: string; created: boolean }
  /** The units went to other buyers: answered at once, without a new quote (P2: the losers of a race). */
  | { ok: false; problem: 'stock' }
  | { ok: false; problem: 'emptyCart' | 'shipping' | 'payment' | 'changed' | 'price'; quote: Quote };

export function createCheckoutService(deps: {
  repo: CheckoutRepository;
  cart: CartService;
  settings: ShopSettingsService;
  orders: Pick<OrdersService, 'place' | 'numberForKey'>;
  /** Online gateways ready to take payments now (payments area); none without it. */
  onlineMethods?: () => Promise<PaymentMethod[]>;
  /** Units of these products on sale now, read without a lock (the stock area); absent ones cannot be sold. */
  shelf: (productIds: readonly number[]) => Promise<ReadonlyMap<number, { stock: number }>>;
  clock?: () => Date;
}) {
  const now = deps.clock ?? (() => new Date());

  function optionsFor(cart: CartView, services: ShippingServiceRow[], settings: ShopSettings): ShippingOption[] {
    if (cart.lines.length === 0) return [];
    const items = cart.lines.map((l) => ({ ...l.parcel, quantity: l.quantity }));
    return services.map((s) => {
      const { billableKg } = parcelWeight(items, s.volumeDivisor);
      const cost = shippingCost(s, billableKg);
      return {
        id: s.id,
        code: s.code,
        courier: s.courier,
        name: s.name,
        minDays: s.minDays,
        maxDays: s.maxDays,
        trackingUrlTemplate: s.trackingUrlTemplate,
        billableKg,
        cost,
        charge: shippingCharge(cost, cart.subtotal, settings.freeShippingFrom),
      };
    });
  }

  /** `cheapestByDefault`: with no (or an unknown) courier chosen, select the cheapest (the page's first view). */
  async function quote(owner: CartOwner | null, shippingCode?: string, opts: { cheapestByDefault?: boolean } = {}): Promise<Quote> {
    const [cart, services, settings, online] = await Promise.all([
      deps.cart.view(owner),
      deps.repo.activeShippingServices(),
      deps.settings.get(),
      deps.onlineMethods?.() ?? [],
    ]);
    const options = optionsFor(cart, services, settings);
    const cheapest = () => options.reduce<ShippingOption | undefined>((best, o) => (!best || o.charge < best.charge ? o : best), undefined);
    const selected = options.find((o) => o.code === shippingCode) ?? (opts.cheapestByDefault ? cheapest() : undefined);
    // Online first: it confirms the order by itself; bank transfer waits for staff to check it.
    const paymentMethods: PaymentMethod[] = settings.bankTransferEnabled ? [...online, 'bank_transfer'] : [...online];
    const fingerprint = createHash('sha256')
      .update(JSON.stringify([cart.lines.map((l) => [l.productId, l.quantity, l.unitPrice]), options.map((o) => [o.code, o.charge])]))
      .digest('base64url')
      .slice(0, 32);
    return {
      cart,
      options,
      selected,
      freeShippingFrom: settings.freeShippingFrom,
      total: cart.subtotal + (selected?.charge ?? 0),
      paymentMethods,
      fingerprint,
      settings,
    };
  }

  return {
    quote,

    /** The cart page's estimate (K3): the cheapest courier for these lines, undefined when none is active. */
    async cheapestShipping(cart: CartView): Promise<number | undefined> {
      const [services, settings] = await Promise.all([deps.repo.activeShippingServices(), deps.settings.get()]);
      const charges = optionsFor(cart, services, settings).map((o) => o.charge);
      return charges.length > 0 ? Math.min(...charges) : undefined;
    },

    /**
     * Whether other buyers took units this quote counts on since it was read: one unlocked read of
     * the shelf. Asked before anything else of a buyer who may have lost a race (P2), so the losers
     * are answered from two reads; placing decides for real, under the product rows' locks.
     */
    async outrun(q: Quote): Promise<boolean> {
      if (q.cart.lines.length === 0) return false;
      const shelf = await deps.shelf(q.cart.lines.map((l) => l.productId));
      return q.cart.lines.some((l) => (shelf.get(l.productId)?.stock ?? 0) < l.quantity);
    },

    /** The order a checkout form (by its idempotency key) already created, if any. */
    orderForKey: (key: string) => deps.orders.numberForKey(key),

    /**
     * Places the order from the quote the route just computed for this request (`q`, for the
     * chosen courier), so the cart is read once. A resubmitted form goes to the order it placed:
     * found by its key here or by the orders service, and two racing submissions meet at the
     * key's unique index.
     */
    async place(input: PlaceInput, q: Quote): Promise<PlaceOutcome> {
      if (q.cart.lines.length === 0) return { ok: false, problem: 'emptyCart', quote: q };
      if (!q.selected) return { ok: false, problem: 'shipping', quote: q };
      if (!q.paymentMethods.includes(input.payment)) return { ok: false, problem: 'payment', quote: q };
      // Prices, quantities or shipping moved since the page was shown (or lines were removed): show the new numbers first.
      // Unless the form was sent before and placed its order (whose lines then left the cart).
      if (q.cart.notices.length > 0 || input.quoteSeen !== q.fingerprint) {
        const placed = await deps.orders.numberForKey(input.key);
        return placed ? { ok: true, number: placed, created: false } : { ok: false, problem: 'changed', quote: q };
      }
      const expiryMinutes = input.payment === 'bank_transfer' ? q.settings.transferExpiryMinutes : q.settings.gatewayExpiryMinutes;
      const result = await deps.orders.place({
        idempotencyKey: input.key,
        userId: input.userId,
        email: input.email,
        customerName: input.customerName,
        locale: input.locale,
        address: input.address,
        shipping: { ...q.selected, serviceId: q.selected.id },
        lines: q.cart.lines.map((l) => ({ productId: l.productId, quantity: l.quantity, unitPrice: l.unitPrice })),
        subtotal: q.cart.subtotal,
        paymentMethod: input.payment,
        note: input.note,
        expiresAt: new Date(now().getTime() + expiryMinutes * 60_000),
      });
      if (!result.ok && result.reason === 'stock') return { ok: false, problem: 'stock' };
      if (!result.ok) return { ok: false, problem: result.reason, quote: await quote(input.owner, input.shippingCode) };
      if (result.created)
        await deps.cart.removeOrdered(
          input.owner,
          q.cart.lines.map((l) => l.productId),
        );
      return result;
    },
  };
}

export type CheckoutService = ReturnType<typeof createCheckoutService>;
