/**
 * Midtrans Snap's pure parts (midtrans.ts): the notification signature against the anchors' test vector, every
 * transaction status in the shop's words, amounts as whole rupiah only, the Snap request for an attempt, and the
 * provider's refusal of unsigned or malformed notifications (before any network call).
 */
import { describe, expect, it } from 'vitest';
import {
  createMidtransProvider,
  eventFromStatus,
  midtransSignal,
  midtransSignature,
  midtransTime,
  rupiahFromMidtrans,
  snapTransaction,
} from '../../src/store/payments/midtrans';
import type { OrderItemRow, OrderRow } from '../../src/store/orders/types';
import { orderItem, orderRowAt } from '../helpers/order-fixtures';
import { type StartContext, WebhookRejected } from '../../src/store/payments/types';

const NOW = new Date('2026-12-01T03:04:05Z');

const orderRow = (values: Partial<OrderRow> = {}) => orderRowAt(NOW, { paymentMethod: 'midtrans', ...values });
const item = (id: number, name: string, unitPrice: number, quantity: number) => orderItem(id, name, unitPrice, quantity);

const LONG_NAME = 'Gitar Akustik Yamaha F310 Natural dengan Tas Gigbag, Tuner dan Senar Cadangan';

function context(overrides: { order?: Partial<OrderRow>; items?: OrderItemRow[]; minutes?: number; amount?: number } = {}): StartContext {
  const order = orderRow(overrides.order);
  const items = overrides.items ?? [item(1, LONG_NAME, 1_500_000, 2), item(2, 'Senar Ernie Ball Slinky', 95_000, 2)];
  const expiresAt = new Date(NOW.getTime() + (overrides.minutes ?? 60) * 60_000);
  return {
    order,
    items,
    attempt: { reference: `${order.number}-2`, seq: 2, amount: overrides.amount ?? order.total, expiresAt },
    returnUrl: `https://hurtrock.example/pesanan/${order.number}?k=guest-key`,
    now: NOW,
  };
}

describe('midtransSignature', () => {
  it('matches the anchors test vector (SHA-512 of order_id + status_code + gross_amount + server key)', () => {
    expect(midtransSignature('HR-20250131-0001', '200', '1500000.00', 'SB-Mid-server-EXAMPLEKEY')).toBe(
      'be8618fba762a8861766a444b709576887e477a523b6c29564dd2ab7a24a5b3634859e6633114a10e3e234e08b7933a945eb163390b094422ef9cd1e0228bc74',
    );
  });

  it('covers the exact strings: another amount spelling, status code or key gives another signature', () => {
    const base = midtransSignature('HR-20250131-0001', '200', '1500000.00', 'SB-Mid-server-EXAMPLEKEY');
    expect(midtransSignature('HR-20250131-0001', '200', '1500000', 'SB-Mid-server-EXAMPLEKEY')).not.toBe(base);
    expect(midtransSignature('HR-20250131-0001', '201', '1500000.00', 'SB-Mid-server-EXAMPLEKEY')).not.toBe(base);
    expect(midtransSignature('HR-20250131-0001', '200', '1500000.00', 'SB-Mid-server-OTHERKEY')).not.toBe(base);
  });
});

describe('midtransSignal', () => {
  it.each([
    ['pending', undefined, 'pending'],
    ['authorize', undefined, 'pending'],
    ['capture', 'accept', 'paid'],
    ['capture', 'challenge', 'review'],
    ['capture', 'deny', 'failed'],
    // A capture without a fraud verdict is a captured card payment.
    ['capture', undefined, 'paid'],
    ['settlement', undefined, 'paid'],
    ['settlement', 'accept', 'paid'],
    ['deny', undefined, 'failed'],
    ['deny', 'deny', 'failed'],
    ['failure', undefined, 'failed'],
    ['cancel', undefined, 'canceled'],
    ['expire', undefined, 'expired'],
    ['refund', undefined, 'refunded'],
    ['partial_refund', undefined, 'partial_refund'],
    ['chargeback', undefined, 'chargeback'],
    ['partial_chargeback', undefined, 'chargeback'],
    ['something_new', undefined, 'none'],
    ['', undefined, 'none'],
  ] as const)('%s (fraud %s) → %s', (status, fraud, signal) => {
    expect(midtransSignal(status, fraud)).toBe(signal);
  });
});

