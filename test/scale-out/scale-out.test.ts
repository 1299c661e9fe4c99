/**
 * `npm run test:scale-out` (PRODUCT X6): two store and two chat instances on one PostgreSQL and one
 * Redis behind nginx, started by deploy/scale-out/start.sh exactly as an operator would. Each proof
 * goes through nginx, and addresses an instance directly where the point is that another instance
 * did the first half: a login, a cart and an uploaded image made on store A are valid on store B;
 * a chat message sent on chat A reaches chat B; each background job runs once in all; and killing
 * store B (SIGKILL) under a load of checkouts loses no order a customer was told about, and places
 * none twice.
 *
 * Needs TEST_DATABASE_URL, TEST_REDIS_URL (`.ci/services`), nginx and `npm run build`. Without
 * them it is skipped with the reason, except in CI (CI=true), where a skip would hide a broken set-up.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import sharp from 'sharp';
import { io, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STORE_NODE_FLAGS } from '../../src/lib/runtime-flags';
import { multipart } from '../helpers/multipart';
import { type Cluster, Jar, field, metricSum, missingPrerequisites, startCluster } from './cluster';

const ADMIN_EMAIL = 'admin@hurtrock.local';
const ADMIN_PASSWORD = 'marshall-jcm800-gegerkalong';
const METRICS_TOKEN = 'scale-out-metrics-token-0123456789';
const SOCKET_PATH = '/chat/socket.io';
const BIG_STOCK = 100_000;

const missing = missingPrerequisites();
const inCi = ['true', '1'].includes(process.env.CI ?? '');
if (missing.length > 0) console.warn(`scale-out test skipped, missing: ${missing.join('; ')}`);

describe.runIf(missing.length > 0 && inCi)('scale-out in CI', () => {
  it('has what it needs (a skip in CI would hide a broken set-up)', () => {
    expect(missing).toEqual([]);
  });
});

interface ProductJson {
  id: number;
  slug: string;
  name: string;
}

/**
 * A GET or an add-to-cart, read in full, again after a 502/503/504 or a broken connection (both are
 * safe to repeat). A connection can break in the middle of a body too: nginx cannot move a request
 * to another instance once the answer has started, so the browser's user reloads.
 */
async function retrying(send: () => Promise<Response>, attempts = 4): Promise<{ status: number; body: string }> {
  for (let attempt = 1; ; attempt++) {
    try {
      const res = await send();
      const body = await res.text();
      if (![502, 503, 504].includes(res.status) || attempt >= attempts) return { status: res.status, body };
    } catch (error) {
      if (attempt >= attempts) throw error;
    }
    await new Promise((r) => setTimeout(r, 150));
  }
}

interface CheckoutStats {
  /** POST /checkout answers that were not an answer (502/503/504, broken connection), each sent again. */
  resent: number;
}

/**
 * One guest buying one product, as a browser does (token, add, checkout page, place), through
 * `base`. The placing POST is sent again, with the same session and form key, after an answer that
 * is not one; the form key makes that one order. Resolves with the order number once the shop has
 * acknowledged it (303 to the order page).
 */
