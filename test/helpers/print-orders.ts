/**
 * Orders written straight into the database, in any status, for the print routes' tests and the
 * bulk label benchmark: real-looking numbers (they must pass ORDER_NUMBER_PATTERN), addresses and
 * lines of the sample catalogue's products.
 */
import { orderItems, orders, products } from '../../src/db/schema';
import type { StoreDb } from '../../src/db/store-db';
import type { OrderStatus } from '../../src/store/orders/state-machine';

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** "HR-261203-" and six characters of the order number alphabet, distinct for each n. */
export function printNumber(n: number, day = '261203'): string {
  let rest = '';
  let v = n;
  for (let i = 0; i < 6; i++) {
    rest = ALPHABET[v % 32]! + rest;
    v = Math.floor(v / 32);
  }
  return `HR-${day}-${rest}`;
}

export interface PrintOrderSpec {
  number: string;
  status: OrderStatus;
  /** How many of the catalogue's products the order has (one line each). */
  lines?: number;
  recipient?: string;
  street?: string;
  note?: string;
}

export async function insertPrintOrders(db: StoreDb, specs: readonly PrintOrderSpec[]): Promise<void> {
  const catalogue = await db.select().from(products).limit(40);
  const paid = (s: OrderStatus) => ['paid', 'processing', 'shipped', 'delivered', 'refunded'].includes(s);
  const rows = await db
    .insert(orders)
    .values(
      specs.map((o) => ({
        number: o.number,
        email: `${o.number.toLowerCase()}@print.example`,
        customerName: o.recipient ?? 'Budi Santoso',
        status: o.status,
        idempotencyKey: `print-${o.number}`,
        shipRecipient: o.recipient ?? 'Budi Santoso',
        shipPhone: '0812 3456 7890',
        shipStreet: o.street ?? 'Jl. Dago No. 10, Coblong',
        shipCity: 'Bandung',
        shipProvince: 'Jawa Barat',
        shipPostalCode: '40135',
        shippingCourier: 'JNE',
        shippingServiceName: 'REG',
        shippingMinDays: 1,
        shippingMaxDays: 2,
        billableKg: 2,
        shippingCost: 18_000,
        shippingCharge: 18_000,
        subtotal: 100_000,
        total: 118_000,
        paymentMethod: 'bank_transfer',
        note: o.note ?? '',
        expiresAt: new Date(Date.now() + 86_400_000),
        paidAt: paid(o.status) ? new Date() : null,
      })),
    )
    .returning({ id: orders.id, number: orders.number });
  const lines = rows.flatMap((row) => {
    const spec = specs.find((s) => s.number === row.number)!;
    return Array.from({ length: spec.lines ?? 2 }, (_, i) => {
      const p = catalogue[i % catalogue.length]!;
      return {
        orderId: row.id,
        productId: p.id,
        productSlug: p.slug,
        name: p.name,
        sku: p.sku,
        brand: p.brand,
        unitPrice: 50_000,
        quantity: (i % 3) + 1,
        lineTotal: 50_000 * ((i % 3) + 1),
      };
    });
  });
  // In slices: one INSERT with thousands of rows would pass PostgreSQL's parameter limit.
  for (let i = 0; i < lines.length; i += 500) await db.insert(orderItems).values(lines.slice(i, i + 500));
}