describe('rupiahFromMidtrans', () => {
  it.each([
    ['150000.00', 150_000],
    ['150000.0', 150_000],
    ['150000', 150_000],
    [150_000, 150_000],
    ['0.00', 0],
    ['999999999999999', 999_999_999_999_999],
  ] as const)('%j → %d', (value, rupiah) => {
    expect(rupiahFromMidtrans(value)).toBe(rupiah);
  });

  it.each([
    ['150000.50'],
    ['150000.5'],
    ['150000.000'],
    [150_000.5],
    ['-150000.00'],
    ['1e5'],
    ['1.500.000'],
    ['1,500,000.00'],
    [' 150000'],
    ['150000 '],
    ['Rp150000'],
    [''],
    ['abc'],
    ['1000000000000000'],
    [null],
    [undefined],
    [{}],
    [Number.NaN],
  ])('refuses %j', (value) => {
    expect(rupiahFromMidtrans(value)).toBeNaN();
  });
});

describe('midtransTime', () => {
  it('writes the moment in WIB with its offset', () => {
    expect(midtransTime(NOW)).toBe('2026-12-01 10:04:05 +0700');
    expect(midtransTime(new Date('2026-12-31T20:00:00Z'))).toBe('2027-01-01 03:00:00 +0700');
  });
});

describe('snapTransaction', () => {
  it('sends the attempt reference and gross_amount = Σ price × quantity, shipping included as an item', () => {
    const ctx = context();
    const tx = snapTransaction(ctx);
    const items = tx.item_details as { id: string; price: number; quantity: number; name: string }[];
    expect(tx.transaction_details).toEqual({ order_id: 'HR-261201-ABCDEF-2', gross_amount: 3_210_000 });
    expect(items.reduce((sum, i) => sum + i.price * i.quantity, 0)).toBe(3_210_000);
    expect(items.map((i) => [i.id, i.price, i.quantity])).toEqual([
      ['SKU-1', 1_500_000, 2],
      ['SKU-2', 95_000, 2],
      ['SHIPPING', 20_000, 1],
    ]);
    expect(items[2]!.name).toBe('Ongkir JNE REG');
    expect(items.every((i) => Number.isInteger(i.price))).toBe(true);
  });

  it('cuts item names to 50 characters', () => {
    const items = snapTransaction(context()).item_details as { name: string }[];
    expect(LONG_NAME.length).toBeGreaterThan(50);
    expect(items[0]!.name).toHaveLength(50);
    expect(items[0]!.name).toBe(`${LONG_NAME.slice(0, 49)}…`);
    expect(items[1]!.name).toBe('Senar Ernie Ball Slinky');
    const longService = snapTransaction(context({ order: { shippingServiceName: 'X'.repeat(80) } })).item_details as { name: string }[];
    expect(longService[2]!.name).toHaveLength(50);
  });

  it('adds no shipping item when shipping is free', () => {
    const ctx = context({ order: { shippingCharge: 0, total: 3_190_000 } });
    const tx = snapTransaction(ctx);
    expect((tx.item_details as { id: string }[]).map((i) => i.id)).toEqual(['SKU-1', 'SKU-2']);
    expect(tx.transaction_details).toEqual({ order_id: 'HR-261201-ABCDEF-2', gross_amount: 3_190_000 });
  });

  it('makes the payment expire with the attempt, in whole minutes rounded up', () => {
    expect(snapTransaction(context({ minutes: 60 })).expiry).toEqual({
      start_time: '2026-12-01 10:04:05 +0700',
      unit: 'minute',
      duration: 60,
    });
    expect((snapTransaction(context({ minutes: 90.5 })).expiry as { duration: number }).duration).toBe(91);
    // An attempt already at its deadline still gets the shortest expiry Midtrans takes, never zero or less.
    expect((snapTransaction(context({ minutes: -5 })).expiry as { duration: number }).duration).toBe(1);
  });

  it('closes the Snap page with the payment, never under Midtrans’ 5-minute minimum', () => {
    expect(snapTransaction(context({ minutes: 60 })).page_expiry).toEqual({ duration: 60, unit: 'minute' });
    expect(snapTransaction(context({ minutes: 2 })).page_expiry).toEqual({ duration: 5, unit: 'minute' });
  });

  it('returns the customer to the order page (guest key kept) with bayar=selesai', () => {
    expect(snapTransaction(context()).callbacks).toEqual({
      finish: 'https://hurtrock.example/pesanan/HR-261201-ABCDEF?k=guest-key&bayar=selesai',
    });
    const member = context();
    member.returnUrl = 'https://hurtrock.example/pesanan/HR-261201-ABCDEF';
    expect((snapTransaction(member).callbacks as { finish: string }).finish).toBe(
      'https://hurtrock.example/pesanan/HR-261201-ABCDEF?bayar=selesai',
    );
  });

  it('sends the customer and shipping address', () => {
    expect(snapTransaction(context()).customer_details).toEqual({
      first_name: 'Rina Distorsi',
      email: 'rina@example.test',
      phone: '081234567890',
      shipping_address: {
        first_name: 'Rina',
        phone: '081234567890',
        address: 'Jl. Riau 17',
        city: 'Bandung',
        postal_code: '40115',
        country_code: 'IDN',
      },
    });
  });

  it('refuses to ask for a sum the items do not make', () => {
    expect(() => snapTransaction(context({ amount: 3_209_999 }))).toThrow(/items sum to 3210000, the attempt is for 3209999/);
  });
});

