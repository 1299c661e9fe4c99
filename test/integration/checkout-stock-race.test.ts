/**
 * P2 for the buyer who loses: the units go to another buyer between the checkout page and the
 * "place order" post. The loser is answered at once and lightly — 303 to the cart with the stock
 * notice, or a 409 `out_of_stock` for a script — with no order, no movement and no units taken.
 * Both places a loser is caught are driven here: the unlocked read before the transaction (on
 * both databases) and the update that takes the units inside it (PostgreSQL: a competing
 * transaction holds the product's row until the order's update waits on it).
 */
import { eq, SQL, sql } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import type pg from 'pg';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, onTestFinished } from 'vitest';
import { rowsOf } from '../../src/db/connection';
import { orders } from '../../src/db/schema';
import type { StoreDb } from '../../src/db/store-db';
import { translator } from '../../src/lib/i18n';
import { buildStoreApp } from '../../src/store/app';
import { dbTargets } from '../helpers/databases';
import { queriesDuring } from '../helpers/query-log';
import { createTestStore, type TestStore } from '../helpers/store-app';
import { TestBrowser } from './accounts-client';
import { productBySlug, setProduct } from './cart-helpers';
import { addToCart, checkoutFields, GUEST_ADDRESS, movementsSum, placeOrder, stockOf } from './checkout-helpers';

const t = translator('id');
/** What a script is told when the units went to other buyers. */
const STOCK_PROBLEM = t('checkout.problem.stock');
/** The cart page's notice after such a checkout (/keranjang?pesan=stok). */
const STOCK_FLASH = t('cart.flash.stockTaken');
const PRICE_PROBLEM = t('checkout.problem.price');

/** The cart page shows the stock flash as a warning (it is no success, and nothing was removed). */
function expectStockWarning(html: string) {
  expect(html).toContain(STOCK_FLASH);
  const alert = new RegExp(`<div class="alert alert-(\\w+)"[^>]*>${STOCK_FLASH.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`).exec(html);
  expect(alert?.[1]).toBe('warning');
}

const dialect = new PgDialect();

/**
 * Runs `meanwhile` once, right before the checkout's unlocked read of the shelf (the stock
 * repository's `onSale` query): after the route has computed its quote from the cart, before the
 * order is placed — the moment another buyer's order can commit unseen. `fired()` says whether it ran.
 */
function beforeShelfRead(db: StoreDb, meanwhile: () => Promise<unknown>) {
  const original = db.execute;
  let fired = false;
  const patched = async (query: SQL) => {
    if (!fired && query instanceof SQL && dialect.sqlToQuery(query).sql.includes('p.stock FROM products p JOIN categories c')) {
      fired = true;
      await meanwhile();
    }
    return original.call(db, query);
  };
  (db as unknown as { execute: unknown }).execute = patched;
  return {
    fired: () => fired,
    restore: () => {
      delete (db as unknown as { execute?: unknown }).execute;
    },
  };
}

async function ordersFor(db: StoreDb, email: string) {
  return db.select({ id: orders.id }).from(orders).where(eq(orders.email, email));
}

async function orderCount(db: StoreDb): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(orders);
  return Number(row!.n);
}

