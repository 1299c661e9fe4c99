/**
 * Checkout's `place` against fakes: it refuses what the customer has not confirmed (empty cart,
 * no courier, a payment method the shop has switched off, numbers that moved), hands the orders
 * area a draft built only from the server's quote, empties the cart of what was ordered only when
 * the order was created, and answers a stock or price problem with a fresh quote.
 */
import { describe, expect, it, vi } from 'vitest';
import type { CartLine, CartService, CartView } from '../../src/store/cart/service';
import type { CheckoutRepository } from '../../src/store/checkout/repository';
import { createCheckoutService, type PlaceInput } from '../../src/store/checkout/service';
import type { OrdersService } from '../../src/store/orders/service';
import type { PaymentMethod } from '../../src/store/orders/state-machine';
import type { OrderDraft, PlaceResult } from '../../src/store/orders/types';
import type { ShopSettingsService } from '../../src/store/shop-settings/service';
import type { ShopSettings } from '../../src/store/shop-settings/types';
import type { ShippingServiceRow } from '../../src/store/checkout/types';
import type { CartOwner } from '../../src/store/cart/types';

// 23:30 WIB on 1 December 2026 is 16:30 UTC.
const NOW = new Date('2026-12-01T16:30:00Z');
const OWNER: CartOwner = { userId: 31 };

function line(productId: number, unitPrice: number, quantity: number, weightGrams: number): CartLine {
  return {
    productId,
    slug: `p-${productId}`,
    name: `Product ${productId}`,
    brand: 'Brand',
    image: null,
    unitPrice,
    quantity,
    maxQuantity: 10,
    lineTotal: unitPrice * quantity,
    parcel: { weightGrams, lengthCm: 10, widthCm: 10, heightCm: 10 },
  };
}

/** 1 000 g + 2 × 100 g = 1.2 kg actual (boxes are small), billed as 2 kg. */
const CART: CartView = {
  lines: [line(7, 1_500_000, 1, 1000), line(3, 95_000, 2, 100)],
  units: 3,
  subtotal: 1_690_000,
  notices: [],
};
const EMPTY_CART: CartView = { lines: [], units: 0, subtotal: 0, notices: [] };

function service(code: string, id: number, basePrice: number, pricePerKg: number): ShippingServiceRow {
  return {
    id,
    code,
    courier: code.split('_')[0]!.toUpperCase(),
    name: 'REG',
    basePrice,
    pricePerKg,
    volumeDivisor: 6000,
    minDays: 2,
    maxDays: 4,
    trackingUrlTemplate: `https://track.example/${code}/{awb}`,
    isActive: true,
    position: id,
  };
}
const SERVICES = [service('jne_reg', 1, 20_000, 15_000), service('sicepat_reg', 2, 18_000, 12_000)];

const SETTINGS: ShopSettings = {
  id: 1,
  freeShippingFrom: null,
  bankTransferEnabled: true,
  bankAccounts: [],
  transferExpiryMinutes: 90,
  gatewayExpiryMinutes: 15,
  notificationEmail: null,
  requireStaffTwoFactor: false,
  updatedAt: new Date('2026-01-01T00:00:00Z'),
};

function setup(opts: { cart?: CartView; settings?: Partial<ShopSettings>; result?: PlaceResult; shelf?: Map<number, number> } = {}) {
  let cart = opts.cart ?? CART;
  /** Units on the shelf by product: by default what the cart counts on. */
  const shelf = vi.fn(async (ids: readonly number[]) => {
    const units = opts.shelf ?? new Map(cart.lines.map((l) => [l.productId, l.quantity]));
    return new Map(ids.filter((id) => units.has(id)).map((id) => [id, { stock: units.get(id)! }]));
  });
  const cartService = {
    view: vi.fn(async (_owner: CartOwner | null) => cart),
    removeOrdered: vi.fn(async (_owner: CartOwner | null, _ids: number[]) => {}),
  };
  const orders = {
    place: vi.fn(
      async (_draft: OrderDraft): Promise<PlaceResult> => opts.result ?? { ok: true, number: 'HR-261201-ABCDEF', created: true },
    ),
    numberForKey: vi.fn(async (_key: string) => undefined as string | undefined),
  };
  const checkout = createCheckoutService({
    repo: { activeShippingServices: async () => SERVICES } as CheckoutRepository,
    cart: cartService as unknown as CartService,
    settings: { get: async () => ({ ...SETTINGS, ...opts.settings }) } as unknown as ShopSettingsService,
    orders: orders as unknown as Pick<OrdersService, 'place' | 'numberForKey'>,
    shelf,
    clock: () => NOW,
  });
  return {
    checkout,
    cartService,
    orders,
    setCart: (next: CartView) => {
      cart = next;
    },
  };
}