async function buy(base: string, productId: number, email: string, stats: CheckoutStats = { resent: 0 }): Promise<string> {
  const jar = new Jar(base);
  const tokenRes = await retrying(() => jar.fetch('/keranjang/token', { headers: { accept: 'application/json' } }));
  const { token } = JSON.parse(tokenRes.body) as { token: string };
  const added = await retrying(() =>
    jar.fetch('/keranjang/tambah', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json', 'x-csrf-token': token },
      body: JSON.stringify({ product: productId, quantity: 1 }),
    }),
  );
  if (added.status !== 200) throw new Error(`add to cart: ${added.status} ${added.body}`);
  const page = (await retrying(() => jar.fetch('/checkout'))).body;
  const form = new URLSearchParams({
    _csrf: field(page, '_csrf'),
    key: field(page, 'key'),
    quote: field(page, 'quote'),
    shipping: /name="shipping" id="ship-[^"]+" value="([^"]+)" checked/.exec(page)?.[1] ?? '',
    payment: 'bank_transfer',
    email,
    recipient: 'Raka Overdrive',
    phone: '0812-3456-7890',
    street: 'Jl. Gegerkalong Girang No. 22',
    city: 'Kota Bandung',
    province: 'Jawa Barat',
    postalCode: '40153',
  }).toString();
  for (let attempt = 1; attempt <= 5; attempt++) {
    let res: Response | undefined;
    try {
      res = await jar.fetch('/checkout', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: form });
    } catch {
      // The connection broke: the order may or may not exist; sending the same form again tells.
    }
    const location = res?.headers.get('location') ?? '';
    const number = res?.status === 303 ? /^\/pesanan\/([^/?]+)/.exec(location)?.[1] : undefined;
    if (res && !number && ![502, 503, 504].includes(res.status)) {
      throw new Error(`checkout answered ${res.status} ${location} ${await res.text()}`);
    }
    await res?.body?.cancel().catch(() => {});
    if (number) return number;
    stats.resent++;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`checkout for ${email} got no answer after 5 attempts`);
}

function connect(url: string, token: string, headers: Record<string, string> = {}): Promise<Socket> {
  const socket = io(url, {
    path: SOCKET_PATH,
    transports: ['websocket'],
    reconnection: false,
    forceNew: true,
    auth: { token },
    extraHeaders: headers,
  });
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', (error) => {
      socket.close();
      reject(error);
    });
  });
}

// Payloads untyped: the chat's events are typed in the app, and this test stays outside it.
function nextEvent(socket: Socket, event: string, match: (payload: any) => boolean, ms = 10_000): Promise<any> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ${event} within ${ms} ms`)), ms);
    const handler = (payload: unknown) => {
      if (!match(payload)) return;
      clearTimeout(timer);
      socket.off(event, handler);
      resolve(payload);
    };
    socket.on(event, handler);
  });
}

async function metrics(url: string): Promise<string> {
  const res = await fetch(`${url}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } });
  expect(res.status).toBe(200);
  return res.text();
}

