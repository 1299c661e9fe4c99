/**
 * C4 customer panel: staff see a chatting customer's contact and recent orders from the store;
 * customers cannot ask for anyone's; guests show only as guests.
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { users } from '../../src/db/schema';
import { formatRupiah } from '../../src/lib/money';
import { dbTargets } from '../helpers/databases';
import { createTestStore, type TestStore } from '../helpers/store-app';
import { createUser, PASSWORD, TestBrowser } from './accounts-client';
import { productBySlug } from './cart-helpers';
import { addToCart, GUEST_ADDRESS, numberFrom, orderByNumber, placeOrder } from './checkout-helpers';

describe.each(dbTargets)('chat customer panel on %s', (target) => {
  let store: TestStore;
  let staff: TestBrowser;
  let customerId: number;

  beforeAll(async () => {
    store = await createTestStore(target);
    await createUser(store.database.db, { email: 'gilang@panel.example', name: 'Gilang', password: PASSWORD });
    await createUser(store.database.db, { email: 'staff@panel.example', role: 'staff', password: PASSWORD });
    customerId = (await store.database.db.select({ id: users.id }).from(users).where(eq(users.email, 'gilang@panel.example')))[0]!.id;
    staff = new TestBrowser(store.app, '203.0.113.150');
    await staff.login('staff@panel.example', PASSWORD);
  });
  afterAll(() => store?.close());

  const panel = (b: TestBrowser, id: string) => b.get(`/admin/chat/pelanggan/${encodeURIComponent(id)}`, { accept: 'application/json' });

  it("shows staff the customer's contact and recent orders", async () => {
    const b = new TestBrowser(store.app, '203.0.113.151');
    await b.login('gilang@panel.example', PASSWORD);
    await addToCart(store.app, b, (await productBySlug(store.database.db, 'yamaha-f310')).id, 1);
    const number = numberFrom((await placeOrder(b, { ...GUEST_ADDRESS })).location);
    const order = await orderByNumber(store.database.db, number);

    const res = await panel(staff, `user:${customerId}`);
    expect(res.status).toBe(200);
    expect(res.headers['cache-control']).toContain('no-store');
    const json = JSON.parse(res.body);
    expect(json).toMatchObject({ kind: 'customer', name: 'Gilang', email: 'gilang@panel.example', ordersTotal: 1 });
    expect(json.orders).toEqual([
      expect.objectContaining({ number, url: `/pesanan/${number}`, status: 'Menunggu pembayaran', total: formatRupiah(order!.total) }),
    ]);
  });

  it('guests and unknown ids', async () => {
    expect(JSON.parse((await panel(staff, 'guest:abcdefghijklmnopqrstuvwx')).body).kind).toBe('guest');
    expect((await panel(staff, 'user:999999')).status).toBe(404);
    expect(JSON.parse((await panel(staff, 'user:1 OR 1=1')).body).kind).toBe('guest');
  });

  it('is for staff only', async () => {
    const b = new TestBrowser(store.app, '203.0.113.152');
    await b.login('gilang@panel.example', PASSWORD);
    expect((await panel(b, `user:${customerId}`)).status).toBe(403);
    const anon = new TestBrowser(store.app, '203.0.113.153');
    expect((await panel(anon, `user:${customerId}`)).status).toBe(401);
  });
});