function input(values: Partial<PlaceInput> = {}): PlaceInput {
  return {
    owner: OWNER,
    userId: 31,
    email: 'rina@example.test',
    customerName: 'Rina',
    locale: 'id',
    key: 'form-key-1',
    shippingCode: 'jne_reg',
    payment: 'bank_transfer',
    quoteSeen: '',
    note: 'Tolong dibungkus rapi',
    address: {
      recipient: 'Rina',
      phone: '0812-3456-7890',
      street: 'Jl. Riau 17',
      city: 'Bandung',
      province: 'Jawa Barat',
      postalCode: '40115',
    },
    ...values,
  };
}

describe('checkout: refusals before any order exists', () => {
  it('an empty cart', async () => {
    const s = setup({ cart: EMPTY_CART });
    const q = await s.checkout.quote(OWNER, 'jne_reg');
    const outcome = await s.checkout.place(input({ quoteSeen: q.fingerprint }), q);
    expect(outcome).toEqual({ ok: false, problem: 'emptyCart', quote: q });
    expect(s.orders.place).not.toHaveBeenCalled();
    expect(s.cartService.removeOrdered).not.toHaveBeenCalled();
  });

  it('no courier selected (or one that is not offered)', async () => {
    const s = setup();
    const q = await s.checkout.quote(OWNER, 'pos_kilat');
    expect(q.selected).toBeUndefined();
    expect(await s.checkout.place(input({ shippingCode: 'pos_kilat', quoteSeen: q.fingerprint }), q)).toEqual({
      ok: false,
      problem: 'shipping',
      quote: q,
    });
    expect(s.orders.place).not.toHaveBeenCalled();
  });

  it('a payment method the shop has switched off', async () => {
    const s = setup({ settings: { bankTransferEnabled: false } });
    const q = await s.checkout.quote(OWNER, 'jne_reg');
    expect(q.paymentMethods).toEqual([]);
    expect(await s.checkout.place(input({ quoteSeen: q.fingerprint }), q)).toEqual({ ok: false, problem: 'payment', quote: q });
    expect(s.orders.place).not.toHaveBeenCalled();
  });

  it('numbers that moved since the page was shown (another fingerprint)', async () => {
    const s = setup();
    const seen = await s.checkout.quote(OWNER, 'jne_reg');
    s.setCart({ ...CART, lines: [line(7, 1_450_000, 1, 1000), CART.lines[1]!], subtotal: 1_640_000 });
    const q = await s.checkout.quote(OWNER, 'jne_reg');
    expect(q.fingerprint).not.toBe(seen.fingerprint);
    expect(await s.checkout.place(input({ quoteSeen: seen.fingerprint }), q)).toEqual({ ok: false, problem: 'changed', quote: q });
    expect(s.orders.place).not.toHaveBeenCalled();
  });

  it('cart notices (a line removed or capped) even with a matching fingerprint', async () => {
    const s = setup({ cart: { ...CART, notices: [{ kind: 'removedSoldOut', name: 'Boss DS-1' }] } });
    const q = await s.checkout.quote(OWNER, 'jne_reg');
    expect(await s.checkout.place(input({ quoteSeen: q.fingerprint }), q)).toEqual({ ok: false, problem: 'changed', quote: q });
    expect(s.orders.place).not.toHaveBeenCalled();
  });
});

describe('checkout: has another buyer taken the units? (P2, one read of the shelf)', () => {
  it('no, while the shelf holds at least what each line counts on', async () => {
    const s = setup();
    const q = await s.checkout.quote(OWNER, 'jne_reg');
    expect(await s.checkout.outrun(q)).toBe(false);
  });

  it('yes, when one line has fewer units left than it counts on, or its product is off sale', async () => {
    const [first, second] = CART.lines;
    const short = setup({
      shelf: new Map([
        [first!.productId, first!.quantity],
        [second!.productId, second!.quantity - 1],
      ]),
    });
    expect(await short.checkout.outrun(await short.checkout.quote(OWNER, 'jne_reg'))).toBe(true);
    const gone = setup({ shelf: new Map([[first!.productId, first!.quantity]]) });
    expect(await gone.checkout.outrun(await gone.checkout.quote(OWNER, 'jne_reg'))).toBe(true);
  });

  it('an empty cart asks nothing of the shelf', async () => {
    const s = setup({ cart: { lines: [], units: 0, subtotal: 0, notices: [] } });
    expect(await s.checkout.outrun(await s.checkout.quote(OWNER))).toBe(false);
  });
});