describe.skipIf(missing.length > 0)('two stores and two chats behind nginx (X6)', () => {
  let cluster: Cluster;
  let db: pg.Pool;
  let products: ProductJson[];
  let admin: Jar;
  const sockets: Socket[] = [];
  const store = (i: 0 | 1) => cluster.stores[i]!;

  beforeAll(async () => {
    const started = Date.now();
    cluster = await startCluster({
      env: { SAMPLE_DATA: 'true', ADMIN_EMAIL, ADMIN_PASSWORD, METRICS_TOKEN, LOG_LEVEL: 'warn' },
    });
    console.info(`cluster ready in ${((Date.now() - started) / 1000).toFixed(1)} s at ${cluster.url}`);
    db = new pg.Pool({ connectionString: cluster.databaseUrl, max: 3 });
    // The catalogue as a visitor sees it (through nginx), with each product's id from the database.
    const list = await new Jar(cluster.url).json<{ data: Omit<ProductJson, 'id'>[] }>('/api/v1/products?per_page=12');
    const ids = await db.query<{ id: number; slug: string }>('SELECT id, slug FROM products WHERE slug = ANY($1::text[])', [
      list.data.map((p) => p.slug),
    ]);
    const idOf = new Map(ids.rows.map((r) => [r.slug, Number(r.id)]));
    products = list.data.map((p) => ({ ...p, id: idOf.get(p.slug)! }));
    expect(products.length).toBeGreaterThanOrEqual(4);
    // The orders below must never run out of stock: a refusal is not what this test is about.
    await db.query('UPDATE products SET stock = $1 WHERE id = ANY($2::int[])', [BIG_STOCK, products.map((p) => p.id)]);
  });

  afterAll(async () => {
    for (const s of sockets) s.close();
    await db?.end();
    await cluster?.stop();
  });

  it('runs each store with the V8 flags npm start gives it, and the chats without them', () => {
    const argv = (pid: number) => readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
    for (const s of cluster.stores) expect(argv(s.pid)).toEqual(expect.arrayContaining(STORE_NODE_FLAGS));
    for (const c of cluster.chats) for (const flag of STORE_NODE_FLAGS) expect(argv(c.pid)).not.toContain(flag);
  });

  it('a login made on store A is valid on store B, and through nginx', async () => {
    admin = new Jar(store(0).url);
    const page = await admin.text('/masuk');
    const login = await admin.fetch('/masuk', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ _csrf: field(page, '_csrf'), email: ADMIN_EMAIL, password: ADMIN_PASSWORD }).toString(),
    });
    expect(login.status).toBe(303);
    expect(admin.cookies.has('sid')).toBe(true);

    const onB = await admin.fetch('/admin', { base: store(1).url });
    expect(onB.status).toBe(200);
    expect(await onB.text()).toContain('data-admin-nav="products"');
    // Without the cookie, B sends the visitor to the login page: B really checked the session.
    const stranger = await fetch(`${store(1).url}/admin`, { redirect: 'manual' });
    expect(stranger.status).toBe(303);
    expect(stranger.headers.get('location')).toMatch(/^\/masuk/);
    // Through nginx, whichever instance answers.
    for (let i = 0; i < 4; i++) expect((await admin.fetch('/admin', { base: cluster.url })).status).toBe(200);
  });

  it('a cart built on store A is seen on store B', async () => {
    const product = products[0]!;
    const guest = new Jar(store(0).url);
    const { token } = await guest.json<{ token: string }>('/keranjang/token');
    const added = await guest.fetch('/keranjang/tambah', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json', 'x-csrf-token': token },
      body: JSON.stringify({ product: product.id, quantity: 2 }),
    });
    expect(added.status).toBe(200);
    const onB = await guest.text('/keranjang', { base: store(1).url });
    expect(onB).toContain(`/produk/${product.slug}`);
    const empty = await new Jar(store(1).url).text('/keranjang');
    expect(empty).not.toContain(`/produk/${product.slug}"`);
  });

  it('an image uploaded through store A (admin, with CSRF) is served by store B and through nginx', async () => {
    const product = products[1]!;
    const edit = await admin.text(`/admin/produk/${product.id}`);
    const png = await sharp({ create: { width: 900, height: 600, channels: 3, background: '#ff6b35' } })
      .png()
      .toBuffer();
    const form = multipart([
      { name: '_csrf', value: field(edit, '_csrf') },
      { name: 'images', filename: 'scale-out.png', type: 'image/png', data: png },
    ]);
    const upload = await admin.fetch(`/admin/produk/${product.id}/gambar`, {
      method: 'POST',
      headers: { 'content-type': form.contentType, accept: 'application/json' },
      body: new Uint8Array(form.payload),
    });
    expect(upload.status, await upload.clone().text()).toBe(200);
    expect(await upload.json()).toMatchObject({ ok: true, added: 1 });
    const { rows } = await db.query<{ storage_key: string }>(
      'SELECT storage_key FROM product_images WHERE product_id = $1 ORDER BY id DESC LIMIT 1',
      [product.id],
    );
    const key = rows[0]!.storage_key;

    // B renders the product page with the new photo (it never cached this page) and serves its files.
    const pageOnB = await new Jar(store(1).url).text(`/produk/${product.slug}`);
    const urls = [...new Set([...pageOnB.matchAll(/\/media\/[^"'\s,)]+/g)].map((m) => m[0]).filter((u) => u.includes(key)))];
    expect(urls.length).toBeGreaterThan(0);
    for (const url of urls) {
      for (const base of [store(1).url, cluster.url]) {
        const image = await fetch(base + url);
        expect(image.status, `${base}${url}`).toBe(200);
        expect(image.headers.get('content-type')).toMatch(/^image\//);
        expect((await image.arrayBuffer()).byteLength).toBeGreaterThan(100);
      }
    }
  });

  it('a chat message sent on chat A is received on chat B (and by a socket through nginx)', async () => {
    const guest = new Jar(cluster.url);
    const { csrfToken } = await guest.json<{ csrfToken: string }>('/chat/guest');
    const { token: guestToken } = await guest.json<{ token: string }>('/chat/guest', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-csrf-token': csrfToken },
      body: JSON.stringify({ name: 'Dimas', email: 'dimas@scale-out.test' }),
    });
    const { token: staffToken } = await admin.json<{ token: string }>('/chat/token', { base: cluster.url });

    const [chatA, chatB] = cluster.chats;
    const customer = await connect(chatA!.url, guestToken);
    const staff = await connect(chatB!.url, staffToken);
    // The browser's way in: nginx, with the shop's own Origin.
    const staffViaNginx = await connect(cluster.url, staffToken, { origin: cluster.url });
    sockets.push(customer, staff, staffViaNginx);

    const body = `Apakah Gibson SG masih ada? ${Date.now()}`;
    const onB = nextEvent(staff, 'message:new', (p) => p.message.body === body);
    const viaNginx = nextEvent(staffViaNginx, 'message:new', (p) => p.message.body === body);
    const sent = await customer.timeout(5_000).emitWithAck('message:send', { body });
    expect(sent).toMatchObject({ ok: true });
    const received = await onB;
    expect(received.message.id).toBe(sent.message.id);
    expect((await viaNginx).message.id).toBe(sent.message.id);

    // And back: staff on B answers, the customer on A hears it.
    const answer = nextEvent(customer, 'message:new', (p) => p.message.body === 'Masih, kak!');
    const reply = await staff.timeout(5_000).emitWithAck('message:send', { conversationId: received.conversation.id, body: 'Masih, kak!' });
    expect(reply).toMatchObject({ ok: true });
    await answer;

    // nginx refuses what would break behind it: another site's page, and long-polling (not sticky).
    await expect(connect(cluster.url, staffToken, { origin: 'https://evil.example' })).rejects.toThrow();
    const polling = await fetch(`${cluster.url}${SOCKET_PATH}/?EIO=4&transport=polling`);
    expect(polling.status).toBe(400);
  });

  it('each background job runs once across both instances: the once-per-10-minutes jobs once in all, each email once', async () => {
    // Both instances have been scheduling every job since they started (each looks every second).
    const [a, b] = await Promise.all([metrics(store(0).url), metrics(store(1).url)]);
    const runs = (job: string) =>
      metricSum(a, 'hurtrock_job_duration_seconds_count', { job }) + metricSum(b, 'hurtrock_job_duration_seconds_count', { job });
    expect(runs('purge sessions')).toBe(1);
    expect(runs('prune uploads')).toBe(1);
    // One lease row per job (its primary key), shared by both schedulers.
    const { rows: leases } = await db.query<{ name: string }>('SELECT name FROM job_leases');
    expect(leases.map((l) => l.name)).toEqual(expect.arrayContaining(['email outbox', 'purge sessions', 'prune uploads']));

    // Orders through nginx, so both instances queue confirmation emails; the outbox job sends each once.
    const emails = Array.from({ length: 6 }, (_, i) => `job-${i}-${Date.now()}@scale-out.test`);
    await Promise.all(emails.map((email) => buy(cluster.url, products[2]!.id, email)));
    const deadline = Date.now() + 30_000;
    while ((await db.query(`SELECT 1 FROM email_outbox WHERE status <> 'sent'`)).rowCount! > 0) {
      expect(Date.now(), 'every email sent within 30 s').toBeLessThan(deadline);
      await new Promise((r) => setTimeout(r, 250));
    }
    const files = cluster.stores.flatMap((s) => {
      const dir = path.join(s.dataDir, 'outbox');
      let names: string[] = [];
      try {
        names = readdirSync(dir);
      } catch {
        // this instance sent nothing
      }
      return names.map((name) => readFileSync(path.join(dir, name), 'utf8'));
    });
    const { rows: sent } = await db.query<{ n: string }>(`SELECT count(*) AS n FROM email_outbox WHERE status = 'sent'`);
    expect(files.length).toBe(Number(sent[0]!.n));
    for (const email of emails)
      expect(
        files.filter((f) => f.includes(`To: ${email}`)),
        email,
      ).toHaveLength(1);
  });

  it('SIGKILL of store B under a load of checkouts: every acknowledged order exists, none was placed twice', async () => {
    const product = products[3]!;
    const victim = store(1);
    const stats: CheckoutStats = { resent: 0 };
    const acknowledged: { number: string; email: string; afterKill: boolean }[] = [];
    const failures: string[] = [];
    let killedAt = 0;
    const started = Date.now();
    const LOAD_MS = 9_000;
    const KILL_AFTER_MS = 3_000;

    const worker = async (w: number) => {
      for (let i = 0; Date.now() - started < LOAD_MS; i++) {
        const email = `load-${w}-${i}@scale-out.test`;
        try {
          const number = await buy(cluster.url, product.id, email, stats);
          acknowledged.push({ number, email, afterKill: killedAt > 0 });
        } catch (error) {
          failures.push(`${email}: ${(error as Error).message.slice(0, 300)}`);
        }
      }
    };
    const killer = (async () => {
      await new Promise((r) => setTimeout(r, KILL_AFTER_MS));
      process.kill(victim.pid, 'SIGKILL');
      killedAt = Date.now();
    })();
    await Promise.all([killer, ...Array.from({ length: 12 }, (_, w) => worker(w))]);
    expect(() => process.kill(victim.pid, 0), 'store B is dead').toThrow();

    const { rows: orders } = await db.query<{ number: string; email: string }>(
      `SELECT number, email FROM orders WHERE email LIKE 'load-%@scale-out.test'`,
    );
    const { rows: stock } = await db.query<{ stock: number; sold: string }>(
      `SELECT p.stock, (SELECT coalesce(sum(quantity), 0) FROM order_items WHERE product_id = p.id) AS sold FROM products p WHERE id = $1`,
      [product.id],
    );
    const byNumber = new Map(orders.map((o) => [o.number, o.email]));
    const perEmail = new Map<string, number>();
    for (const o of orders) perEmail.set(o.email, (perEmail.get(o.email) ?? 0) + 1);
    console.info(
      `load: ${acknowledged.length} orders acknowledged (${acknowledged.filter((a) => a.afterKill).length} after the kill), ` +
        `${orders.length} in the database, ${stats.resent} placing POSTs sent again after a 5xx/broken answer, ` +
        `${failures.length} failed checkouts`,
    );

    expect(failures).toEqual([]);
    expect(acknowledged.length).toBeGreaterThan(20);
    expect(acknowledged.some((a) => a.afterKill)).toBe(true);
    // Every order a customer was told about is in the database, under that customer.
    for (const a of acknowledged) expect(byNumber.get(a.number), a.number).toBe(a.email);
    // No customer's checkout became two orders, and no order exists that nobody was told about.
    expect([...perEmail.values()].filter((n) => n > 1)).toEqual([]);
    expect(orders.length).toBe(acknowledged.length);
    // Every order took its unit, once: no half-placed order survived the kill.
    expect(BIG_STOCK - stock[0]!.stock).toBe(Number(stock[0]!.sold));
    // Both instances took orders before the kill (nginx's log names the instance of each request).
    await new Promise((r) => setTimeout(r, 1_500));
    const placed = readFileSync(path.join(cluster.logDir, 'nginx-access.log'), 'utf8')
      .split('\n')
      .filter((line) => line.includes('"POST /checkout '));
    for (const instance of cluster.stores) {
      expect(placed.some((line) => line.includes(`upstream=${instance.url.replace('http://', '')} `))).toBe(true);
    }
    // nginx keeps answering from store A alone.
    for (let i = 0; i < 4; i++) expect((await fetch(`${cluster.url}/readyz`)).status).toBe(200);
  });
});
