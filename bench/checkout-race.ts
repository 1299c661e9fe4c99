/**
 * Checkout under contention (P2): `buyers` guests each put the same guitar in their cart and
 * open the checkout page; then all of them press "place order" at the same moment while only
 * `units` are in stock. Reports how many orders were created (must equal `units`), the latency
 * of the racing POSTs and their rate. Needs PostgreSQL (the stock is set directly in the DB).
 */
import pg from 'pg';

export interface RaceResult {
  buyers: number;
  units: number;
  ordersCreated: number;
  stockAfter: number;
  refused: number;
  errors: number;
  p50: number;
  p99: number;
  reqPerSec: number;
  /** The same POSTs at once to a bare route that only answers a redirect (bench/ceiling-server.ts). */
  floor?: { p50: number; p99: number; reqPerSec: number };
}

class Buyer {
  private cookies = new Map<string, string>();
  constructor(private base: string) {}

  private remember(res: Response) {
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const eq = pair!.indexOf('=');
      this.cookies.set(pair!.slice(0, eq), pair!.slice(eq + 1));
    }
  }

  async fetch(path: string, init: RequestInit = {}): Promise<Response> {
    const res = await fetch(this.base + path, {
      redirect: 'manual',
      ...init,
      headers: { cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; '), ...(init.headers as Record<string, string>) },
    });
    this.remember(res);
    return res;
  }
}

const field = (html: string, name: string) => new RegExp(`name="${name}" value="([^"]*)"`).exec(html)?.[1] ?? '';

/** Every buyer sends its form at the same moment; latencies in ms, sorted. */
async function pressAtOnce(forms: { buyer: Buyer; body: string }[], send: (form: { buyer: Buyer; body: string }) => Promise<Response>) {
  const started = performance.now();
  const answers = await Promise.all(
    forms.map(async (form) => {
      const t0 = performance.now();
      const res = await send(form);
      await res.arrayBuffer();
      return { ms: performance.now() - t0, status: res.status, location: res.headers.get('location') ?? '' };
    }),
  );
  const wall = (performance.now() - started) / 1000;
  const sorted = answers.map((a) => a.ms).sort((a, b) => a - b);
  const pct = (p: number) => Math.round(sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!);
  return { answers, p50: pct(50), p99: pct(99), reqPerSec: forms.length / wall };
}

export async function checkoutRace(base: string, databaseUrl: string, buyers = 500, units = 10, floorBase?: string): Promise<RaceResult> {
  const db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    const { rows } = await db.query<{ id: number }>("SELECT id FROM products WHERE slug = 'ibanez-rg550-genesis'");
    const productId = rows[0]!.id;
    await db.query('UPDATE products SET stock = $1 WHERE id = $2', [units, productId]);

    // Preparation (not measured): a cart and an open checkout page per buyer, 25 at a time.
    const forms: { buyer: Buyer; body: string }[] = [];
    for (let i = 0; i < buyers; i += 25) {
      await Promise.all(
        Array.from({ length: Math.min(25, buyers - i) }, async (_, j) => {
          const buyer = new Buyer(base);
          const { token } = (await (await buyer.fetch('/keranjang/token')).json()) as { token: string };
          await buyer.fetch('/keranjang/tambah', {
            method: 'POST',
            headers: { 'content-type': 'application/json', accept: 'application/json', 'x-csrf-token': token },
            body: JSON.stringify({ product: productId, quantity: 1 }),
          });
          const html = await (await buyer.fetch('/checkout')).text();
          const shipping = /name="shipping" id="ship-[^"]+" value="([^"]+)" checked/.exec(html)?.[1] ?? '';
          const body = new URLSearchParams({
            _csrf: field(html, '_csrf'),
            key: field(html, 'key'),
            quote: field(html, 'quote'),
            shipping,
            payment: 'bank_transfer',
            email: `bench${i + j}@race.example`,
            recipient: 'Bench Buyer',
            phone: '081234567890',
            street: 'Jl. Benchmark No. 1',
            city: 'Kota Bandung',
            province: 'Jawa Barat',
            postalCode: '40115',
          }).toString();
          forms.push({ buyer, body });
        }),
      );
    }

    // The race: every buyer presses the button at once.
    const post = (target: string) => (form: { buyer: Buyer; body: string }) =>
      target === base
        ? form.buyer.fetch('/checkout', {
            method: 'POST',
            headers: { 'content-type': 'application/x-www-form-urlencoded' },
            body: form.body,
          })
        : fetch(`${target}/checkout`, {
            method: 'POST',
            redirect: 'manual',
            headers: { 'content-type': 'application/x-www-form-urlencoded' },
            body: form.body,
          });
    const race = await pressAtOnce(forms, post(base));
    const floor = floorBase ? await pressAtOnce(forms, post(floorBase)) : undefined;
    const { answers } = race;
    const { rows: after } = await db.query<{ stock: number }>('SELECT stock FROM products WHERE id = $1', [productId]);
    return {
      buyers,
      units,
      ordersCreated: answers.filter((a) => a.status === 303 && a.location.startsWith('/pesanan/')).length,
      refused: answers.filter((a) => a.status === 409 || a.location.startsWith('/keranjang')).length,
      errors: answers.filter((a) => a.status >= 500).length,
      stockAfter: after[0]!.stock,
      p50: race.p50,
      p99: race.p99,
      reqPerSec: race.reqPerSec,
      floor: floor && { p50: floor.p50, p99: floor.p99, reqPerSec: floor.reqPerSec },
    };
  } finally {
    await db.end();
  }
}