describe('checkout: placing', () => {
  it('hands over a draft built only from the quote and the form, then removes the ordered lines from the cart', async () => {
    const s = setup();
    const q = await s.checkout.quote(OWNER, 'jne_reg');
    // Whatever else a client sends (its own prices or totals) is not read.
    const tampered = {
      ...input({ quoteSeen: q.fingerprint }),
      subtotal: 1,
      total: 1,
      lines: [{ productId: 7, unitPrice: 1 }],
    } as PlaceInput;
    const outcome = await s.checkout.place(tampered, q);
    expect(outcome).toEqual({ ok: true, number: 'HR-261201-ABCDEF', created: true });

    expect(s.orders.place).toHaveBeenCalledTimes(1);
    const draft = s.orders.place.mock.calls[0]![0];
    // The orders service numbers the order; checkout only hands over what the customer chose.
    expect(draft).toEqual({
      idempotencyKey: 'form-key-1',
      userId: 31,
      email: 'rina@example.test',
      customerName: 'Rina',
      locale: 'id',
      address: {
        recipient: 'Rina',
        phone: '0812-3456-7890',
        street: 'Jl. Riau 17',
        city: 'Bandung',
        province: 'Jawa Barat',
        postalCode: '40115',
      },
      shipping: {
        id: 1,
        serviceId: 1,
        code: 'jne_reg',
        courier: 'JNE',
        name: 'REG',
        minDays: 2,
        maxDays: 4,
        trackingUrlTemplate: 'https://track.example/jne_reg/{awb}',
        billableKg: 2,
        cost: 35_000,
        charge: 35_000,
      },
      lines: [
        { productId: 7, quantity: 1, unitPrice: 1_500_000 },
        { productId: 3, quantity: 2, unitPrice: 95_000 },
      ],
      subtotal: 1_690_000,
      paymentMethod: 'bank_transfer',
      note: 'Tolong dibungkus rapi',
      // The shop's transfer window: 90 minutes.
      expiresAt: new Date('2026-12-01T18:00:00Z'),
    });
    expect(s.cartService.removeOrdered).toHaveBeenCalledWith(OWNER, [7, 3]);
  });

  it('the chosen courier is the one charged, past the free-shipping threshold nothing', async () => {
    const s = setup({ settings: { freeShippingFrom: 1_000_000 } });
    const q = await s.checkout.quote(OWNER, 'sicepat_reg');
    await s.checkout.place(input({ shippingCode: 'sicepat_reg', quoteSeen: q.fingerprint }), q);
    const draft = s.orders.place.mock.calls[0]![0];
    expect(draft.shipping).toMatchObject({ serviceId: 2, courier: 'SICEPAT', billableKg: 2, cost: 30_000, charge: 0 });
  });

  it('a method other than bank transfer gets the gateway window', async () => {
    const s = setup();
    const quoted = await s.checkout.quote(OWNER, 'jne_reg');
    const gateway = 'midtrans' as PaymentMethod;
    const q = { ...quoted, paymentMethods: [gateway] };
    await s.checkout.place(input({ payment: gateway, quoteSeen: q.fingerprint }), q);
    const draft = s.orders.place.mock.calls[0]![0];
    expect(draft.paymentMethod).toBe('midtrans');
    expect(draft.expiresAt).toEqual(new Date('2026-12-01T16:45:00Z'));
  });

  it('a form that had already created its order leaves the cart alone', async () => {
    const s = setup({ result: { ok: true, number: 'HR-261201-OLDONE', created: false } });
    const q = await s.checkout.quote(OWNER, 'jne_reg');
    expect(await s.checkout.place(input({ quoteSeen: q.fingerprint }), q)).toEqual({
      ok: true,
      number: 'HR-261201-OLDONE',
      created: false,
    });
    expect(s.cartService.removeOrdered).not.toHaveBeenCalled();
  });

  it('a stock problem (the units went to other buyers) comes back at once, without a new quote, and the cart is kept', async () => {
    const s = setup({ result: { ok: false, reason: 'stock', productId: 7 } });
    const q = await s.checkout.quote(OWNER, 'jne_reg');
    s.cartService.view.mockClear();

    const outcome = await s.checkout.place(input({ quoteSeen: q.fingerprint }), q);

    expect(outcome).toEqual({ ok: false, problem: 'stock' });
    expect(s.cartService.view).not.toHaveBeenCalled();
    expect(s.cartService.removeOrdered).not.toHaveBeenCalled();
  });

  it.each(['price'] as const)('a %s problem comes back with a fresh quote for the same courier, and the cart is kept', async (reason) => {
    const s = setup({ result: { ok: false, reason, productId: 7 } });
    const q = await s.checkout.quote(OWNER, 'jne_reg');
    // What the shop looks like once the order was refused.
    const now = { ...CART, lines: [line(7, 1_600_000, 1, 1000), CART.lines[1]!], subtotal: 1_790_000 };
    s.orders.place.mockImplementationOnce(async () => {
      s.setCart(now);
      return { ok: false, reason, productId: 7 };
    });
    s.cartService.view.mockClear();

    const outcome = await s.checkout.place(input({ quoteSeen: q.fingerprint }), q);

    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.problem).toBe(reason);
    if (outcome.problem === 'stock') throw new Error('a price problem comes with a quote');
    expect(outcome.quote).not.toBe(q);
    expect(outcome.quote.cart).toEqual(now);
    expect(outcome.quote.selected?.code).toBe('jne_reg');
    expect(outcome.quote.fingerprint).not.toBe(q.fingerprint);
    expect(s.cartService.view).toHaveBeenCalledWith(OWNER);
    expect(s.cartService.removeOrdered).not.toHaveBeenCalled();
  });
});