describe('eventFromStatus', () => {
  it('turns a status answer into an event keyed by what makes it distinct', () => {
    const event = eventFromStatus(
      {
        order_id: 'HR-261201-ABCDEF',
        transaction_status: 'pending',
        status_code: '201',
        gross_amount: '3210000.00',
        payment_type: 'bank_transfer',
        transaction_time: '2026-12-01 10:05:00',
        va_numbers: [{ bank: 'bca', va_number: '12345678901' }],
      },
      'webhook',
    );
    expect(event).toMatchObject({
      provider: 'midtrans',
      eventKey: 'HR-261201-ABCDEF|pending||201|2026-12-01 10:05:00|',
      reference: 'HR-261201-ABCDEF',
      kind: 'pending',
      signal: 'pending',
      amount: 3_210_000,
      channel: 'bank_transfer:bca',
    });
    // What the waiting page shows: the BCA virtual account number (the label's wording belongs to the view).
    expect(event.instructions).toEqual([{ label: expect.stringContaining('BCA'), value: '12345678901' }]);
    const captured = eventFromStatus(
      { order_id: 'X', transaction_status: 'capture', fraud_status: 'challenge', gross_amount: '10.00', payment_type: 'credit_card' },
      'status',
    );
    expect(captured).toMatchObject({ kind: 'capture/challenge', signal: 'review', amount: 10, channel: 'credit_card', source: 'status' });
  });
});

describe('the Midtrans provider refuses notifications it cannot trust (before asking the status API)', () => {
  const serverKey = 'SB-Mid-server-EXAMPLEKEY';
  // Bases nobody listens on: a refused notification must never reach them.
  const provider = createMidtransProvider({
    serverKey,
    production: false,
    apiBase: 'http://127.0.0.1:9',
    snapBase: 'http://127.0.0.1:9/snap',
  });
  const notification = (body: unknown) =>
    provider.verify({ body: Buffer.from(typeof body === 'string' ? body : JSON.stringify(body)), headers: {} });
  const rejection = async (body: unknown) => {
    const error = await notification(body).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WebhookRejected);
    return (error as WebhookRejected).code;
  };

  it('a wrong or differently-spelled signature is a signature problem', async () => {
    const fields = { order_id: 'HR-20250131-0001', status_code: '200', gross_amount: '1500000.00', transaction_status: 'settlement' };
    expect(await rejection({ ...fields, signature_key: 'f'.repeat(128) })).toBe('signature');
    // The vector's signature over "1500000.00" does not cover "1500000".
    const vector = midtransSignature('HR-20250131-0001', '200', '1500000.00', serverKey);
    expect(await rejection({ ...fields, gross_amount: '1500000', signature_key: vector })).toBe('signature');
  });

  it('something that is not a signed notification is malformed', async () => {
    expect(await rejection('not json')).toBe('malformed');
    expect(await rejection({ order_id: 'HR-1', status_code: '200', gross_amount: '1.00' })).toBe('malformed');
    expect(await rejection({ status_code: '200', gross_amount: '1.00', signature_key: 'ab' })).toBe('malformed');
  });

  it('a correctly signed notification passes the signature and goes on to the status API', async () => {
    const body = {
      order_id: 'HR-20250131-0001',
      status_code: '200',
      gross_amount: '1500000.00',
      signature_key: midtransSignature('HR-20250131-0001', '200', '1500000.00', serverKey).toUpperCase(),
    };
    // Nobody answers on the status API's base: the provider says so instead of trusting the notification.
    const error = await notification(body).catch((e: unknown) => e);
    expect(error).not.toBeInstanceOf(WebhookRejected);
    expect((error as Error).name).toBe('ProviderUnavailable');
  });
});