describe.each(dbTargets)('checkout when the units go to another buyer on %s', (target) => {
  let store: TestStore;
  let db: StoreDb;
  let guitar: Awaited<ReturnType<typeof productBySlug>>;
  let ip = 1;
  let shelfHook: ReturnType<typeof beforeShelfRead> | undefined;
  /** PostgreSQL: the other transaction holding the guitar's row (released after each test, even a failed one). */
  let competitor: pg.PoolClient | undefined;

  beforeAll(async () => {
    store = await createTestStore(target);
    db = store.database.db;
    guitar = await productBySlug(db, 'ibanez-rg550-genesis');
  });
  afterAll(() => store?.close());
  beforeEach(() => setProduct(db, guitar.id, { stock: 3, price: guitar.price }));
  afterEach(async () => {
    shelfHook?.restore();
    shelfHook = undefined;
    await competitor?.query('ROLLBACK').catch(() => {});
    competitor?.release();
    competitor = undefined;
  });

  /** A guest with `quantity` guitars in the cart and the checkout page open: the form it would post. */
  async function buyerAtCheckout(quantity: number, email: string) {
    const b = new TestBrowser(store.app, `198.51.100.${ip++}`);
    await addToCart(store.app, b, guitar.id, quantity);
    const page = await b.get('/checkout');
    expect(page.status).toBe(200);
    const form = { ...checkoutFields(page.body), payment: 'bank_transfer', email, ...GUEST_ADDRESS };
    return { b, form };
  }

  it('another buyer’s order takes the units after the page was shown: 303 to the cart with the notice, no order', async () => {
    const loser = await buyerAtCheckout(3, 'late@race.example');
    const movementsBefore = await movementsSum(db, guitar.id);
    const ordersBefore = await orderCount(db);

    // Between this buyer's quote (3 in stock, the cart agrees) and the placing, another buyer's order
    // takes 2, through another instance of the store (its own processes' memory, the same database):
    // this instance's reads of the shelf leave one batch at a time, and this buyer's is held here.
    const elsewhere = await buildStoreApp({ config: store.config, database: store.database, logger: false });
    onTestFinished(() => elsewhere.close());
    shelfHook = beforeShelfRead(db, async () => {
      const winner = new TestBrowser(elsewhere, `198.51.100.${ip++}`);
      await addToCart(elsewhere, winner, guitar.id, 2);
      const won = await placeOrder(winner, { email: 'first@race.example', ...GUEST_ADDRESS });
      expect(won.status).toBe(303);
      expect(won.location).toMatch(/^\/pesanan\//);
    });
    const res = await loser.b.post('/checkout', loser.form);
    expect(shelfHook.fired()).toBe(true);
    expect(res.status).toBe(303);
    expect(res.location).toBe('/keranjang?pesan=stok');

    // Only the winner's order exists; this buyer took nothing.
    expect(await ordersFor(db, 'late@race.example')).toEqual([]);
    expect(await orderCount(db)).toBe(ordersBefore + 1);
    expect(await stockOf(db, guitar.id)).toBe(1);
    expect((await movementsSum(db, guitar.id)) - movementsBefore).toBe(-2);

    // The cart page says why, and holds what is left.
    const cart = await loser.b.get(res.location!);
    expect(cart.status).toBe(200);
    expectStockWarning(cart.body);
    expect(cart.body).toContain(guitar.name);
    // Sending the adjusted cart again places it with the units that are left.
    const again = await placeOrder(loser.b, { email: 'late@race.example', ...GUEST_ADDRESS });
    expect(again.status).toBe(303);
    expect(again.location).toMatch(/^\/pesanan\//);
    expect(await stockOf(db, guitar.id)).toBe(0);
  });

  it('the same post from a script (accept: application/json) gets a 409 out_of_stock, and nothing changes', async () => {
    const loser = await buyerAtCheckout(2, 'script@race.example');
    const movementsBefore = await movementsSum(db, guitar.id);
    const ordersBefore = await orderCount(db);

    // The units went elsewhere meanwhile (the shop's own sale, entered straight into the database).
    shelfHook = beforeShelfRead(db, () => setProduct(db, guitar.id, { stock: 1 }));
    const res = await loser.b.post('/checkout', loser.form, { accept: 'application/json' });
    expect(shelfHook.fired()).toBe(true);
    expect(res.status).toBe(409);
    expect(String(res.headers['content-type'])).toContain('application/json');
    const body = JSON.parse(res.body) as { error: { code: string; message: string; fields?: Record<string, string> } };
    expect(body.error).toMatchObject({ code: 'out_of_stock', message: STOCK_PROBLEM });

    expect(await ordersFor(db, 'script@race.example')).toEqual([]);
    expect(await orderCount(db)).toBe(ordersBefore);
    expect(await stockOf(db, guitar.id)).toBe(1);
    expect(await movementsSum(db, guitar.id)).toBe(movementsBefore);
  });

  it('a buyer whose guitars sold out before the click hears it from one read of the cart, in four round trips', async () => {
    const loser = await buyerAtCheckout(2, 'sold-out@race.example');
    // Warm: the couriers and settings checkout reads are kept for a second, as under a race.
    await store.app.inject({ url: '/checkout' });
    await setProduct(db, guitar.id, { stock: 0 });
    let res: Awaited<ReturnType<typeof loser.b.post>> | undefined;
    const seen = await queriesDuring(store, async () => {
      res = await loser.b.post('/checkout', loser.form);
    });
    expect(res!.status).toBe(303);
    expect(res!.location).toBe('/keranjang?pesan=habis');
    // The session, the cart's lines (with its id and images), taking the sold-out line out, and
    // whether this form placed an order a moment ago (a double click on the last units).
    expect(seen).toHaveLength(4);
    expect(seen[0]).toMatch(/from "sessions"/);
    expect(seen[1]).toMatch(/from "carts" inner join "cart_items"/);
    expect(seen[2]).toMatch(/^\s*DELETE FROM cart_items ci USING unnest/);
    expect(seen[3]).toMatch(/from "orders" where "orders"."idempotency_key"/);
    expect(await ordersFor(db, 'sold-out@race.example')).toEqual([]);
  });

  it('a double click that took the last guitars: the second post goes to the order, not to "sold out"', async () => {
    await setProduct(db, guitar.id, { stock: 2 });
    const buyer = await buyerAtCheckout(2, 'double-last@race.example');
    const first = await buyer.b.post('/checkout', buyer.form);
    expect(first.status).toBe(303);
    expect(first.location).toMatch(/^\/pesanan\//);
    // The second click is read between the first's commit and its lines leaving the cart: the line
    // is still there, and its product now has no stock.
    // (This buyer's guest cart is the newest: each test's buyers are made one after another.)
    const [cartRow] = rowsOf<{ id: number }>(await db.execute(sql`SELECT id FROM carts ORDER BY id DESC LIMIT 1`));
    await db.execute(sql`INSERT INTO cart_items (cart_id, product_id, quantity, price_seen, stock_seen)
      VALUES (${cartRow!.id}, ${guitar.id}, 2, ${guitar.price}, 2)`);
    const second = await buyer.b.post('/checkout', buyer.form);
    expect(second.status).toBe(303);
    expect(second.location!.split('?')[0]).toBe(first.location!.split('?')[0]);
    expect(await ordersFor(db, 'double-last@race.example')).toHaveLength(1);
  });

  describe.runIf(target === 'postgres')('caught by the update inside the transaction', () => {
    /**
     * Another transaction changes the guitar's row and holds it; the checkout is posted, reads the
     * shelf as it was (unlocked, not blocked), writes its order and waits on the row in its update;
     * then the other transaction commits. Answers the checkout's response.
     */
    async function postWhileRowIsHeld(post: () => Promise<{ status: number; location?: string; body: string }>, change: string) {
      const pool = (db as unknown as { $client: pg.Pool }).$client;
      competitor = await pool.connect();
      await competitor.query('BEGIN');
      await competitor.query(`UPDATE products SET ${change}, updated_at = now() WHERE id = $1`, [guitar.id]);
      const answer = post();
      // Wait until the order's update of the guitar's row waits on the competitor's lock (asked on
      // another connection: inside a transaction, pg_stat_activity is a snapshot that never moves).
      for (let i = 0; ; i++) {
        const waiting = await pool.query(
          `SELECT count(*)::int AS n FROM pg_stat_activity
           WHERE datname = current_database() AND wait_event_type = 'Lock' AND query LIKE '%WITH taken AS%'`,
        );
        if (waiting.rows[0].n > 0) break;
        if (i > 500) throw new Error('the checkout never waited on the product row');
        await new Promise((r) => setTimeout(r, 20));
      }
      await competitor.query('COMMIT');
      return answer;
    }

    it('the units went while the order was being written: rolled back, 303 with the notice, no order', async () => {
      const loser = await buyerAtCheckout(3, 'locked@race.example');
      const ordersBefore = await orderCount(db);
      const movementsBefore = await movementsSum(db, guitar.id);

      const res = await postWhileRowIsHeld(() => loser.b.post('/checkout', loser.form), 'stock = stock - 2');
      expect(res.status).toBe(303);
      expect(res.location).toBe('/keranjang?pesan=stok');
      // The order, its items, event and email were written in the transaction that rolled back.
      expect(await ordersFor(db, 'locked@race.example')).toEqual([]);
      expect(await orderCount(db)).toBe(ordersBefore);
      expect(await stockOf(db, guitar.id)).toBe(1);
      expect(await movementsSum(db, guitar.id)).toBe(movementsBefore);
      expectStockWarning((await loser.b.get(res.location!)).body);
    });

    it('the same from a script: 409 out_of_stock', async () => {
      const loser = await buyerAtCheckout(3, 'locked-script@race.example');
      const res = await postWhileRowIsHeld(
        () => loser.b.post('/checkout', loser.form, { accept: 'application/json' }),
        'stock = stock - 1',
      );
      expect(res.status).toBe(409);
      expect(JSON.parse(res.body).error).toMatchObject({ code: 'out_of_stock', message: STOCK_PROBLEM });
      expect(await ordersFor(db, 'locked-script@race.example')).toEqual([]);
      expect(await stockOf(db, guitar.id)).toBe(2);
    });

    it('the price moved while the order was being written, the units are there: the page again with the new price', async () => {
      const loser = await buyerAtCheckout(1, 'repriced@race.example');
      const res = await postWhileRowIsHeld(() => loser.b.post('/checkout', loser.form), 'price = price + 50000');
      expect(res.status).toBe(409);
      expect(res.body).toContain(PRICE_PROBLEM);
      expect(await ordersFor(db, 'repriced@race.example')).toEqual([]);
      expect(await stockOf(db, guitar.id)).toBe(3);
    });
  });
});
